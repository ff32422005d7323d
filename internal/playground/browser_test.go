package playground

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser tests drive the page in a real Chromium, one browser for the
// whole package with a tab for each test.

// envScreenshots names the directory the browser tests save their
// screenshots in; without it each test saves them in its own temporary
// directory, removed when it ends.
const envScreenshots = "PLAYGROUND_SCREENSHOTS"

// envChromium names the Chromium to run instead of the first of
// chromiumNames found on PATH.
const envChromium = "PLAYGROUND_CHROMIUM"

var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Viewport of every tab, in CSS pixels.
const viewportWidth, viewportHeight = 1100, 860

// stepTimeout bounds each wait for the page.
const stepTimeout = 15 * time.Second

var browser struct {
	once    sync.Once
	ctx     context.Context // has started the browser
	cancel  func()
	dataDir string
	missing string // why there is no browser to run
	err     error
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	if browser.dataDir != "" {
		os.RemoveAll(browser.dataDir)
	}
	os.Exit(code)
}

func chromiumPath() string {
	if p := os.Getenv(envChromium); p != "" {
		return p
	}
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startBrowser starts the package's Chromium, headless, with a fresh
// profile and without the background traffic a closed network makes slow.
func startBrowser() {
	path := chromiumPath()
	if path == "" {
		browser.missing = fmt.Sprintf("no Chromium found: none of %s is on PATH and %s is not set; install it, on Debian with apt-get install chromium",
			strings.Join(chromiumNames, ", "), envChromium)
		return
	}
	dir, err := os.MkdirTemp("", "playground-chromium-")
	if err != nil {
		browser.err = err
		return
	}
	browser.dataDir = dir
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(viewportWidth, viewportHeight),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	browser.ctx = ctx
	browser.cancel = func() { cancel(); acancel() }
	start := time.Now()
	if err := chromedp.Do(ctx); err != nil {
		browser.err = fmt.Errorf("starting %s: %w", path, err)
		return
	}
	fmt.Fprintf(os.Stderr, "playground browser tests: started %s in %v\n", path, time.Since(start).Round(time.Millisecond))
}

// page is one tab of the browser, showing a playground.
type page struct {
	t    *testing.T
	ctx  context.Context
	sent *recorder
}

// recorder keeps the bodies the page posts to the API, by path.
type recorder struct {
	mu     sync.Mutex
	bodies map[string][][]byte
}

// wrap returns h, recording the bodies posted to it.
func (rec *recorder) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			body, err := io.ReadAll(io.LimitReader(r.Body, maxRequest+1))
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			rec.mu.Lock()
			rec.bodies[r.URL.Path] = append(rec.bodies[r.URL.Path], body)
			rec.mu.Unlock()
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		h.ServeHTTP(w, r)
	})
}

// all returns the bodies posted to path.
func (rec *recorder) all(path string) [][]byte {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return slices.Clone(rec.bodies[path])
}

// last returns the last body posted to path, decoded into v.
func (rec *recorder) last(t *testing.T, path string, v any) {
	t.Helper()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	bodies := rec.bodies[path]
	if len(bodies) == 0 {
		t.Fatalf("the page posted nothing to %s", path)
	}
	if err := json.Unmarshal(bodies[len(bodies)-1], v); err != nil {
		t.Fatalf("the page posted to %s what does not decode: %v\n%s", path, err, bodies[len(bodies)-1])
	}
}

// openPage serves h and opens it in a new tab. Where there is no Chromium
// the test is skipped, except in CI, where it fails.
func openPage(t *testing.T, h http.Handler) *page {
	t.Helper()
	browser.once.Do(startBrowser)
	if browser.missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI runs the browser tests: %s", browser.missing)
		}
		t.Skipf("skipping the browser test: %s", browser.missing)
	}
	if browser.err != nil {
		t.Fatal(browser.err)
	}
	rec := &recorder{bodies: map[string][][]byte{}}
	srv := httptest.NewServer(rec.wrap(h))
	t.Cleanup(srv.Close)

	ctx, cancel := chromedp.NewContext(browser.ctx)
	t.Cleanup(cancel)
	p := &page{t: t, ctx: ctx, sent: rec}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(viewportWidth, viewportHeight),
		chromedp.Navigate(srv.URL),
	); err != nil {
		t.Fatalf("opening the playground: %v", err)
	}
	p.waitJS(`document.body.dataset.ready === 'true'`, "the page to start")
	return p
}

// do runs actions, failing the test when one fails or takes too long.
func (p *page) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.fail("%s: %v", what, err)
	}
}

// fail saves a screenshot of the page as it is, then fails the test.
func (p *page) fail(format string, args ...any) {
	p.t.Helper()
	p.screenshot("failure")
	p.t.Fatalf(format, args...)
}

// waitJS waits until the JavaScript expression js is true.
func (p *page) waitJS(js, what string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		p.fail("waiting for %s (%s): %v", what, js, err)
	}
}

// eval returns the value of the JavaScript expression js.
func eval[T any](p *page, js string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		p.fail("evaluating %s: %v", js, err)
	}
	return v
}

// typeLine types text into the message box, as a person would.
func (p *page) typeLine(text string) {
	p.t.Helper()
	p.do("typing "+text, chromedp.SendKeys(chromedp.ID("input"), text))
}

// send types text into the message box and presses Enter.
func (p *page) send(text string) {
	p.t.Helper()
	p.typeLine(text + "\r")
}

// waitIdle waits until the page has the answers to all it sent.
func (p *page) waitIdle() {
	p.t.Helper()
	p.waitJS(`!document.getElementById('messages').hasAttribute('aria-busy')`, "the answers to what the page sent")
}

// messageCount is the number of messages shown.
func (p *page) messageCount() int {
	p.t.Helper()
	return eval[int](p, `document.querySelectorAll('#messages .msg').length`)
}

// waitMessages waits until n messages are shown.
func (p *page) waitMessages(n int) {
	p.t.Helper()
	p.waitJS(fmt.Sprintf(`document.querySelectorAll('#messages .msg').length >= %d`, n), fmt.Sprintf("%d messages", n))
}

// lastText is the text of the part sel of the last message, or "" when
// it has none.
func (p *page) lastText(sel string) string {
	p.t.Helper()
	return eval[string](p, fmt.Sprintf(`(() => { const m = [...document.querySelectorAll('#messages .msg')].pop();
		const e = m && m.querySelector(%q); return e ? e.textContent : ''; })()`, sel))
}

// replyLine is the line above the last message that says which command
// it answers: "You used /quote".
func (p *page) replyLine() string {
	p.t.Helper()
	return strings.Join([]string{p.lastText(".msg-reply .reply-author"), p.lastText(".msg-reply .reply-used"), p.lastText(".msg-reply .reply-command")}, " ")
}

// click clicks the element that the JavaScript expression js returns, as
// a mouse would.
func (p *page) click(what, js string) {
	p.t.Helper()
	p.waitJS(fmt.Sprintf(`!!(%s)`, js), what)
	p.do("clicking "+what, chromedp.Click(chromedp.JSPath(js)))
}

// screenshot saves what the tab shows as NAME.png among the artifacts,
// and returns its path.
func (p *page) screenshot(name string) string {
	p.t.Helper()
	dir := os.Getenv(envScreenshots)
	if dir == "" {
		dir = p.t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		p.t.Errorf("saving a screenshot: %v", err)
		return ""
	}
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Errorf("taking a screenshot: %v", err)
		return ""
	}
	file := strings.NewReplacer("/", "-", " ", "-").Replace(p.t.Name()) + "-" + name + ".png"
	path := filepath.Join(dir, file)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Errorf("saving a screenshot: %v", err)
		return ""
	}
	if os.Getenv(envScreenshots) == "" {
		p.t.Logf("screenshot %s (set %s=DIR to keep the screenshots)", path, envScreenshots)
	} else {
		p.t.Logf("screenshot %s", path)
	}
	return path
}

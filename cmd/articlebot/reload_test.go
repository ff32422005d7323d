package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/discordtest"
	"github.com/articlebot/articlebot/internal/fetch"
	"github.com/articlebot/articlebot/internal/interaction"
	"github.com/bwmarrin/discordgo"
)

// Two articles for the reload tests, in the plain-text form an operator
// writes: front matter, then a paragraph per line.
const (
	ferryText = `---
title: "Ferry service to return to the old harbour"
---
The council voted on Tuesday to bring back a ferry between the old harbour and the island.
"People on the island have waited long enough," said Mara Lind, who chairs the transport committee.
The ferry will sail every hour in summer, the council said.
Harbour master Tomas Reed said the pier needed new railings. "We will be ready by June," he said.
Ana Petrov, who runs a bakery on the quay, said the council had not explained where visitors would park.
`
	railwayText = `---
title: "Mountain railway reopens after storm repairs"
---
The mountain railway reopened on Saturday after three months of repairs.
"The engineers worked through the snow," said Ilse Brandt, the railway's director.
Trains will run four times a day until the autumn, the operator said.
Councillor Omar Haddad said the railway brought thousands of visitors to the valley.
"It saves us a long climb," said Jonas Weber, who leads walking tours.
`
)

// replaceArticle writes text to path, as an operator replaces the article.
func replaceArticle(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// parseText parses an article as the run loads it.
func parseText(t testing.TB, text string) *article.Article {
	t.Helper()
	a, err := article.Parse(strings.NewReader(text))
	if err != nil {
		t.Fatalf("article.Parse: %v", err)
	}
	return a
}

// hangup asks a run to reload as SIGHUP does: a request is dropped when
// one is already waiting to be taken.
func hangup(reloads chan<- os.Signal) {
	select {
	case reloads <- syscall.SIGHUP:
	default:
	}
}

// commandPayload returns the interaction of the chat command name with
// the string options opts (name, value, name, value...), as Discord sends
// it.
func commandPayload(t testing.TB, name string, opts ...string) map[string]any {
	t.Helper()
	p := loadInteraction(t, "summary")
	var options []map[string]any
	for k := 0; k+1 < len(opts); k += 2 {
		options = append(options, map[string]any{"name": opts[k], "type": 3, "value": opts[k+1]})
	}
	data := map[string]any{"id": "6000000000000000001", "name": name, "type": 1}
	if options != nil {
		data["options"] = options
	}
	p["data"] = data
	return p
}

// answerOn dispatches payload to the run against f, waits for its answer
// and checks that it is exactly what a bot answering from a gives. It
// returns the answer's body.
func answerOn(t *testing.T, f *discordtest.Discord, a *article.Article, payload map[string]any) []byte {
	t.Helper()
	id := f.Interact(t, forRegistered(f, "global", payload))
	cb := f.WaitAnswered(t, id)
	want, err := bot.MarshalResponse(testBot(t, a).Respond(context.Background(), decodeInteractionJSON(t, f.Interaction(id).Payload)))
	if err != nil {
		t.Fatal(err)
	}
	if canonicalJSON(t, cb.Body) != canonicalJSON(t, want) {
		t.Errorf("answer = %s\nwant what a bot with the article %q answers: %s", cb.Body, a.Meta.Title, want)
	}
	return cb.Body
}

// getBody returns the status and body of GET url.
func getBody(t *testing.T, url string) (int, string) {
	t.Helper()
	code, _, body := httpDo(t, http.MethodGet, url, "", nil)
	return code, body
}

// TestE2EReload checks the gateway mode's reload: a new article answers
// once it is loaded, without registering the commands again, since their
// definitions are the same; a press on a button drawn before the reload
// says that the article has changed; and a file that cannot be used is
// refused, the old article answering on, with /readyz and /metrics saying
// so.
func TestE2EReload(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "article.txt")
	replaceArticle(t, path, ferryText)
	ferry, railway := parseText(t, ferryText), parseText(t, railwayText)

	f := discordtest.New(t)
	reloads := make(chan os.Signal, 1)
	b := startBot(t, f, map[string]string{envArticleFile: path, envMetricsAddr: "127.0.0.1:0"}, withReloads(reloads))
	f.WaitStarted(t, 1)
	ops := "http://" + b.addr(t, serverMetrics)

	page1 := answerOn(t, f, ferry, commandPayload(t, "find", "query", "said"))
	next, ok := nextButtonIn(t, page1)
	if !ok {
		t.Fatalf("/find said on the ferry article has no Next button: %s", page1)
	}

	replaceArticle(t, path, railwayText)
	hangup(reloads)
	waitLog(t, b, "reload requested", "article reloaded", "Mountain railway reopens after storm repairs", "paragraphs=5", "source="+path,
		"the commands are unchanged by the reload: not registering them again")
	answerOn(t, f, railway, commandPayload(t, "about"))
	press := answerOn(t, f, railway, buttonPress(t, page1, next))
	if !strings.Contains(string(press), "made from another version of the article") {
		t.Errorf("Next on an answer from before the reload = %s, want it to say the answer is from another version of the article", press)
	}
	if n := len(f.Requests(discordtest.RouteGlobalCommands)); n != 1 {
		t.Errorf("%d registrations of the commands, want the 1 at start-up: the reload changed no definition", n)
	}
	if code, body := getBody(t, ops+"/readyz"); code != http.StatusOK || !strings.HasPrefix(body, "ready: article of 5 paragraphs, loaded ") || strings.Contains(body, "failed") {
		t.Errorf("/readyz after the reload = %d %q, want ready with the railway article", code, body)
	}

	replaceArticle(t, path, "")
	hangup(reloads)
	waitLog(t, b, "reload refused: the bot keeps answering from the article it had", "the article is empty")
	answerOn(t, f, railway, commandPayload(t, "about"))
	if code, body := getBody(t, ops+"/readyz"); code != http.StatusOK || !strings.Contains(body, "failed, so this article still answers") {
		t.Errorf("/readyz after a refused reload = %d %q, want ready, saying the reload failed", code, body)
	}
	_, metrics := getBody(t, ops+"/metrics")
	for _, want := range []string{`articlebot_article_reloads_total{result="ok"} 1`, `articlebot_article_reloads_total{result="error"} 1`, "articlebot_article_loaded_timestamp_seconds "} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics has no %q", want)
		}
	}
	if err := b.stop(t); err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
}

// titledCommands returns the bot's commands with /about described by the
// title of the article, as commands whose definitions depend on the
// article would be.
func titledCommands(b *bot.Bot) []*discordgo.ApplicationCommand {
	var out []*discordgo.ApplicationCommand
	for _, c := range b.Commands() {
		if c.Name == "about" {
			cp := *c
			cp.Description = "About " + b.Article().Meta.Title
			c = &cp
		}
		out = append(out, c)
	}
	return out
}

// TestE2EReloadRegisters checks that a reload that changes the commands'
// definitions registers them again with one bulk overwrite, and that a
// reload that does not change them registers nothing.
func TestE2EReloadRegisters(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "article.txt")
	replaceArticle(t, path, ferryText)
	f := discordtest.New(t)
	reloads := make(chan os.Signal, 1)
	b := startBot(t, f, map[string]string{envArticleFile: path}, withReloads(reloads), withCommandsOf(titledCommands))
	f.WaitStarted(t, 1)
	aboutOf := func(body []byte) string {
		t.Helper()
		var cmds []discordgo.ApplicationCommand
		if err := json.Unmarshal(body, &cmds); err != nil {
			t.Fatalf("a registration sent %s: %v", body, err)
		}
		for _, c := range cmds {
			if c.Name == "about" {
				return c.Description
			}
		}
		t.Fatalf("a registration without /about: %s", body)
		return ""
	}
	regs := f.Requests(discordtest.RouteGlobalCommands)
	if got := aboutOf(regs[0].Body); got != "About Ferry service to return to the old harbour" {
		t.Fatalf("/about registered at start-up as %q, want the ferry article's", got)
	}

	replaceArticle(t, path, railwayText)
	hangup(reloads)
	waitLog(t, b, "the commands changed with the article: registered them again", "commands=6")
	regs = f.Requests(discordtest.RouteGlobalCommands)
	if len(regs) != 2 {
		t.Fatalf("%d registrations, want 2: one at start-up and one bulk overwrite after the reload", len(regs))
	}
	if got := aboutOf(regs[1].Body); got != "About Mountain railway reopens after storm repairs" || !regs[1].OK() {
		t.Errorf("/about registered after the reload as %q (status %d), want the railway article's", got, regs[1].Status)
	}

	hangup(reloads)
	waitLog(t, b, "the commands are unchanged by the reload")
	if n := len(f.Requests(discordtest.RouteGlobalCommands)); n != 2 {
		t.Errorf("%d registrations after a reload of the same article, want still 2", n)
	}

	// A registration Discord refuses is tried again on the next reload,
	// even of the same article.
	f.SetRESTFault(func(r discordtest.Request) *discordtest.Reply {
		if r.Pattern == discordtest.RouteGlobalCommands {
			return &discordtest.Reply{Status: http.StatusBadRequest, Header: http.Header{"Content-Type": {"application/json"}},
				Body: `{"message": "Invalid Form Body", "code": 50035}`}
		}
		return nil
	})
	replaceArticle(t, path, ferryText)
	hangup(reloads)
	waitLog(t, b, "registering the changed commands failed: Discord keeps the ones it had; the next reload tries again")
	f.SetRESTFault(nil)
	hangup(reloads)
	f.WaitFor(t, "a fourth registration, answered", func(r *discordtest.Records) bool {
		answered := 0
		for _, q := range r.Requests {
			if q.Pattern == discordtest.RouteGlobalCommands && q.Status != 0 {
				answered++
			}
		}
		return answered == 4
	})
	if regs = f.Requests(discordtest.RouteGlobalCommands); regs[2].OK() || !regs[3].OK() ||
		aboutOf(regs[3].Body) != "About Ferry service to return to the old harbour" {
		t.Errorf("registrations after a refused one: %d then %d, /about as %q; want refused, then the ferry article's",
			regs[2].Status, regs[3].Status, aboutOf(regs[3].Body))
	}
	if err := b.stop(t); err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
}

// TestE2EReloadOtherShard checks that a shard other than 0 registers no
// commands on a reload that changes them, leaving that to shard 0, answers
// from the new article, and counts the commands Discord holds as those
// registered last, not those it left to shard 0.
func TestE2EReloadOtherShard(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "article.txt")
	replaceArticle(t, path, ferryText)
	f := discordtest.New(t)
	reloads := make(chan os.Signal, 1)
	b := startBot(t, f, map[string]string{envArticleFile: path, envShardID: "1", envShardCount: "2"},
		withReloads(reloads), withCommandsOf(titledCommands))
	waitLog(t, b, "ready; not registering the commands")

	replaceArticle(t, path, railwayText)
	hangup(reloads)
	waitLog(t, b, "article reloaded", "the commands changed with the article: shard 0 registers them when it reloads the article")
	answerOn(t, f, parseText(t, railwayText), commandPayload(t, "about"))

	// Shard 0 may not have reloaded: the commands registered are still
	// the first article's, so going back to it changes nothing.
	replaceArticle(t, path, ferryText)
	hangup(reloads)
	waitLog(t, b, "Ferry service to return to the old harbour", "the commands are unchanged by the reload: not registering them again")
	if n := len(f.Requests("PUT ")); n != 0 {
		t.Errorf("shard 1 made %d registrations, want none; requests:\n%s", n, f.Summary(20))
	}
	if err := b.stop(t); err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
}

// serveRun is a run of "articlebot serve" whose log can be read while it
// runs.
type serveRun struct {
	cancel context.CancelFunc
	done   chan error
	log    *syncBuffer
	addrs  chan string
	base   string // the interactions server's URL, once it listens
}

// startServe runs "articlebot serve" with vars and opts until the test
// ends, and waits until it listens.
func startServe(t *testing.T, vars map[string]string, opts ...option) *serveRun {
	t.Helper()
	r := runServe(t, vars, opts...)
	r.waitListening(t)
	return r
}

// runServe starts "articlebot serve" with vars and opts, until the test
// ends.
func runServe(t *testing.T, vars map[string]string, opts ...option) *serveRun {
	t.Helper()
	env := serveVars()
	for k, v := range vars {
		env[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &serveRun{cancel: cancel, done: make(chan error, 1), log: &syncBuffer{}}
	addrs := make(chan string, 1)
	opts = append([]option{withEnvFile(""), withListening(func(name string, addr net.Addr) {
		if name == serverInteractions {
			addrs <- "http://" + addr.String()
		}
	})}, opts...)
	go func() { r.done <- run(ctx, []string{"serve"}, mapEnv(env), io.Discard, r.log, opts...) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(discordtest.WaitTimeout):
			t.Errorf("articlebot serve did not return %v after the test ended", discordtest.WaitTimeout)
		}
		if t.Failed() {
			t.Logf("articlebot's log:\n%s", r.log.String())
		}
	})
	r.addrs = addrs
	return r
}

func (r *serveRun) waitListening(t *testing.T) {
	t.Helper()
	select {
	case r.base = <-r.addrs:
	case err := <-r.done:
		t.Fatalf("serve returned %v before it listened\nlog:\n%s", err, r.log.String())
	case <-time.After(discordtest.WaitTimeout):
		t.Fatalf("serve did not listen within %v\nlog:\n%s", discordtest.WaitTimeout, r.log.String())
	}
}

// waitLog waits until the run's log holds every string of want, or fails
// the test.
func (r *serveRun) waitLog(t *testing.T, want ...string) {
	t.Helper()
	waitUntil(t, func() bool {
		log := r.log.String()
		for _, w := range want {
			if !strings.Contains(log, w) {
				return false
			}
		}
		return true
	}, "the log to show %q:\n%s", want, r.log)
}

// waitReloads waits until the run's log shows n reloads of the article.
func (r *serveRun) waitReloads(t *testing.T, n int) {
	t.Helper()
	waitUntil(t, func() bool { return strings.Count(r.log.String(), "article reloaded") == n }, "%d reloads:\n%s", n, r.log)
}

// stop cancels the run, as SIGTERM does, and returns its error.
func (r *serveRun) stop(t *testing.T) error {
	t.Helper()
	r.cancel()
	select {
	case err := <-r.done:
		r.done <- err
		return err
	case <-time.After(discordtest.WaitTimeout):
		t.Fatalf("serve did not return within %v of its cancellation\nlog:\n%s", discordtest.WaitTimeout, r.log.String())
		return nil
	}
}

// about asks the run /about, signed as Discord signs it, and returns the
// body of the answer.
func (r *serveRun) about(t *testing.T) string {
	t.Helper()
	body, err := interaction.Command("6000000000000000001", "about").JSON()
	if err != nil {
		t.Fatal(err)
	}
	code, _, answer := httpDo(t, http.MethodPost, r.base+"/interactions", string(body), signedHeaders(testSigner, string(body)))
	if code != http.StatusOK {
		t.Fatalf("POST /interactions /about = %d %s", code, answer)
	}
	return answer
}

// wantLine checks that the last line of log holding mark also holds want.
func wantLine(t *testing.T, log, mark, want string) {
	t.Helper()
	var line string
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, mark) {
			line = l
		}
	}
	if !strings.Contains(line, want) {
		t.Errorf("the log line with %q = %q, want it to hold %q", mark, line, want)
	}
}

// waitUntil polls cond until it holds, or fails the test with the message
// format and args.
func waitUntil(t *testing.T, cond func() bool, format string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(discordtest.WaitTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for "+format, append([]any{discordtest.WaitTimeout}, args...)...)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestServeReload checks the HTTP mode's reload: the new article answers,
// a file that cannot be used is refused, and the log says what happened,
// and what changed.
func TestServeReload(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "article.txt")
	replaceArticle(t, path, ferryText)
	ferryPrint := testBot(t, parseText(t, ferryText)).Fingerprint()
	railwayPrint := testBot(t, parseText(t, railwayText)).Fingerprint()
	reloads := make(chan os.Signal, 1)
	r := startServe(t, map[string]string{envArticleFile: path}, withReloads(reloads))
	r.waitLog(t, "serving Discord interactions", "fingerprint="+ferryPrint)
	if got := r.about(t); !strings.Contains(got, "Ferry service to return") {
		t.Fatalf("/about = %s, want the ferry article", got)
	}
	replaceArticle(t, path, railwayText)
	hangup(reloads)
	r.waitLog(t, "the commands are unchanged by the reload")
	wantLine(t, r.log.String(), "article reloaded", `changed=title,fingerprint title="Mountain railway reopens after storm repairs" paragraphs=5 `+
		`fingerprint=`+railwayPrint+` previous_title="Ferry service to return to the old harbour" previous_fingerprint=`+ferryPrint+` source=`+path)
	if got := r.about(t); !strings.Contains(got, "Mountain railway reopens") {
		t.Errorf("/about after the reload = %s, want the railway article", got)
	}

	// One paragraph more; the same title.
	replaceArticle(t, path, railwayText+"Tickets can be bought on the train.\n")
	longer := testBot(t, parseText(t, railwayText+"Tickets can be bought on the train.\n")).Fingerprint()
	hangup(reloads)
	r.waitReloads(t, 2)
	wantLine(t, r.log.String(), "fingerprint="+longer, `changed=paragraphs,fingerprint title="Mountain railway reopens after storm repairs" paragraphs=6 `+
		`fingerprint=`+longer+` previous_paragraphs=5 previous_fingerprint=`+railwayPrint+` source=`+path)

	// The same text again: the buttons drawn from it keep working.
	hangup(reloads)
	r.waitReloads(t, 3)
	wantLine(t, r.log.String(), "changed=nothing", `changed=nothing title="Mountain railway reopens after storm repairs" paragraphs=6 fingerprint=`+longer+` source=`+path)

	replaceArticle(t, path, "\x00\x01 not text")
	hangup(reloads)
	r.waitLog(t, "reload refused", "not UTF-8")
	wantLine(t, r.log.String(), "reload refused", "source="+path+" fingerprint="+longer+" err=")
	if got := r.about(t); !strings.Contains(got, "Mountain railway reopens") {
		t.Errorf("/about after a refused reload = %s, want the railway article still", got)
	}
	if code, body := getBody(t, r.base+"/readyz"); code != http.StatusOK || !strings.Contains(body, "failed") {
		t.Errorf("/readyz after a refused reload = %d %q, want ready, saying the reload failed", code, body)
	}
	if err := r.stop(t); err != nil {
		t.Fatalf("serve after cancel = %v, want nil", err)
	}
}

// gatedLoader is an article loader for the run whose loads, from the
// first to block, wait until they are let through.
type gatedLoader struct {
	mu      sync.Mutex
	calls   int
	block   int // the first call that waits
	entered chan int
	gate    chan struct{}
	text    string
}

func newGatedLoader(block int, text string) *gatedLoader {
	return &gatedLoader{block: block, entered: make(chan int, 100), gate: make(chan struct{}), text: text}
}

func (l *gatedLoader) load(string) (*article.Article, error) {
	l.mu.Lock()
	l.calls++
	n := l.calls
	l.mu.Unlock()
	l.entered <- n
	if n >= l.block {
		<-l.gate
	}
	return article.Parse(strings.NewReader(l.text))
}

func (l *gatedLoader) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.calls
}

// waitEntered waits for load call n to begin.
func (l *gatedLoader) waitEntered(t *testing.T, n int) {
	t.Helper()
	timeout := time.After(discordtest.WaitTimeout)
	for {
		select {
		case got := <-l.entered:
			if got == n {
				return
			}
		case <-timeout:
			t.Fatalf("load %d never began", n)
		}
	}
}

// TestReloadRequestsDuringStartUp checks that requests to reload during
// start-up neither stop it nor are lost: they make one reload once the run
// is serving.
func TestReloadRequestsDuringStartUp(t *testing.T) {
	t.Parallel()
	l := newGatedLoader(1, ferryText)
	reloads := make(chan os.Signal, 1)
	r := runServe(t, map[string]string{envArticleFile: "article.txt"}, withReloads(reloads), withArticleLoader(l.load))
	l.waitEntered(t, 1)
	hangup(reloads)
	hangup(reloads)
	close(l.gate)
	r.waitListening(t)
	r.waitLog(t, "article reloaded")
	if err := r.stop(t); err != nil {
		t.Fatalf("serve after cancel = %v, want nil", err)
	}
	if n := l.count(); n != 2 {
		t.Errorf("the article was loaded %d times, want 2: at start-up, and once for the requests made meanwhile", n)
	}
}

// TestReloadRequestsCoalesce checks that requests to reload made during a
// reload make one more reload after it, not one each, and that reloads
// never overlap.
func TestReloadRequestsCoalesce(t *testing.T) {
	t.Parallel()
	l := newGatedLoader(2, railwayText)
	reloads := make(chan os.Signal)
	r := startServe(t, map[string]string{envArticleFile: "article.txt"}, withReloads(reloads), withArticleLoader(l.load))
	reloads <- syscall.SIGHUP
	l.waitEntered(t, 2)
	// Each send returns once the run has taken the request, but the run
	// may not yet have joined it to the one due: the log says when it has.
	// The first of the five is the one due, the other four join it.
	for range 5 {
		reloads <- syscall.SIGHUP
	}
	const joined = "reload requested while one is due; they make one reload"
	waitUntil(t, func() bool { return strings.Count(r.log.String(), joined) == 4 }, "4 requests joined to the one due:\n%s", r.log)
	if n := l.count(); n != 2 {
		t.Errorf("%d loads began while the first reload waited, want 2: reloads overlap", n)
	}
	close(l.gate)
	r.waitReloads(t, 2)
	if err := r.stop(t); err != nil {
		t.Fatalf("serve after cancel = %v, want nil", err)
	}
	if n := l.count(); n != 3 {
		t.Errorf("the article was loaded %d times, want 3: at start-up, the first reload, and one for the 5 requests made during it", n)
	}
}

// TestShutdownDuringSlowReload checks that SIGTERM during the reload of an
// article from a URL that is slow to answer shuts the run down at once,
// without waiting for the page.
func TestShutdownDuringSlowReload(t *testing.T) {
	t.Parallel()
	var gets atomic.Int32
	reloading := make(chan struct{})
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if gets.Add(1) > 1 {
			close(reloading)
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, ferryText)
	}))
	defer srv.Close()
	defer close(release)

	reloads := make(chan os.Signal, 1)
	r := startServe(t, map[string]string{envArticleURL: srv.URL + "/story.txt"}, withReloads(reloads))
	hangup(reloads)
	select {
	case <-reloading:
	case <-time.After(discordtest.WaitTimeout):
		t.Fatal("the reload never asked for the page")
	}
	// The reload waits for the page: the bot is ready, with the article
	// it has, and says that it reloads.
	if code, body := getBody(t, r.base+"/readyz"); code != http.StatusOK || !strings.Contains(body, "; reloading since ") {
		t.Errorf("/readyz during the reload = %d %q, want ready, saying that a reload runs", code, body)
	}
	if got := r.about(t); !strings.Contains(got, "Ferry service to return") {
		t.Errorf("/about during the reload = %s, want the ferry article", got)
	}
	start := time.Now()
	if err := r.stop(t); err != nil {
		t.Fatalf("serve after cancel = %v, want nil", err)
	}
	t.Logf("serve returned %v after its cancellation, during the reload", time.Since(start).Round(time.Millisecond))
	if !strings.Contains(r.log.String(), "reload stopped: shutting down") {
		t.Errorf("the log does not say the reload stopped:\n%s", r.log)
	}
	if strings.Contains(r.log.String(), "reload refused") {
		t.Errorf("a reload stopped by shutdown was logged as refused:\n%s", r.log)
	}
}

// TestSIGHUP sends the process real SIGHUPs, during start-up and after,
// and checks that serve reloads on each rather than ending. It does not
// run in parallel, so that no other test's run takes the signals.
func TestSIGHUP(t *testing.T) {
	l := newGatedLoader(1, ferryText)
	r := runServe(t, map[string]string{envArticleFile: "article.txt"}, withArticleLoader(l.load))
	l.waitEntered(t, 1)
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	close(l.gate)
	r.waitListening(t)
	r.waitLog(t, "reload requested", "signal=hangup", "article reloaded")
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	r.waitReloads(t, 2)
	if err := r.stop(t); err != nil {
		t.Fatalf("serve after cancel = %v, want nil", err)
	}
	if n := l.count(); n != 3 {
		t.Errorf("the article was loaded %d times, want 3", n)
	}
}

// TestPlayReloads checks that the playground answers from the article
// reloaded, and names it as the channel's topic once the page is loaded
// again.
func TestPlayReloads(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "article.txt")
	replaceArticle(t, path, ferryText)
	reloads := make(chan os.Signal, 1)
	r := startBackground(t, nil, []string{"play", "--addr", "127.0.0.1:0", "--article", path}, withReloads(reloads))
	base := "http://" + r.addr(t, serverPlayground)
	title := func() string {
		t.Helper()
		code, _, body := httpDo(t, http.MethodGet, base+"/api/app", "", nil)
		var app struct{ Title string }
		if err := json.Unmarshal([]byte(body), &app); code != http.StatusOK || err != nil {
			t.Fatalf("GET /api/app = %d %v", code, err)
		}
		return app.Title
	}
	if got := title(); got != "Ferry service to return to the old harbour" {
		t.Fatalf("the playground's title = %q, want the ferry article's", got)
	}
	replaceArticle(t, path, railwayText)
	hangup(reloads)
	waitUntil(t, func() bool { return title() == "Mountain railway reopens after storm repairs" }, "the railway article's title")
	h := http.Header{"Content-Type": {"application/json"}}
	if code, _, body := httpDo(t, http.MethodPost, base+"/api/interactions", summaryBody, h); code != http.StatusOK || !strings.Contains(body, "railway") {
		t.Errorf("POST /api/interactions with /summary after the reload = %d %s, want the railway article's summary", code, body)
	}
	r.cancel()
	if res := r.wait(t); res.err != nil || !strings.Contains(res.stderr, "article reloaded") {
		t.Errorf("play = %v, want nil, and a log saying the article was reloaded:\n%s", res.err, res.stderr)
	}
}

// TestServeReloadFromURL checks that a reload fetches the article's URL
// within the bounds of the fetch at start-up: a page too large, of a type
// the bot does not read, behind too many redirects or not found is
// refused with the reason in the log, and the article the bot had keeps
// answering.
func TestServeReloadFromURL(t *testing.T) {
	t.Parallel()
	var mode atomic.Value
	mode.Store("ferry")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch mode.Load().(string) {
		case "ferry":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			io.WriteString(w, ferryText)
		case "railway":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			io.WriteString(w, railwayText)
		case "too large":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			page := "<html><body><p>" + strings.Repeat("The ferry sails at noon. ", article.MaxPageSize/25+1) + "</p></body></html>"
			io.WriteString(w, page)
		case "pdf":
			w.Header().Set("Content-Type", "application/pdf")
			io.WriteString(w, "%PDF-1.7")
		case "redirects":
			http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
		case "gone":
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	reloads := make(chan os.Signal, 1)
	r := startServe(t, map[string]string{envArticleURL: srv.URL + "/story"}, withReloads(reloads))
	mode.Store("railway")
	hangup(reloads)
	r.waitReloads(t, 1)
	if got := r.about(t); !strings.Contains(got, "Mountain railway reopens") {
		t.Fatalf("/about after the reload from the URL = %s, want the railway article", got)
	}

	tests := []struct {
		mode, why string
	}{
		{"too large", fetch.ErrTooLarge.Error()},
		{"pdf", fetch.ErrContentType.Error()},
		{"redirects", fetch.ErrTooManyRedirects.Error()},
		{"gone", "404 Not Found"},
	}
	for k, tt := range tests {
		mode.Store(tt.mode)
		hangup(reloads)
		waitUntil(t, func() bool { return strings.Count(r.log.String(), "reload refused") == k+1 }, "refusal %d:\n%s", k+1, r.log)
		wantLine(t, r.log.String(), "reload refused", tt.why)
		if got := r.about(t); !strings.Contains(got, "Mountain railway reopens") {
			t.Errorf("/about after a reload from a page %s = %s, want the railway article still", tt.mode, got)
		}
	}
	if err := r.stop(t); err != nil {
		t.Fatalf("serve after cancel = %v, want nil", err)
	}
}

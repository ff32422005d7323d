package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/discordtest"
	"github.com/articlebot/articlebot/internal/gateway"
)

// fakeOptions are the run options that send a run's REST calls and
// gateway connection to the fake f, and keep it from reading a .env file.
func fakeOptions(f *discordtest.Discord) []option {
	return []option{withHTTPClient(f.Client()), withDialer(f.Dialer()), withEnvFile("")}
}

// --- running articlebot against the fake -------------------------------------------

// syncBuffer is a bytes.Buffer that may be written and read concurrently:
// the run writes its log while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// botRun is one run of "articlebot run" against a fake Discord, on a
// goroutine of its own.
type botRun struct {
	cancel context.CancelFunc
	done   chan struct{}
	err    error // set when done is closed
	log    *syncBuffer
	stdout *syncBuffer
	start  time.Time
	addrs  chan string // "name=host:port" as each HTTP server listens
}

// testBackoff keeps the waits between reconnections short, so that the
// tests of reconnection do not sleep through a second each.
var testBackoff = gateway.Backoff{First: 50 * time.Millisecond, Max: 200 * time.Millisecond}

// startBot runs articlebot (the run subcommand, through run, exactly as
// main does) against f. Its environment is DISCORD_TOKEN=discordtest.BotToken and
// LOG_LEVEL=debug, changed by vars (an empty value unsets a variable); opts
// come after the fake's options. [botRun.addr] tells where the run's HTTP
// servers listen. When the test ends the run is cancelled and waited for,
// and its log is checked for the token.
func startBot(t testing.TB, f *discordtest.Discord, vars map[string]string, opts ...option) *botRun {
	t.Helper()
	env := map[string]string{envToken: discordtest.BotToken, envLogLevel: "debug"}
	for k, v := range vars {
		env[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	b := &botRun{cancel: cancel, done: make(chan struct{}), log: &syncBuffer{}, stdout: &syncBuffer{}, start: time.Now(),
		addrs: make(chan string, 4)}
	all := append(fakeOptions(f), withReadyTimeout(10*time.Second), withBackoff(testBackoff), withListening(func(name string, addr net.Addr) {
		b.addrs <- name + "=" + addr.String()
	}))
	all = append(all, opts...)
	go func() {
		defer close(b.done)
		// Every goroutine the run starts, and the goroutines they start,
		// carry the run's label, so that a test can count what the run
		// left behind while other tests run beside it.
		pprof.Do(ctx, pprof.Labels(runLabel, t.Name()), func(ctx context.Context) {
			b.err = run(ctx, []string{"run"}, mapEnv(env), b.stdout, b.log, all...)
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-b.done:
		case <-time.After(discordtest.WaitTimeout):
			t.Errorf("articlebot run did not return %v after the test ended", discordtest.WaitTimeout)
			return
		}
		checkNoSecrets(t, "the log", b.log.String())
		checkNoSecrets(t, "stdout", b.stdout.String())
		if b.err != nil {
			checkNoSecrets(t, "run's error", b.err.Error())
		}
		if t.Failed() {
			t.Logf("articlebot's log:\n%s", b.log.String())
		}
	})
	return b
}

// runLabel is the profiler label whose value names the test a run of
// articlebot belongs to.
const runLabel = "articlebot-run"

// runGoroutines returns the number of goroutines of the run started by the
// test called name, and their stacks.
func runGoroutines(name string) (int, string) {
	var buf bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&buf, 1); err != nil {
		return -1, err.Error()
	}
	// The profile lists each stack once, after the number of goroutines
	// with it, and then their labels.
	want := fmt.Sprintf("%q:%q", runLabel, name)
	n := 0
	for _, rec := range strings.Split(buf.String(), "\n\n") {
		if !strings.Contains(rec, "# labels: ") || !strings.Contains(rec, want) {
			continue
		}
		var count int
		fmt.Sscanf(rec, "%d @", &count)
		n += count
	}
	return n, buf.String()
}

// checkNoSecrets fails the test when s, named what, shows the bot token, a
// part of it, or an interaction token.
func checkNoSecrets(t testing.TB, what, s string) {
	t.Helper()
	for _, secret := range []string{discordtest.BotToken, discordtest.TokenSecret, discordtest.InteractionSecret} {
		if strings.Contains(s, secret) {
			t.Errorf("%s shows a token:\n%s", what, s)
			return
		}
	}
}

// stop cancels the run, as SIGTERM does, and returns run's error.
func (b *botRun) stop(t testing.TB) error {
	t.Helper()
	b.cancel()
	return b.wait(t)
}

// wait waits for run to return and returns its error.
func (b *botRun) wait(t testing.TB) error {
	t.Helper()
	select {
	case <-b.done:
		return b.err
	case <-time.After(discordtest.WaitTimeout):
		t.Fatalf("articlebot run did not return within %v\nlog:\n%s", discordtest.WaitTimeout, b.log.String())
		return nil
	}
}

// addr waits for the run's HTTP server name to listen and returns its
// address; it fails the test when the run ends first.
func (b *botRun) addr(t testing.TB, name string) string {
	t.Helper()
	timeout := time.After(discordtest.WaitTimeout)
	for {
		select {
		case a := <-b.addrs:
			if n, addr, _ := strings.Cut(a, "="); n == name {
				return addr
			}
		case <-b.done:
			t.Fatalf("run returned %v before the %s server listened\nlog:\n%s", b.err, name, b.log.String())
		case <-timeout:
			t.Fatalf("the %s server never listened", name)
		}
	}
}

// returned reports whether run has returned.
func (b *botRun) returned() bool {
	select {
	case <-b.done:
		return true
	default:
		return false
	}
}

// testBot returns a bot answering about a, or about the embedded article
// when a is nil, with the default options.
func testBot(t testing.TB, a *article.Article) *bot.Bot {
	t.Helper()
	b, err := bot.New(a)
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	return b
}

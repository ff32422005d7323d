package gateway

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/internal/discordtest"
	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

func TestBackoffWaits(t *testing.T) {
	b := Backoff{First: time.Second, Max: 5 * time.Second}
	tests := []struct {
		attempt int
		want    time.Duration // the wait before jitter
	}{
		{1, time.Second}, {2, 2 * time.Second}, {3, 4 * time.Second}, {4, 5 * time.Second}, {40, 5 * time.Second},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.attempt), func(t *testing.T) {
			seen := map[time.Duration]bool{}
			for range 100 {
				got := b.wait(tt.attempt)
				if got < tt.want/2 || got >= tt.want {
					t.Fatalf("wait(%d) = %v, want it in [%v, %v)", tt.attempt, got, tt.want/2, tt.want)
				}
				seen[got] = true
			}
			if len(seen) < 2 {
				t.Errorf("wait(%d) gave %v every time; want jittered waits", tt.attempt, seen)
			}
		})
	}
}

func TestJitter(t *testing.T) {
	for _, d := range []time.Duration{0, 1, 2, time.Second, time.Minute} {
		t.Run(d.String(), func(t *testing.T) {
			lo := d / 2
			if d < 2 {
				lo = d
			}
			for range 200 {
				got := jitter(d)
				if got < lo || got > d || (d >= 2 && got == d) {
					t.Fatalf("jitter(%v) = %v, want it in [%v, %v)", d, got, lo, d)
				}
			}
		})
	}
}

func TestFatal(t *testing.T) {
	restErr := func(code int) error {
		return &discordgo.RESTError{Response: &http.Response{StatusCode: code, Status: http.StatusText(code)}}
	}
	tests := []struct {
		name     string
		err      error
		rejected bool
		refused  int // the close code a *RefusedError carries
	}{
		{"4004", &websocket.CloseError{Code: 4004}, true, 0},
		{"wrapped 4004", fmt.Errorf("open: %w", &websocket.CloseError{Code: 4004}), true, 0},
		{"401", restErr(401), true, 0},
		{"4010", &websocket.CloseError{Code: 4010}, false, 4010},
		{"4014", &websocket.CloseError{Code: 4014}, false, 4014},
		{"4000", &websocket.CloseError{Code: 4000}, false, 0},
		{"502", restErr(502), false, 0},
		{"network", errors.New("dial tcp: connection refused"), false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Fatal(tt.err)
			var refused *RefusedError
			switch {
			case tt.rejected && !errors.Is(got, ErrTokenRejected):
				t.Errorf("Fatal(%v) = %v, want ErrTokenRejected", tt.err, got)
			case tt.refused != 0 && (!errors.As(got, &refused) || refused.Code != tt.refused):
				t.Errorf("Fatal(%v) = %v, want a *RefusedError with code %d", tt.err, got, tt.refused)
			case !tt.rejected && tt.refused == 0 && got != nil:
				t.Errorf("Fatal(%v) = %v, want nil: retrying may succeed", tt.err, got)
			}
		})
	}
}

// fakeClock is a clock whose waits between attempts end when the test says
// so, and whose other waits (the ready timeout, the grace given to an
// abandoned attempt) never end. It records each wait between attempts.
type fakeClock struct {
	mu      sync.Mutex
	waits   []time.Duration
	forever time.Duration  // the ready timeout
	fire    chan time.Time // every wait between attempts ends when a time is sent here
}

func (c *fakeClock) after(d time.Duration) <-chan time.Time {
	if d == c.forever || d == openGrace {
		return nil
	}
	c.mu.Lock()
	c.waits = append(c.waits, d)
	c.mu.Unlock()
	return c.fire
}

// waitAsked waits until the session has asked for n waits.
func (c *fakeClock) waitAsked(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(discordtest.WaitTimeout)
	for len(c.asked()) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the session asked for %d waits, want %d", len(c.asked()), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func (c *fakeClock) asked() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.waits...)
}

// TestReconnectBacksOff drops the connection while the gateway refuses new
// ones and checks that the session waits longer after each failed attempt,
// as the injected backoff says, on the injected clock, and reconnects once
// the gateway is back.
func TestReconnectBacksOff(t *testing.T) {
	f := discordtest.New(t)
	s, err := discordgo.New("Bot " + discordtest.BotToken)
	if err != nil {
		t.Fatal(err)
	}
	s.Client, s.Dialer, s.LogLevel = f.Client(), f.Dialer(), -1
	clock := &fakeClock{forever: time.Hour, fire: make(chan time.Time)}
	backoff := Backoff{First: 100 * time.Second, Max: 400 * time.Second}
	g := New(s, Options{Backoff: backoff, After: clock.after, ReadyTimeout: time.Hour})

	// The clock stays still while the first connection opens.
	if _, err := g.Start(context.Background()); err != nil {
		t.Fatalf("Start: %v", err)
	}
	defer g.Close()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- g.Serve(ctx) }()

	f.RefuseConnections(true)
	f.LiveConn(t).Drop()
	// Each attempt first waits; let four attempts fail. An attempt has
	// failed once the session asks for the wait before the next one.
	for n := 1; n <= 4; n++ {
		clock.waitAsked(t, n)
		clock.fire <- time.Now()
	}
	clock.waitAsked(t, 5)
	f.RefuseConnections(false)
	clock.fire <- time.Now()
	f.WaitFor(t, "a resume", func(r *discordtest.Records) bool { return len(r.Resumes) == 1 && r.Live != 0 })
	cancel()
	if err := <-served; err != nil {
		t.Errorf("Serve after cancel = %v, want nil", err)
	}

	retries := clock.asked()
	if len(retries) < 5 {
		t.Fatalf("waits before reconnecting = %v, want at least 5", retries)
	}
	ceilings := []time.Duration{100, 200, 400, 400, 400}
	for i, c := range ceilings {
		if hi := c * time.Second; retries[i] < hi/2 || retries[i] >= hi {
			t.Errorf("wait before attempt %d = %v, want it in [%v, %v)", i+1, retries[i], hi/2, hi)
		}
	}
}

// TestStartGivesUpOnASilentGateway checks that a gateway that accepts the
// connection and says nothing is given up on at the ready timeout.
func TestStartGivesUpOnASilentGateway(t *testing.T) {
	f := discordtest.New(t)
	f.MuteConnections(1)
	s, _ := discordgo.New("Bot " + discordtest.BotToken)
	s.Client, s.Dialer, s.LogLevel = f.Client(), f.Dialer(), -1
	g := New(s, Options{ReadyTimeout: 100 * time.Millisecond})
	_, err := g.Start(context.Background())
	if err == nil || !strings.Contains(err.Error(), "within 100ms") {
		t.Fatalf("Start = %v, want it to give up within the ready timeout", err)
	}
}

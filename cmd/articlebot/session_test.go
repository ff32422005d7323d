package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// These tests start the gateway mode against a minimal Discord on loopback:
// enough to check start-up, one answer, shutdown and the rejected-token
// paths. The full fake Discord with faults and load lives in the end-to-end
// tests.

const (
	testToken = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.secret-part-of-the-test-token-0123456789"
	testAppID = "1000000000000000001"
)

// recorded is one REST request the fake received.
type recorded struct {
	method, path string
	auth         string
	body         []byte
}

// fakeDiscord is a loopback Discord: REST on an httptest server and the
// gateway on the same server's /gateway.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	rejectREST      bool          // answer every REST call with 401
	closeOnIdentify int           // close the gateway with this code instead of READY
	closeOnResume   int           // close the gateway with this code instead of RESUMED
	holdCallbacks   chan struct{} // when set, callbacks wait until it is closed
	callbackStarted chan struct{} // when set, receives a value as each callback arrives

	mu         sync.Mutex
	identifies []map[string]any
	resumes    int
	puts       []recorded
	putc       chan recorded // receives each PUT as it arrives
	callbacks  chan recorded
	conns      chan *fakeConn // gateway connections that are READY or RESUMED
}

// fakeConn is one gateway connection of the fake.
type fakeConn struct {
	mu   sync.Mutex
	ws   *websocket.Conn
	seq  int
	done chan struct{} // closed when the client has gone
}

func (c *fakeConn) send(t *testing.T, v map[string]any) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if op, _ := v["op"].(int); op == 0 {
		c.seq++
		v["s"] = c.seq
	}
	if err := c.ws.WriteJSON(v); err != nil {
		t.Errorf("fake gateway: writing %v: %v", v["t"], err)
	}
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	f := &fakeDiscord{t: t, putc: make(chan recorded, 16), callbacks: make(chan recorded, 16), conns: make(chan *fakeConn, 4)}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serveHTTP))
	t.Cleanup(f.srv.Close)
	return f
}

// options makes a run's REST calls go to the fake.
func (f *fakeDiscord) options() []option {
	target, _ := url.Parse(f.srv.URL)
	return []option{
		withHTTPClient(&http.Client{Transport: redirectTransport{target}}),
		withDialer(&websocket.Dialer{HandshakeTimeout: 5 * time.Second}),
		withEnvFile(""),
	}
}

type redirectTransport struct{ target *url.URL }

func (r redirectTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = r.target.Scheme, r.target.Host
	return http.DefaultTransport.RoundTrip(req)
}

func (f *fakeDiscord) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.TrimSuffix(r.URL.Path, "/") == "/gateway" {
		f.serveGateway(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	rec := recorded{r.Method, r.URL.Path, r.Header.Get("Authorization"), body}
	if f.rejectREST {
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"message": "401: Unauthorized", "code": 0}`)
		return
	}
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/api/v9/gateway":
		fmt.Fprintf(w, `{"url": "ws%s/gateway"}`, strings.TrimPrefix(f.srv.URL, "http"))
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/api/v9/applications/"):
		f.mu.Lock()
		f.puts = append(f.puts, rec)
		f.mu.Unlock()
		f.putc <- rec
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/api/v9/interactions/"):
		if f.callbackStarted != nil {
			f.callbackStarted <- struct{}{}
		}
		if f.holdCallbacks != nil {
			<-f.holdCallbacks
		}
		f.callbacks <- rec
		w.WriteHeader(http.StatusNoContent)
	default:
		f.t.Errorf("fake Discord: unexpected %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotFound)
	}
}

func (f *fakeDiscord) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("fake gateway: upgrade: %v", err)
		return
	}
	defer ws.Close()
	c := &fakeConn{ws: ws, done: make(chan struct{})}
	defer close(c.done)
	c.send(f.t, map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})

	var first struct {
		Op int            `json:"op"`
		D  map[string]any `json:"d"`
	}
	if err := ws.ReadJSON(&first); err != nil {
		return
	}
	closeWith := func(code int) {
		c.mu.Lock()
		defer c.mu.Unlock()
		ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(code, "rejected"))
	}
	switch first.Op {
	case 2:
		f.mu.Lock()
		f.identifies = append(f.identifies, first.D)
		f.mu.Unlock()
		if f.closeOnIdentify != 0 {
			closeWith(f.closeOnIdentify)
			return
		}
		c.send(f.t, map[string]any{"op": 0, "t": "READY", "d": map[string]any{
			"v": 10, "session_id": "session-1",
			"user":        map[string]any{"id": testAppID, "username": "articlebot", "bot": true},
			"application": map[string]any{"id": testAppID, "flags": 0},
		}})
	case 6:
		f.mu.Lock()
		f.resumes++
		f.mu.Unlock()
		if f.closeOnResume != 0 {
			closeWith(f.closeOnResume)
			return
		}
		c.send(f.t, map[string]any{"op": 0, "t": "RESUMED", "d": map[string]any{}})
	default:
		f.t.Errorf("fake gateway: first message has op %d, want 2 or 6", first.Op)
		return
	}
	f.conns <- c
	for {
		var m struct {
			Op int `json:"op"`
		}
		if err := ws.ReadJSON(&m); err != nil {
			return
		}
		if m.Op == 1 {
			c.send(f.t, map[string]any{"op": 11})
		}
	}
}

// startRun runs articlebot against f in the background and returns a
// function that cancels it and returns run's error.
type runResult struct {
	err            error
	stdout, stderr string
}

func startRun(t *testing.T, f *fakeDiscord, vars map[string]string, args ...string) (cancel func(), result <-chan runResult) {
	t.Helper()
	return startRunWith(t, f, vars, nil, args...)
}

func startRunWith(t *testing.T, f *fakeDiscord, vars map[string]string, extra []option, args ...string) (cancel func(), result <-chan runResult) {
	t.Helper()
	ctx, cancelCtx := context.WithCancel(context.Background())
	out := make(chan runResult, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		opts := append(f.options(), withDrainTimeout(3*time.Second), withReadyTimeout(10*time.Second))
		opts = append(opts, extra...)
		err := run(ctx, args, mapEnv(vars), &stdout, &stderr, opts...)
		out <- runResult{err, stdout.String(), stderr.String()}
	}()
	t.Cleanup(cancelCtx)
	return cancelCtx, out
}

func waitResult(t *testing.T, result <-chan runResult) runResult {
	t.Helper()
	select {
	case r := <-result:
		return r
	case <-time.After(30 * time.Second):
		t.Fatal("run did not return")
		return runResult{}
	}
}

func waitConn(t *testing.T, f *fakeDiscord) *fakeConn {
	t.Helper()
	select {
	case c := <-f.conns:
		return c
	case <-time.After(30 * time.Second):
		t.Fatal("the runner never completed a gateway handshake")
		return nil
	}
}

func TestRunGatewayStartsAnswersAndStops(t *testing.T) {
	for _, tc := range []struct {
		name, guild, wantPath string
	}{
		{"global", "", "/api/v9/applications/" + testAppID + "/commands"},
		{"guild", "2000000000000000002", "/api/v9/applications/" + testAppID + "/guilds/2000000000000000002/commands"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeDiscord(t)
			vars := map[string]string{envToken: testToken, envGuildID: tc.guild, envLogLevel: "debug"}
			cancel, result := startRun(t, f, vars)
			conn := waitConn(t, f)

			interaction := map[string]any{
				"id": "3000000000000000003", "application_id": testAppID, "type": 2,
				"token": "interaction-token-3", "version": 1, "channel_id": "4000000000000000004",
				"user": map[string]any{"id": "5000000000000000005", "username": "someone"},
				"data": map[string]any{"id": "6000000000000000006", "name": "summary", "type": 1},
			}
			conn.send(t, map[string]any{"op": 0, "t": "INTERACTION_CREATE", "d": interaction})
			var cb recorded
			select {
			case cb = <-f.callbacks:
			case <-time.After(30 * time.Second):
				t.Fatal("the interaction was never answered")
			}
			select {
			case <-f.putc:
			case <-time.After(30 * time.Second):
				t.Fatal("the commands were never registered")
			}
			cancel()
			r := waitResult(t, result)
			if r.err != nil {
				t.Fatalf("run after cancel = %v, want nil\nlog:\n%s", r.err, r.stderr)
			}
			<-conn.done

			f.mu.Lock()
			defer f.mu.Unlock()
			if len(f.identifies) != 1 {
				t.Fatalf("%d identifies, want 1", len(f.identifies))
			}
			// ASK_ON_MENTION is on by default: messages that mention the bot.
			if got, want := f.identifies[0]["intents"], float64(discordgo.IntentsGuildMessages|discordgo.IntentsDirectMessages); got != want {
				t.Errorf("identify intents = %v, want %v", got, want)
			}
			if len(f.puts) != 1 {
				t.Fatalf("%d PUTs, want exactly 1", len(f.puts))
			}
			if f.puts[0].path != tc.wantPath {
				t.Errorf("registration PUT %s, want %s", f.puts[0].path, tc.wantPath)
			}
			if f.puts[0].auth != "Bot "+testToken {
				t.Errorf("registration Authorization header is not \"Bot \" + the token")
			}
			var commands bytes.Buffer
			if err := run(context.Background(), []string{"commands"}, mapEnv(nil), &commands, io.Discard, withEnvFile("")); err != nil {
				t.Fatal(err)
			}
			if !jsonEqual(t, f.puts[0].body, commands.Bytes()) {
				t.Errorf("registration body = %s, want the output of articlebot commands: %s", f.puts[0].body, commands.Bytes())
			}

			wantCallback := "/api/v9/interactions/3000000000000000003/interaction-token-3/callback"
			if cb.path != wantCallback {
				t.Errorf("callback to %s, want %s", cb.path, wantCallback)
			}
			raw, _ := json.Marshal(interaction)
			var i discordgo.Interaction
			if err := json.Unmarshal(raw, &i); err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(bot.New(article.Default()).Respond(context.Background(), &i))
			if !jsonEqual(t, cb.body, want) {
				t.Errorf("callback body = %s, want %s", cb.body, want)
			}
			if strings.Contains(r.stderr, testToken) || strings.Contains(r.stderr, "secret-part") {
				t.Errorf("the log shows the token:\n%s", r.stderr)
			}
			if !strings.Contains(r.stderr, "source=discordgo") {
				t.Errorf("the debug log has no discordgo messages, want them routed into slog:\n%s", r.stderr)
			}
		})
	}
}

func TestRunGatewayShutdownLetsAnswersInFlightFinish(t *testing.T) {
	f := newFakeDiscord(t)
	f.holdCallbacks = make(chan struct{})
	f.callbackStarted = make(chan struct{}, 1)
	cancel, result := startRun(t, f, map[string]string{envToken: testToken})
	conn := waitConn(t, f)
	<-f.putc
	conn.send(t, map[string]any{"op": 0, "t": "INTERACTION_CREATE", "d": map[string]any{
		"id": "3000000000000000003", "application_id": testAppID, "type": 2, "token": "t3", "version": 1,
		"data": map[string]any{"id": "6000000000000000006", "name": "about", "type": 1},
	}})
	<-f.callbackStarted // the answer is in flight, held by the fake

	cancel()
	select {
	case r := <-result:
		t.Fatalf("run returned %v while an answer was in flight, want it to wait\nlog:\n%s", r.err, r.stderr)
	case <-time.After(100 * time.Millisecond):
	}
	close(f.holdCallbacks)
	r := waitResult(t, result)
	if r.err != nil {
		t.Fatalf("run after cancel = %v, want nil\nlog:\n%s", r.err, r.stderr)
	}
	select {
	case <-f.callbacks:
	default:
		t.Fatal("the answer in flight was not delivered before run returned")
	}
	if strings.Contains(r.stderr, "level=ERROR") || strings.Contains(r.stderr, "before every answer was delivered") {
		t.Errorf("shutdown logged a failure:\n%s", r.stderr)
	}
	<-conn.done // the gateway connection was closed
}

// TestRunGatewayShutdownIsBounded checks that an answer Discord never
// acknowledges is abandoned at its deadline, so shutdown still completes.
func TestRunGatewayShutdownIsBounded(t *testing.T) {
	f := newFakeDiscord(t)
	f.holdCallbacks = make(chan struct{})
	t.Cleanup(func() { close(f.holdCallbacks) }) // registered after the server's Close, so it runs first
	f.callbackStarted = make(chan struct{}, 1)
	cancel, result := startRunWith(t, f, map[string]string{envToken: testToken},
		[]option{withAnswerTimeout(200 * time.Millisecond)})
	conn := waitConn(t, f)
	<-f.putc
	conn.send(t, map[string]any{"op": 0, "t": "INTERACTION_CREATE", "d": map[string]any{
		"id": "3000000000000000003", "application_id": testAppID, "type": 2, "token": "t3", "version": 1,
		"data": map[string]any{"id": "6000000000000000006", "name": "about", "type": 1},
	}})
	<-f.callbackStarted
	cancel()
	r := waitResult(t, result)
	if r.err != nil {
		t.Fatalf("run after cancel = %v, want nil\nlog:\n%s", r.err, r.stderr)
	}
	if !strings.Contains(r.stderr, "delivering an answer failed") || !strings.Contains(r.stderr, "deadline exceeded") {
		t.Errorf("log does not report the abandoned answer:\n%s", r.stderr)
	}
}

func TestRunGatewayStopsOnARejectedToken(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(*fakeDiscord)
		drop  bool // accept the first session, drop it, then reject the resume
	}{
		{name: "REST 401", setup: func(f *fakeDiscord) { f.rejectREST = true }},
		{name: "close 4004 on identify", setup: func(f *fakeDiscord) { f.closeOnIdentify = 4004 }},
		{name: "close 4004 on resume", setup: func(f *fakeDiscord) { f.closeOnResume = 4004 }, drop: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeDiscord(t)
			tc.setup(f)
			_, result := startRun(t, f, map[string]string{envToken: "Bot " + testToken})
			if tc.drop {
				conn := waitConn(t, f)
				conn.ws.NetConn().Close()
			}
			r := waitResult(t, result)
			if !errors.Is(r.err, errTokenRejected) {
				t.Fatalf("run = %v, want an error wrapping errTokenRejected\nlog:\n%s", r.err, r.stderr)
			}
			if got := exitCode(r.err); got != 2 {
				t.Errorf("exitCode(%v) = %d, want 2", r.err, got)
			}
			for _, s := range []string{r.err.Error(), r.stderr, r.stdout} {
				if strings.Contains(s, "secret-part") {
					t.Errorf("output shows the token: %q", s)
				}
			}
			if !strings.Contains(r.err.Error(), "developer portal") {
				t.Errorf("error %q does not say where to get a new token", r.err)
			}
			if tc.drop {
				f.mu.Lock()
				defer f.mu.Unlock()
				if f.resumes == 0 {
					t.Errorf("the runner never tried to resume after the connection dropped")
				}
			}
		})
	}
}

func TestFatalError(t *testing.T) {
	restErr := func(code int) error {
		return &discordgo.RESTError{Response: &http.Response{StatusCode: code, Status: http.StatusText(code)}}
	}
	tests := []struct {
		name     string
		err      error
		fatal    bool
		rejected bool
	}{
		{"4004", &websocket.CloseError{Code: 4004}, true, true},
		{"wrapped 4004", fmt.Errorf("open: %w", &websocket.CloseError{Code: 4004}), true, true},
		{"4014 disallowed intents", &websocket.CloseError{Code: 4014}, true, false},
		{"4000 unknown error", &websocket.CloseError{Code: 4000}, false, false},
		{"1006 abnormal closure", &websocket.CloseError{Code: websocket.CloseAbnormalClosure}, false, false},
		{"401", restErr(401), true, true},
		{"502", restErr(502), false, false},
		{"network", errors.New("dial tcp: connection refused"), false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := fatalError(tc.err)
			if (got != nil) != tc.fatal {
				t.Fatalf("fatalError(%v) = %v, want fatal %v", tc.err, got, tc.fatal)
			}
			if errors.Is(got, errTokenRejected) != tc.rejected {
				t.Errorf("errors.Is(fatalError(%v), errTokenRejected) = %v, want %v", tc.err, !tc.rejected, tc.rejected)
			}
		})
	}
}

func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatalf("invalid JSON %s: %v", a, err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatalf("invalid JSON %s: %v", b, err)
	}
	xs, _ := json.Marshal(x)
	ys, _ := json.Marshal(y)
	return bytes.Equal(xs, ys)
}

func mapEnv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

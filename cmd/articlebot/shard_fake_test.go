package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// miniDiscord is a small loopback Discord for the tests of sharding,
// METRICS_ADDR and register: REST on an httptest server, and the gateway at
// its /gateway. It records every REST request and every IDENTIFY.

const (
	miniToken = "MTAwMDAwMDAwMDAwMDAwMDAx.GmInI0.minidiscord-secret-part-0123456789"
	// miniTokenSecret is a part of miniToken no output may show.
	miniTokenSecret = "minidiscord-secret-part"
	miniAppID       = "1000000000000000042"
)

// miniRequest is one REST request the fake received.
type miniRequest struct {
	method, path, auth string
	body               []byte
}

func (r miniRequest) String() string { return r.method + " " + r.path }

type miniDiscord struct {
	t   *testing.T
	srv *httptest.Server

	// Set before the run starts.
	shards    int                 // the shard count GET /gateway/bot recommends
	rejectAll bool                // answer every REST request with 401
	status    map[string]int      // a status to answer a route ("PUT /api/...") with
	holdReady chan struct{}       // when set, READY waits until it is closed
	onRequest func(r miniRequest) // when set, called with each REST request

	mu         sync.Mutex
	requests   []miniRequest
	identifies []map[string]any

	conns     chan *miniConn
	callbacks chan miniRequest
}

// miniConn is one gateway connection that got its READY.
type miniConn struct {
	mu   sync.Mutex
	ws   *websocket.Conn
	seq  int
	done chan struct{} // closed when the connection is over
}

func newMiniDiscord(t *testing.T) *miniDiscord {
	f := &miniDiscord{t: t, shards: 1, status: map[string]int{},
		conns: make(chan *miniConn, 4), callbacks: make(chan miniRequest, 16)}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serveHTTP))
	t.Cleanup(f.srv.Close)
	return f
}

// options sends a run's REST calls and gateway connection to the fake.
func (f *miniDiscord) options() []option {
	target, _ := url.Parse(f.srv.URL)
	return []option{
		withHTTPClient(&http.Client{Transport: miniTransport{target}, Timeout: 20 * time.Second}),
		withDialer(&websocket.Dialer{HandshakeTimeout: 5 * time.Second}),
		withEnvFile(""),
	}
}

// miniTransport sends every request to the fake, whatever its host.
type miniTransport struct{ target *url.URL }

func (m miniTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = m.target.Scheme, m.target.Host
	return http.DefaultTransport.RoundTrip(req)
}

// recorded returns the REST requests received so far.
func (f *miniDiscord) recorded() []miniRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]miniRequest(nil), f.requests...)
}

// recordedIdentifies returns the IDENTIFY payloads received so far.
func (f *miniDiscord) recordedIdentifies() []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.identifies...)
}

// puts returns the PUT requests received so far.
func (f *miniDiscord) puts() []miniRequest {
	var out []miniRequest
	for _, r := range f.recorded() {
		if r.method == http.MethodPut {
			out = append(out, r)
		}
	}
	return out
}

func (f *miniDiscord) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.TrimSuffix(r.URL.Path, "/") == "/gateway" {
		f.serveGateway(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	req := miniRequest{r.Method, r.URL.Path, r.Header.Get("Authorization"), body}
	f.mu.Lock()
	f.requests = append(f.requests, req)
	f.mu.Unlock()
	if f.onRequest != nil {
		f.onRequest(req)
	}
	w.Header().Set("Content-Type", "application/json")
	if f.rejectAll || req.auth != "Bot "+miniToken {
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"message": "401: Unauthorized", "code": 0}`)
		return
	}
	if code := f.status[req.String()]; code != 0 {
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"message": %q, "code": 50001}`, http.StatusText(code))
		return
	}
	wsURL := "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/gateway"
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/api/v9/gateway":
		fmt.Fprintf(w, `{"url": %q}`, wsURL)
	case r.Method == http.MethodGet && r.URL.Path == "/api/v9/gateway/bot":
		fmt.Fprintf(w, `{"url": %q, "shards": %d, "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}}`,
			wsURL, f.shards)
	case r.Method == http.MethodGet && r.URL.Path == "/api/v9/oauth2/applications/@me":
		fmt.Fprintf(w, `{"id": %q, "name": "articlebot", "bot_public": true}`, miniAppID)
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/api/v9/applications/"):
		w.Write(body)
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/api/v9/interactions/"):
		f.callbacks <- req
		w.WriteHeader(http.StatusNoContent)
	default:
		f.t.Errorf("mini Discord: unexpected %s", req)
		w.WriteHeader(http.StatusNotFound)
	}
}

func (f *miniDiscord) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("mini gateway: upgrade: %v", err)
		return
	}
	defer ws.Close()
	c := &miniConn{ws: ws, done: make(chan struct{})}
	defer close(c.done)
	c.send(f.t, map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})

	var first struct {
		Op int            `json:"op"`
		D  map[string]any `json:"d"`
	}
	if err := ws.ReadJSON(&first); err != nil {
		return
	}
	if first.Op != 2 {
		f.t.Errorf("mini gateway: first message has op %d, want 2 (IDENTIFY)", first.Op)
		return
	}
	f.mu.Lock()
	f.identifies = append(f.identifies, first.D)
	f.mu.Unlock()
	if f.holdReady != nil {
		<-f.holdReady
	}
	c.send(f.t, map[string]any{"op": 0, "t": "READY", "d": map[string]any{
		"v": 10, "session_id": "mini-session",
		"user":        map[string]any{"id": miniAppID, "username": "articlebot", "bot": true},
		"application": map[string]any{"id": miniAppID, "flags": 0},
		"shard":       first.D["shard"],
	}})
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

func (c *miniConn) send(t *testing.T, v map[string]any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if op, _ := v["op"].(int); op == 0 {
		c.seq++
		v["s"] = c.seq
	}
	if err := c.ws.WriteJSON(v); err != nil {
		t.Errorf("mini gateway: writing %v: %v", v["t"], err)
	}
}

// sendInteraction dispatches a /summary command as INTERACTION_CREATE.
func (c *miniConn) sendInteraction(t *testing.T, id string) {
	c.send(t, map[string]any{"op": 0, "t": "INTERACTION_CREATE", "d": map[string]any{
		"id": id, "application_id": miniAppID, "type": 2, "token": "token-" + id, "version": 1,
		"channel_id": "4000000000000000004",
		"user":       map[string]any{"id": "5000000000000000005", "username": "someone"},
		"data":       map[string]any{"id": "6000000000000000006", "name": "summary", "type": 1},
	}})
}

// waitMiniConn returns the next gateway connection that got its READY.
func (f *miniDiscord) waitConn(t *testing.T) *miniConn {
	t.Helper()
	select {
	case c := <-f.conns:
		return c
	case <-time.After(30 * time.Second):
		t.Fatal("the runner never completed a gateway handshake")
		return nil
	}
}

// shardOf returns the "shard" of an IDENTIFY payload as two numbers, and
// whether it has one.
func shardOf(t *testing.T, identify map[string]any) ([2]int, bool) {
	t.Helper()
	raw, ok := identify["shard"]
	if !ok {
		return [2]int{}, false
	}
	b, _ := json.Marshal(raw)
	var s [2]int
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("identify shard = %s, want two numbers", b)
	}
	return s, true
}

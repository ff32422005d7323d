package main

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// fakeDiscord is an in-process Discord for end-to-end tests: the REST API
// on an httptest server and the gateway on a websocket of the same server.
// A run of articlebot reaches it through the options that [fakeDiscord.options]
// returns, which replace the discordgo session's HTTP client and websocket
// dialer; nothing else in the runner changes.
//
// The fake behaves like Discord where the runner can tell:
//
//   - GET /api/v9/gateway returns the fake's websocket URL, and
//     GET /api/v9/gateway/bot the URL with the number of shards the fake
//     recommends ([fakeDiscord.recommendShards]). The gateway sends HELLO,
//     answers IDENTIFY with READY (zlib-compressed, as Discord does when the
//     client asks for compression; with the IDENTIFY's shard when it names
//     one) and RESUME with the missed dispatches followed by RESUMED,
//     acknowledges heartbeats, and closes with 4004 when the token is wrong. A session the client closed with
//     code 1000 or 1001 cannot be resumed; RESUME of an unknown session
//     gets INVALID_SESSION.
//   - Dispatches belong to a session, not to a connection: while the session
//     has no live connection they are kept and replayed on RESUME, so a test
//     can dispatch at any time after the first READY.
//   - PUT .../commands is a bulk overwrite, answered 403 for an application
//     other than the token's, that keeps the IDs of commands whose name
//     survives; GET .../commands lists them.
//   - GET /api/v9/oauth2/applications/@me names the token's application.
//   - POST /api/v9/interactions/{id}/{token}/callback accepts the first
//     response to an interaction the fake dispatched (204), and answers like
//     Discord otherwise: 404 for an unknown interaction, 401 for a wrong
//     token, 400 when it was already acknowledged or the response type does
//     not fit the interaction.
//   - POST /api/v9/channels/{id}/messages creates a message and returns it.
//   - Every other REST route needs "Authorization: Bot <token>" (401
//     otherwise); unknown routes get Discord's 404 and are reported as test
//     failures when the test ends.
//
// The fake records everything: each REST request with its body and the
// status it got, each gateway frame in both directions, each connection's
// end, and each interaction's dispatch and answers. Tests wait on those
// records with [fakeDiscord.waitFor] and read copies of them through the
// accessor methods.
//
// Faults are injected per REST request ([fakeDiscord.setRESTFault], or the
// replies given to [fakeDiscord.interact] for one interaction's callbacks),
// per gateway connection ([fakeConn.drop], [fakeConn.closeWith],
// [fakeConn.reconnect], [fakeConn.invalidSession],
// [fakeConn.ignoreHeartbeats]), per handshake ([fakeDiscord.revokeToken],
// [fakeDiscord.setHandshakeFault], [fakeDiscord.holdHandshakes],
// [fakeDiscord.expireSessions]) and for
// the whole gateway ([fakeDiscord.refuseConnections],
// [fakeDiscord.muteConnections]).
//
// All methods are safe for concurrent use. A fake is closed when its test
// ends; [fakeDiscord.close] closes it earlier.
type fakeDiscord struct {
	srv       *httptest.Server
	transport *http.Transport
	appID     string // the application the token belongs to
	closing   chan struct{}
	closeOnce sync.Once
	handlers  sync.WaitGroup // gateway connections being served

	// gw guards the gateway's state and orders dispatches: a dispatch is
	// numbered and written under gw, so sequence numbers leave in order.
	gw       sync.Mutex
	sessions map[string]*fakeSession
	current  *fakeSession // the session new dispatches belong to
	conns    []*fakeConn

	// mu guards the settings and the records below. It is never held
	// while waiting or while taking gw.
	mu            sync.Mutex
	changed       chan struct{} // closed and replaced whenever a record changes
	token         string        // the valid bot token, without "Bot "
	revoked       bool
	expired       bool // resumes are refused with op 9
	refusing      bool // the gateway refuses new connections
	mute          int  // how many new connections get no HELLO
	restFault     func(fakeRequest) *fakeReply
	handshakeHook func(op, n int) int
	handshakeHold <-chan struct{} // handshakes wait until it is closed
	heartbeatMS   int             // the heartbeat interval HELLO announces
	shards        int             // the shard count GET /gateway/bot recommends
	snowflake     uint64
	commands      map[string][]map[string]any // by scope: "global" or a guild ID
	rec           fakeRecords
}

// fakeRecords is everything a fake has seen. Tests read it inside
// [fakeDiscord.waitFor] conditions, or through the accessors, which copy.
type fakeRecords struct {
	requests     []fakeRequest
	frames       []fakeFrame
	ends         []fakeConnEnd
	identifies   []fakeFrame // op 2 frames received
	resumes      []fakeFrame // op 6 frames received
	connections  int         // gateway connections accepted
	handshakes   int         // READY or RESUMED sent
	live         int         // the number of the connection dispatches go to, or 0
	interactions map[string]*fakeInteraction
	order        []string // interaction IDs in dispatch order
	answered     int      // interactions with a successful callback
	refused      int      // callbacks the fake refused of its own accord (4xx but 429)
	messages     []fakeRequest
	problems     []string // protocol errors, reported when the test ends
}

// fakeRequest is one REST request the fake received, and how it answered.
type fakeRequest struct {
	Method  string
	Path    string
	Pattern string // the route that matched, as in "PUT /api/v9/applications/{app}/commands"
	Auth    string // the Authorization header
	Body    []byte
	// InteractionID and InteractionToken are set on interaction callbacks.
	InteractionID, InteractionToken string
	// Status is the status the fake answered with: 0 while the request is
	// being answered, and statusClientGone when the client gave up first.
	// Reply is the body the fake answered with.
	Status     int
	Reply      []byte
	Start, End time.Time
}

// statusClientGone is the recorded status of a request whose client went
// away (or whose fake closed) before it was answered.
const statusClientGone = 499

// ok reports whether the request succeeded.
func (r fakeRequest) ok() bool { return r.Status >= 200 && r.Status < 300 }

// fakeFrame is one gateway frame, as sent or received.
type fakeFrame struct {
	Conn       int  // the connection's number, from 1
	FromClient bool // received from the runner, or sent by the fake
	Op         int
	Seq        int // for dispatches
	Type       string
	Data       json.RawMessage
	At         time.Time
}

// fakeConnEnd is how one gateway connection ended.
type fakeConnEnd struct {
	Conn int
	// ClientCode is the code of the close frame the client sent, or 0 when
	// the connection ended without one.
	ClientCode int
	// ByFake says the fake ended it: ServerCode is the close code it sent,
	// or 0 when it dropped the TCP connection without a close frame.
	ByFake     bool
	ServerCode int
	Err        string
	At         time.Time
}

// fakeInteraction is one interaction the fake dispatched.
type fakeInteraction struct {
	ID, Token string
	Type      int
	// Payload is the interaction as dispatched, the d of its
	// INTERACTION_CREATE.
	Payload    json.RawMessage
	Dispatched time.Time
	// Callbacks are the indexes in the request records of the callbacks
	// for this interaction, in arrival order.
	Callbacks []int
	// Answered is when the first successful callback completed.
	Answered time.Time
	// Faults counts the replies given to interact that answer a callback
	// with an error status.
	Faults  int
	replies []*fakeReply // faults for the next callbacks, in order
	acked   bool
}

// fakeReply is how the fake answers a REST request when a fault is
// injected: it waits Delay, then until Hold is closed (either wait ends
// early when the client gives up), then answers with Status, Header and
// Body, or as Discord normally would when Status is 0.
type fakeReply struct {
	Delay  time.Duration
	Hold   <-chan struct{}
	Status int
	Header http.Header
	Body   string
}

// rateLimited is Discord's 429 for a route bucket, with the JSON body and
// the headers Discord sends: retry after d.
func rateLimited(d time.Duration) *fakeReply {
	secs := d.Seconds()
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
	h.Set("X-RateLimit-Limit", "1")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(time.Now().Add(d).UnixMilli())/1000, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(secs, 'f', 3, 64))
	h.Set("X-RateLimit-Bucket", "fa4e5ebd8c2c1e5f2a1b0c9d8e7f6a5b")
	h.Set("X-RateLimit-Scope", "user")
	return &fakeReply{Status: http.StatusTooManyRequests, Header: h, Body: fmt.Sprintf(
		`{"message": "You are being rate limited.", "retry_after": %s, "global": false}`,
		strconv.FormatFloat(secs, 'f', 3, 64))}
}

// discordError is a Discord error reply: status with Discord's JSON body.
func discordError(status, code int, message string) *fakeReply {
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	body, _ := json.Marshal(map[string]any{"message": message, "code": code})
	return &fakeReply{Status: status, Header: h, Body: string(body)}
}

// unauthorized is Discord's answer to a request with a bad token.
func unauthorized() *fakeReply { return discordError(http.StatusUnauthorized, 0, "401: Unauthorized") }

// serverError is Discord's answer when it fails on its side.
func serverError() *fakeReply {
	return discordError(http.StatusInternalServerError, 0, "500: Internal Server Error")
}

// slow answers normally after d.
func slow(d time.Duration) *fakeReply { return &fakeReply{Delay: d} }

// held answers normally once hold is closed.
func held(hold <-chan struct{}) *fakeReply { return &fakeReply{Hold: hold} }

// fakeSession is a gateway session: the dispatches sent in it, which a
// RESUME replays from the client's sequence number on.
type fakeSession struct {
	id     string
	seq    int
	events [][]byte // encoded dispatches; events[i] has sequence number i+1
	conn   *fakeConn
}

// fakeConn is one gateway connection.
type fakeConn struct {
	f       *fakeDiscord
	n       int
	ws      *websocket.Conn
	wmu     sync.Mutex // serialises writes
	live    bool       // guarded by f.gw: dispatches may be sent on it
	session *fakeSession
	over    bool // guarded by f.gw: the connection is over
	deaf    bool // guarded by f.gw: heartbeats go unacknowledged
	done    chan struct{}
}

// The fake's identities.
const (
	fakeAppID    = "1000000000000000001"
	fakeBotToken = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.secret-part-of-the-test-token-0123456789"
	// fakeTokenSecret is a part of fakeBotToken no log may show.
	fakeTokenSecret = "secret-part-of-the-test-token"
	// fakeInteractionSecret ends every interaction token the fake hands
	// out. An interaction token lets its holder answer as the bot, so no
	// log may show it either.
	fakeInteractionSecret = "ZmFrZS1pbnRlcmFjdGlvbi10b2tlbg"
)

// newFakeDiscord starts a fake Discord that accepts fakeBotToken for the
// application fakeAppID. It is closed when t ends.
func newFakeDiscord(t testing.TB) *fakeDiscord {
	f := &fakeDiscord{
		appID:       fakeAppID,
		token:       fakeBotToken,
		closing:     make(chan struct{}),
		changed:     make(chan struct{}),
		sessions:    map[string]*fakeSession{},
		commands:    map[string][]map[string]any{},
		heartbeatMS: 41250,
		shards:      1,
		snowflake:   1300000000000000000,
		rec:         fakeRecords{interactions: map[string]*fakeInteraction{}},
	}
	mux := http.NewServeMux()
	f.route(mux, "GET /gateway", f.serveGateway)
	f.route(mux, "GET /gateway/{$}", f.serveGateway)
	f.route(mux, routeGateway, f.getGateway)
	f.route(mux, routeGatewayBot, f.getGateway)
	f.route(mux, routeGlobalCommands, f.putCommands)
	f.route(mux, routeGuildCommands, f.putCommands)
	f.route(mux, routeApplication, f.getApplication)
	f.route(mux, "GET /api/v9/applications/{app}/commands", f.getCommands)
	f.route(mux, "GET /api/v9/applications/{app}/guilds/{guild}/commands", f.getCommands)
	f.route(mux, routeCallback, f.postCallback)
	f.route(mux, routeMessages, f.postMessage)
	f.route(mux, "/", f.notFound)
	f.srv = httptest.NewServer(mux)
	f.transport = &http.Transport{
		Proxy:               nil,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 256,
		IdleConnTimeout:     30 * time.Second,
	}
	t.Cleanup(func() {
		f.close()
		f.mu.Lock()
		problems := append([]string(nil), f.rec.problems...)
		f.mu.Unlock()
		for _, p := range problems {
			t.Errorf("fake Discord: %s", p)
		}
		if t.Failed() {
			t.Logf("fake Discord's records:\n%s", f.summary(80))
		}
	})
	return f
}

// Routes of the REST API, as the fake's mux patterns; a fault hook can
// match fakeRequest.Pattern against them.
const (
	routeGateway        = "GET /api/v9/gateway"
	routeGatewayBot     = "GET /api/v9/gateway/bot"
	routeGlobalCommands = "PUT /api/v9/applications/{app}/commands"
	routeGuildCommands  = "PUT /api/v9/applications/{app}/guilds/{guild}/commands"
	routeApplication    = "GET /api/v9/oauth2/applications/@me"
	routeCallback       = "POST /api/v9/interactions/{id}/{token}/callback"
	routeMessages       = "POST /api/v9/channels/{channel}/messages"
)

// options are the run options that send a run's REST calls and gateway
// connection to the fake, and keep it from reading a .env file.
func (f *fakeDiscord) options() []option {
	return []option{
		withHTTPClient(&http.Client{Transport: fakeTransport{f}, Timeout: 20 * time.Second}),
		withDialer(&websocket.Dialer{HandshakeTimeout: 5 * time.Second}),
		withEnvFile(""),
	}
}

// fakeTransport sends requests for Discord's hosts to the fake and refuses
// every other host, so a test never reaches the network.
type fakeTransport struct{ f *fakeDiscord }

func (ft fakeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	host := req.URL.Hostname()
	if host != "discord.com" && !strings.HasSuffix(host, ".discord.com") && host != "discordapp.com" {
		ft.f.problem("the runner tried to reach %s, which is not Discord", req.URL.Redacted())
		return nil, fmt.Errorf("fake Discord: refusing to reach %s", host)
	}
	target, _ := url.Parse(ft.f.srv.URL)
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = target.Scheme, target.Host
	return ft.f.transport.RoundTrip(req)
}

// close stops the fake: it ends every gateway connection abruptly, lets
// held requests go, waits for its handlers and closes the client's idle
// connections. It may be called more than once.
func (f *fakeDiscord) close() {
	f.closeOnce.Do(func() {
		close(f.closing)
		f.gw.Lock()
		conns := append([]*fakeConn(nil), f.conns...)
		f.gw.Unlock()
		for _, c := range conns {
			c.ws.NetConn().Close()
		}
		f.srv.Close()
		f.handlers.Wait()
		f.transport.CloseIdleConnections()
	})
}

// --- settings and fault injection -------------------------------------------

// setRESTFault makes fn decide how the fake answers each REST request: a
// nil reply lets the fake answer normally. fn runs on the request's
// goroutine and must not block.
func (f *fakeDiscord) setRESTFault(fn func(fakeRequest) *fakeReply) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.restFault = fn
}

// setHandshakeFault makes fn decide how the fake answers each IDENTIFY
// (op 2) and RESUME (op 6): n counts the frames of that op from 1, and a
// non-zero result is the code the fake closes the connection with instead
// of accepting.
func (f *fakeDiscord) setHandshakeFault(fn func(op, n int) int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handshakeHook = fn
}

// holdHandshakes makes the gateway wait, from now on, until hold is closed
// before it answers an IDENTIFY or a RESUME, as a slow gateway does: the
// client's connection attempt is in progress meanwhile.
func (f *fakeDiscord) holdHandshakes(hold <-chan struct{}) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handshakeHold = hold
}

// recommendShards sets the number of shards GET /gateway/bot recommends
// (1 by default).
func (f *fakeDiscord) recommendShards(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.shards = n
}

// setHeartbeatInterval sets the heartbeat interval that HELLO announces
// to connections opened from now on (41.25 s, Discord's usual, by default).
func (f *fakeDiscord) setHeartbeatInterval(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.heartbeatMS = int(d.Milliseconds())
}

// refuseConnections makes the gateway refuse new connections (503 before
// the websocket upgrade) while refuse is true, as during an outage.
func (f *fakeDiscord) refuseConnections(refuse bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.refusing = refuse
}

// muteConnections makes the gateway accept the next n connections and
// then say nothing on them, not even HELLO, as a stalled server does.
func (f *fakeDiscord) muteConnections(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mute = n
}

// revokeToken makes the fake reject the token from now on, as when it is
// reset in the developer portal: 401 on authenticated REST routes and close
// code 4004 on IDENTIFY and RESUME.
func (f *fakeDiscord) revokeToken() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.revoked = true
}

// expireSessions makes the fake refuse every RESUME with INVALID_SESSION
// (op 9, not resumable), so the client has to identify again.
func (f *fakeDiscord) expireSessions() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.expired = true
}

// tokenOK reports whether token, with or without "Bot ", is the valid one.
func (f *fakeDiscord) tokenOK(token string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return !f.revoked && strings.TrimPrefix(token, "Bot ") == f.token
}

// nextID returns a new snowflake.
func (f *fakeDiscord) nextID() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.snowflake++
	return strconv.FormatUint(f.snowflake, 10)
}

// --- records -------------------------------------------------------------------

// update runs fn on the records and wakes the waiters.
func (f *fakeDiscord) update(fn func(r *fakeRecords)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(&f.rec)
	close(f.changed)
	f.changed = make(chan struct{})
}

// problem records a protocol error, reported as a failure when the test
// ends.
func (f *fakeDiscord) problem(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	f.update(func(r *fakeRecords) { r.problems = append(r.problems, msg) })
}

// waitTimeout bounds every wait on the fake. It is far above what any
// step takes, so that it only ever catches a hang.
const waitTimeout = 20 * time.Second

// waitFor waits until cond holds, failing the test after waitTimeout. what
// says what is awaited. cond runs with the fake locked: it must only read
// r, and not call the fake's methods.
func (f *fakeDiscord) waitFor(t testing.TB, what string, cond func(r *fakeRecords) bool) {
	t.Helper()
	deadline := time.NewTimer(waitTimeout)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		ok := cond(&f.rec)
		ch := f.changed
		f.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline.C:
			t.Fatalf("fake Discord: waited %v for %s\nrecords:\n%s", waitTimeout, what, f.summary(40))
		}
	}
}

// requests returns the REST requests received so far whose pattern starts
// with prefix ("" for all), in arrival order.
func (f *fakeDiscord) requests(prefix string) []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []fakeRequest
	for _, r := range f.rec.requests {
		if strings.HasPrefix(r.Pattern, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// callbacks returns the callbacks received for the interaction id, in
// arrival order.
func (f *fakeDiscord) callbacks(id string) []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	in := f.rec.interactions[id]
	if in == nil {
		return nil
	}
	out := make([]fakeRequest, len(in.Callbacks))
	for i, k := range in.Callbacks {
		out[i] = f.rec.requests[k]
	}
	return out
}

// interaction returns a copy of what the fake knows of interaction id.
func (f *fakeDiscord) interaction(id string) fakeInteraction {
	f.mu.Lock()
	defer f.mu.Unlock()
	in := f.rec.interactions[id]
	if in == nil {
		return fakeInteraction{}
	}
	c := *in
	c.Callbacks = append([]int(nil), in.Callbacks...)
	c.replies = nil
	return c
}

// frames returns the gateway frames so far, both directions.
func (f *fakeDiscord) frames() []fakeFrame {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeFrame(nil), f.rec.frames...)
}

// identifies returns the IDENTIFY frames received so far.
func (f *fakeDiscord) identifies() []fakeFrame {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeFrame(nil), f.rec.identifies...)
}

// resumes returns the RESUME frames received so far.
func (f *fakeDiscord) resumes() []fakeFrame {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeFrame(nil), f.rec.resumes...)
}

// connEnds returns how the gateway connections that are over ended.
func (f *fakeDiscord) connEnds() []fakeConnEnd {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeConnEnd(nil), f.rec.ends...)
}

// messages returns the messages created through POST .../messages.
func (f *fakeDiscord) messages() []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeRequest(nil), f.rec.messages...)
}

// registered returns the commands registered in scope ("global" or a
// guild ID), as the fake stores them.
func (f *fakeDiscord) registered(scope string) []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.commands[scope]...)
}

// commandID returns the ID of the command name registered in scope, or ""
// when there is none.
func (f *fakeDiscord) commandID(scope, name string) string {
	for _, c := range f.registered(scope) {
		if c["name"] == name {
			id, _ := c["id"].(string)
			return id
		}
	}
	return ""
}

// summary is a readable account of the records, at most limit lines per
// kind, for failure messages.
func (f *fakeDiscord) summary(limit int) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var b strings.Builder
	tail := func(n int) int { return max(0, n-limit) }
	fmt.Fprintf(&b, "  %d REST requests:\n", len(f.rec.requests))
	for _, r := range f.rec.requests[tail(len(f.rec.requests)):] {
		fmt.Fprintf(&b, "    %s %s -> %d (%v)\n", r.Method, r.Path, r.Status, r.End.Sub(r.Start).Round(time.Millisecond))
	}
	fmt.Fprintf(&b, "  %d gateway frames:\n", len(f.rec.frames))
	for _, fr := range f.rec.frames[tail(len(f.rec.frames)):] {
		dir := "fake->client"
		if fr.FromClient {
			dir = "client->fake"
		}
		fmt.Fprintf(&b, "    conn %d %s op %d s %d %s\n", fr.Conn, dir, fr.Op, fr.Seq, fr.Type)
	}
	for _, e := range f.rec.ends {
		fmt.Fprintf(&b, "  conn %d ended: client close code %d, by fake %v (code %d), %s\n", e.Conn, e.ClientCode, e.ByFake, e.ServerCode, e.Err)
	}
	fmt.Fprintf(&b, "  %d interactions, %d answered\n", len(f.rec.order), f.rec.answered)
	return b.String()
}

// --- REST -------------------------------------------------------------------------

// statusWriter remembers the status a handler answered with, and the
// start of the body.
type statusWriter struct {
	http.ResponseWriter
	status int
	body   []byte
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if room := 4096 - len(w.body); room > 0 {
		w.body = append(w.body, p[:min(room, len(p))]...)
	}
	return w.ResponseWriter.Write(p)
}

// restHandler answers one REST request whose record is req; body is the
// request's body.
type restHandler func(w http.ResponseWriter, r *http.Request, req *fakeRequest)

// route serves pattern with h, recording each request and applying the
// injected faults first. The gateway's patterns are served without that:
// the gateway records its own frames.
func (f *fakeDiscord) route(mux *http.ServeMux, pattern string, h restHandler) {
	if strings.HasPrefix(pattern, "GET /gateway") {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) { h(w, r, nil) })
		return
	}
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
		if err != nil {
			f.problem("reading the body of %s %s: %v", r.Method, r.URL.Path, err)
		}
		req := fakeRequest{
			Method: r.Method, Path: r.URL.Path, Pattern: pattern,
			Auth: r.Header.Get("Authorization"), Body: body, Start: time.Now(),
		}
		if pattern == routeCallback {
			req.InteractionID, req.InteractionToken = r.PathValue("id"), r.PathValue("token")
		}
		var index int
		var reply *fakeReply
		f.update(func(rec *fakeRecords) {
			index = len(rec.requests)
			rec.requests = append(rec.requests, req)
			if in := rec.interactions[req.InteractionID]; in != nil {
				in.Callbacks = append(in.Callbacks, index)
				if len(in.replies) > 0 {
					reply, in.replies = in.replies[0], in.replies[1:]
				}
			}
		})
		f.mu.Lock()
		hook := f.restFault
		f.mu.Unlock()
		if hook != nil {
			if r := hook(req); r != nil {
				reply = r
			}
		}

		sw := &statusWriter{ResponseWriter: w}
		switch {
		case !f.await(r.Context(), reply):
			// The client gave up, or the fake is closing.
			writeReply(sw, discordError(http.StatusServiceUnavailable, 0, "503: Service Unavailable"))
			if r.Context().Err() != nil {
				sw.status = statusClientGone
			}
		case reply != nil && reply.Status != 0:
			writeReply(sw, reply)
		case needsBotToken(pattern) && !f.authOK(req.Auth):
			writeReply(sw, unauthorized())
		default:
			h(sw, r, &req)
		}
		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		f.update(func(rec *fakeRecords) {
			rr := &rec.requests[index]
			rr.Status, rr.Reply, rr.End = status, sw.body, time.Now()
			if in := rec.interactions[req.InteractionID]; in != nil {
				switch {
				case rr.ok() && in.Answered.IsZero():
					in.Answered = rr.End
					rec.answered++
				case reply == nil && status >= 400 && status < 500 && status != http.StatusTooManyRequests:
					rec.refused++
				}
			}
			if pattern == routeMessages && rr.ok() {
				rec.messages = append(rec.messages, *rr)
			}
		})
	})
}

// needsBotToken reports whether the route pattern needs the bot's token.
// Discord serves the gateway's URL to anyone, and interaction callbacks are
// authorised by the interaction's token in the path.
func needsBotToken(pattern string) bool {
	switch pattern {
	case routeGateway, routeCallback, "/":
		return false
	}
	return true
}

// authOK reports whether header is "Bot " followed by the valid token.
func (f *fakeDiscord) authOK(header string) bool {
	token, ok := strings.CutPrefix(header, "Bot ")
	return ok && f.tokenOK(token)
}

// await carries out the waits of reply and reports whether the request is
// still to be answered: false when the client gave up or the fake closed.
func (f *fakeDiscord) await(ctx context.Context, reply *fakeReply) bool {
	if reply == nil {
		return true
	}
	if reply.Delay > 0 {
		t := time.NewTimer(reply.Delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return false
		case <-f.closing:
			return false
		}
	}
	if reply.Hold != nil {
		select {
		case <-reply.Hold:
		case <-ctx.Done():
			return false
		case <-f.closing:
			return false
		}
	}
	return true
}

func writeReply(w http.ResponseWriter, r *fakeReply) {
	for k, v := range r.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(r.Status)
	io.WriteString(w, r.Body)
}

func writeJSONReply(w http.ResponseWriter, status int, v any) {
	raw, err := json.Marshal(v)
	if err != nil {
		writeReply(w, serverError())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(raw)
}

// wsURL is the gateway's URL, as GET /gateway returns it.
func (f *fakeDiscord) wsURL() string {
	return "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/gateway"
}

func (f *fakeDiscord) getGateway(w http.ResponseWriter, r *http.Request, req *fakeRequest) {
	v := map[string]any{"url": f.wsURL()}
	if req.Pattern == routeGatewayBot {
		f.mu.Lock()
		v["shards"] = f.shards
		f.mu.Unlock()
		v["session_start_limit"] = map[string]any{"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}
	}
	writeJSONReply(w, http.StatusOK, v)
}

func (f *fakeDiscord) getApplication(w http.ResponseWriter, r *http.Request, req *fakeRequest) {
	writeJSONReply(w, http.StatusOK, map[string]any{"id": f.appID, "name": "articlebot", "bot_public": true})
}

func (f *fakeDiscord) notFound(w http.ResponseWriter, r *http.Request, req *fakeRequest) {
	f.problem("the runner sent %s %s, which the fake does not serve", r.Method, r.URL.Path)
	writeReply(w, discordError(http.StatusNotFound, 0, "404: Not Found"))
}

// commandScope returns the scope of a commands route: "global" or the
// guild's ID.
func commandScope(r *http.Request) string {
	if g := r.PathValue("guild"); g != "" {
		return g
	}
	return "global"
}

// commandKey identifies a command as Discord does, by type and name; a
// command without a type is a slash command.
func commandKey(c map[string]any) string {
	typ := c["type"]
	if typ == nil {
		typ = 1
	}
	return fmt.Sprintf("%v/%v", typ, c["name"])
}

func (f *fakeDiscord) putCommands(w http.ResponseWriter, r *http.Request, req *fakeRequest) {
	if r.PathValue("app") != f.appID {
		writeReply(w, discordError(http.StatusForbidden, 50001, "Missing Access"))
		return
	}
	var cmds []map[string]any
	if err := json.Unmarshal(req.Body, &cmds); err != nil || cmds == nil {
		writeReply(w, discordError(http.StatusBadRequest, 50035, "Invalid Form Body"))
		return
	}
	scope := commandScope(r)
	seen := map[string]bool{}
	for _, c := range cmds {
		name, _ := c["name"].(string)
		key := commandKey(c)
		if name == "" || seen[key] {
			writeReply(w, discordError(http.StatusBadRequest, 50035, "Invalid Form Body"))
			return
		}
		seen[key] = true
	}

	f.mu.Lock()
	old := map[string]string{}
	for _, c := range f.commands[scope] {
		old[commandKey(c)], _ = c["id"].(string)
	}
	f.mu.Unlock()
	stored := make([]map[string]any, 0, len(cmds))
	for _, c := range cmds {
		s := make(map[string]any, len(c)+4)
		for k, v := range c {
			s[k] = v
		}
		if s["type"] == nil {
			s["type"] = 1
		}
		id := old[commandKey(c)]
		if id == "" {
			id = f.nextID()
		}
		s["id"], s["application_id"], s["version"] = id, f.appID, f.nextID()
		if scope != "global" {
			s["guild_id"] = scope
		}
		stored = append(stored, s)
	}
	f.mu.Lock()
	f.commands[scope] = stored
	f.mu.Unlock()
	writeJSONReply(w, http.StatusOK, stored)
}

func (f *fakeDiscord) getCommands(w http.ResponseWriter, r *http.Request, req *fakeRequest) {
	writeJSONReply(w, http.StatusOK, f.registered(commandScope(r)))
}

// Response types that fit each interaction type, by Discord's rules.
var fittingResponses = map[int][]int{
	1: {1},           // PING: PONG
	2: {4, 5, 9, 12}, // command: message, deferred message, modal, launch activity
	3: {4, 5, 6, 7, 9},
	4: {8}, // autocomplete: choices
	5: {4, 5, 6, 7},
}

func (f *fakeDiscord) postCallback(w http.ResponseWriter, r *http.Request, req *fakeRequest) {
	var resp struct {
		Type *int            `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(req.Body, &resp); err != nil || resp.Type == nil {
		writeReply(w, discordError(http.StatusBadRequest, 50035, "Invalid Form Body"))
		return
	}
	f.mu.Lock()
	in := f.rec.interactions[req.InteractionID]
	var status *fakeReply
	switch {
	case in == nil:
		status = discordError(http.StatusNotFound, 10062, "Unknown interaction")
	case in.Token != req.InteractionToken:
		status = discordError(http.StatusUnauthorized, 50027, "Invalid Webhook Token")
	case in.acked:
		status = discordError(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
	default:
		fits := false
		for _, t := range fittingResponses[in.Type] {
			fits = fits || t == *resp.Type
		}
		if !fits {
			status = discordError(http.StatusBadRequest, 50035, "Invalid Form Body")
		} else {
			in.acked = true
		}
	}
	f.mu.Unlock()
	if status != nil {
		writeReply(w, status)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (f *fakeDiscord) postMessage(w http.ResponseWriter, r *http.Request, req *fakeRequest) {
	var msg map[string]any
	if err := json.Unmarshal(req.Body, &msg); err != nil {
		writeReply(w, discordError(http.StatusBadRequest, 50035, "Invalid Form Body"))
		return
	}
	msg["id"] = f.nextID()
	msg["channel_id"] = r.PathValue("channel")
	msg["author"] = map[string]any{"id": f.appID, "username": "articlebot", "discriminator": "0", "bot": true}
	msg["timestamp"] = time.Now().UTC().Format(time.RFC3339Nano)
	msg["type"] = 0
	if msg["message_reference"] != nil {
		msg["type"] = 19
	}
	writeJSONReply(w, http.StatusOK, msg)
}

// --- gateway ----------------------------------------------------------------------

// gatewayFrame is a gateway payload.
type gatewayFrame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int            `json:"s"`
	T  *string         `json:"t"`
}

func (f *fakeDiscord) serveGateway(w http.ResponseWriter, r *http.Request, _ *fakeRequest) {
	// The server's Close waits for this request until it is hijacked, so
	// counting it here, before the upgrade, lets close wait for it too.
	f.handlers.Add(1)
	defer f.handlers.Done()
	f.mu.Lock()
	refusing := f.refusing
	f.mu.Unlock()
	select {
	case <-f.closing:
		refusing = true
	default:
	}
	if refusing {
		http.Error(w, "the gateway is unavailable", http.StatusServiceUnavailable)
		return
	}
	ws, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		f.problem("gateway: upgrading the connection: %v", err)
		return
	}

	f.gw.Lock()
	c := &fakeConn{f: f, n: len(f.conns) + 1, ws: ws, done: make(chan struct{})}
	f.conns = append(f.conns, c)
	f.update(func(r *fakeRecords) { r.connections = c.n })
	f.gw.Unlock()
	defer close(c.done)
	defer ws.Close()

	f.mu.Lock()
	hb := f.heartbeatMS
	mute := f.mute > 0
	if mute {
		f.mute--
	}
	f.mu.Unlock()
	if mute {
		c.drain()
		return
	}
	c.sendOp(10, map[string]any{"heartbeat_interval": hb})

	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			c.finish(err)
			return
		}
		var fr gatewayFrame
		if err := json.Unmarshal(msg, &fr); err != nil {
			f.problem("gateway: conn %d: the client sent a frame that is not JSON: %v", c.n, err)
			continue
		}
		rec := fakeFrame{Conn: c.n, FromClient: true, Op: fr.Op, Data: fr.D, At: time.Now()}
		f.update(func(r *fakeRecords) {
			r.frames = append(r.frames, rec)
			switch fr.Op {
			case 2:
				r.identifies = append(r.identifies, rec)
			case 6:
				r.resumes = append(r.resumes, rec)
			}
		})
		switch fr.Op {
		case 1:
			f.gw.Lock()
			deaf := c.deaf
			f.gw.Unlock()
			if !deaf {
				c.sendOp(11, nil)
			}
		case 2:
			c.identify(fr.D)
		case 6:
			c.resume(fr.D)
		case 3, 4, 8:
			// Presence, voice state and member requests need no answer here.
		default:
			f.problem("gateway: conn %d: the client sent op %d, which clients do not send", c.n, fr.Op)
		}
	}
}

// drain reads the connection until the client goes, answering nothing.
func (c *fakeConn) drain() {
	for {
		if _, _, err := c.ws.ReadMessage(); err != nil {
			c.finish(err)
			return
		}
	}
}

// finish records how the connection ended, err being what its read
// returned.
//
// As on Discord, a client that closes with code 1000 or 1001 ends its
// session: it cannot be resumed.
func (c *fakeConn) finish(err error) {
	end := fakeConnEnd{Conn: c.n, Err: err.Error(), At: time.Now()}
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		end.ClientCode = ce.Code
	}
	f := c.f
	f.gw.Lock()
	byClient := !c.over
	c.over = true
	c.detach()
	if s := c.session; s != nil && byClient &&
		(end.ClientCode == websocket.CloseNormalClosure || end.ClientCode == websocket.CloseGoingAway) {
		delete(f.sessions, s.id)
	}
	f.gw.Unlock()
	f.update(func(r *fakeRecords) {
		// When the fake ended the connection, it recorded that already.
		for i := range r.ends {
			if r.ends[i].Conn == c.n {
				r.ends[i].ClientCode, r.ends[i].Err = end.ClientCode, end.Err
				return
			}
		}
		r.ends = append(r.ends, end)
	})
}

// detach stops dispatches from going to c. The caller holds f.gw.
func (c *fakeConn) detach() {
	c.live = false
	if c.session != nil && c.session.conn == c {
		c.session.conn = nil
	}
	c.f.noteLive()
}

// noteLive records which connection dispatches go to. The caller holds
// f.gw.
func (f *fakeDiscord) noteLive() {
	n := 0
	if s := f.current; s != nil && s.conn != nil && s.conn.live {
		n = s.conn.n
	}
	f.update(func(r *fakeRecords) { r.live = n })
}

// write sends one frame and records it. Writes have a deadline, so a
// client that stops reading fails the write instead of hanging the test.
func (c *fakeConn) write(rec fakeFrame, raw []byte, binary bool) error {
	c.wmu.Lock()
	c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	kind := websocket.TextMessage
	if binary {
		kind = websocket.BinaryMessage
	}
	err := c.ws.WriteMessage(kind, raw)
	c.wmu.Unlock()
	if err != nil {
		return err
	}
	rec.Conn, rec.At = c.n, time.Now()
	c.f.update(func(r *fakeRecords) { r.frames = append(r.frames, rec) })
	return nil
}

// sendOp sends a frame that is not a dispatch.
func (c *fakeConn) sendOp(op int, d any) error {
	raw, err := json.Marshal(map[string]any{"op": op, "d": d, "s": nil, "t": nil})
	if err != nil {
		return err
	}
	data, _ := json.Marshal(d)
	return c.write(fakeFrame{Op: op, Data: data}, raw, false)
}

// encodeDispatch encodes a dispatch of event t with sequence number seq,
// and returns it with its encoded data.
func encodeDispatch(t string, seq int, d any) (frame []byte, data json.RawMessage, err error) {
	data, ok := d.(json.RawMessage)
	if !ok {
		if data, err = json.Marshal(d); err != nil {
			return nil, nil, err
		}
	}
	name, err := json.Marshal(t)
	if err != nil {
		return nil, nil, err
	}
	frame = make([]byte, 0, len(data)+len(name)+40)
	frame = append(frame, `{"op":0,"s":`...)
	frame = strconv.AppendInt(frame, int64(seq), 10)
	frame = append(frame, `,"t":`...)
	frame = append(frame, name...)
	frame = append(frame, `,"d":`...)
	frame = append(frame, data...)
	return append(frame, '}'), data, nil
}

// sendDispatch numbers a dispatch in session s, keeps it for replay and
// sends it on s's live connection, if any. The caller holds f.gw.
func (f *fakeDiscord) sendDispatch(s *fakeSession, t string, d any, compress bool) (int, error) {
	s.seq++
	raw, data, err := encodeDispatch(t, s.seq, d)
	if err != nil {
		s.seq--
		return 0, err
	}
	s.events = append(s.events, raw)
	c := s.conn
	if c == nil || !c.live {
		return s.seq, nil
	}
	payload, binary := raw, false
	if compress {
		payload, binary = zlibBytes(raw), true
	}
	if err := c.write(fakeFrame{Op: 0, Seq: s.seq, Type: t, Data: data}, payload, binary); err != nil {
		// The client will resume from the last sequence number it saw.
		c.detach()
	}
	return s.seq, nil
}

func zlibBytes(b []byte) []byte {
	var buf bytes.Buffer
	z := zlib.NewWriter(&buf)
	z.Write(b)
	z.Close()
	return buf.Bytes()
}

// handshakeVerdict returns the close code an IDENTIFY or RESUME carrying
// token gets, or 0 to accept it, once the handshakes are no longer held.
// It counts the frame for the hook.
func (f *fakeDiscord) handshakeVerdict(op int, token string) int {
	f.mu.Lock()
	hold := f.handshakeHold
	f.mu.Unlock()
	if hold != nil && !f.await(context.Background(), held(hold)) {
		return 4000 // the fake is closing
	}
	if !f.tokenOK(token) {
		return 4004
	}
	f.mu.Lock()
	hook := f.handshakeHook
	n := len(f.rec.identifies)
	if op == 6 {
		n = len(f.rec.resumes)
	}
	f.mu.Unlock()
	if hook != nil {
		return hook(op, n)
	}
	return 0
}

// closeText is the reason Discord gives with each close code it sends.
var closeText = map[int]string{
	4000: "Unknown error.", 4004: "Authentication failed.", 4007: "Invalid seq.",
	4009: "Session timed out.", 4010: "Invalid shard.", 4011: "Sharding required.",
	4012: "Invalid API version.", 4013: "Invalid intent(s).", 4014: "Disallowed intent(s).",
}

func (c *fakeConn) identify(d json.RawMessage) {
	var id struct {
		Token    string  `json:"token"`
		Compress bool    `json:"compress"`
		Intents  *int    `json:"intents"`
		Shard    *[2]int `json:"shard"`
	}
	if err := json.Unmarshal(d, &id); err != nil {
		c.f.problem("gateway: conn %d: malformed IDENTIFY: %v", c.n, err)
		c.closeWith(4002, "Error while decoding payload.")
		return
	}
	if code := c.f.handshakeVerdict(2, id.Token); code != 0 {
		c.closeWith(code, closeText[code])
		return
	}
	f := c.f
	f.gw.Lock()
	defer f.gw.Unlock()
	if c.over {
		return
	}
	if c.session != nil {
		c.detach()
		delete(f.sessions, c.session.id)
	}
	s := &fakeSession{id: "fake-session-" + f.nextID(), conn: c}
	f.sessions[s.id] = s
	f.current, c.session, c.live = s, s, true
	ready := map[string]any{
		"v":                  10,
		"user":               map[string]any{"id": f.appID, "username": "articlebot", "discriminator": "0", "bot": true, "verified": true},
		"guilds":             []any{},
		"session_id":         s.id,
		"resume_gateway_url": f.wsURL(),
		"application":        map[string]any{"id": f.appID, "flags": 0},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	if _, err := f.sendDispatch(s, "READY", ready, id.Compress); err == nil {
		f.update(func(r *fakeRecords) { r.handshakes++ })
	}
	f.noteLive()
}

func (c *fakeConn) resume(d json.RawMessage) {
	var res struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int    `json:"seq"`
	}
	if err := json.Unmarshal(d, &res); err != nil {
		c.f.problem("gateway: conn %d: malformed RESUME: %v", c.n, err)
		c.closeWith(4002, "Error while decoding payload.")
		return
	}
	if code := c.f.handshakeVerdict(6, res.Token); code != 0 {
		c.closeWith(code, closeText[code])
		return
	}
	f := c.f
	f.mu.Lock()
	expired := f.expired
	f.mu.Unlock()
	f.gw.Lock()
	defer f.gw.Unlock()
	if c.over {
		return
	}
	s := f.sessions[res.SessionID]
	if expired || s == nil || res.Seq > s.seq {
		c.sendOp(9, false)
		return
	}
	if old := s.conn; old != nil && old != c {
		old.detach()
	}
	s.conn, c.session, c.live, f.current = c, s, true, s
	for _, raw := range s.events[res.Seq:] {
		var fr gatewayFrame
		json.Unmarshal(raw, &fr)
		rec := fakeFrame{Op: 0, Data: fr.D}
		if fr.S != nil {
			rec.Seq = *fr.S
		}
		if fr.T != nil {
			rec.Type = *fr.T
		}
		if err := c.write(rec, raw, false); err != nil {
			c.detach()
			return
		}
	}
	if _, err := f.sendDispatch(s, "RESUMED", map[string]any{}, false); err == nil {
		f.update(func(r *fakeRecords) { r.handshakes++ })
	}
	f.noteLive()
}

// dispatch sends the gateway event t with data d in the current session,
// and returns its sequence number. When the session has no live connection
// the event waits for a RESUME. There must be a session: wait for READY
// first.
func (f *fakeDiscord) dispatch(t testing.TB, event string, d any) int {
	t.Helper()
	f.gw.Lock()
	defer f.gw.Unlock()
	if f.current == nil {
		t.Fatalf("fake Discord: dispatching %s before any READY", event)
	}
	seq, err := f.sendDispatch(f.current, event, d, false)
	if err != nil {
		t.Fatalf("fake Discord: dispatching %s: %v", event, err)
	}
	return seq
}

// interact dispatches INTERACTION_CREATE for payload, an interaction as
// Discord sends it, and returns the interaction's ID. The fake gives it a
// fresh ID and token, and the application ID when payload has none;
// payload itself is not changed. replies, when given, answer the
// interaction's first callbacks in order, instead of the fake's normal
// answer.
func (f *fakeDiscord) interact(t testing.TB, payload map[string]any, replies ...*fakeReply) string {
	t.Helper()
	d := make(map[string]any, len(payload)+3)
	for k, v := range payload {
		d[k] = v
	}
	id := f.nextID()
	token := "aW50ZXJhY3Rpb246" + id + ":" + fakeInteractionSecret
	d["id"], d["token"] = id, token
	if d["application_id"] == nil {
		d["application_id"] = f.appID
	}
	raw, err := json.Marshal(d)
	if err != nil {
		t.Fatalf("fake Discord: encoding an interaction: %v", err)
	}
	var head struct{ Type int }
	json.Unmarshal(raw, &head)
	faults := 0
	for _, r := range replies {
		if r.Status != 0 {
			faults++
		}
	}
	f.update(func(r *fakeRecords) {
		r.interactions[id] = &fakeInteraction{ID: id, Token: token, Type: head.Type, Payload: raw, replies: replies, Faults: faults, Dispatched: time.Now()}
		r.order = append(r.order, id)
	})
	f.dispatch(t, "INTERACTION_CREATE", json.RawMessage(raw))
	return id
}

// waitAnswered waits until interaction id has been answered successfully,
// and returns that callback. It fails the test at once when the fake
// refused a callback of its own accord (a 4xx other than 429): the client
// does not retry those.
func (f *fakeDiscord) waitAnswered(t testing.TB, id string) fakeRequest {
	t.Helper()
	var refused *fakeRequest
	f.waitFor(t, "an answer to interaction "+id, func(r *fakeRecords) bool {
		in := r.interactions[id]
		if in == nil {
			return false
		}
		for k, i := range in.Callbacks {
			if q := r.requests[i]; k >= in.Faults && q.Status >= 400 && q.Status < 500 && q.Status != http.StatusTooManyRequests {
				refused = &q
				return true
			}
		}
		return !in.Answered.IsZero()
	})
	if refused != nil {
		t.Fatalf("fake Discord refused the answer to interaction %s with %d %s\nanswer: %s", id, refused.Status, refused.Reply, refused.Body)
	}
	for _, cb := range f.callbacks(id) {
		if cb.ok() {
			return cb
		}
	}
	t.Fatalf("fake Discord: interaction %s is answered but has no successful callback", id)
	return fakeRequest{}
}

// liveConn waits until the current session has a live connection (after
// READY or RESUMED) and returns it.
func (f *fakeDiscord) liveConn(t testing.TB) *fakeConn {
	t.Helper()
	var n int
	f.waitFor(t, "a live gateway connection", func(r *fakeRecords) bool {
		n = r.live
		return n != 0
	})
	f.gw.Lock()
	defer f.gw.Unlock()
	return f.conns[n-1]
}

// endByFake ends the connection from the fake's side. code is the close
// code sent first, or 0 to drop the TCP connection without a close frame.
func (c *fakeConn) endByFake(code int, text string) {
	f := c.f
	f.gw.Lock()
	already := c.over
	c.over = true
	c.detach()
	f.gw.Unlock()
	if already {
		return
	}
	f.update(func(r *fakeRecords) {
		r.ends = append(r.ends, fakeConnEnd{Conn: c.n, ByFake: true, ServerCode: code, At: time.Now()})
	})
	if code != 0 {
		c.wmu.Lock()
		c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
		c.wmu.Unlock()
	}
	c.ws.NetConn().Close()
}

// drop ends the connection abruptly: the TCP connection closes without a
// close frame, as when a network path fails.
func (c *fakeConn) drop() { c.endByFake(0, "") }

// closeWith closes the connection with a close frame carrying code.
func (c *fakeConn) closeWith(code int, text string) { c.endByFake(code, text) }

// reconnect sends RECONNECT (op 7): the client should close the connection
// and resume on a new one. Dispatches from now on wait for the resume.
func (c *fakeConn) reconnect() error {
	c.f.gw.Lock()
	c.detach()
	c.f.gw.Unlock()
	return c.sendOp(7, nil)
}

// invalidSession sends INVALID_SESSION (op 9) and forgets the connection's
// session, as Discord does: the client has to identify again, and nothing
// can be dispatched until it has.
func (c *fakeConn) invalidSession(resumable bool) error {
	f := c.f
	f.gw.Lock()
	if s := c.session; s != nil {
		c.detach()
		if !resumable {
			delete(f.sessions, s.id)
			if f.current == s {
				f.current = nil
			}
		}
	}
	f.noteLive()
	f.gw.Unlock()
	return c.sendOp(9, resumable)
}

// ignoreHeartbeats stops the fake from acknowledging the heartbeats sent on
// the connection, which makes it look like a zombie connection to the
// client.
func (c *fakeConn) ignoreHeartbeats() {
	c.f.gw.Lock()
	defer c.f.gw.Unlock()
	c.deaf = true
}

// wait waits until the connection is over.
func (c *fakeConn) wait(t testing.TB) {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(waitTimeout):
		t.Fatalf("fake Discord: gateway connection %d is still open after %v", c.n, waitTimeout)
	}
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

// startBot runs articlebot (the run subcommand, through run, exactly as
// main does) against f. Its environment is DISCORD_TOKEN=fakeBotToken and
// LOG_LEVEL=debug, changed by vars (an empty value unsets a variable); opts
// come after the fake's options. [botRun.addr] tells where the run's HTTP
// servers listen. When the test ends the run is cancelled and waited for,
// and its log is checked for the token.
func startBot(t testing.TB, f *fakeDiscord, vars map[string]string, opts ...option) *botRun {
	t.Helper()
	env := map[string]string{envToken: fakeBotToken, envLogLevel: "debug"}
	for k, v := range vars {
		env[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	b := &botRun{cancel: cancel, done: make(chan struct{}), log: &syncBuffer{}, stdout: &syncBuffer{}, start: time.Now(),
		addrs: make(chan string, 4)}
	all := append(f.options(), withReadyTimeout(10*time.Second), withListening(func(name string, addr net.Addr) {
		b.addrs <- name + "=" + addr.String()
	}))
	all = append(all, opts...)
	go func() {
		defer close(b.done)
		b.err = run(ctx, []string{"run"}, mapEnv(env), b.stdout, b.log, all...)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-b.done:
		case <-time.After(waitTimeout):
			t.Errorf("articlebot run did not return %v after the test ended", waitTimeout)
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

// checkNoSecrets fails the test when s, named what, shows the bot token, a
// part of it, or an interaction token.
func checkNoSecrets(t testing.TB, what, s string) {
	t.Helper()
	for _, secret := range []string{fakeBotToken, fakeTokenSecret, fakeInteractionSecret} {
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
	case <-time.After(waitTimeout):
		t.Fatalf("articlebot run did not return within %v\nlog:\n%s", waitTimeout, b.log.String())
		return nil
	}
}

// addr waits for the run's HTTP server name to listen and returns its
// address; it fails the test when the run ends first.
func (b *botRun) addr(t testing.TB, name string) string {
	t.Helper()
	timeout := time.After(waitTimeout)
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

// waitStarted waits until the fake has answered n registrations of
// commands successfully in all (n counts the runs started against f), and
// returns the live gateway connection.
func (f *fakeDiscord) waitStarted(t testing.TB, n int) *fakeConn {
	t.Helper()
	f.waitFor(t, fmt.Sprintf("registration number %d of the commands", n), func(r *fakeRecords) bool {
		done := 0
		for _, q := range r.requests {
			if (q.Pattern == routeGlobalCommands || q.Pattern == routeGuildCommands) && q.ok() {
				done++
			}
		}
		return done >= n
	})
	return f.liveConn(t)
}

// TestFakeDiscordFollowsDiscordsRules checks the fake itself, with a bare
// discordgo session: the rules tests rely on when they count answers, and
// the message route the mention tests use.
func TestFakeDiscordFollowsDiscordsRules(t *testing.T) {
	f := newFakeDiscord(t)
	s, err := discordgo.New("Bot " + fakeBotToken)
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: fakeTransport{f}}
	s.Dialer = &websocket.Dialer{HandshakeTimeout: 5 * time.Second}
	s.ShouldReconnectOnError = false
	s.LogLevel = -1
	if err := s.Open(); err != nil {
		t.Fatalf("opening a session with the fake: %v", err)
	}
	defer s.Close()

	command := map[string]any{"type": 2, "data": map[string]any{"id": "6000000000000000006", "name": "about", "type": 1}}
	message := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "hello"}}
	choices := &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{}}
	respond := func(id, token string, r *discordgo.InteractionResponse) error {
		return s.InteractionRespond(&discordgo.Interaction{ID: id, Token: token}, r)
	}
	status := func(err error) int {
		var re *discordgo.RESTError
		if errors.As(err, &re) {
			return re.Response.StatusCode
		}
		if err != nil {
			return -1
		}
		return http.StatusNoContent
	}

	t.Run("callbacks", func(t *testing.T) {
		id := f.interact(t, command)
		token := f.interaction(id).Token
		other := f.interact(t, command)
		for _, tc := range []struct {
			name      string
			id, token string
			resp      *discordgo.InteractionResponse
			want      int
		}{
			{"unknown interaction", "1", "token", message, http.StatusNotFound},
			{"wrong token", id, "not-" + token, message, http.StatusUnauthorized},
			{"response type that does not fit", id, token, choices, http.StatusBadRequest},
			{"first answer", id, token, message, http.StatusNoContent},
			{"second answer", id, token, message, http.StatusBadRequest},
			{"another interaction", other, f.interaction(other).Token, message, http.StatusNoContent},
		} {
			if got := status(respond(tc.id, tc.token, tc.resp)); got != tc.want {
				t.Errorf("%s: InteractionRespond status = %d, want %d", tc.name, got, tc.want)
			}
		}
		if in := f.interaction(id); in.Answered.IsZero() || len(in.Callbacks) != 4 {
			t.Errorf("interaction %s: answered %v with %d callbacks, want answered with 4", id, !in.Answered.IsZero(), len(in.Callbacks))
		}
	})

	t.Run("messages", func(t *testing.T) {
		m, err := s.ChannelMessageSendReply("4000000000000000004", "hello",
			&discordgo.MessageReference{MessageID: "4100000000000000041", ChannelID: "4000000000000000004"})
		if err != nil {
			t.Fatal(err)
		}
		if m.ID == "" || m.Content != "hello" || m.Type != discordgo.MessageTypeReply || m.Author == nil || !m.Author.Bot {
			t.Errorf("created message = %+v, want a reply by the bot saying hello", m)
		}
		got := f.messages()
		if len(got) != 1 || got[0].Path != "/api/v9/channels/4000000000000000004/messages" || !bytes.Contains(got[0].Body, []byte(`"hello"`)) {
			t.Errorf("messages recorded = %+v, want the one sent", got)
		}
		bad, _ := discordgo.New("Bot MTAwMDAwMDAwMDAwMDAwMDA5.Wr0nGt.another-token")
		bad.Client = s.Client
		if _, err := bad.ChannelMessageSend("4000000000000000004", "hello"); status(err) != http.StatusUnauthorized {
			t.Errorf("sending with another token: %v, want a 401", err)
		}
	})

	t.Run("dispatch order", func(t *testing.T) {
		var seqs []int
		for _, fr := range f.frames() {
			if !fr.FromClient && fr.Op == 0 {
				seqs = append(seqs, fr.Seq)
			}
		}
		for i, seq := range seqs {
			if seq != i+1 {
				t.Fatalf("dispatch sequence numbers = %v, want 1, 2, 3...", seqs)
			}
		}
	})
}

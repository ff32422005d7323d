// Package discordtest is an in-process Discord for tests: the REST API and
// the gateway of one fake application, recording everything a client sends
// and letting a test inject Discord's faults.
package discordtest

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Discord is an in-process Discord for end-to-end tests: the REST API
// on an httptest server and the gateway on a websocket of the same server.
// A discordgo session reaches it through [Discord.Client] and
// [Discord.Dialer], which replace the session's HTTP client and websocket
// dialer; nothing else in the client changes.
//
// The fake behaves like Discord where the runner can tell:
//
//   - GET /api/v9/gateway returns the fake's websocket URL, and
//     GET /api/v9/gateway/bot the URL with the number of shards the fake
//     recommends ([Discord.RecommendShards]). The gateway sends HELLO,
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
// records with [Discord.WaitFor] and read copies of them through the
// accessor methods.
//
// Faults are injected per REST request ([Discord.SetRESTFault], or the
// replies given to [Discord.Interact] for one interaction's callbacks),
// per gateway connection ([Conn.Drop], [Conn.CloseWith],
// [Conn.Reconnect], [Conn.InvalidSession], [Conn.IgnoreHeartbeats],
// [Discord.ZombieConnection]), per handshake ([Discord.RevokeToken],
// [Discord.SetHandshakeFault], [Discord.HoldHandshakes],
// [Discord.ExpireSessions]) and for
// the whole gateway ([Discord.RefuseConnections],
// [Discord.MuteConnections]).
//
// All methods are safe for concurrent use. A fake is closed when its test
// ends; [Discord.Close] closes it earlier.
type Discord struct {
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
	conns    []*Conn

	// mu guards the settings and the records below. It is never held
	// while waiting or while taking gw.
	mu            sync.Mutex
	changed       chan struct{} // closed and replaced whenever a record changes
	token         string        // the valid bot token, without "Bot "
	revoked       bool
	expired       bool // resumes are refused with op 9
	refusing      bool // the gateway refuses new connections
	mute          int  // how many new connections get no HELLO
	restFault     func(Request) *Reply
	handshakeHook func(op, n int) int
	handshakeHold <-chan struct{} // handshakes wait until it is closed
	heartbeatMS   int             // the heartbeat interval HELLO announces
	zombies       map[int]int     // connection number -> the heartbeat interval of a zombie
	shards        int             // the shard count GET /gateway/bot recommends
	snowflake     uint64
	commands      map[string][]map[string]any // by scope: "global" or a guild ID
	rec           Records
}

// Records is everything a fake has seen. Tests read it inside
// [Discord.WaitFor] conditions, or through the accessors, which copy.
type Records struct {
	Requests     []Request
	Frames       []Frame
	Ends         []ConnEnd
	Identifies   []Frame // op 2 frames received
	Resumes      []Frame // op 6 frames received
	Connections  int     // gateway connections accepted
	Handshakes   int     // READY or RESUMED sent
	Live         int     // the number of the connection dispatches go to, or 0
	Interactions map[string]*Interaction
	Order        []string // interaction IDs in dispatch order
	Answered     int      // interactions with a successful callback
	Refused      int      // callbacks the fake refused of its own accord (4xx but 429)
	Messages     []Request
	Problems     []string // protocol errors, reported when the test ends
}

// Request is one REST request the fake received, and how it answered.
type Request struct {
	Method  string
	Path    string
	Pattern string // the route that matched, as in "PUT /api/v9/applications/{app}/commands"
	Auth    string // the Authorization header
	Body    []byte
	// InteractionID and InteractionToken are set on interaction callbacks.
	InteractionID, InteractionToken string
	// Status is the status the fake answered with: 0 while the request is
	// being answered, and StatusClientGone when the client gave up first.
	// Reply is the body the fake answered with.
	Status     int
	Reply      []byte
	Start, End time.Time
}

// StatusClientGone is the recorded status of a request whose client went
// away (or whose fake closed) before it was answered.
const StatusClientGone = 499

// ok reports whether the request succeeded.
func (r Request) OK() bool { return r.Status >= 200 && r.Status < 300 }

// Frame is one gateway frame, as sent or received.
type Frame struct {
	Conn       int  // the connection's number, from 1
	FromClient bool // received from the runner, or sent by the fake
	Op         int
	Seq        int // for dispatches
	Type       string
	Data       json.RawMessage
	At         time.Time
}

// ConnEnd is how one gateway connection ended.
type ConnEnd struct {
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

// Interaction is one interaction the fake dispatched.
type Interaction struct {
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
	replies []*Reply // faults for the next callbacks, in order
	acked   bool
}

// Reply is how the fake answers a REST request when a fault is
// injected: it waits Delay, then until Hold is closed (either wait ends
// early when the client gives up), then answers with Status, Header and
// Body, or as Discord normally would when Status is 0.
type Reply struct {
	Delay  time.Duration
	Hold   <-chan struct{}
	Status int
	Header http.Header
	Body   string
}

// RateLimited is Discord's 429 for a route bucket, with the JSON body and
// the headers Discord sends: retry after d.
func RateLimited(d time.Duration) *Reply {
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
	return &Reply{Status: http.StatusTooManyRequests, Header: h, Body: fmt.Sprintf(
		`{"message": "You are being rate limited.", "retry_after": %s, "global": false}`,
		strconv.FormatFloat(secs, 'f', 3, 64))}
}

// DiscordError is a Discord error reply: status with Discord's JSON body.
func DiscordError(status, code int, message string) *Reply {
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	body, _ := json.Marshal(map[string]any{"message": message, "code": code})
	return &Reply{Status: status, Header: h, Body: string(body)}
}

// Unauthorized is Discord's answer to a request with a bad token.
func Unauthorized() *Reply { return DiscordError(http.StatusUnauthorized, 0, "401: Unauthorized") }

// ServerError is Discord's answer when it fails on its side.
func ServerError() *Reply {
	return DiscordError(http.StatusInternalServerError, 0, "500: Internal Server Error")
}

// Slow answers normally after d.
func Slow(d time.Duration) *Reply { return &Reply{Delay: d} }

// Held answers normally once hold is closed.
func Held(hold <-chan struct{}) *Reply { return &Reply{Hold: hold} }

// fakeSession is a gateway session: the dispatches sent in it, which a
// RESUME replays from the client's sequence number on.
type fakeSession struct {
	id     string
	seq    int
	events [][]byte // encoded dispatches; events[i] has sequence number i+1
	conn   *Conn
}

// Conn is one gateway connection.
type Conn struct {
	f       *Discord
	N       int // the connection's number, from 1
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
	AppID    = "1000000000000000001"
	BotToken = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.secret-part-of-the-test-token-0123456789"
	// TokenSecret is a part of BotToken no log may show.
	TokenSecret = "secret-part-of-the-test-token"
	// InteractionSecret ends every interaction token the fake hands
	// out. An interaction token lets its holder answer as the bot, so no
	// log may show it either.
	InteractionSecret = "ZmFrZS1pbnRlcmFjdGlvbi10b2tlbg"
)

// New starts a fake Discord that accepts BotToken for the
// application AppID. It is closed when t ends.
func New(t testing.TB) *Discord {
	f := &Discord{
		appID:       AppID,
		token:       BotToken,
		closing:     make(chan struct{}),
		changed:     make(chan struct{}),
		sessions:    map[string]*fakeSession{},
		commands:    map[string][]map[string]any{},
		heartbeatMS: 41250,
		shards:      1,
		snowflake:   1300000000000000000,
		rec:         Records{Interactions: map[string]*Interaction{}},
	}
	mux := http.NewServeMux()
	f.route(mux, "GET /gateway", f.serveGateway)
	f.route(mux, "GET /gateway/{$}", f.serveGateway)
	f.route(mux, RouteGateway, f.getGateway)
	f.route(mux, RouteGatewayBot, f.getGateway)
	f.route(mux, RouteGlobalCommands, f.putCommands)
	f.route(mux, RouteGuildCommands, f.putCommands)
	f.route(mux, RouteApplication, f.getApplication)
	f.route(mux, "GET /api/v9/applications/{app}/commands", f.getCommands)
	f.route(mux, "GET /api/v9/applications/{app}/guilds/{guild}/commands", f.getCommands)
	f.route(mux, RouteCallback, f.postCallback)
	f.route(mux, RouteMessages, f.postMessage)
	f.route(mux, "/", f.notFound)
	f.srv = httptest.NewServer(mux)
	f.transport = &http.Transport{
		Proxy:               nil,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 256,
		IdleConnTimeout:     30 * time.Second,
	}
	t.Cleanup(func() {
		f.Close()
		f.mu.Lock()
		problems := append([]string(nil), f.rec.Problems...)
		f.mu.Unlock()
		for _, p := range problems {
			t.Errorf("fake Discord: %s", p)
		}
		if t.Failed() {
			t.Logf("fake Discord's records:\n%s", f.Summary(80))
		}
	})
	return f
}

// Routes of the REST API, as the fake's mux patterns; a fault hook can
// match Request.Pattern against them.
const (
	RouteGateway        = "GET /api/v9/gateway"
	RouteGatewayBot     = "GET /api/v9/gateway/bot"
	RouteGlobalCommands = "PUT /api/v9/applications/{app}/commands"
	RouteGuildCommands  = "PUT /api/v9/applications/{app}/guilds/{guild}/commands"
	RouteApplication    = "GET /api/v9/oauth2/applications/@me"
	RouteCallback       = "POST /api/v9/interactions/{id}/{token}/callback"
	RouteMessages       = "POST /api/v9/channels/{channel}/messages"
)

// Client returns an HTTP client whose requests to Discord's hosts go to
// the fake, for a discordgo session's Client. It refuses every other host,
// so a test never reaches the network.
func (f *Discord) Client() *http.Client {
	return &http.Client{Transport: transport{f}, Timeout: 20 * time.Second}
}

// Dialer returns a websocket dialer for a discordgo session's Dialer. The
// gateway URL the fake hands out leads to the fake, so the dialer needs
// nothing else.
func (f *Discord) Dialer() *websocket.Dialer {
	return &websocket.Dialer{HandshakeTimeout: 5 * time.Second}
}

// transport sends requests for Discord's hosts to the fake and refuses
// every other host, so a test never reaches the network.
type transport struct{ f *Discord }

func (ft transport) RoundTrip(req *http.Request) (*http.Response, error) {
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

// Close stops the fake: it ends every gateway connection abruptly, lets
// held requests go, waits for its handlers and closes the client's idle
// connections. It may be called more than once.
func (f *Discord) Close() {
	f.closeOnce.Do(func() {
		close(f.closing)
		f.gw.Lock()
		conns := append([]*Conn(nil), f.conns...)
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

// SetRESTFault makes fn decide how the fake answers each REST request: a
// nil reply lets the fake answer normally. fn runs on the request's
// goroutine and must not block.
func (f *Discord) SetRESTFault(fn func(Request) *Reply) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.restFault = fn
}

// SetHandshakeFault makes fn decide how the fake answers each IDENTIFY
// (op 2) and RESUME (op 6): n counts the frames of that op from 1, and a
// non-zero result is the code the fake closes the connection with instead
// of accepting.
func (f *Discord) SetHandshakeFault(fn func(op, n int) int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handshakeHook = fn
}

// HoldHandshakes makes the gateway wait, from now on, until hold is closed
// before it answers an IDENTIFY or a RESUME, as a slow gateway does: the
// client's connection attempt is in progress meanwhile.
func (f *Discord) HoldHandshakes(hold <-chan struct{}) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handshakeHold = hold
}

// RecommendShards sets the number of shards GET /gateway/bot recommends
// (1 by default).
func (f *Discord) RecommendShards(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.shards = n
}

// SetHeartbeatInterval sets the heartbeat interval that HELLO announces
// to connections opened from now on (41.25 s, Discord's usual, by default).
func (f *Discord) SetHeartbeatInterval(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.heartbeatMS = int(d.Milliseconds())
}

// ZombieConnection makes connection n (counting from 1), when it opens,
// look dead to the client: its HELLO announces interval, and its
// heartbeats go unacknowledged. The other connections keep the interval
// [Discord.SetHeartbeatInterval] sets, so that a client busy enough to
// read acknowledgements late gives up on none of them.
func (f *Discord) ZombieConnection(n int, interval time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.zombies == nil {
		f.zombies = make(map[int]int)
	}
	f.zombies[n] = int(interval.Milliseconds())
}

// RefuseConnections makes the gateway refuse new connections (503 before
// the websocket upgrade) while refuse is true, as during an outage.
func (f *Discord) RefuseConnections(refuse bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.refusing = refuse
}

// MuteConnections makes the gateway accept the next n connections and
// then say nothing on them, not even HELLO, as a stalled server does.
func (f *Discord) MuteConnections(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mute = n
}

// RevokeToken makes the fake reject the token from now on, as when it is
// reset in the developer portal: 401 on authenticated REST routes and close
// code 4004 on IDENTIFY and RESUME.
func (f *Discord) RevokeToken() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.revoked = true
}

// ExpireSessions makes the fake refuse every RESUME with INVALID_SESSION
// (op 9, not resumable), so the client has to identify again.
func (f *Discord) ExpireSessions() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.expired = true
}

// tokenOK reports whether token, with or without "Bot ", is the valid one.
func (f *Discord) tokenOK(token string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return !f.revoked && strings.TrimPrefix(token, "Bot ") == f.token
}

// nextID returns a new snowflake.
func (f *Discord) nextID() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.snowflake++
	return strconv.FormatUint(f.snowflake, 10)
}

// --- records -------------------------------------------------------------------

// update runs fn on the records and wakes the waiters.
func (f *Discord) update(fn func(r *Records)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(&f.rec)
	close(f.changed)
	f.changed = make(chan struct{})
}

// problem records a protocol error, reported as a failure when the test
// ends.
func (f *Discord) problem(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	f.update(func(r *Records) { r.Problems = append(r.Problems, msg) })
}

// WaitTimeout bounds every wait on the fake. It is far above what any
// step takes, so that it only ever catches a hang.
const WaitTimeout = 20 * time.Second

// WaitFor waits until cond holds, failing the test after WaitTimeout. what
// says what is awaited. cond runs with the fake locked: it must only read
// r, and not call the fake's methods.
func (f *Discord) WaitFor(t testing.TB, what string, cond func(r *Records) bool) {
	t.Helper()
	deadline := time.NewTimer(WaitTimeout)
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
			t.Fatalf("fake Discord: waited %v for %s\nrecords:\n%s", WaitTimeout, what, f.Summary(40))
		}
	}
}

// Requests returns the REST requests received so far whose pattern starts
// with prefix ("" for all), in arrival order.
func (f *Discord) Requests(prefix string) []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Request
	for _, r := range f.rec.Requests {
		if strings.HasPrefix(r.Pattern, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// Callbacks returns the callbacks received for the interaction id, in
// arrival order.
func (f *Discord) Callbacks(id string) []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	in := f.rec.Interactions[id]
	if in == nil {
		return nil
	}
	out := make([]Request, len(in.Callbacks))
	for i, k := range in.Callbacks {
		out[i] = f.rec.Requests[k]
	}
	return out
}

// Interaction returns a copy of what the fake knows of interaction id.
func (f *Discord) Interaction(id string) Interaction {
	f.mu.Lock()
	defer f.mu.Unlock()
	in := f.rec.Interactions[id]
	if in == nil {
		return Interaction{}
	}
	c := *in
	c.Callbacks = append([]int(nil), in.Callbacks...)
	c.replies = nil
	return c
}

// Frames returns the gateway frames so far, both directions.
func (f *Discord) Frames() []Frame {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Frame(nil), f.rec.Frames...)
}

// Identifies returns the IDENTIFY frames received so far.
func (f *Discord) Identifies() []Frame {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Frame(nil), f.rec.Identifies...)
}

// Resumes returns the RESUME frames received so far.
func (f *Discord) Resumes() []Frame {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Frame(nil), f.rec.Resumes...)
}

// ConnEnds returns how the gateway connections that are over ended.
func (f *Discord) ConnEnds() []ConnEnd {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]ConnEnd(nil), f.rec.Ends...)
}

// Messages returns the messages created through POST .../messages.
func (f *Discord) Messages() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Request(nil), f.rec.Messages...)
}

// Registered returns the commands registered in scope ("global" or a
// guild ID), as the fake stores them.
func (f *Discord) Registered(scope string) []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.commands[scope]...)
}

// CommandID returns the ID of the command name registered in scope, or ""
// when there is none.
func (f *Discord) CommandID(scope, name string) string {
	for _, c := range f.Registered(scope) {
		if c["name"] == name {
			id, _ := c["id"].(string)
			return id
		}
	}
	return ""
}

// Summary is a readable account of the records, at most limit lines per
// kind, for failure messages.
func (f *Discord) Summary(limit int) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var b strings.Builder
	tail := func(n int) int { return max(0, n-limit) }
	fmt.Fprintf(&b, "  %d REST requests:\n", len(f.rec.Requests))
	for _, r := range f.rec.Requests[tail(len(f.rec.Requests)):] {
		fmt.Fprintf(&b, "    %s %s -> %d (%v)\n", r.Method, r.Path, r.Status, r.End.Sub(r.Start).Round(time.Millisecond))
	}
	fmt.Fprintf(&b, "  %d gateway frames:\n", len(f.rec.Frames))
	for _, fr := range f.rec.Frames[tail(len(f.rec.Frames)):] {
		dir := "fake->client"
		if fr.FromClient {
			dir = "client->fake"
		}
		fmt.Fprintf(&b, "    conn %d %s op %d s %d %s\n", fr.Conn, dir, fr.Op, fr.Seq, fr.Type)
	}
	for _, e := range f.rec.Ends {
		fmt.Fprintf(&b, "  conn %d ended: client close code %d, by fake %v (code %d), %s\n", e.Conn, e.ClientCode, e.ByFake, e.ServerCode, e.Err)
	}
	fmt.Fprintf(&b, "  %d interactions, %d answered\n", len(f.rec.Order), f.rec.Answered)
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
type restHandler func(w http.ResponseWriter, r *http.Request, req *Request)

// route serves pattern with h, recording each request and applying the
// injected faults first. The gateway's patterns are served without that:
// the gateway records its own frames.
func (f *Discord) route(mux *http.ServeMux, pattern string, h restHandler) {
	if strings.HasPrefix(pattern, "GET /gateway") {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) { h(w, r, nil) })
		return
	}
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
		if err != nil {
			f.problem("reading the body of %s %s: %v", r.Method, r.URL.Path, err)
		}
		req := Request{
			Method: r.Method, Path: r.URL.Path, Pattern: pattern,
			Auth: r.Header.Get("Authorization"), Body: body, Start: time.Now(),
		}
		if pattern == RouteCallback {
			req.InteractionID, req.InteractionToken = r.PathValue("id"), r.PathValue("token")
		}
		var index int
		var reply *Reply
		f.update(func(rec *Records) {
			index = len(rec.Requests)
			rec.Requests = append(rec.Requests, req)
			if in := rec.Interactions[req.InteractionID]; in != nil {
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
			writeReply(sw, DiscordError(http.StatusServiceUnavailable, 0, "503: Service Unavailable"))
			if r.Context().Err() != nil {
				sw.status = StatusClientGone
			}
		case reply != nil && reply.Status != 0:
			writeReply(sw, reply)
		case needsBotToken(pattern) && !f.authOK(req.Auth):
			writeReply(sw, Unauthorized())
		default:
			h(sw, r, &req)
		}
		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		f.update(func(rec *Records) {
			rr := &rec.Requests[index]
			rr.Status, rr.Reply, rr.End = status, sw.body, time.Now()
			if in := rec.Interactions[req.InteractionID]; in != nil {
				switch {
				case rr.OK() && in.Answered.IsZero():
					in.Answered = rr.End
					rec.Answered++
				case reply == nil && status >= 400 && status < 500 && status != http.StatusTooManyRequests:
					rec.Refused++
				}
			}
			if pattern == RouteMessages && rr.OK() {
				rec.Messages = append(rec.Messages, *rr)
			}
		})
	})
}

// needsBotToken reports whether the route pattern needs the bot's token.
// Discord serves the gateway's URL to anyone, and interaction callbacks are
// authorised by the interaction's token in the path.
func needsBotToken(pattern string) bool {
	switch pattern {
	case RouteGateway, RouteCallback, "/":
		return false
	}
	return true
}

// authOK reports whether header is "Bot " followed by the valid token.
func (f *Discord) authOK(header string) bool {
	token, ok := strings.CutPrefix(header, "Bot ")
	return ok && f.tokenOK(token)
}

// await carries out the waits of reply and reports whether the request is
// still to be answered: false when the client gave up or the fake closed.
func (f *Discord) await(ctx context.Context, reply *Reply) bool {
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

func writeReply(w http.ResponseWriter, r *Reply) {
	for k, v := range r.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(r.Status)
	io.WriteString(w, r.Body)
}

func writeJSONReply(w http.ResponseWriter, status int, v any) {
	raw, err := json.Marshal(v)
	if err != nil {
		writeReply(w, ServerError())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(raw)
}

// wsURL is the gateway's URL, as GET /gateway returns it.
func (f *Discord) wsURL() string {
	return "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/gateway"
}

func (f *Discord) getGateway(w http.ResponseWriter, r *http.Request, req *Request) {
	v := map[string]any{"url": f.wsURL()}
	if req.Pattern == RouteGatewayBot {
		f.mu.Lock()
		v["shards"] = f.shards
		f.mu.Unlock()
		v["session_start_limit"] = map[string]any{"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}
	}
	writeJSONReply(w, http.StatusOK, v)
}

func (f *Discord) getApplication(w http.ResponseWriter, r *http.Request, req *Request) {
	writeJSONReply(w, http.StatusOK, map[string]any{"id": f.appID, "name": "articlebot", "bot_public": true})
}

func (f *Discord) notFound(w http.ResponseWriter, r *http.Request, req *Request) {
	f.problem("the runner sent %s %s, which the fake does not serve", r.Method, r.URL.Path)
	writeReply(w, DiscordError(http.StatusNotFound, 0, "404: Not Found"))
}

// commandScope returns the scope of a commands route: "global" or the
// guild's ID.
func commandScope(r *http.Request) string {
	if g := r.PathValue("guild"); g != "" {
		return g
	}
	return "global"
}

// CommandKey identifies a command as Discord does, by type and name; a
// command without a type is a slash command.
func CommandKey(c map[string]any) string {
	typ := c["type"]
	if typ == nil {
		typ = 1
	}
	return fmt.Sprintf("%v/%v", typ, c["name"])
}

func (f *Discord) putCommands(w http.ResponseWriter, r *http.Request, req *Request) {
	if r.PathValue("app") != f.appID {
		writeReply(w, DiscordError(http.StatusForbidden, 50001, "Missing Access"))
		return
	}
	var cmds []map[string]any
	if err := json.Unmarshal(req.Body, &cmds); err != nil || cmds == nil {
		writeReply(w, DiscordError(http.StatusBadRequest, 50035, "Invalid Form Body"))
		return
	}
	scope := commandScope(r)
	seen := map[string]bool{}
	for _, c := range cmds {
		name, _ := c["name"].(string)
		key := CommandKey(c)
		if name == "" || seen[key] {
			writeReply(w, DiscordError(http.StatusBadRequest, 50035, "Invalid Form Body"))
			return
		}
		seen[key] = true
	}

	f.mu.Lock()
	old := map[string]string{}
	for _, c := range f.commands[scope] {
		old[CommandKey(c)], _ = c["id"].(string)
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
		id := old[CommandKey(c)]
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

func (f *Discord) getCommands(w http.ResponseWriter, r *http.Request, req *Request) {
	writeJSONReply(w, http.StatusOK, f.Registered(commandScope(r)))
}

// Response types that fit each interaction type, by Discord's rules.
var fittingResponses = map[int][]int{
	1: {1},           // PING: PONG
	2: {4, 5, 9, 12}, // command: message, deferred message, modal, launch activity
	3: {4, 5, 6, 7, 9},
	4: {8}, // autocomplete: choices
	5: {4, 5, 6, 7},
}

func (f *Discord) postCallback(w http.ResponseWriter, r *http.Request, req *Request) {
	var resp struct {
		Type *int            `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(req.Body, &resp); err != nil || resp.Type == nil {
		writeReply(w, DiscordError(http.StatusBadRequest, 50035, "Invalid Form Body"))
		return
	}
	f.mu.Lock()
	in := f.rec.Interactions[req.InteractionID]
	var status *Reply
	switch {
	case in == nil:
		status = DiscordError(http.StatusNotFound, 10062, "Unknown interaction")
	case in.Token != req.InteractionToken:
		status = DiscordError(http.StatusUnauthorized, 50027, "Invalid Webhook Token")
	case in.acked:
		status = DiscordError(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
	default:
		fits := false
		for _, t := range fittingResponses[in.Type] {
			fits = fits || t == *resp.Type
		}
		if !fits {
			status = DiscordError(http.StatusBadRequest, 50035, "Invalid Form Body")
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

func (f *Discord) postMessage(w http.ResponseWriter, r *http.Request, req *Request) {
	var msg map[string]any
	if err := json.Unmarshal(req.Body, &msg); err != nil {
		writeReply(w, DiscordError(http.StatusBadRequest, 50035, "Invalid Form Body"))
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

func (f *Discord) serveGateway(w http.ResponseWriter, r *http.Request, _ *Request) {
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
	c := &Conn{f: f, N: len(f.conns) + 1, ws: ws, done: make(chan struct{})}
	f.conns = append(f.conns, c)
	f.update(func(r *Records) { r.Connections = c.N })
	f.gw.Unlock()
	defer close(c.done)
	defer ws.Close()

	f.mu.Lock()
	hb := f.heartbeatMS
	zombie, isZombie := f.zombies[c.N]
	mute := f.mute > 0
	if mute {
		f.mute--
	}
	f.mu.Unlock()
	if isZombie {
		hb = zombie
		c.IgnoreHeartbeats()
	}
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
			f.problem("gateway: conn %d: the client sent a frame that is not JSON: %v", c.N, err)
			continue
		}
		rec := Frame{Conn: c.N, FromClient: true, Op: fr.Op, Data: fr.D, At: time.Now()}
		f.update(func(r *Records) {
			r.Frames = append(r.Frames, rec)
			switch fr.Op {
			case 2:
				r.Identifies = append(r.Identifies, rec)
			case 6:
				r.Resumes = append(r.Resumes, rec)
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
			f.problem("gateway: conn %d: the client sent op %d, which clients do not send", c.N, fr.Op)
		}
	}
}

// drain reads the connection until the client goes, answering nothing.
func (c *Conn) drain() {
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
func (c *Conn) finish(err error) {
	end := ConnEnd{Conn: c.N, Err: err.Error(), At: time.Now()}
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
	f.update(func(r *Records) {
		// When the fake ended the connection, it recorded that already.
		for i := range r.Ends {
			if r.Ends[i].Conn == c.N {
				r.Ends[i].ClientCode, r.Ends[i].Err = end.ClientCode, end.Err
				return
			}
		}
		r.Ends = append(r.Ends, end)
	})
}

// detach stops dispatches from going to c. The caller holds f.gw.
func (c *Conn) detach() {
	c.live = false
	if c.session != nil && c.session.conn == c {
		c.session.conn = nil
	}
	c.f.noteLive()
}

// noteLive records which connection dispatches go to. The caller holds
// f.gw.
func (f *Discord) noteLive() {
	n := 0
	if s := f.current; s != nil && s.conn != nil && s.conn.live {
		n = s.conn.N
	}
	f.update(func(r *Records) { r.Live = n })
}

// write sends one frame and records it. Writes have a deadline, so a
// client that stops reading fails the write instead of hanging the test.
func (c *Conn) write(rec Frame, raw []byte, binary bool) error {
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
	rec.Conn, rec.At = c.N, time.Now()
	c.f.update(func(r *Records) { r.Frames = append(r.Frames, rec) })
	return nil
}

// sendOp sends a frame that is not a dispatch.
func (c *Conn) sendOp(op int, d any) error {
	raw, err := json.Marshal(map[string]any{"op": op, "d": d, "s": nil, "t": nil})
	if err != nil {
		return err
	}
	data, _ := json.Marshal(d)
	return c.write(Frame{Op: op, Data: data}, raw, false)
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
func (f *Discord) sendDispatch(s *fakeSession, t string, d any, compress bool) (int, error) {
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
	if err := c.write(Frame{Op: 0, Seq: s.seq, Type: t, Data: data}, payload, binary); err != nil {
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
func (f *Discord) handshakeVerdict(op int, token string) int {
	f.mu.Lock()
	hold := f.handshakeHold
	f.mu.Unlock()
	if hold != nil && !f.await(context.Background(), Held(hold)) {
		return 4000 // the fake is closing
	}
	if !f.tokenOK(token) {
		return 4004
	}
	f.mu.Lock()
	hook := f.handshakeHook
	n := len(f.rec.Identifies)
	if op == 6 {
		n = len(f.rec.Resumes)
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

func (c *Conn) identify(d json.RawMessage) {
	var id struct {
		Token    string  `json:"token"`
		Compress bool    `json:"compress"`
		Intents  *int    `json:"intents"`
		Shard    *[2]int `json:"shard"`
	}
	if err := json.Unmarshal(d, &id); err != nil {
		c.f.problem("gateway: conn %d: malformed IDENTIFY: %v", c.N, err)
		c.CloseWith(4002, "Error while decoding payload.")
		return
	}
	if code := c.f.handshakeVerdict(2, id.Token); code != 0 {
		c.CloseWith(code, closeText[code])
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
		f.update(func(r *Records) { r.Handshakes++ })
	}
	f.noteLive()
}

func (c *Conn) resume(d json.RawMessage) {
	var res struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int    `json:"seq"`
	}
	if err := json.Unmarshal(d, &res); err != nil {
		c.f.problem("gateway: conn %d: malformed RESUME: %v", c.N, err)
		c.CloseWith(4002, "Error while decoding payload.")
		return
	}
	if code := c.f.handshakeVerdict(6, res.Token); code != 0 {
		c.CloseWith(code, closeText[code])
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
		rec := Frame{Op: 0, Data: fr.D}
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
		f.update(func(r *Records) { r.Handshakes++ })
	}
	f.noteLive()
}

// Dispatch sends the gateway event t with data d in the current session,
// and returns its sequence number. When the session has no live connection
// the event waits for a RESUME. There must be a session: wait for READY
// first.
func (f *Discord) Dispatch(t testing.TB, event string, d any) int {
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

// Interact dispatches INTERACTION_CREATE for payload, an interaction as
// Discord sends it, and returns the interaction's ID. The fake gives it a
// fresh ID and token, and the application ID when payload has none;
// payload itself is not changed. replies, when given, answer the
// interaction's first callbacks in order, instead of the fake's normal
// answer.
func (f *Discord) Interact(t testing.TB, payload map[string]any, replies ...*Reply) string {
	t.Helper()
	d := make(map[string]any, len(payload)+3)
	for k, v := range payload {
		d[k] = v
	}
	id := f.nextID()
	token := "aW50ZXJhY3Rpb246" + id + ":" + InteractionSecret
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
	f.update(func(r *Records) {
		r.Interactions[id] = &Interaction{ID: id, Token: token, Type: head.Type, Payload: raw, replies: replies, Faults: faults, Dispatched: time.Now()}
		r.Order = append(r.Order, id)
	})
	f.Dispatch(t, "INTERACTION_CREATE", json.RawMessage(raw))
	return id
}

// WaitAnswered waits until interaction id has been answered successfully,
// and returns that callback. It fails the test at once when the fake
// refused a callback of its own accord (a 4xx other than 429): the client
// does not retry those.
func (f *Discord) WaitAnswered(t testing.TB, id string) Request {
	t.Helper()
	var refused *Request
	f.WaitFor(t, "an answer to interaction "+id, func(r *Records) bool {
		in := r.Interactions[id]
		if in == nil {
			return false
		}
		for k, i := range in.Callbacks {
			if q := r.Requests[i]; k >= in.Faults && q.Status >= 400 && q.Status < 500 && q.Status != http.StatusTooManyRequests {
				refused = &q
				return true
			}
		}
		return !in.Answered.IsZero()
	})
	if refused != nil {
		t.Fatalf("fake Discord refused the answer to interaction %s with %d %s\nanswer: %s", id, refused.Status, refused.Reply, refused.Body)
	}
	for _, cb := range f.Callbacks(id) {
		if cb.OK() {
			return cb
		}
	}
	t.Fatalf("fake Discord: interaction %s is answered but has no successful callback", id)
	return Request{}
}

// LiveConn waits until the current session has a live connection (after
// READY or RESUMED) and returns it.
func (f *Discord) LiveConn(t testing.TB) *Conn {
	t.Helper()
	var n int
	f.WaitFor(t, "a live gateway connection", func(r *Records) bool {
		n = r.Live
		return n != 0
	})
	f.gw.Lock()
	defer f.gw.Unlock()
	return f.conns[n-1]
}

// endByFake ends the connection from the fake's side. code is the close
// code sent first, or 0 to drop the TCP connection without a close frame.
func (c *Conn) endByFake(code int, text string) {
	f := c.f
	f.gw.Lock()
	already := c.over
	c.over = true
	c.detach()
	f.gw.Unlock()
	if already {
		return
	}
	f.update(func(r *Records) {
		r.Ends = append(r.Ends, ConnEnd{Conn: c.N, ByFake: true, ServerCode: code, At: time.Now()})
	})
	if code != 0 {
		c.wmu.Lock()
		c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
		c.wmu.Unlock()
	}
	c.ws.NetConn().Close()
}

// Drop ends the connection abruptly: the TCP connection closes without a
// close frame, as when a network path fails.
func (c *Conn) Drop() { c.endByFake(0, "") }

// CloseWith closes the connection with a close frame carrying code.
func (c *Conn) CloseWith(code int, text string) { c.endByFake(code, text) }

// Reconnect sends RECONNECT (op 7): the client should close the connection
// and resume on a new one. Dispatches from now on wait for the resume.
func (c *Conn) Reconnect() error {
	c.f.gw.Lock()
	c.detach()
	c.f.gw.Unlock()
	return c.sendOp(7, nil)
}

// InvalidSession sends INVALID_SESSION (op 9) and forgets the connection's
// session, as Discord does: the client has to identify again, and nothing
// can be dispatched until it has.
func (c *Conn) InvalidSession(resumable bool) error {
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

// IgnoreHeartbeats stops the fake from acknowledging the heartbeats sent on
// the connection, which makes it look like a zombie connection to the
// client.
func (c *Conn) IgnoreHeartbeats() {
	c.f.gw.Lock()
	defer c.f.gw.Unlock()
	c.deaf = true
}

// Wait waits until the connection is over.
func (c *Conn) Wait(t testing.TB) {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(WaitTimeout):
		t.Fatalf("fake Discord: gateway connection %d is still open after %v", c.N, WaitTimeout)
	}
}

// WaitStarted waits until the fake has answered n registrations of
// commands successfully in all (n counts the runs started against f), and
// returns the live gateway connection.
func (f *Discord) WaitStarted(t testing.TB, n int) *Conn {
	t.Helper()
	f.WaitFor(t, fmt.Sprintf("registration number %d of the commands", n), func(r *Records) bool {
		done := 0
		for _, q := range r.Requests {
			if (q.Pattern == RouteGlobalCommands || q.Pattern == RouteGuildCommands) && q.OK() {
				done++
			}
		}
		return done >= n
	})
	return f.LiveConn(t)
}

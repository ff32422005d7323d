// Package gateway keeps a discordgo session connected to Discord's gateway:
// it opens the connection with a deadline Discord's handshake cannot
// overstay, waits for READY, and reconnects whenever the connection drops,
// after a wait that grows with each failed attempt, until it is stopped or
// Discord refuses the session for good. It also resolves the shard a
// process runs. The clock and the waits between attempts are injectable,
// so tests need not sleep through them.
package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Defaults of a session's bounds.
const (
	// DefaultReadyTimeout bounds each attempt to connect to the gateway,
	// from the dial to READY or RESUMED.
	DefaultReadyTimeout = 30 * time.Second
	// openGrace is how long a connection attempt that was given up on may
	// take to return.
	openGrace = 5 * time.Second
)

// ErrTokenRejected is what a session ends with when Discord rejects the
// token, through a 401 from REST or gateway close code 4004. Restarting
// with the same token cannot help.
var ErrTokenRejected = errors.New("discord rejected the bot token")

// TokenError says that Discord rejected the bot token; errors.Is(err,
// ErrTokenRejected) holds for it.
type TokenError struct {
	// Why says how Discord rejected it: "gateway close code 4004,
	// authentication failed" or "HTTP 401 Unauthorized".
	Why string
}

func (e *TokenError) Error() string { return ErrTokenRejected.Error() + " (" + e.Why + ")" }

// Is reports whether target is ErrTokenRejected.
func (e *TokenError) Is(target error) bool { return target == ErrTokenRejected }

// RefusedError is a gateway close code that refuses the session's
// parameters (4010 to 4014): the shard, the sharding, the API version or
// the intents. Restarting with the same configuration cannot help.
type RefusedError struct {
	Code int
	Text string
	err  error
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("Discord's gateway refused the session (close code %d, %s)", e.Code, e.Text)
}

func (e *RefusedError) Unwrap() error { return e.err }

// Fatal returns the error a session ends with when err means that retrying
// cannot succeed: a *[TokenError] when Discord rejected the token, or a *[RefusedError] when the gateway refused
// the session's parameters. It returns nil for any other error.
func Fatal(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		if ce.Code == 4004 {
			return &TokenError{Why: "gateway close code 4004, authentication failed"}
		}
		if ce.Code >= 4010 && ce.Code <= 4014 {
			return &RefusedError{Code: ce.Code, Text: ce.Text, err: err}
		}
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
		return &TokenError{Why: "HTTP 401 Unauthorized"}
	}
	return nil
}

// Backoff is the wait between two attempts to reconnect: First before the
// first, doubling after each failed attempt up to Max. Each wait is
// jittered, chosen at random between half of it and all of it, so that the
// processes of a sharded bot that lost Discord together do not all come
// back in the same instant.
type Backoff struct {
	First, Max time.Duration
}

// DefaultBackoff waits a second before the first reconnection, and at most
// a minute between two.
var DefaultBackoff = Backoff{First: time.Second, Max: time.Minute}

// wait returns the jittered wait before attempt n, counting from 1.
func (b Backoff) wait(n int) time.Duration {
	d := b.First
	for i := 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	return jitter(min(d, max(b.Max, b.First)))
}

// jitter returns a wait between half of d and d, chosen at random.
func jitter(d time.Duration) time.Duration {
	if d < 2 {
		return d
	}
	return d/2 + rand.N(d-d/2)
}

// Options are a session's bounds and clock. The zero value of each field
// means its default.
type Options struct {
	// Log is told about connections lost and regained.
	Log *slog.Logger
	// ReadyTimeout bounds each attempt to connect, from the dial to READY
	// or RESUMED; DefaultReadyTimeout when zero.
	ReadyTimeout time.Duration
	// Backoff sets the waits between reconnection attempts; DefaultBackoff
	// when zero.
	Backoff Backoff
	// After is the clock the waits are measured with; time.After when nil.
	After func(time.Duration) <-chan time.Time
}

// Session is one discordgo session kept connected to the gateway.
type Session struct {
	s            *discordgo.Session
	log          *slog.Logger
	readyTimeout time.Duration
	backoff      Backoff
	after        func(time.Duration) <-chan time.Time

	// connected is true while the session is identified or resumed and
	// its connection up.
	connected atomic.Bool

	ready   chan *discordgo.Ready // the latest READY, when not yet taken
	dropped chan struct{}         // signalled when the connection is lost

	attempt *attemptGuard // the connection attempt in progress
}

// New returns s kept connected by a Session. It takes over s's
// reconnection (s must not reconnect by itself) and wraps s's websocket
// dialer, so set s.Dialer before calling New.
func New(s *discordgo.Session, o Options) *Session {
	g := &Session{
		s:            s,
		log:          o.Log,
		readyTimeout: o.ReadyTimeout,
		backoff:      o.Backoff,
		after:        o.After,
		ready:        make(chan *discordgo.Ready, 1),
		dropped:      make(chan struct{}, 1),
		attempt:      &attemptGuard{},
	}
	if g.log == nil {
		g.log = slog.New(slog.DiscardHandler)
	}
	if g.readyTimeout <= 0 {
		g.readyTimeout = DefaultReadyTimeout
	}
	if g.backoff.First <= 0 {
		g.backoff = DefaultBackoff
	}
	if g.after == nil {
		g.after = time.After
	}
	// The session does not reconnect by itself: Serve does, so that it sees
	// why a connection failed and stops on a rejected token instead of
	// retrying forever, and so that a reconnection can be cancelled.
	s.ShouldReconnectOnError = false
	s.Dialer = g.attempt.dialer(s.Dialer)
	s.AddHandler(g.onReady)
	s.AddHandler(g.onDisconnect)
	return g
}

// Connected reports whether the session is identified or resumed and its
// connection up.
func (g *Session) Connected() bool { return g.connected.Load() }

func (g *Session) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	g.log.Debug("identified with the gateway")
	// Keep only the latest READY. Events arrive one at a time, so after the
	// channel is emptied the send cannot block.
	select {
	case <-g.ready:
	default:
	}
	select {
	case g.ready <- r:
	default:
	}
}

func (g *Session) onDisconnect(_ *discordgo.Session, _ *discordgo.Disconnect) {
	g.connected.Store(false)
	select {
	case g.dropped <- struct{}{}:
	default:
	}
}

// Start opens the connection and waits for READY, which it returns. The
// session counts as connected from then on.
func (g *Session) Start(ctx context.Context) (*discordgo.Ready, error) {
	if err := g.open(ctx); err != nil {
		if fatal := Fatal(err); fatal != nil {
			return nil, fatal
		}
		return nil, fmt.Errorf("connecting to Discord's gateway: %w", err)
	}
	select {
	case r := <-g.ready:
		g.connected.Store(true)
		return r, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-g.after(g.readyTimeout):
		return nil, fmt.Errorf("connecting to Discord's gateway: no READY within %v", g.readyTimeout)
	}
}

// Serve keeps the connection up, reconnecting whenever it drops, until ctx
// is cancelled (it then returns nil) or a reconnection fails for good.
func (g *Session) Serve(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-g.dropped:
		}
		if ctx.Err() != nil {
			return nil
		}
		g.log.Warn("lost the gateway connection; reconnecting")
		if err := g.reconnect(ctx); err != nil {
			return err
		}
	}
}

// reconnect opens the connection again, resuming the session when Discord
// allows it, after a wait that grows with each failed attempt. It returns
// nil once connected or when ctx is cancelled, and an error when Discord
// refuses the session for good.
//
// Even the first attempt waits a moment, as discordgo's own reconnection
// does. The heartbeat goroutine of the connection that dropped may still be
// running: once it finds its connection closed, it closes the session's
// connection with code 1000, which ends the session on Discord's side. When
// that happens after the new connection opened, the new one is closed and
// the interactions sent on it are lost. The wait lets that goroutine finish
// while there is nothing left for it to close.
func (g *Session) reconnect(ctx context.Context) error {
	wait := g.backoff.wait(1)
	for attempt := 1; ; attempt++ {
		select {
		case <-ctx.Done():
			return nil
		case <-g.after(wait):
		}
		// A disconnection reported until now was the old connection's:
		// its late heartbeat goroutine reports one too.
		select {
		case <-g.dropped:
		default:
		}
		err := g.open(ctx)
		switch {
		case err == nil, errors.Is(err, discordgo.ErrWSAlreadyOpen):
			g.connected.Store(true)
			g.log.Info("reconnected to the gateway", "attempts", attempt)
			return nil
		case ctx.Err() != nil:
			return nil
		}
		if fatal := Fatal(err); fatal != nil {
			return fatal
		}
		wait = g.backoff.wait(attempt + 1)
		g.log.Warn("reconnecting to the gateway failed", "attempt", attempt, "retry_in", wait, "err", err)
	}
}

// open opens the session's connection, giving up when ctx ends or when
// Discord has not completed it within the ready timeout.
//
// discordgo's Open waits for Discord's HELLO and READY without a deadline,
// holding the session's lock, which Close and every later Open need. To
// give up, open closes the attempt's network connection, which ends that
// wait; it then waits a little for Open to return. A connection that opens
// just as it is given up on fails soon after, and the session reconnects.
func (g *Session) open(ctx context.Context) error {
	g.attempt.begin()
	defer g.attempt.end()
	done := make(chan error, 1)
	go func() { done <- g.s.Open() }()
	var err error
	select {
	case openErr := <-done:
		return openErr
	case <-ctx.Done():
		err = ctx.Err()
	case <-g.after(g.readyTimeout):
		err = fmt.Errorf("no answer from Discord within %v", g.readyTimeout)
	}
	g.attempt.abandon()
	select {
	case <-done:
	case <-g.after(openGrace):
		g.log.Warn("gave up waiting for a gateway connection attempt to finish")
	}
	return err
}

// Close closes the gateway connection normally, with code 1000, so that no
// new event arrives and Discord ends the session.
func (g *Session) Close() error {
	g.connected.Store(false)
	return g.s.Close()
}

// attemptGuard lets a connection attempt be abandoned: it remembers the
// network connections that the session's websocket dialer opens during an
// attempt, so that closing them ends discordgo's wait for Discord.
type attemptGuard struct {
	mu        sync.Mutex
	active    bool       // an attempt is in progress
	abandoned bool       // the attempt in progress was given up
	conns     []net.Conn // dialled during the attempt in progress
}

// errAttemptAbandoned fails a dial that completes after its attempt was
// given up.
var errAttemptAbandoned = errors.New("the connection attempt was given up")

// dialer returns a copy of d whose connections the guard remembers.
func (a *attemptGuard) dialer(d *websocket.Dialer) *websocket.Dialer {
	if d == nil {
		d = websocket.DefaultDialer
	}
	c := *d
	dial := d.NetDialContext
	if dial == nil && d.NetDial != nil {
		netDial := d.NetDial
		dial = func(_ context.Context, network, addr string) (net.Conn, error) { return netDial(network, addr) }
	}
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	c.NetDialContext = a.track(dial)
	if d.NetDialTLSContext != nil {
		c.NetDialTLSContext = a.track(d.NetDialTLSContext)
	}
	return &c
}

func (a *attemptGuard) track(dial func(context.Context, string, string) (net.Conn, error)) func(context.Context, string, string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		switch {
		case a.abandoned:
			conn.Close()
			return nil, errAttemptAbandoned
		case a.active:
			a.conns = append(a.conns, conn)
		}
		return conn, nil
	}
}

// begin starts remembering the connections of a new attempt.
func (a *attemptGuard) begin() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.active, a.abandoned, a.conns = true, false, nil
}

// end forgets the attempt's connections, leaving them to the session.
func (a *attemptGuard) end() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.active, a.abandoned, a.conns = false, false, nil
}

// abandon closes the connections of the attempt in progress, and any it
// dials from now until it ends.
func (a *attemptGuard) abandon() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.abandoned = true
	for _, c := range a.conns {
		c.Close()
	}
	a.conns = nil
}

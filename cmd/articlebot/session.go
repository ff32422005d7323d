package main

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

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Defaults of the gateway mode's bounds.
const (
	// defaultDrainTimeout bounds the wait for answers in flight at shutdown.
	// Discord accepts an interaction's first response only within three
	// seconds, so an answer still running after this is lost anyway.
	defaultDrainTimeout = bot.DefaultAnswerTimeout
	// defaultReadyTimeout bounds each attempt to connect to the gateway,
	// from the dial to READY or RESUMED.
	defaultReadyTimeout = 30 * time.Second
	// openGrace is how long a connection attempt that was given up on may
	// take to return.
	openGrace = 5 * time.Second
	// firstBackoff is the longest wait before the first attempt to
	// reconnect; each failed attempt doubles it, up to maxBackoff. The wait
	// itself is jittered: between half of it and all of it.
	firstBackoff = time.Second
	// maxBackoff caps the wait between two reconnection attempts.
	maxBackoff = time.Minute
)

// errTokenRejected is what a run ends with when Discord rejects the token,
// through a 401 from REST or gateway close code 4004. It is wrapped in a
// *configError, so the exit status is 2: restarting will not help.
var errTokenRejected = errors.New("discord rejected DISCORD_TOKEN")

// gatewaySession is one run of the gateway mode.
type gatewaySession struct {
	s   *discordgo.Session
	cfg config
	log *slog.Logger
	gw  *bot.Gateway
	b   *bot.Bot
	// shard is the shard this session runs, its count resolved.
	shard shardConfig
	// connected is true while the session is identified or resumed and
	// its connection up; /readyz on METRICS_ADDR reports it.
	connected atomic.Bool

	ready   chan *discordgo.Ready // the latest READY, when not yet taken
	dropped chan struct{}         // signalled when the connection is lost

	attempt      *attemptGuard // the connection attempt in progress
	readyTimeout time.Duration // bounds each connection attempt
}

// runGateway connects to Discord's gateway, registers b's commands (on
// shard 0 only), and answers interactions until ctx is cancelled. It then
// stops taking new interactions, lets the answers in flight finish (for at
// most the drain timeout), closes the connection and returns nil. With
// METRICS_ADDR set it serves m and the session's health there meanwhile. It
// returns an error when the session cannot start, when Discord rejects the
// token, or when the gateway refuses the session for good.
func runGateway(ctx context.Context, cfg config, b *bot.Bot, m *bot.Metrics, log *slog.Logger, o options) error {
	detach := discordgoLogs.attach(log, cfg.token)
	defer detach()

	s, err := discordgo.New("Bot " + cfg.token)
	if err != nil {
		return fmt.Errorf("creating the Discord session: %w", err)
	}
	s.Identify.Intents = gatewayIntents(cfg)
	s.StateEnabled = false
	// Events are handled in the order they arrive; the gateway adapter
	// answers each interaction on a goroutine of its own.
	s.SyncEvents = true
	// The session does not reconnect by itself: runGateway does, so that it
	// sees why a connection failed and stops on a rejected token instead of
	// retrying forever, and so that a reconnection can be cancelled.
	s.ShouldReconnectOnError = false
	s.LogLevel = sessionLogLevel(log)
	if o.httpClient != nil {
		s.Client = o.httpClient
	}
	dialer := s.Dialer
	if o.dialer != nil {
		dialer = o.dialer
	}
	attempt := &attemptGuard{}
	s.Dialer = attempt.dialer(dialer)

	g := &gatewaySession{
		s: s, cfg: cfg, log: log, b: b,
		gw:      bot.NewGateway(b, log, bot.WithAnswerTimeout(o.answerTimeout), bot.WithGatewayMetrics(m)),
		ready:   make(chan *discordgo.Ready, 1),
		dropped: make(chan struct{}, 1),
		attempt: attempt,
	}
	s.AddHandler(g.onReady)
	s.AddHandler(g.onDisconnect)
	s.AddHandler(g.gw.Handle)
	if cfg.askOnMention {
		s.AddHandler(g.gw.HandleMessage)
	}

	ops, err := startMetrics(cfg, b, m, g.connected.Load, log, o)
	if err != nil {
		return err
	}
	if g.shard, err = resolveShard(ctx, s, cfg.shard, log); err != nil {
		stopMetrics(ops, log)
		if ctx.Err() != nil && !isFatal(err) {
			return nil
		}
		return err
	}
	applyShard(s, g.shard)

	drain := o.drain()
	g.readyTimeout = o.readyTimeout
	if g.readyTimeout <= 0 {
		g.readyTimeout = defaultReadyTimeout
	}

	log.Info("connecting to Discord", append([]any{"scope", g.scope(), "guild_id", cfg.guildID,
		"answer_mentions", cfg.askOnMention}, g.shard.attrs()...)...)
	err = g.start(ctx)
	if err == nil {
		err = g.serve(ctx)
	}
	if ctx.Err() != nil {
		log.Info("shutting down: finishing the answers in flight", "drain_timeout", drain)
	}
	g.shutdown(drain)
	stopMetrics(ops, log)
	if err != nil && ctx.Err() != nil && !isFatal(err) {
		// Cancelled while starting or reconnecting: that is a shutdown.
		err = nil
	}
	if err != nil {
		log.Error("stopped", "err", err)
		return err
	}
	log.Info("stopped")
	return nil
}

// gatewayIntents returns the intents the session asks for: none for
// interactions, and the guild-message and direct-message intents when the
// bot answers mentions. Messages that mention the bot carry their content
// without the privileged message content intent.
func gatewayIntents(cfg config) discordgo.Intent {
	if cfg.askOnMention {
		return discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	}
	return discordgo.IntentsNone
}

func (g *gatewaySession) scope() string {
	if g.cfg.guildID != "" {
		return "guild"
	}
	return "global"
}

func (g *gatewaySession) onReady(_ *discordgo.Session, r *discordgo.Ready) {
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

func (g *gatewaySession) onDisconnect(_ *discordgo.Session, _ *discordgo.Disconnect) {
	g.connected.Store(false)
	select {
	case g.dropped <- struct{}{}:
	default:
	}
}

// start opens the connection, waits for READY and registers the commands.
func (g *gatewaySession) start(ctx context.Context) error {
	if err := g.open(ctx); err != nil {
		if fatal := fatalError(err); fatal != nil {
			return fatal
		}
		return fmt.Errorf("connecting to Discord's gateway: %w", err)
	}

	var r *discordgo.Ready
	timer := time.NewTimer(g.readyTimeout)
	defer timer.Stop()
	select {
	case r = <-g.ready:
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return fmt.Errorf("connecting to Discord's gateway: no READY within %v", g.readyTimeout)
	}

	appID := g.cfg.appID
	if r.Application != nil && r.Application.ID != "" {
		if appID != "" && appID != r.Application.ID {
			g.log.Warn(envAppID+" differs from the application of the token; using the token's",
				"configured", appID, "application_id", r.Application.ID)
		}
		appID = r.Application.ID
	}
	if appID == "" && g.shard.registers() {
		return &configError{variables: true, problems: []string{"the gateway's READY named no application: set " + envAppID + " to the application ID from the General Information page of the developer portal."}}
	}
	user := ""
	if r.User != nil {
		user = r.User.Username
	}

	if !g.shard.registers() {
		g.connected.Store(true)
		g.log.Info("ready; not registering the commands: shard 0 registers them for the whole application",
			append([]any{"user", user, "application_id", appID}, g.shard.attrs()...)...)
		return nil
	}
	cmds := registeredCommands(g.b)
	if err := overwriteCommands(ctx, g.s, appID, g.cfg.guildID, cmds); err != nil {
		return err
	}
	g.connected.Store(true)
	g.log.Info("ready", append([]any{"user", user, "application_id", appID, "scope", g.scope(),
		"guild_id", g.cfg.guildID, "commands", len(cmds)}, g.shard.attrs()...)...)
	return nil
}

// serve answers interactions, reconnecting whenever the connection drops,
// until ctx is cancelled or a reconnection fails for good.
func (g *gatewaySession) serve(ctx context.Context) error {
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
func (g *gatewaySession) reconnect(ctx context.Context) error {
	backoff := firstBackoff
	wait := jitter(backoff)
	for attempt := 1; ; attempt++ {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
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
		if fatal := fatalError(err); fatal != nil {
			return fatal
		}
		backoff = min(2*backoff, maxBackoff)
		wait = jitter(backoff)
		g.log.Warn("reconnecting to the gateway failed", "attempt", attempt, "retry_in", wait, "err", err)
	}
}

// jitter returns a wait between half of d and d, chosen at random, so that
// the processes of a sharded bot that lost Discord together do not all come
// back in the same instant.
func jitter(d time.Duration) time.Duration {
	if d < 2 {
		return d
	}
	return d/2 + rand.N(d-d/2)
}

// open opens the session's connection, giving up when ctx ends or when
// Discord has not completed it within the ready timeout.
//
// discordgo's Open waits for Discord's HELLO and READY without a deadline,
// holding the session's lock, which Close and every later Open need. To
// give up, open closes the attempt's network connection, which ends that
// wait; it then waits a little for Open to return. A connection that opens
// just as it is given up on fails soon after, and the session reconnects.
func (g *gatewaySession) open(ctx context.Context) error {
	g.attempt.begin()
	defer g.attempt.end()
	done := make(chan error, 1)
	go func() { done <- g.s.Open() }()
	timer := time.NewTimer(g.readyTimeout)
	defer timer.Stop()
	var err error
	select {
	case openErr := <-done:
		return openErr
	case <-ctx.Done():
		err = ctx.Err()
	case <-timer.C:
		err = fmt.Errorf("no answer from Discord within %v", g.readyTimeout)
	}
	g.attempt.abandon()
	grace := time.NewTimer(openGrace)
	defer grace.Stop()
	select {
	case <-done:
	case <-grace.C:
		g.log.Warn("gave up waiting for a gateway connection attempt to finish")
	}
	return err
}

// shutdown closes the gateway connection normally, so that no new
// interaction arrives, and then waits at most drain for the answers in
// flight, which reach Discord over REST. Closing first means that every
// interaction Discord delivered before the close is answered, rather than
// dropped while the connection stays open for the drain.
func (g *gatewaySession) shutdown(drain time.Duration) {
	g.connected.Store(false)
	ctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	if err := g.s.Close(); err != nil {
		g.log.Warn("closing the gateway connection", "err", err)
	}
	if err := g.gw.Shutdown(ctx); err != nil {
		g.log.Warn("stopped before every answer was delivered", "err", err)
	}
}

// refusedSessions says, for each gateway close code that refuses a
// session's parameters, what the operator can do about it.
var refusedSessions = map[int]string{
	4010: "the shard is not valid: check that " + envShardID + " is below " + envShardCount + ", and that every process has the same " + envShardCount,
	4011: "the bot is in too many servers for one connection: run it in shards, with " + envShardID + " and " + envShardCount + " (auto for Discord's recommendation); see the README's Deployment section",
	4012: "this version of articlebot speaks a gateway version Discord no longer accepts: upgrade articlebot",
	4013: "the gateway intents are not valid: upgrade articlebot, or set " + envAskMention + "=false to ask for none",
	4014: "the application may not use the intents it asks for (guild and direct messages, to answer mentions): set " + envAskMention + "=false to ask for none",
}

// fatalError returns the error a run ends with when err means that retrying
// cannot succeed: Discord rejected the token, or refused the session's
// parameters. Both are configuration errors, since restarting articlebot
// as it is will not help. It returns nil for any other error.
func fatalError(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		if ce.Code == 4004 {
			return &configError{err: errTokenRejected, variables: true, problems: []string{
				"Discord rejected " + envToken + " (gateway close code 4004, authentication failed): the token is wrong or was reset. " +
					"Copy the current token from the Bot page of your application in the Discord developer portal."}}
		}
		if fix, ok := refusedSessions[ce.Code]; ok {
			// Every refusal but an outdated gateway version is fixed by
			// changing a variable.
			return &configError{err: err, variables: ce.Code != 4012, problems: []string{fmt.Sprintf(
				"Discord's gateway refused the session (close code %d, %s): %s.", ce.Code, ce.Text, fix)}}
		}
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
		return &configError{err: errTokenRejected, variables: true, problems: []string{
			"Discord rejected " + envToken + " (HTTP 401 Unauthorized): the token is wrong or was reset. " +
				"Copy the current token from the Bot page of your application in the Discord developer portal."}}
	}
	return nil
}

// isFatal reports whether err came from fatalError.
func isFatal(err error) bool {
	var ce *configError
	return errors.As(err, &ce) || fatalError(err) != nil
}

// registeredCommands returns the commands registration sends: b's commands,
// and an empty list rather than none.
func registeredCommands(b *bot.Bot) []*discordgo.ApplicationCommand {
	cmds := b.Commands()
	if cmds == nil {
		cmds = []*discordgo.ApplicationCommand{}
	}
	return cmds
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

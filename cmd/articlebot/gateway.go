package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync/atomic"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/gateway"
	"github.com/bwmarrin/discordgo"
)

// defaultDrainTimeout bounds the wait for answers in flight at shutdown.
// Discord accepts an interaction's first response only within three
// seconds, so an answer still running after this is lost anyway.
const defaultDrainTimeout = bot.DefaultAnswerTimeout

// errTokenRejected is what a run ends with when Discord rejects the token,
// through a 401 from REST or gateway close code 4004. It is wrapped in a
// *configError, so the exit status is 2: restarting will not help.
var errTokenRejected = gateway.ErrTokenRejected

// runGateway connects to Discord's gateway, registers b's commands (on
// shard 0 only), and answers interactions until ctx is cancelled. It then
// stops taking new interactions, lets the answers in flight finish (for at
// most the drain timeout), closes the connection and returns nil. With
// METRICS_ADDR set it serves b's metrics and the session's health there
// meanwhile. It
// returns an error when the session cannot start, when Discord rejects the
// token, or when the gateway refuses the session for good; the error is
// not logged, since the caller prints it.
func runGateway(ctx context.Context, cfg config, b *bot.Bot, log *slog.Logger, o options) error {
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
	s.LogLevel = sessionLogLevel(log)
	if o.httpClient != nil {
		s.Client = o.httpClient
	}
	if o.dialer != nil {
		s.Dialer = o.dialer
	}
	conn := gateway.New(s, gateway.Options{Log: log, ReadyTimeout: o.readyTimeout, Backoff: o.backoff})
	gw := bot.NewGateway(b)
	s.AddHandler(gw.Handle)
	if cfg.askOnMention {
		s.AddHandler(gw.HandleMessage)
	}

	// The bot is ready once it is connected and its commands are
	// registered.
	var registered atomic.Bool
	ops, err := startMetrics(cfg, b, func() bool { return registered.Load() && conn.Connected() }, log, o)
	if err != nil {
		return err
	}
	shard, err := gateway.ResolveShard(ctx, s, cfg.shard, log)
	if err != nil {
		stopMetrics(ops, log)
		if ctx.Err() != nil && !isFatal(err) {
			return nil
		}
		return gatewayError(err)
	}
	gateway.ApplyShard(s, shard)

	drain := o.drain()
	log.Info("connecting to Discord", append([]any{"scope", scope(cfg), "guild_id", cfg.guildID,
		"answer_mentions", cfg.askOnMention}, shard.Attrs()...)...)
	err = startGateway(ctx, conn, s, cfg, b, shard, log)
	if err == nil {
		registered.Store(true)
		err = conn.Serve(ctx)
	}
	if ctx.Err() != nil {
		log.Info("shutting down: finishing the answers in flight", "drain_timeout", drain)
	}
	shutdownGateway(conn, gw, drain, log)
	stopMetrics(ops, log)
	if err != nil && ctx.Err() != nil && !isFatal(err) {
		// Cancelled while starting or reconnecting: that is a shutdown.
		err = nil
	}
	if err != nil {
		return gatewayError(err)
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

func scope(cfg config) string {
	if cfg.guildID != "" {
		return "guild"
	}
	return "global"
}

// startGateway connects, waits for READY and registers the commands.
func startGateway(ctx context.Context, conn *gateway.Session, s *discordgo.Session, cfg config, b *bot.Bot, shard gateway.Shard, log *slog.Logger) error {
	r, err := conn.Start(ctx)
	if err != nil {
		return err
	}
	appID := cfg.appID
	if r.Application != nil && r.Application.ID != "" {
		if appID != "" && appID != r.Application.ID {
			log.Warn(envAppID+" differs from the application of the token; using the token's",
				"configured", appID, "application_id", r.Application.ID)
		}
		appID = r.Application.ID
	}
	if appID == "" && shard.Registers() {
		return &configError{variables: true, problems: []string{"the gateway's READY named no application: set " + envAppID + " to the application ID from the General Information page of the developer portal."}}
	}
	user := ""
	if r.User != nil {
		user = r.User.Username
	}

	if !shard.Registers() {
		log.Info("ready; not registering the commands: shard 0 registers them for the whole application",
			append([]any{"user", user, "application_id", appID}, shard.Attrs()...)...)
		return nil
	}
	cmds := registeredCommands(b)
	if err := overwriteCommands(ctx, s, appID, cfg.guildID, cmds); err != nil {
		return err
	}
	log.Info("ready", append([]any{"user", user, "application_id", appID, "scope", scope(cfg),
		"guild_id", cfg.guildID, "commands", len(cmds)}, shard.Attrs()...)...)
	return nil
}

// shutdownGateway closes the gateway connection normally, so that no new
// interaction arrives, and then waits at most drain for the answers in
// flight, which reach Discord over REST. Closing first means that every
// interaction Discord delivered before the close is answered, rather than
// dropped while the connection stays open for the drain.
func shutdownGateway(conn *gateway.Session, gw *bot.Gateway, drain time.Duration, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	if err := conn.Close(); err != nil {
		log.Warn("closing the gateway connection", "err", err)
	}
	if err := gw.Shutdown(ctx); err != nil {
		log.Warn("stopped before every answer was delivered", "err", err)
	}
}

// refusedSessions says, for each gateway close code that refuses a
// session's parameters, what the operator can do about it.
var refusedSessions = map[int]string{
	4010: "the shard is not valid: check that " + envShardID + " is below " + envShardCount + ", and that every process has the same " + envShardCount,
	4011: "the bot is in too many servers for one connection: run it in shards, with " + envShardID + " and " + envShardCount + " (auto for Discord's recommendation); see docs/deployment.md",
	4012: "this version of articlebot speaks a gateway version Discord no longer accepts: upgrade articlebot",
	4013: "the gateway intents are not valid: upgrade articlebot, or set " + envAskMention + "=false to ask for none",
	4014: "the application may not use the intents it asks for (guild and direct messages, to answer mentions): set " + envAskMention + "=false to ask for none",
}

// fatalError returns the error a run ends with when err means that retrying
// cannot succeed: Discord rejected the token, or refused the session's
// parameters. Both are configuration errors, since restarting articlebot
// as it is will not help. It returns nil for any other error.
func fatalError(err error) error {
	fatal := gateway.Fatal(err)
	if fatal == nil {
		return nil
	}
	return gatewayError(fatal)
}

// gatewayError returns err as the operator should read it: what the
// gateway package reports as fatal, or a shard out of range, as a
// configuration error saying what to change, and a network failure with
// what to check. Any other error is returned as it is.
func gatewayError(err error) error {
	var refused *gateway.RefusedError
	var shard *gateway.ShardRangeError
	var token *gateway.TokenError
	switch {
	case errors.As(err, &refused):
		fix := refusedSessions[refused.Code]
		if fix == "" {
			fix = "check the configuration"
		}
		// Every refusal but an outdated gateway version is fixed by
		// changing a variable.
		return &configError{err: err, variables: refused.Code != 4012, problems: []string{fmt.Sprintf("%v: %s.", refused, fix)}}
	case errors.As(err, &token):
		return &configError{err: errTokenRejected, variables: true, problems: []string{
			"Discord rejected " + envToken + " (" + token.Why + "): the token is wrong or was reset. " +
				"Copy the current token from the Bot page of your application in the Discord developer portal."}}
	case errors.As(err, &shard):
		return &configError{variables: true, problems: []string{fmt.Sprintf(
			"%s=%d is out of range: Discord recommends %d shard(s) for this bot (%s=auto), numbered from 0 to %d. Run only that many processes, or set %s to a number.",
			envShardID, shard.ID, shard.Count, envShardCount, shard.Count-1, envShardCount)}}
	case unreachable(err):
		return fmt.Errorf("cannot reach Discord: %w; check this machine's network connection, its proxy settings (HTTPS_PROXY) and its DNS", err)
	}
	return err
}

// unreachable reports whether err says that Discord could not be reached
// at all: a failed name lookup, connection or proxy.
func unreachable(err error) bool {
	var op *net.OpError
	var dns *net.DNSError
	return errors.As(err, &op) || errors.As(err, &dns)
}

// isFatal reports whether err came from fatalError.
func isFatal(err error) bool {
	var ce *configError
	return errors.As(err, &ce) || gateway.Fatal(err) != nil
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

package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// withReloads makes the run take its requests to reload the article from
// c instead of from SIGHUP, for tests.
func withReloads(c <-chan os.Signal) option { return func(o *options) { o.reloads = c } }

// withCommandsOf makes the gateway mode register the commands defs returns
// for the bot instead of the bot's own, for tests.
func withCommandsOf(defs func(*bot.Bot) []*discordgo.ApplicationCommand) option {
	return func(o *options) { o.commandsOf = defs }
}

// reloadRequests returns the channel on which the requests to reload the
// article arrive, SIGHUP unless the run was given another, and the
// function that stops them. Until stop is called SIGHUP no longer ends the
// process; at most one SIGHUP waits to be taken, the others sent meanwhile
// being dropped.
func (o options) reloadRequests() (reqs <-chan os.Signal, stop func()) {
	if o.reloads != nil {
		return o.reloads, func() {}
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	return c, func() { signal.Stop(c) }
}

// commands returns the commands the run registers for b: b's own, unless
// the run was given another source of them.
func (o options) commands(b *bot.Bot) []*discordgo.ApplicationCommand {
	if o.commandsOf != nil {
		return o.commandsOf(b)
	}
	return registeredCommands(b)
}

// reloader reloads the article of a run, from its file or URL, when asked.
type reloader struct {
	bot *bot.Bot
	src articleSource
	log *slog.Logger
	// commands returns the commands to register for the bot.
	commands func(*bot.Bot) []*discordgo.ApplicationCommand
	// register, when set, registers the commands with Discord after a
	// reload that changed their definitions. When it is nil, the run
	// does not register them, and notRegistering says who does.
	register       func(ctx context.Context, cmds []*discordgo.ApplicationCommand) error
	notRegistering string
	// registered is the body of the last registration of the commands, or
	// of the definitions the run started with.
	registered []byte
}

// newReloader returns the reloader of the article b answers from, which
// comes from src. The commands b has now are taken to be those Discord has.
func newReloader(b *bot.Bot, src articleSource, log *slog.Logger, commands func(*bot.Bot) []*discordgo.ApplicationCommand) *reloader {
	r := &reloader{bot: b, src: src, log: log, commands: commands}
	r.registered = r.body()
	return r
}

// body returns the commands to register for the bot, encoded as the body
// of the bulk overwrite that registers them.
func (r *reloader) body() []byte {
	body, err := json.Marshal(r.commands(r.bot))
	if err != nil {
		// A definition that cannot be encoded never equals another, so
		// the commands are registered again, and the registration reports
		// the error.
		return nil
	}
	return body
}

// serve reloads the article once for each request taken from reqs, until
// ctx is done. Requests that arrive while a reload runs are joined into
// one, which runs after it, so that a change to the file made during a
// reload is read too; reloads never overlap.
func (r *reloader) serve(ctx context.Context, reqs <-chan os.Signal) {
	due := make(chan struct{}, 1)
	taken := make(chan struct{})
	go func() {
		defer close(taken)
		for {
			select {
			case <-ctx.Done():
				return
			case sig := <-reqs:
				select {
				case due <- struct{}{}:
					r.log.Info("reload requested: reading the article again", "signal", sig.String(), "source", r.src.String())
				default:
					r.log.Info("reload requested while one is due; they make one reload", "signal", sig.String())
				}
			}
		}
	}()
	defer func() { <-taken }()
	for {
		select {
		case <-ctx.Done():
			return
		case <-due:
			r.reload(ctx)
		}
	}
}

// reload loads the article again and, when the commands' definitions
// changed with it, registers them again or says who should. It logs what
// happened: a reload that fails leaves the bot answering from the article
// it had.
func (r *reloader) reload(ctx context.Context) {
	start := time.Now()
	got, err := r.bot.Reload(ctx, r.src.load)
	switch {
	case err != nil && ctx.Err() != nil:
		r.log.Info("reload stopped: shutting down", "source", r.src.String())
		return
	case err != nil:
		r.log.Error("reload refused: the bot keeps answering from the article it had",
			"source", r.src.String(), "fingerprint", r.bot.Fingerprint(), "err", err)
		return
	}
	r.log.Info("article reloaded", reloadedAttrs(got, r.src, time.Since(start))...)
	if ctx.Err() == nil {
		r.syncCommands(ctx)
	}
}

// reloadedAttrs describes a reload that succeeded for the log: what the
// article is now and, of its title, paragraph count and fingerprint, what
// each was before when it changed. changed says which of them changed, or
// "nothing" when the text is the one the bot had, whose buttons keep
// working.
func reloadedAttrs(r bot.Reloaded, src articleSource, took time.Duration) []any {
	before, after := r.Before.Meta.Title, r.After.Meta.Title
	np, op := len(r.After.Paragraphs), len(r.Before.Paragraphs)
	var changed []string
	attrs := []any{"title", after, "paragraphs", np, "fingerprint", r.AfterFingerprint}
	if before != after {
		changed = append(changed, "title")
		attrs = append(attrs, "previous_title", before)
	}
	if np != op {
		changed = append(changed, "paragraphs")
		attrs = append(attrs, "previous_paragraphs", op)
	}
	if !r.Same() {
		changed = append(changed, "fingerprint")
		attrs = append(attrs, "previous_fingerprint", r.BeforeFingerprint)
	}
	what := "nothing"
	if len(changed) > 0 {
		what = strings.Join(changed, ",")
	}
	return append([]any{"changed", what}, append(attrs, "source", src.String(), "took", took.Round(time.Millisecond))...)
}

// syncCommands registers the commands again when their definitions differ
// from those registered last, and logs what it did.
func (r *reloader) syncCommands(ctx context.Context) {
	body := r.body()
	if body != nil && string(body) == string(r.registered) {
		r.log.Info("the commands are unchanged by the reload: not registering them again")
		return
	}
	if r.register == nil {
		// What Discord holds is still what was registered last: a reload
		// back to those definitions needs nothing, and any other still
		// differs from them.
		r.log.Warn("the commands changed with the article: " + r.notRegistering)
		return
	}
	cmds := r.commands(r.bot)
	if err := r.register(ctx, cmds); err != nil {
		r.log.Error("registering the changed commands failed: Discord keeps the ones it had; the next reload tries again", "err", err)
		return
	}
	r.registered = body
	r.log.Info("the commands changed with the article: registered them again", "commands", len(cmds))
}

// String describes where the article comes from, for the log: its file,
// its URL with any password hidden, or the embedded article.
func (s articleSource) String() string {
	switch {
	case s.url != "":
		return redactURL(s.url)
	case s.file != "":
		return s.file
	}
	return "the embedded article"
}

// goServe runs rl.serve on reqs on a goroutine of its own, until ctx is
// done or the returned function is called, which waits for it to end.
func goServe(ctx context.Context, rl *reloader, reqs <-chan os.Signal) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		rl.serve(ctx, reqs)
	}()
	return func() {
		cancel()
		<-done
	}
}

// Package bot answers Discord interactions about an article. Its handlers
// return their response as a value, so the gateway, the HTTP endpoint, the
// offline try mode and the tests all run the same code.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// Bot answers interactions about an article, which [Bot.Reload] may
// replace while the bot runs. It is safe for concurrent use.
//
// Each request is answered by one edition of the bot (see edition.go): a
// *Bot whose article, commands and button stamp never change, read once
// when the request arrives. The *Bot that [New] returns is the first
// edition, and its methods that answer requests go to the current one.
type Bot struct {
	// The edition's own: the article, the commands built for it, the
	// stamp its buttons carry and when it began answering.
	art    *article.Article
	reg    *registry
	stamp  string
	loaded time.Time

	cfg config
	log *slog.Logger
	// live is shared by every edition of the bot.
	live *live
}

// Outcome describes how one interaction was answered.
type Outcome struct {
	// Command is the command's name ("find"), or "" when the interaction
	// named none the bot knows.
	Command string
	// Kind is the interaction's kind: "command", "autocomplete",
	// "component", "ping" or "unknown"; or "mention" for a message that
	// asks the bot a question (see [Mentions]).
	Kind string
	// Result is "ok", "user_error" (the user was told what to fix) or
	// "internal_error" (a failure on the bot's side, panics included).
	Result string
	// Latency is how long the handler took.
	Latency time.Duration
}

// Observer is told how every interaction and every mention was answered,
// for metrics.
type Observer interface {
	Observe(Outcome)
}

// New returns a bot that answers questions about a, or about the embedded
// article when a is nil. It fails when one of the bot's command
// definitions breaks Discord's rules, which Discord would refuse to
// register.
func New(a *article.Article, opts ...Option) (*Bot, error) {
	if a == nil {
		a = article.Default()
	}
	cfg := newConfig(opts)
	b, err := (&Bot{cfg: cfg, log: cfg.log, live: new(live)}).edition(a)
	if err != nil {
		return nil, fmt.Errorf("the bot's commands are not valid: %w", err)
	}
	b.live.current.Store(b)
	b.cfg.metrics.articleLoaded(a, b.loaded)
	return b, nil
}

// defaultBot returns a bot about the embedded article with the default
// options, for the adapters given no bot.
func defaultBot() *Bot {
	b, err := New(nil)
	if err != nil {
		// The built-in commands are valid, as TestRegistry checks.
		panic(err)
	}
	return b
}

// builtins returns the bot's commands in the order Discord lists them.
func (b *Bot) builtins() []*command {
	return []*command{b.summaryCommand(), b.quoteCommand(), b.findCommand(), b.askCommand(), b.aboutCommand(), b.findInArticleCommand()}
}

// register replaces the bot's commands with cmds, or fails without
// changing them when one cannot be registered.
func (b *Bot) register(cmds ...*command) error {
	r, err := newRegistry(cmds...)
	if err != nil {
		return err
	}
	b.reg = r
	return nil
}

// Commands returns the application commands the bot registers for the
// article it answers from: exactly the body of the bulk overwrite that
// registration sends.
func (b *Bot) Commands() []*discordgo.ApplicationCommand { return b.current().reg.defs() }

// Interaction kinds, as reported in Outcome.Kind and the log.
const (
	kindCommand      = "command"
	kindAutocomplete = "autocomplete"
	kindComponent    = "component"
	kindPing         = "ping"
	kindUnknown      = "unknown"
	kindMention      = "mention"
)

// Interaction results, as reported in Outcome.Result and the log.
const (
	resultOK       = "ok"
	resultUser     = "user_error"
	resultInternal = "internal_error"
)

// apology answers an interaction the bot failed on.
const apology = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment."

func kindOf(i *discordgo.Interaction) string {
	if i == nil {
		return kindUnknown
	}
	switch i.Type {
	case discordgo.InteractionPing:
		return kindPing
	case discordgo.InteractionApplicationCommand:
		return kindCommand
	case discordgo.InteractionApplicationCommandAutocomplete:
		return kindAutocomplete
	case discordgo.InteractionMessageComponent:
		return kindComponent
	}
	return kindUnknown
}

// Respond answers one interaction. It always returns a response Discord
// accepts, never panics, and logs what happened: a PING gets a PONG, a
// user's mistake a private explanation, and a failure of the bot's own,
// panics included, a private apology and a full log entry. Autocomplete
// interactions always get a list of choices, empty when there is nothing to
// suggest.
//
// The answer comes wholly from the article the bot answered from when
// Respond was called, whatever reloads happen meanwhile.
func (b *Bot) Respond(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	e := b.current()
	r := request{kind: kindOf(i), logMsg: "interaction", handle: func(ctx context.Context, name *string) (*discordgo.InteractionResponse, error) {
		return e.dispatch(ctx, i, name)
	}}
	if i != nil {
		r.id = slog.String("interaction_id", i.ID)
		r.guildID, r.channelID, r.userID = i.GuildID, i.ChannelID, userID(i)
	}
	return e.serve(ctx, r)
}

// request is one thing the bot is asked, an interaction or a mention, as
// the pipeline that answers every request sees it.
type request struct {
	kind    string
	command string // the command's name, when known before dispatch
	logMsg  string
	// id identifies the request in the log; guildID, channelID and userID
	// say where it comes from and who sent it.
	id                         slog.Attr
	guildID, channelID, userID string
	// handle works out the answer, recording the command's name in name as
	// soon as it knows it.
	handle func(ctx context.Context, name *string) (*discordgo.InteractionResponse, error)
}

// serve is the pipeline every request goes through, on the edition b that
// answers it: it runs the request's handler, turning a panic into an
// error; stamps the answer's buttons with the edition's stamp; checks the
// answer against Discord's rules; answers a user's mistake with its
// explanation and any other failure with an apology, both private; logs
// one line; and tells the observer. It returns a response Discord accepts.
func (b *Bot) serve(ctx context.Context, r request) *discordgo.InteractionResponse {
	if ctx == nil {
		ctx = context.Background()
	}
	start := time.Now()
	out := Outcome{Kind: r.kind, Command: r.command}
	var resp *discordgo.InteractionResponse
	stack, err := protect(func() error {
		var err error
		resp, err = r.handle(ctx, &out.Command)
		if err == nil && resp == nil {
			err = errors.New("the handler returned no response")
		}
		return err
	})
	if err == nil {
		resp = b.stampResponse(resp)
		if cerr := errors.Join(checkResponse(resp), checkAnswers(out.Kind, resp)); cerr != nil {
			err = fmt.Errorf("the response breaks Discord's rules: %w", cerr)
		}
	}
	out.Result = resultOK
	if err != nil {
		msg, isUser := userMessage(err)
		if isUser {
			out.Result = resultUser
		} else {
			out.Result, msg = resultInternal, apology
		}
		if out.Kind == kindAutocomplete {
			resp = choices(nil)
		} else {
			resp = ephemeral(msg)
		}
	}
	out.Latency = time.Since(start)
	b.logOutcome(ctx, r, out, err, stack)
	b.observe(out)
	return resp
}

// protect runs f and returns its error, or, when f panics, the stack and
// an error saying so. It is where the bot recovers from panics.
func protect(f func() error) (stack []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			stack, err = debug.Stack(), fmt.Errorf("panic: %v", p)
		}
	}()
	return nil, f()
}

// dispatch routes i to its handler, recording the command's name in name as
// soon as it is known.
func (b *Bot) dispatch(ctx context.Context, i *discordgo.Interaction, name *string) (*discordgo.InteractionResponse, error) {
	if i == nil {
		return nil, userErrorf("I received an empty interaction and can't answer it.")
	}
	switch i.Type {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, nil

	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		data, ok := commandData(i)
		if !ok {
			return nil, userErrorf("That command arrived without its details, so I can't answer it. Please try again.")
		}
		c := b.reg.lookup(data.CommandType, data.Name)
		if c == nil {
			return nil, userErrorf("I don't know the command “%s”. Type / to see my commands, or use /about.", echo(data.Name, limitCommandName))
		}
		*name = c.def.Name
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			if c.autocomplete == nil {
				return nil, userErrorf("/%s suggests nothing as you type.", c.def.Name)
			}
			return c.autocomplete(ctx, i)
		}
		return c.run(ctx, i)

	case discordgo.InteractionMessageComponent:
		data, ok := componentData(i)
		if !ok {
			return nil, userErrorf("That button arrived without its details, so I can't answer it. Please try again.")
		}
		c := b.reg.forCustomID(data.CustomID)
		if c == nil {
			return nil, userErrorf("This button doesn't work any more. Run the command again for a fresh answer.")
		}
		*name = c.def.Name
		id, err := b.unstamp(data.CustomID, c.def.Name)
		if err != nil {
			return nil, err
		}
		return c.component(ctx, withCustomID(i, data, id))

	case discordgo.InteractionModalSubmit:
		return nil, userErrorf("I don't use forms, so I can't take this one. My commands are listed by /about.")
	}
	return nil, userErrorf("I don't know how to answer this kind of interaction (type %d). My commands are listed by /about.", int(i.Type))
}

// logOutcome logs one line per request. It never logs an interaction's
// token.
func (b *Bot) logOutcome(ctx context.Context, r request, out Outcome, err error, stack []byte) {
	level := slog.LevelInfo
	if out.Result == resultInternal {
		level = slog.LevelError
	}
	if !b.log.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.String("command", out.Command),
		slog.String("kind", out.Kind),
		slog.String("outcome", out.Result),
		slog.Duration("latency", out.Latency),
	}
	if r.id.Key != "" {
		attrs = append(attrs, r.id,
			slog.String("guild_id", r.guildID),
			slog.String("channel_id", r.channelID),
			slog.String("user_id", r.userID))
	}
	if err != nil {
		attrs = append(attrs, slog.String("err", err.Error()))
	}
	if stack != nil && out.Result == resultInternal {
		attrs = append(attrs, slog.String("stack", string(stack)))
	}
	b.log.LogAttrs(ctx, level, r.logMsg, attrs...)
}

// observe tells the observer, if any, about out. A panicking observer is
// logged, not propagated.
func (b *Bot) observe(out Outcome) {
	if b.cfg.observer == nil {
		return
	}
	if stack, err := protect(func() error { b.cfg.observer.Observe(out); return nil }); err != nil {
		b.log.Error("the interaction observer panicked", "err", err, "stack", string(stack))
	}
}

// userID returns the ID of the user behind i: the member's in a server,
// the user's elsewhere, or "" when neither is given.
func userID(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

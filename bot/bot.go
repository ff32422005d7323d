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

// Bot answers interactions about one article. It is safe for concurrent
// use.
type Bot struct {
	art      *article.Article
	log      *slog.Logger
	observer Observer
	reg      *registry
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

// Option configures a Bot.
type Option func(*Bot)

// WithLogger sets the logger the bot reports each interaction to.
func WithLogger(l *slog.Logger) Option { return func(b *Bot) { b.log = l } }

// WithObserver sets an observer that is told how every interaction was
// answered.
func WithObserver(o Observer) Option { return func(b *Bot) { b.observer = o } }

// New returns a bot that answers questions about a, or about the embedded
// article when a is nil.
func New(a *article.Article, opts ...Option) *Bot {
	if a == nil {
		a = article.Default()
	}
	b := &Bot{art: a}
	for _, o := range opts {
		if o != nil {
			o(b)
		}
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	if err := b.register(b.builtins()...); err != nil {
		b.log.Error("some commands are not available", "err", err)
	}
	return b
}

// builtins returns the bot's commands in the order Discord lists them.
func (b *Bot) builtins() []*command {
	return []*command{b.summaryCommand(), b.quoteCommand(), b.findCommand(), b.askCommand(), b.aboutCommand(), b.findInArticleCommand()}
}

// register replaces the bot's commands with cmds. Commands that cannot be
// registered are left out and reported.
func (b *Bot) register(cmds ...*command) error {
	r, err := newRegistry(cmds...)
	b.reg = r
	return err
}

// Commands returns the application commands the bot registers: exactly the
// body of the bulk overwrite that registration sends.
func (b *Bot) Commands() []*discordgo.ApplicationCommand { return b.reg.defs() }

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
func (b *Bot) Respond(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	if ctx == nil {
		ctx = context.Background()
	}
	start := time.Now()
	out := Outcome{Kind: kindOf(i)}
	resp, stack, err := b.call(ctx, i, &out.Command)
	if err == nil {
		if cerr := errors.Join(checkResponse(resp), checkAnswers(out.Kind, resp)); cerr != nil {
			err = fmt.Errorf("the response breaks Discord's rules: %w", cerr)
		}
	}
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
	} else {
		out.Result = resultOK
	}
	out.Latency = time.Since(start)
	b.logOutcome(ctx, i, out, err, stack)
	b.observe(out)
	return resp
}

// call runs the handler of i, turning a panic into an error and its stack.
func (b *Bot) call(ctx context.Context, i *discordgo.Interaction, name *string) (resp *discordgo.InteractionResponse, stack []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			resp, stack, err = nil, debug.Stack(), fmt.Errorf("panic: %v", p)
		}
	}()
	resp, err = b.dispatch(ctx, i, name)
	if err == nil && resp == nil {
		err = errors.New("the handler returned no response")
	}
	return resp, nil, err
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
		return c.component(ctx, i)

	case discordgo.InteractionModalSubmit:
		return nil, userErrorf("I don't use forms, so I can't take this one. My commands are listed by /about.")
	}
	return nil, userErrorf("I don't know how to answer this kind of interaction (type %d). My commands are listed by /about.", int(i.Type))
}

// logOutcome logs one line per interaction. It never logs the interaction's
// token.
func (b *Bot) logOutcome(ctx context.Context, i *discordgo.Interaction, out Outcome, err error, stack []byte) {
	attrs := []slog.Attr{
		slog.String("command", out.Command),
		slog.String("kind", out.Kind),
		slog.String("outcome", out.Result),
		slog.Duration("latency", out.Latency),
	}
	if i != nil {
		attrs = append(attrs,
			slog.String("interaction_id", i.ID),
			slog.String("guild_id", i.GuildID),
			slog.String("user_id", userID(i)))
	}
	level := slog.LevelInfo
	if err != nil {
		attrs = append(attrs, slog.String("err", err.Error()))
	}
	if out.Result == resultInternal {
		level = slog.LevelError
		if stack != nil {
			attrs = append(attrs, slog.String("stack", string(stack)))
		}
	}
	b.log.LogAttrs(ctx, level, "interaction", attrs...)
}

// observe tells the observer, if any, about out. A panicking observer is
// logged, not propagated.
func (b *Bot) observe(out Outcome) {
	if b.observer == nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("the interaction observer panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
	}()
	b.observer.Observe(out)
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

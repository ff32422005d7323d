// Package bot answers Discord interactions about an article. Its handlers
// return their response as a value, so the gateway, the HTTP endpoint, the
// offline try mode and the tests all run the same code.
package bot

import (
	"context"
	"log/slog"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// Bot answers interactions about one article.
type Bot struct {
	art      *article.Article
	log      *slog.Logger
	observer Observer
}

// Outcome describes how one interaction was answered.
type Outcome struct {
	// Command is the command's name ("find"), or "" when the interaction
	// named none the bot knows.
	Command string
	// Kind is the interaction's kind: "command", "autocomplete",
	// "component", "ping" or "unknown".
	Kind string
	// Result is "ok", "user_error" (the user was told what to fix) or
	// "internal_error" (a failure on the bot's side, panics included).
	Result string
	// Latency is how long the handler took.
	Latency time.Duration
}

// Observer is told how every interaction was answered, for metrics.
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

// New returns a bot that answers questions about a.
func New(a *article.Article, opts ...Option) *Bot {
	b := &Bot{art: a, log: slog.New(slog.DiscardHandler)}
	for _, o := range opts {
		o(b)
	}
	return b
}

// Commands returns the application commands the bot registers.
func (b *Bot) Commands() []*discordgo.ApplicationCommand { return nil }

// Respond answers one interaction. It always returns a response, never
// panics, and logs what happened.
func (b *Bot) Respond(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         "Sorry, I can't answer that yet.",
			Flags:           discordgo.MessageFlagsEphemeral,
			AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
		},
	}
}

// PlainText renders a response as readable plain text, embeds included, for
// a terminal.
func PlainText(r *discordgo.InteractionResponse) string {
	if r == nil || r.Data == nil {
		return ""
	}
	return r.Data.Content
}

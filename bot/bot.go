// Package bot answers Discord interactions about an article. Its handlers
// return their response as a value, so the gateway, the HTTP endpoint, the
// offline try mode and the tests all run the same code.
package bot

import (
	"context"
	"log/slog"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// Bot answers interactions about one article.
type Bot struct {
	art *article.Article
	log *slog.Logger
}

// Option configures a Bot.
type Option func(*Bot)

// WithLogger sets the logger the bot reports each interaction to.
func WithLogger(l *slog.Logger) Option { return func(b *Bot) { b.log = l } }

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

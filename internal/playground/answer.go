package playground

import (
	"context"
	"fmt"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// This file holds every call the playground makes into package bot, so
// that the playground answers with exactly the code the gateway and the
// HTTP endpoint run.

// maxRequest is the largest body, in bytes, the playground's API reads: the
// interactions endpoint's own limit.
const maxRequest = bot.MaxInteractionBody

// answerDeadline bounds the time the bot may take over one request, as on
// the interactions endpoint: Discord waits three seconds for an answer.
const answerDeadline = bot.DefaultResponseDeadline

// answerer is the bot as the playground meets it: its command definitions,
// its answers to interactions and its replies to messages, each as the
// JSON that Discord would carry.
type answerer struct {
	bot      *bot.Bot
	mentions *bot.Mentions
}

func newAnswerer(b *bot.Bot) answerer {
	if b == nil {
		var err error
		if b, err = bot.New(nil); err != nil {
			// The bot's built-in commands are valid, as its tests check.
			panic("playground: " + err.Error())
		}
	}
	return answerer{bot: b, mentions: bot.NewMentions(b)}
}

// title returns the title of the article the bot answers from.
func (a answerer) title() string { return a.bot.Article().Meta.Title }

// commands returns the bot's command definitions, as registration sends
// them.
func (a answerer) commands() []*discordgo.ApplicationCommand { return a.bot.Commands() }

// respond answers the interaction i with the body the bot would send
// Discord: what the interactions endpoint writes, and what the gateway
// posts to the interaction's callback.
func (a answerer) respond(ctx context.Context, i *discordgo.Interaction) ([]byte, error) {
	body, err := bot.MarshalResponse(a.bot.Respond(ctx, i))
	if err != nil {
		return nil, fmt.Errorf("encoding the bot's answer: %w", err)
	}
	return body, nil
}

// reply returns the body of the message the bot posts in answer to msg,
// a message the gateway delivered, exactly as the gateway mode decides and
// writes it; ok is false when the bot does not answer msg. selfID is the
// bot's user ID.
func (a answerer) reply(ctx context.Context, msg *discordgo.Message, selfID string) (body []byte, ok bool, err error) {
	send, ok := a.mentions.Reply(ctx, msg, selfID)
	if !ok {
		return nil, false, nil
	}
	body, err = bot.MarshalReply(send)
	if err != nil {
		return nil, false, fmt.Errorf("encoding the bot's reply: %w", err)
	}
	return body, true, nil
}

package bot

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// HandleMessage answers a message that mentions the bot with a question,
// as [Mentions] decides, with a reply in the message's channel. Register it
// with (*discordgo.Session).AddHandler on a session that asks for the
// guild-message and direct-message intents. It returns at once: the reply
// is worked out and posted on a goroutine of its own, which
// [Gateway.Shutdown] waits for like an interaction's answer.
func (g *Gateway) HandleMessage(s *discordgo.Session, mc *discordgo.MessageCreate) {
	if s == nil || mc == nil || mc.Message == nil {
		return
	}
	g.handleMessage(s, mc.Message, selfID(s))
}

// selfID returns the bot's user ID, which the session learns from READY, or
// "" before READY.
func selfID(s *discordgo.Session) string {
	if s.State == nil {
		return ""
	}
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.User == nil {
		return ""
	}
	return s.State.User.ID
}

// handleMessage starts replying to msg through r when msg asks the bot
// something and its channel may have an answer now, and reports whether
// it did.
func (g *Gateway) handleMessage(r responder, msg *discordgo.Message, self string) bool {
	question, ok := g.mentions.question(msg, self)
	if !ok || !g.mentions.allow(g.ctx, msg) {
		return false
	}
	return g.start("a mention", []any{"message_id", msg.ID, "channel_id", msg.ChannelID}, func(ctx context.Context) {
		g.reply(ctx, r, msg, question)
	})
}

// reply works out the answer to question, asked in msg, and posts it in
// msg's channel, through the session's rate-limit bucket of the channel.
func (g *Gateway) reply(ctx context.Context, r responder, msg *discordgo.Message, question string) {
	body, err := MarshalReply(g.mentions.answer(ctx, msg, question))
	if err == nil {
		endpoint := discordgo.EndpointChannelMessages(msg.ChannelID)
		_, err = r.RequestWithBucketID(http.MethodPost, endpoint, json.RawMessage(body), endpoint, discordgo.WithContext(ctx))
	}
	if err != nil {
		g.metrics.countDeliveryFailure("mention")
		g.log.Error("posting the reply to a mention failed",
			"message_id", msg.ID, "channel_id", msg.ChannelID, "guild_id", msg.GuildID, "err", err)
	}
}

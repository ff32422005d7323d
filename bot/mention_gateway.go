package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/bwmarrin/discordgo"
)

// WithMentions sets how the gateway answers the mentions given to
// [Gateway.HandleMessage]. Without it the gateway answers with the default
// limits of [NewMentions].
func WithMentions(m *Mentions) GatewayOption {
	return func(g *Gateway) {
		if m != nil {
			g.mentions = m
		}
	}
}

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
	if !ok {
		return false
	}
	g.mu.Lock()
	if g.stopping {
		g.mu.Unlock()
		g.log.Warn("not answering a mention: shutting down", "message_id", msg.ID, "channel_id", msg.ChannelID)
		return false
	}
	if !g.mentions.allow(g.ctx, msg) {
		g.mu.Unlock()
		return false
	}
	g.inflight.Add(1)
	g.pending.Add(1)
	g.mu.Unlock()

	go func() {
		defer g.inflight.Done()
		defer g.pending.Add(-1)
		g.reply(r, msg, question)
	}()
	return true
}

// reply works out the answer to question, asked in msg, and posts it.
func (g *Gateway) reply(r responder, msg *discordgo.Message, question string) {
	ctx, cancel := context.WithTimeout(g.ctx, g.timeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			g.log.Error("panic while replying to a mention", "message_id", msg.ID, "channel_id", msg.ChannelID,
				"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
	}()
	send := g.mentions.answer(ctx, msg, question)
	if err := postReply(ctx, r, msg.ChannelID, send); err != nil {
		g.log.Error("posting the reply to a mention failed",
			"message_id", msg.ID, "channel_id", msg.ChannelID, "guild_id", msg.GuildID, "err", err)
	}
}

// postReply POSTs send to the channel's messages as MarshalReply writes it.
func postReply(ctx context.Context, r responder, channelID string, send *discordgo.MessageSend) error {
	body, err := MarshalReply(send)
	if err != nil {
		return err
	}
	endpoint := discordgo.EndpointChannelMessages(channelID)
	_, err = r.RequestWithBucketID(http.MethodPost, endpoint, json.RawMessage(body), endpoint, discordgo.WithContext(ctx))
	return err
}

// replyBody is the body of a reply, with the fields the bot sets only.
type replyBody struct {
	Content          string                            `json:"content,omitempty"`
	Embeds           []*discordgo.MessageEmbed         `json:"embeds"`
	Components       []discordgo.MessageComponent      `json:"components"`
	AllowedMentions  *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	MessageReference *discordgo.MessageReference       `json:"message_reference,omitempty"`
}

// MarshalReply returns the JSON body that creates send as a message:
// content, embeds, components, allowed_mentions and message_reference,
// with empty lists rather than nulls, and without escaping <, > and &, as
// MarshalResponse writes responses.
func MarshalReply(send *discordgo.MessageSend) ([]byte, error) {
	if send == nil {
		return nil, fmt.Errorf("no reply to encode")
	}
	b := replyBody{
		Content:          send.Content,
		Embeds:           send.Embeds,
		Components:       send.Components,
		AllowedMentions:  send.AllowedMentions,
		MessageReference: send.Reference,
	}
	if b.Embeds == nil {
		b.Embeds = []*discordgo.MessageEmbed{}
	}
	if b.Components == nil {
		b.Components = []discordgo.MessageComponent{}
	}
	if b.AllowedMentions == nil {
		b.AllowedMentions = noMentions()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return nil, fmt.Errorf("marshaling a reply: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

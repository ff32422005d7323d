package bot

import (
	"context"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/bwmarrin/discordgo"
)

// Limits of the answers to mentions.
const (
	// DefaultMentionInterval is the shortest time between two answers to
	// mentions in one channel. Mentions that come sooner are ignored, so
	// the bot cannot be made to flood a channel.
	DefaultMentionInterval = 3 * time.Second
	// maxLimitedChannels bounds the channels the limiter remembers at once.
	maxLimitedChannels = 4096
)

// Mentions answers messages that mention the bot with a question, such as
// "@articlebot who spoke to Press TV?", with what /ask answers, as a reply
// to the question that pings nobody. It answers at most once per interval
// in each channel. It is safe for concurrent use.
//
// A message is answered only when it mentions the bot itself in its text
// (<@id>, which Discord also lists in the message's mentions) and has
// something left to ask once the mention is taken out. It is never
// answered when the bot, another bot or a webhook wrote it, or when it
// only mentions @everyone, @here or a role the bot has, or only pings the
// bot by replying to one of its messages.
type Mentions struct {
	bot   *Bot
	log   *slog.Logger
	limit *channelLimiter
}

// NewMentions returns the answerer of mentions of b, with the interval
// between answers in one channel set by [WithMentionInterval].
func NewMentions(b *Bot) *Mentions {
	if b == nil {
		b = defaultBot()
	}
	return &Mentions{
		bot: b,
		log: b.log,
		limit: &channelLimiter{
			interval: b.cfg.mentionInterval,
			max:      maxLimitedChannels,
			now:      b.cfg.now,
			last:     make(map[string]time.Time),
		},
	}
}

// Reply returns the reply to msg, a message the bot received, where selfID
// is the bot's own user ID; ok is false when msg gets no reply: it does not
// ask the bot anything, or its channel had an answer less than the
// interval ago. The reply answers in the channel of msg, refers to msg and
// allows no mentions, not even of the person who asked.
func (m *Mentions) Reply(ctx context.Context, msg *discordgo.Message, selfID string) (reply *discordgo.MessageSend, ok bool) {
	question, ok := m.question(msg, selfID)
	if !ok || !m.allow(ctx, msg) {
		return nil, false
	}
	return m.answer(ctx, msg, question), true
}

// question returns the question msg asks the bot, with the bot's mention
// taken out, or false when msg asks it nothing.
func (m *Mentions) question(msg *discordgo.Message, selfID string) (string, bool) {
	switch {
	case msg == nil || msg.Author == nil || selfID == "":
		return "", false
	case msg.Author.ID == selfID, msg.Author.Bot, msg.WebhookID != "":
		return "", false
	case msg.Type != discordgo.MessageTypeDefault && msg.Type != discordgo.MessageTypeReply:
		return "", false
	}
	listed := false
	for _, u := range msg.Mentions {
		if u != nil && u.ID == selfID {
			listed = true
			break
		}
	}
	tokens := []string{"<@" + selfID + ">", "<@!" + selfID + ">"}
	written := false
	text := msg.Content
	for _, t := range tokens {
		written = written || strings.Contains(text, t)
		text = strings.ReplaceAll(text, t, " ")
	}
	if !listed || !written {
		return "", false
	}
	// "@articlebot, who …?", "@articlebot: who …?", "who …, @articlebot?"
	text = spaceBeforeMark.ReplaceAllString(strings.Join(strings.Fields(text), " "), "$1")
	text = strings.TrimLeft(text, ",:;-–— ")
	if strings.IndexFunc(plainText(text), isLetterOrDigit) < 0 {
		return "", false
	}
	return text, true
}

// spaceBeforeMark matches the space a mention taken out leaves before a
// punctuation mark, with the comma, semicolon or colon that stood before
// the mention when the mark ends the sentence ("who is X, @bot?").
var spaceBeforeMark = regexp.MustCompile(`[,;:]? ([,.;:?!])`)

// allow applies the per-channel limit to msg, logging a refusal.
func (m *Mentions) allow(ctx context.Context, msg *discordgo.Message) bool {
	if m.limit.allow(msg.ChannelID) {
		return true
	}
	m.log.DebugContext(ctx, "not answering a mention: its channel had an answer less than the interval ago",
		"channel_id", msg.ChannelID, "guild_id", msg.GuildID, "message_id", msg.ID, "interval", m.limit.interval)
	return false
}

// answer returns the reply to question, asked in msg, worked out by the
// pipeline every interaction goes through: a question the engine cannot
// take gets its reason, and a failure of the bot's own, panics included,
// is logged and gets the apology interactions get. The bot's observer is
// told the outcome, as /ask's. The reply comes wholly from the article the
// bot answered from when answer was called.
func (m *Mentions) answer(ctx context.Context, msg *discordgo.Message, question string) *discordgo.MessageSend {
	e := m.bot.current()
	r := request{
		kind: kindMention, command: "ask", logMsg: "mention",
		id: slog.String("message_id", msg.ID), guildID: msg.GuildID, channelID: msg.ChannelID,
		handle: func(ctx context.Context, _ *string) (*discordgo.InteractionResponse, error) {
			r, err := e.answer(question)
			if err != nil {
				return nil, err
			}
			return replyResponse(r), nil
		},
	}
	if msg.Author != nil {
		r.userID = msg.Author.ID
	}
	resp := e.serve(ctx, r)
	return mentionReply(msg, rendered{content: resp.Data.Content, embeds: resp.Data.Embeds, components: resp.Data.Components})
}

// replyResponse returns r as a message response, which is what a reply to
// a mention holds and the rules it must follow.
func replyResponse(r rendered) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         truncate(r.content, limitContent),
			Embeds:          r.embeds,
			Components:      r.components,
			AllowedMentions: noMentions(),
		},
	}
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mentionReply returns r as a reply to msg that pings nobody.
func mentionReply(msg *discordgo.Message, r rendered) *discordgo.MessageSend {
	embeds, components := r.embeds, r.components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.MessageSend{
		Content:    truncate(r.content, limitContent),
		Embeds:     embeds,
		Components: components,
		AllowedMentions: &discordgo.MessageAllowedMentions{
			Parse:       []discordgo.AllowedMentionType{},
			RepliedUser: false,
		},
		// If the question is deleted before the answer arrives, the answer
		// is still posted, as a plain message, rather than refused.
		Reference: &discordgo.MessageReference{
			MessageID:       msg.ID,
			ChannelID:       msg.ChannelID,
			GuildID:         msg.GuildID,
			FailIfNotExists: new(bool),
		},
	}
}

// channelLimiter lets one event through per interval in each channel. It
// remembers at most max channels: when it is full it forgets the channels
// whose interval is over, and when none is, it refuses new channels until
// one is, so that its memory stays bounded whatever it is sent. It looks
// for channels to forget only once one may be over, so that a flood of new
// channels while it is full costs little each.
type channelLimiter struct {
	mu       sync.Mutex
	interval time.Duration
	max      int
	now      func() time.Time
	last     map[string]time.Time // channel ID -> time of its last event let through

	// sweptAt is when forget last ran, and expiry the earliest time at
	// which a channel it kept can be over, or no later.
	sweptAt, expiry time.Time
}

// allow reports whether an event in channel may go through now, and if so
// records it.
func (l *channelLimiter) allow(channel string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if t, seen := l.last[channel]; seen {
		// A clock that went back counts as the interval being over.
		if d := now.Sub(t); d >= 0 && d < l.interval {
			return false
		}
	} else if len(l.last) >= l.max {
		// A clock that went back may have put every channel's interval over.
		if !now.Before(l.expiry) || now.Before(l.sweptAt) {
			l.forget(now)
		}
		if len(l.last) >= l.max {
			return false
		}
	}
	l.last[channel] = now
	return true
}

// forget removes the channels whose interval is over, and notes when the
// next of the others will be.
func (l *channelLimiter) forget(now time.Time) {
	l.sweptAt, l.expiry = now, time.Time{}
	for ch, t := range l.last {
		if d := now.Sub(t); d < 0 || d >= l.interval {
			delete(l.last, ch)
		} else if end := t.Add(l.interval); l.expiry.IsZero() || end.Before(l.expiry) {
			l.expiry = end
		}
	}
}

// size returns the number of channels remembered.
func (l *channelLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.last)
}

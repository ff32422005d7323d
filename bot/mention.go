package bot

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"runtime/debug"
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

// MentionOption configures [Mentions].
type MentionOption func(*Mentions)

// WithMentionInterval sets the shortest time between two answers in one
// channel. A value of zero or less keeps [DefaultMentionInterval].
func WithMentionInterval(d time.Duration) MentionOption {
	return func(m *Mentions) {
		if d > 0 {
			m.limit.interval = d
		}
	}
}

// WithMentionClock makes the limiter read the time from now, for tests.
func WithMentionClock(now func() time.Time) MentionOption {
	return func(m *Mentions) {
		if now != nil {
			m.limit.now = now
		}
	}
}

// WithMentionLogger sets the logger told about each mention answered or
// ignored for the rate limit. A nil logger keeps the bot's.
func WithMentionLogger(l *slog.Logger) MentionOption {
	return func(m *Mentions) {
		if l != nil {
			m.log = l
		}
	}
}

// NewMentions returns the answerer of mentions of b.
func NewMentions(b *Bot, opts ...MentionOption) *Mentions {
	if b == nil {
		b = New(nil)
	}
	m := &Mentions{
		bot: b,
		log: b.log,
		limit: &channelLimiter{
			interval: DefaultMentionInterval,
			max:      maxLimitedChannels,
			now:      time.Now,
			last:     make(map[string]time.Time),
		},
	}
	for _, o := range opts {
		if o != nil {
			o(m)
		}
	}
	return m
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

// answer returns the reply to question, asked in msg. A question the
// engine cannot take gets its reason; a failure of the bot's own, panics
// included, is logged and gets the apology interactions get. The bot's
// observer is told the outcome, as /ask's.
func (m *Mentions) answer(ctx context.Context, msg *discordgo.Message, question string) (reply *discordgo.MessageSend) {
	start := time.Now()
	outcome := resultOK
	var failure error
	defer func() {
		if p := recover(); p != nil {
			failure = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
			outcome, reply = resultInternal, mentionReply(msg, rendered{content: apology})
		}
		latency := time.Since(start)
		attrs := []any{"kind", kindMention, "command", "ask", "outcome", outcome, "latency", latency,
			"channel_id", msg.ChannelID, "guild_id", msg.GuildID, "message_id", msg.ID}
		if msg.Author != nil {
			attrs = append(attrs, "user_id", msg.Author.ID)
		}
		if failure != nil {
			attrs = append(attrs, "err", failure.Error())
		}
		level := slog.LevelInfo
		if outcome == resultInternal {
			level = slog.LevelError
		}
		m.log.Log(ctx, level, "mention", attrs...)
		m.bot.observe(Outcome{Command: "ask", Kind: kindMention, Result: outcome, Latency: latency})
	}()

	r, err := m.bot.answer(question)
	if err != nil {
		if text, isUser := userMessage(err); isUser {
			outcome, r = resultUser, rendered{content: text}
		} else {
			outcome, r = resultInternal, rendered{content: apology}
		}
		failure = err
	}
	reply = mentionReply(msg, r)
	if err := checkReply(reply); err != nil {
		failure = fmt.Errorf("the reply breaks Discord's rules: %w", err)
		outcome, reply = resultInternal, mentionReply(msg, rendered{content: apology})
	}
	return reply
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

// checkReply reports how a reply breaks the rules an interaction's message
// must follow, which are those of a message: content, embeds, buttons and
// mentions.
func checkReply(s *discordgo.MessageSend) error {
	return checkResponse(&discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         s.Content,
			Embeds:          s.Embeds,
			Components:      s.Components,
			AllowedMentions: s.AllowedMentions,
		},
	})
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

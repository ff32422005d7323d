package bot

import (
	"log/slog"
	"time"
)

// InteractionWindow is how long Discord waits for the first response to an
// interaction, from its creation. Every time limit on answering an
// interaction is derived from it.
const InteractionWindow = 3 * time.Second

// The limits on answering one interaction, unless an [Option] changes them.
const (
	// DefaultResponseDeadline bounds the time the HTTP endpoint gives the
	// bot to answer one interaction: the window, less half a second for
	// the reply to reach Discord.
	DefaultResponseDeadline = InteractionWindow - 500*time.Millisecond
	// DefaultAnswerTimeout bounds the time a [Gateway] spends on one
	// interaction, computing the answer and delivering it: the window, plus
	// two seconds of margin for a delivery that Discord rate-limits and
	// discordgo retries.
	DefaultAnswerTimeout = InteractionWindow + 2*time.Second
)

// Option configures a [Bot] and everything built on it: the gateway
// adapter, the HTTP endpoint and the answers to mentions.
type Option func(*config)

type config struct {
	log              *slog.Logger
	observer         Observer
	metrics          *Metrics
	answerTimeout    time.Duration
	responseDeadline time.Duration
	mentionInterval  time.Duration
	// now is the clock of signature checks, of the mention limiter and of
	// the times articles are loaded; tests replace it.
	now func() time.Time
	// commands returns the commands of edition e; e.builtins when nil.
	// Tests replace it.
	commands func(e *Bot) []*command
}

func newConfig(opts []Option) config {
	c := config{
		answerTimeout:    DefaultAnswerTimeout,
		responseDeadline: DefaultResponseDeadline,
		mentionInterval:  DefaultMentionInterval,
		now:              time.Now,
	}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	return c
}

// WithLogger sets the logger the bot reports each interaction and mention
// to, and its adapters what goes wrong around them. Requests the HTTP
// endpoint refuses are logged at debug level, since anyone can send them.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.log = l } }

// WithObserver sets an observer that is told how every interaction and
// mention was answered.
func WithObserver(o Observer) Option { return func(c *config) { c.observer = o } }

// WithMetrics counts in m everything the bot does: how every interaction
// and mention was answered (m is the bot's observer), the HTTP endpoint's
// replies and signature failures, and the answers the gateway could not
// deliver; and it sets m's gauges of the article's quotations, attributed
// and not.
func WithMetrics(m *Metrics) Option {
	return func(c *config) {
		c.metrics = m
		if m != nil {
			c.observer = m
		}
	}
}

// WithAnswerTimeout sets how long the gateway may spend on one interaction,
// delivery included. A value of zero or less keeps [DefaultAnswerTimeout].
func WithAnswerTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.answerTimeout = d
		}
	}
}

// WithResponseDeadline bounds the time the HTTP endpoint gives the bot to
// answer one interaction; a request that runs out of time is answered with
// 503 Service Unavailable. A value of zero or less keeps
// [DefaultResponseDeadline].
func WithResponseDeadline(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.responseDeadline = d
		}
	}
}

// WithMentionInterval sets the shortest time between two answers to
// mentions in one channel. A value of zero or less keeps
// [DefaultMentionInterval].
func WithMentionInterval(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.mentionInterval = d
		}
	}
}

// withClock makes signature checks, the mention limiter and the times
// articles are loaded read the time from now, for tests.
func withClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// withCommands makes every edition of the bot answer with the commands
// cmds returns for it instead of the built-in ones, for tests.
func withCommands(cmds func(e *Bot) []*command) Option {
	return func(c *config) { c.commands = cmds }
}

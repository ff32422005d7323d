package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// newLogger returns the logger of one run: text or JSON on w, at level.
func newLogger(w io.Writer, level slog.Level, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// redacted replaces a secret wherever a log line would have shown it.
const redacted = "[REDACTED]"

// dgLogs routes discordgo's logging into the loggers of the runs in
// progress. discordgo logs through one package variable, discordgo.Logger,
// for every session in the process, so a message cannot be traced to the
// session that wrote it: each message goes to every attached logger, with
// every attached secret and every interaction or webhook token redacted. In
// a deployed process there is one run.
type dgLogs struct {
	install sync.Once
	mu      sync.RWMutex
	sinks   map[*dgSink]struct{}
}

type dgSink struct {
	log    *slog.Logger
	secret string
}

// discordgoLogs is the process's route for discordgo's logging. It is
// installed into discordgo.Logger by the first attach.
var discordgoLogs = &dgLogs{sinks: map[*dgSink]struct{}{}}

// attach sends discordgo's logging to log, with secret (if not empty)
// redacted from every message, until detach is called.
func (d *dgLogs) attach(log *slog.Logger, secret string) (detach func()) {
	d.install.Do(func() { discordgo.Logger = d.write })
	s := &dgSink{log: log.With("source", "discordgo"), secret: secret}
	d.mu.Lock()
	d.sinks[s] = struct{}{}
	d.mu.Unlock()
	return func() {
		d.mu.Lock()
		delete(d.sinks, s)
		d.mu.Unlock()
	}
}

// write has the signature of discordgo.Logger.
func (d *dgLogs) write(msgL, _ int, format string, a ...any) {
	msg := bot.RedactURLTokens(strings.TrimSpace(fmt.Sprintf(format, a...)))
	level := dgLevel(msgL)
	d.mu.RLock()
	defer d.mu.RUnlock()
	for s := range d.sinks {
		if s.secret != "" {
			msg = strings.ReplaceAll(msg, s.secret, redacted)
		}
	}
	for s := range d.sinks {
		s.log.Log(context.Background(), level, msg)
	}
}

// dgLevel maps a discordgo log level to slog's. discordgo's informational
// messages trace its internals, so they count as debug.
func dgLevel(msgL int) slog.Level {
	switch msgL {
	case discordgo.LogError:
		return slog.LevelError
	case discordgo.LogWarning:
		return slog.LevelWarn
	case discordgo.LogInformational:
		return slog.LevelDebug
	}
	return slog.LevelDebug - 4
}

// sessionLogLevel is the discordgo log level for a session whose messages
// go to log. It never reaches discordgo.LogDebug, whose messages include the
// identify payload with the token.
func sessionLogLevel(log *slog.Logger) int {
	if log.Enabled(context.Background(), slog.LevelDebug) {
		return discordgo.LogInformational
	}
	return discordgo.LogWarning
}

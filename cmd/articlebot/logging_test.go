package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestNewLogger(t *testing.T) {
	var buf bytes.Buffer
	log := newLogger(&buf, slog.LevelInfo, "json")
	log.Debug("hidden")
	log.Info("shown", "command", "find")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("JSON log at info = %q, want exactly the info line", buf.String())
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatalf("JSON log line %q does not parse: %v", lines[0], err)
	}
	if rec["msg"] != "shown" || rec["level"] != "INFO" || rec["command"] != "find" {
		t.Errorf("JSON log record = %v, want msg shown, level INFO, command find", rec)
	}

	buf.Reset()
	log = newLogger(&buf, slog.LevelDebug, "text")
	log.Debug("details", "k", "v")
	if got := buf.String(); !strings.Contains(got, "level=DEBUG") || !strings.Contains(got, "msg=details") || !strings.Contains(got, "k=v") {
		t.Errorf("text log at debug = %q, want a text record of the debug line", got)
	}
}

func TestDiscordgoLogsGoToSlogWithoutTheToken(t *testing.T) {
	var a, b bytes.Buffer
	detachA := discordgoLogs.attach(newLogger(&a, slog.LevelDebug, "text"), "secret-a")
	detachB := discordgoLogs.attach(newLogger(&b, slog.LevelWarn, "text"), "secret-b")

	discordgo.Logger(discordgo.LogWarning, 1, "identify with %s and %s", "Bot secret-a", "secret-b")
	discordgo.Logger(discordgo.LogInformational, 1, "called")
	discordgo.Logger(discordgo.LogError, 1, "error reading from gateway: %v", "close 4004")
	discordgo.Logger(discordgo.LogInformational, 1, "rate limited on %s", "https://discord.com/api/v9/interactions/77/interaction-secret/callback")
	detachA()
	detachB()
	discordgo.Logger(discordgo.LogError, 1, "after detach")

	for name, buf := range map[string]*bytes.Buffer{"debug logger": &a, "warn logger": &b} {
		out := buf.String()
		if strings.Contains(out, "secret-a") || strings.Contains(out, "secret-b") {
			t.Errorf("%s shows a token: %q", name, out)
		}
		for _, want := range []string{"level=WARN", "identify with Bot [REDACTED] and [REDACTED]", "source=discordgo", "level=ERROR", "close 4004"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s = %q, want it to contain %q", name, out, want)
			}
		}
		if strings.Contains(out, "after detach") {
			t.Errorf("%s received a message after detaching: %q", name, out)
		}
	}
	if out := a.String(); strings.Contains(out, "interaction-secret") || !strings.Contains(out, "/interactions/77/[REDACTED]/callback") {
		t.Errorf("debug logger = %q, want the interaction token redacted from the callback URL", out)
	}
	if !strings.Contains(a.String(), "level=DEBUG msg=called") {
		t.Errorf("debug logger = %q, want discordgo's informational message at debug", a.String())
	}
	if strings.Contains(b.String(), "msg=called") {
		t.Errorf("warn logger = %q, want no informational messages", b.String())
	}
}

func TestSessionLogLevel(t *testing.T) {
	tests := []struct {
		level slog.Level
		want  int
	}{
		{slog.LevelDebug, discordgo.LogInformational},
		{slog.LevelInfo, discordgo.LogWarning},
		{slog.LevelError, discordgo.LogWarning},
	}
	for _, tc := range tests {
		log := newLogger(&bytes.Buffer{}, tc.level, "text")
		if got := sessionLogLevel(log); got != tc.want {
			t.Errorf("sessionLogLevel(%v) = %d, want %d", tc.level, got, tc.want)
		}
		if got := sessionLogLevel(log); got >= discordgo.LogDebug {
			t.Errorf("sessionLogLevel(%v) = %d: discordgo's debug level logs the identify payload with the token", tc.level, got)
		}
	}
}

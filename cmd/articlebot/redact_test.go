package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/internal/discordtest"
)

func TestRedactTokens(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`run takes no arguments, got "MTIz.abc.def"`, `run takes no arguments, got "[REDACTED]"`},
		{"unknown command " + discordtest.BotToken, "unknown command [REDACTED]"},
		{"DISCORD_APP_ID=\"MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.x_y-z\" is not a Discord ID", "DISCORD_APP_ID=\"[REDACTED]\" is not a Discord ID"},
		{"version 1.2.3", "version 1.2.3"},
		{"article.v2.txt", "article.v2.txt"},
		{"listen on 127.0.0.1:8080", "listen on 127.0.0.1:8080"},
		{"no dots here", "no dots here"},
	}
	for _, tt := range tests {
		if got := redactTokens(tt.in); got != tt.want {
			t.Errorf("redactTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTokensTypedInTheWrongPlace checks that a token given where an
// argument or another variable belongs is not echoed back, and that the
// error keeps its exit status.
func TestTokensTypedInTheWrongPlace(t *testing.T) {
	const token = "MTIz.abc.def"
	for _, tc := range []struct {
		name string
		args []string
		vars map[string]string
		code int
	}{
		{"run argument", []string{"run", token}, nil, 2},
		{"as the command", []string{token}, nil, 2},
		{"register --guild", []string{"register", "--guild", token}, nil, 2},
		{"try --page", []string{"try", "--page", token, "/about"}, nil, 2},
		{"DISCORD_APP_ID", []string{"commands"}, map[string]string{envAppID: token}, 2},
		{"a real token as the command", []string{discordtest.BotToken}, nil, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tc.args, mapEnv(tc.vars), &stdout, &stderr, withEnvFile(""))
			if err == nil {
				t.Fatalf("run(%q) = nil, want an error", tc.args)
			}
			for what, s := range map[string]string{"error": err.Error(), "stdout": stdout.String(), "stderr": stderr.String()} {
				if strings.Contains(s, token) || strings.Contains(s, discordtest.TokenSecret) {
					t.Errorf("run(%q): the %s shows the token: %s", tc.args, what, s)
				}
			}
			if !strings.Contains(err.Error(), redacted) {
				t.Errorf("run(%q) = %q, want it to say where the token was redacted", tc.args, err)
			}
			if got := exitCode(err); got != tc.code {
				t.Errorf("exitCode(%v) = %d, want %d", err, got, tc.code)
			}
		})
	}
}

package bot

import "testing"

func TestRedactURLTokens(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"callback URL in a client error",
			`Post "https://discord.com/api/v9/interactions/1280000000000000002/aW50ZXJhY3Rpb24.abc-_/callback": context deadline exceeded`,
			`Post "https://discord.com/api/v9/interactions/1280000000000000002/[REDACTED]/callback": context deadline exceeded`},
		{"webhook follow-up",
			"POST /api/v9/webhooks/1279000000000000001/tok3n/messages/@original",
			"POST /api/v9/webhooks/1279000000000000001/[REDACTED]/messages/@original"},
		{"webhook at the end", "https://discord.com/api/webhooks/12/secret", "https://discord.com/api/webhooks/12/[REDACTED]"},
		{"two in one line", "/interactions/1/a/callback and /interactions/2/b/callback",
			"/interactions/1/[REDACTED]/callback and /interactions/2/[REDACTED]/callback"},
		{"no token", "GET /api/v9/gateway", "GET /api/v9/gateway"},
		{"not an ID", "/interactions/abc/def", "/interactions/abc/def"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RedactURLTokens(tt.in); got != tt.want {
				t.Errorf("RedactURLTokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

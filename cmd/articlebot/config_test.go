package main

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A token of the right shape whose parts are easy to look for in output.
const (
	shapedToken   = "MTAwMDAwMDAwMDAwMDAwMDAx.GxYzAb.tokensecretpart_do-not-print-0123456789"
	tokenSecret   = "tokensecretpart"
	badTokenValue = "not-a-token-but-still-secret-7f3a9c"
)

func TestParseToken(t *testing.T) {
	tests := []struct {
		name      string
		raw       string
		want      string
		wantIssue string // a substring of the problem; "" when the token is fine
	}{
		{"bare", shapedToken, shapedToken, ""},
		{"with Bot prefix", "Bot " + shapedToken, shapedToken, ""},
		{"with lower-case prefix and spaces", "  bot  " + shapedToken + "\n", shapedToken, ""},
		{"missing", "", "", "DISCORD_TOKEN is not set"},
		{"only the prefix", "Bot ", "", "DISCORD_TOKEN is not set"},
		{"one part", badTokenValue, "", "does not look like a bot token"},
		{"two parts", "abc.def", "", "three parts"},
		{"four parts", "a.b.c.d", "", "three parts"},
		{"empty part", "abc..def", "", "three parts"},
		{"space inside", "abc.d ef.ghi", "", "three parts"},
		{"quotes kept from a shell", `"` + shapedToken + `"`, "", "does not look like a bot token"},
		{"client secret", "abcdefghijklmnopqrstuvwxyz012345", "", "client secret"},
		{"bearer token", "Bearer abc.def.ghi", "", "bearer"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, issue := parseToken(tc.raw)
			if got != tc.want {
				t.Errorf("parseToken(%q) token = %q, want %q", tc.raw, got, tc.want)
			}
			if tc.wantIssue == "" && issue != "" {
				t.Errorf("parseToken(%q) problem = %q, want none", tc.raw, issue)
			}
			if tc.wantIssue != "" && !strings.Contains(issue, tc.wantIssue) {
				t.Errorf("parseToken(%q) problem = %q, want it to contain %q", tc.raw, issue, tc.wantIssue)
			}
			if tc.raw != "" && strings.TrimSpace(tc.raw) != "Bot" && strings.Contains(issue, strings.TrimSpace(tc.raw)) {
				t.Errorf("parseToken(%q) problem = %q, which shows the token", tc.raw, issue)
			}
		})
	}
}

func TestLoadConfig(t *testing.T) {
	t.Run("defaults", func(t *testing.T) {
		c, err := loadConfig(mapEnv(map[string]string{envToken: shapedToken}), configNeeds{token: true}, "")
		if err != nil {
			t.Fatalf("loadConfig = %v, want nil", err)
		}
		if c.token != shapedToken || c.logLevel != slog.LevelInfo || c.logLevelSet || c.logFormat != "text" || c.appID != "" || c.guildID != "" || c.articleFile != "" {
			t.Errorf("loadConfig = %+v, want the token and defaults", c)
		}
	})
	t.Run("everything set", func(t *testing.T) {
		c, err := loadConfig(mapEnv(map[string]string{
			envToken: "Bot " + shapedToken, envAppID: "123", envGuildID: " 456 ", envArticleFile: "a.txt",
			envLogLevel: "DEBUG", envLogFormat: "json",
		}), configNeeds{token: true}, "")
		if err != nil {
			t.Fatalf("loadConfig = %v, want nil", err)
		}
		if c.token != shapedToken || c.appID != "123" || c.guildID != "456" || c.articleFile != "a.txt" ||
			c.logLevel != slog.LevelDebug || !c.logLevelSet || c.logFormat != "json" {
			t.Errorf("loadConfig = %+v, want every variable applied", c)
		}
	})
	t.Run("article flag wins", func(t *testing.T) {
		c, err := loadConfig(mapEnv(map[string]string{envArticleFile: "env.txt"}), configNeeds{}, "flag.txt")
		if err != nil || c.articleFile != "flag.txt" {
			t.Errorf("loadConfig(--article flag.txt) = %q, %v; want flag.txt", c.articleFile, err)
		}
	})
	t.Run("token not needed", func(t *testing.T) {
		if _, err := loadConfig(mapEnv(nil), configNeeds{}, ""); err != nil {
			t.Errorf("loadConfig without a token for a command that needs none = %v, want nil", err)
		}
	})
}

// TestRunReportsEveryConfigProblemAtOnce checks that run fails with exit
// code 2 and one message naming every problem and where to fix it, without
// ever showing the token.
func TestRunReportsEveryConfigProblemAtOnce(t *testing.T) {
	tests := []struct {
		name string
		vars map[string]string
		args []string
		want []string
	}{
		{
			name: "missing token",
			vars: nil,
			want: []string{"DISCORD_TOKEN is not set", "developer portal"},
		},
		{
			name: "malformed token",
			vars: map[string]string{envToken: badTokenValue},
			want: []string{"DISCORD_TOKEN does not look like a bot token"},
		},
		{
			name: "everything wrong",
			vars: map[string]string{
				envToken: badTokenValue, envLogLevel: "verbose", envLogFormat: "xml",
				envGuildID: "my-server", envAppID: "app", envArticleFile: "/nonexistent/article.txt",
			},
			want: []string{
				"configuration problems:", "DISCORD_TOKEN does not look like a bot token",
				`LOG_LEVEL="verbose"`, "debug, info, warn or error",
				`LOG_FORMAT="xml"`, "text or json",
				`DISCORD_GUILD_ID="my-server"`, `DISCORD_APP_ID="app"`,
				"/nonexistent/article.txt", "ARTICLE_FILE",
			},
		},
		{
			name: "good token, bad log level",
			vars: map[string]string{envToken: "Bot " + shapedToken, envLogLevel: "loud"},
			want: []string{`LOG_LEVEL="loud"`},
		},
		{
			name: "try does not need a token but checks the rest",
			vars: map[string]string{envToken: badTokenValue, envLogFormat: "yaml"},
			args: []string{"try", "/about"},
			want: []string{`LOG_FORMAT="yaml"`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, err := runArgs(t, tc.vars, tc.args)
			if got := exitCode(err); got != 2 {
				t.Fatalf("run = %v (exit code %d), want a configuration error (exit code 2)", err, got)
			}
			msg := err.Error()
			for _, w := range append(tc.want, ".env.example", "README.md") {
				if !strings.Contains(msg, w) {
					t.Errorf("error = %q, want it to contain %q", msg, w)
				}
			}
			if strings.Contains(msg, "DISCORD_TOKEN") != (len(tc.args) == 0 && !strings.Contains(tc.name, "good token")) {
				t.Errorf("error = %q: it should mention DISCORD_TOKEN exactly when the token is at fault", msg)
			}
			for what, s := range map[string]string{"error": msg, "stdout": stdout, "stderr": stderr} {
				if strings.Contains(s, badTokenValue) || strings.Contains(s, tokenSecret) {
					t.Errorf("%s shows the token: %q", what, s)
				}
			}
		})
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDotenv(t *testing.T) {
	dir := t.TempDir()
	dotenv := writeFile(t, dir, ".env", "# test settings\nLOG_FORMAT=xml\nexport LOG_LEVEL=\"warn\"\nDISCORD_TOKEN="+shapedToken+"\n")

	t.Run("read by default", func(t *testing.T) {
		_, _, err := runArgs(t, nil, []string{"commands"}, withEnvFile(dotenv))
		if err == nil || !strings.Contains(err.Error(), `LOG_FORMAT="xml"`) {
			t.Fatalf("run(commands) with LOG_FORMAT=xml in .env = %v, want a LOG_FORMAT error", err)
		}
	})
	t.Run("real environment wins", func(t *testing.T) {
		_, _, err := runArgs(t, map[string]string{envLogFormat: "json"}, []string{"commands"}, withEnvFile(dotenv))
		if err != nil {
			t.Fatalf("run(commands) with LOG_FORMAT=json in the environment = %v, want nil", err)
		}
	})
	t.Run("token read from it", func(t *testing.T) {
		// Only LOG_LEVEL is wrong: the token came from .env.
		_, _, err := runArgs(t, map[string]string{envLogFormat: "json", envLogLevel: "nope"}, nil, withEnvFile(dotenv))
		if err == nil || strings.Contains(err.Error(), "DISCORD_TOKEN") || !strings.Contains(err.Error(), "LOG_LEVEL") {
			t.Fatalf("run = %v, want only a LOG_LEVEL problem", err)
		}
	})
	t.Run("named with --env-file", func(t *testing.T) {
		_, _, err := runArgs(t, nil, []string{"commands", "--env-file", dotenv})
		if err == nil || !strings.Contains(err.Error(), `LOG_FORMAT="xml"`) {
			t.Fatalf("run(commands --env-file) = %v, want a LOG_FORMAT error", err)
		}
	})
	t.Run("missing default file is fine", func(t *testing.T) {
		_, _, err := runArgs(t, nil, []string{"commands"}, withEnvFile(filepath.Join(dir, "absent.env")))
		if err != nil {
			t.Fatalf("run(commands) without a .env = %v, want nil", err)
		}
	})
	t.Run("missing named file is an error", func(t *testing.T) {
		_, _, err := runArgs(t, nil, []string{"commands", "--env-file", filepath.Join(dir, "absent.env")})
		if exitCode(err) != 2 || !strings.Contains(err.Error(), "absent.env") {
			t.Fatalf("run(commands --env-file absent.env) = %v, want a configuration error naming the file", err)
		}
	})
	t.Run("malformed file", func(t *testing.T) {
		bad := writeFile(t, dir, "bad.env", "LOG_LEVEL=info\nDISCORD_TOKEN="+shapedToken+"\nthis line is wrong "+badTokenValue+"\n")
		_, stderr, err := runArgs(t, nil, []string{"commands", "--env-file", bad})
		if exitCode(err) != 2 || !strings.Contains(err.Error(), "line 3") {
			t.Fatalf("run with a malformed env file = %v, want a configuration error pointing at line 3", err)
		}
		for _, s := range []string{err.Error(), stderr} {
			if strings.Contains(s, tokenSecret) || strings.Contains(s, badTokenValue) {
				t.Errorf("output shows the file's values: %q", s)
			}
		}
	})
	t.Run("unterminated quote", func(t *testing.T) {
		bad := writeFile(t, dir, "quote.env", "DISCORD_TOKEN=\""+shapedToken+"\n")
		_, _, err := runArgs(t, nil, []string{"commands", "--env-file", bad})
		if exitCode(err) != 2 || !strings.Contains(err.Error(), "closing quote") {
			t.Fatalf("run with an unterminated quote = %v, want a configuration error about the quote", err)
		}
		if strings.Contains(err.Error(), tokenSecret) {
			t.Errorf("error shows the token: %q", err)
		}
	})
}

func TestWithDotenv(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, ".env", "A=from-file\nB=from-file\nC=\"quoted value\"\n")
	getenv, err := withDotenv(mapEnv(map[string]string{"A": "from-env", "B": ""}), envFile{path: p})
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"A": "from-env", "B": "from-file", "C": "quoted value", "D": ""} {
		if got := getenv(key); got != want {
			t.Errorf("getenv(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestConfigErrorUnwraps(t *testing.T) {
	err := error(&configError{err: errTokenRejected, problems: []string{"p"}})
	if !errors.Is(err, errTokenRejected) {
		t.Errorf("errors.Is(%v, errTokenRejected) = false, want true", err)
	}
}

// TestConfigErrorAdvice checks that the advice on where variables are set
// ends the errors a variable's value causes, and only those.
func TestConfigErrorAdvice(t *testing.T) {
	const advice = ".env.example lists them all"
	dir := t.TempDir()
	latin1 := writeFile(t, dir, "latin1.txt", "Le caf\xe9 ferme ses portes.\n")
	tests := []struct {
		name       string
		vars       map[string]string
		args       []string
		wantAdvice bool
	}{
		{"a bad log level", map[string]string{envLogLevel: "loud"}, []string{"commands"}, true},
		{"an article file that is not UTF-8", nil, []string{"commands", "--article", latin1}, false},
		{"an article file that is missing", nil, []string{"commands", "--article", filepath.Join(dir, "absent.txt")}, false},
		{"a bad article file and a bad log level", map[string]string{envLogLevel: "loud"}, []string{"commands", "--article", latin1}, true},
		{"a malformed env file", nil, []string{"commands", "--env-file", writeFile(t, dir, "bad.env", "not a line of an env file\n")}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runArgs(t, tc.vars, tc.args)
			if exitCode(err) != 2 {
				t.Fatalf("run(%q) = %v, want a configuration error", tc.args, err)
			}
			if got := strings.Contains(err.Error(), advice); got != tc.wantAdvice {
				t.Errorf("run(%q) = %q: advice on variables %v, want %v", tc.args, err, got, tc.wantAdvice)
			}
		})
	}
}

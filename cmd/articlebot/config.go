package main

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/internal/safefile"
	"github.com/joho/godotenv"
)

// config is everything articlebot reads from its environment.
type config struct {
	// token is the bot token without its "Bot " prefix. It is never logged
	// and never put in an error.
	token string
	// appID is DISCORD_APP_ID, or "" to take it from the gateway's READY.
	appID string
	// guildID is DISCORD_GUILD_ID: when set, commands are registered in that
	// guild only, where they appear at once.
	guildID string
	// articleFile is the article to answer from, or "" for the embedded one.
	articleFile string
	// articleURL is the web page the article is fetched from at start-up;
	// at most one of articleFile and articleURL is set.
	articleURL string
	// askOnMention is ASK_ON_MENTION: whether the bot answers messages
	// that mention it, which needs the guild-message and direct-message
	// intents.
	askOnMention bool
	// logLevel and logFormat configure logging.
	logLevel    slog.Level
	logLevelSet bool
	logFormat   string

	// httpAddr is HTTP_ADDR, where serve listens.
	httpAddr string
	// publicKey is DISCORD_PUBLIC_KEY, which serve checks every request's
	// signature with.
	publicKey ed25519.PublicKey
	// metricsAddr is METRICS_ADDR: when set, the gateway mode serves its
	// health and metrics endpoints there.
	metricsAddr string
	// shard is the gateway shard this process runs, from SHARD_ID and
	// SHARD_COUNT.
	shard shardConfig

	// source is where the article comes from, which a reload reads again.
	source articleSource
}

// configError is a problem the operator has to fix in the configuration:
// restarting articlebot will not help. It lists every problem found, so that
// one run shows all of them.
type configError struct {
	problems []string
	// err is a sentinel the problems stand for, for errors.Is; it may be nil.
	err error
	// variables reports that some problem is in the value of a variable,
	// so that the message also says where variables are set. Problems
	// with a file's contents, or with articlebot itself, leave it false.
	variables bool
}

func (e *configError) Error() string {
	var b strings.Builder
	if len(e.problems) == 1 {
		b.WriteString("configuration problem: ")
		b.WriteString(e.problems[0])
	} else {
		b.WriteString("configuration problems:")
		for _, p := range e.problems {
			b.WriteString("\n  - ")
			b.WriteString(p)
		}
	}
	if e.variables {
		b.WriteString("\nSet the variables in the environment or in a .env file in the working directory;" +
			" .env.example lists them all and README.md explains each.")
	}
	return b.String()
}

func (e *configError) Unwrap() error { return e.err }

// Names of the environment variables articlebot reads.
const (
	envToken       = "DISCORD_TOKEN"
	envAppID       = "DISCORD_APP_ID"
	envGuildID     = "DISCORD_GUILD_ID"
	envArticleFile = "ARTICLE_FILE"
	envArticleURL  = "ARTICLE_URL"
	envLogLevel    = "LOG_LEVEL"
	envLogFormat   = "LOG_FORMAT"
	envAskMention  = "ASK_ON_MENTION"
	envHTTPAddr    = "HTTP_ADDR"
	envPublicKey   = "DISCORD_PUBLIC_KEY"
	envMetricsAddr = "METRICS_ADDR"
	envShardID     = "SHARD_ID"
	envShardCount  = "SHARD_COUNT"
)

// configVariables lists every variable articlebot reads; .env.example and
// the README's table list them all, as a test checks.
var configVariables = []string{
	envToken, envAppID, envGuildID, envArticleFile, envArticleURL, envAskMention, envLogLevel, envLogFormat,
	envHTTPAddr, envPublicKey, envMetricsAddr, envShardID, envShardCount,
}

// configNeeds says which parts of the configuration a subcommand requires.
type configNeeds struct {
	// token makes DISCORD_TOKEN required.
	token bool
	// serve reads what the HTTP mode needs: HTTP_ADDR, and
	// DISCORD_PUBLIC_KEY, which it requires.
	serve bool
	// gateway reads what only the gateway mode uses: ASK_ON_MENTION,
	// METRICS_ADDR and the sharding variables.
	gateway bool
}

// loadConfig reads the configuration from getenv. articleFlag, when not
// empty, is the --article flag, a file or a URL, and takes precedence over
// ARTICLE_FILE and ARTICLE_URL. All
// problems are returned together as one *configError, with the parts of the
// configuration that could be read.
func loadConfig(getenv func(string) string, needs configNeeds, articleFlag string) (config, error) {
	var c config
	var problems []string

	rawToken := getenv(envToken)
	if needs.token {
		token, problem := parseToken(rawToken)
		if problem != "" {
			problems = append(problems, problem)
		}
		c.token = token
	}

	for _, v := range []struct {
		name string
		dst  *string
		what string
	}{
		{envAppID, &c.appID, "the application ID from the General Information page of the developer portal"},
		{envGuildID, &c.guildID, "a server's ID (Developer Mode on, right-click the server, Copy Server ID)"},
	} {
		s := strings.TrimSpace(getenv(v.name))
		if s != "" && !isSnowflake(s) {
			problems = append(problems, fmt.Sprintf("%s=%q is not a Discord ID: expected a number, %s.", v.name, s, v.what))
		}
		*v.dst = s
	}

	problems = append(problems, c.loadArticleSource(getenv, articleFlag)...)

	c.logLevel = slog.LevelInfo
	if s := strings.TrimSpace(getenv(envLogLevel)); s != "" {
		level, ok := parseLogLevel(s)
		if !ok {
			problems = append(problems, fmt.Sprintf("%s=%q is not a log level: use debug, info, warn or error.", envLogLevel, s))
		}
		c.logLevel, c.logLevelSet = level, ok
	}

	c.logFormat = "text"
	if s := strings.TrimSpace(getenv(envLogFormat)); s != "" {
		switch f := strings.ToLower(s); f {
		case "text", "json":
			c.logFormat = f
		default:
			problems = append(problems, fmt.Sprintf("%s=%q is not a log format: use text or json.", envLogFormat, s))
		}
	}

	if needs.serve {
		problems = append(problems, c.loadServe(getenv)...)
	}
	if needs.gateway {
		c.askOnMention = true
		if s := strings.TrimSpace(getenv(envAskMention)); s != "" {
			on, ok := parseSwitch(s)
			if !ok {
				problems = append(problems, fmt.Sprintf("%s=%q is not on or off: use true or false (also 1/0, on/off, yes/no).", envAskMention, s))
			}
			c.askOnMention = on
		}
		var p []string
		c.metricsAddr, p = listenAddr(getenv, envMetricsAddr, "")
		problems = append(problems, p...)
		c.shard, p = loadShard(getenv)
		problems = append(problems, p...)
	}

	if len(problems) > 0 {
		return c, &configError{problems: problems, variables: true}
	}
	return c, nil
}

// loadArticleSource reads where the article comes from: the --article
// flag, a file or a URL, else ARTICLE_FILE or ARTICLE_URL, which may not
// both be set.
func (c *config) loadArticleSource(getenv func(string) string, articleFlag string) []string {
	c.articleFile = strings.TrimSpace(getenv(envArticleFile))
	c.articleURL = strings.TrimSpace(getenv(envArticleURL))
	if articleFlag == "" && c.articleFile != "" && c.articleURL != "" {
		return []string{fmt.Sprintf("%s and %s are both set: set only one (--article overrides both).", envArticleFile, envArticleURL)}
	}
	if articleFlag != "" {
		c.articleFile, c.articleURL = articleFlag, ""
	}
	if isURL(c.articleFile) {
		c.articleFile, c.articleURL = "", c.articleFile
	}
	if c.articleURL != "" {
		if u, err := url.Parse(c.articleURL); err != nil || !isURL(c.articleURL) || u.Host == "" {
			return []string{fmt.Sprintf("the article's URL %q (--article or %s) is not a web address: use an http or https URL such as https://example.com/news/story.html.",
				c.articleURL, envArticleURL)}
		}
	}
	return nil
}

// parseSwitch reads a setting that is on or off. An unknown value reads as
// on, the default, and is reported.
func parseSwitch(s string) (on, ok bool) {
	switch strings.ToLower(s) {
	case "true", "1", "on", "yes":
		return true, true
	case "false", "0", "off", "no":
		return false, true
	}
	return true, false
}

func parseLogLevel(s string) (slog.Level, bool) {
	switch strings.ToLower(s) {
	case "debug":
		return slog.LevelDebug, true
	case "info":
		return slog.LevelInfo, true
	case "warn", "warning":
		return slog.LevelWarn, true
	case "error":
		return slog.LevelError, true
	}
	return slog.LevelInfo, false
}

// tokenPart matches one dot-separated part of a bot token: URL-safe base64.
var tokenPart = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// parseToken checks the shape of a bot token, with or without its "Bot "
// prefix, and returns it without the prefix. The check is loose: a bot token
// is three dot-separated parts of URL-safe base64. When the token is missing
// or malformed, problem says what to do; it never contains the token.
func parseToken(raw string) (token, problem string) {
	const where = "copy the token from the Bot page of your application in the Discord developer portal (Reset Token shows a new one)."
	t := strings.TrimSpace(raw)
	if len(t) >= 4 && strings.EqualFold(t[:4], "bot ") {
		t = strings.TrimSpace(t[4:])
	} else if strings.EqualFold(t, "bot") {
		t = ""
	}
	if t == "" {
		return "", envToken + " is not set: " + where
	}
	if len(t) >= 7 && strings.EqualFold(t[:7], "bearer ") {
		return "", envToken + " holds an OAuth2 bearer token; articlebot needs the bot token: " + where
	}
	parts := strings.Split(t, ".")
	ok := len(parts) == 3
	for _, p := range parts {
		ok = ok && tokenPart.MatchString(p)
	}
	if !ok {
		hint := ""
		if len(parts) == 1 && len(t) == 32 {
			hint = " (it looks like the client secret from the OAuth2 page, not the bot token)"
		}
		return "", fmt.Sprintf("%s does not look like a bot token%s: a bot token has three parts separated by dots; %s",
			envToken, hint, where)
	}
	return t, ""
}

// isSnowflake reports whether s looks like a Discord ID: a decimal number
// that fits in 64 bits.
func isSnowflake(s string) bool {
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// maxEnvFile is the largest .env file read, in bytes.
const maxEnvFile = 256 << 10

// envFile is where the .env file is read from.
type envFile struct {
	path string
	// explicit is set when the path came from --env-file, which makes a
	// missing file an error.
	explicit bool
}

// withDotenv returns a getenv that answers from getenv first and falls back
// to the variables of the .env file f, so the real environment wins. A
// missing file is not an error unless it was named explicitly. The error for
// a malformed file gives the line but never a value from it.
func withDotenv(getenv func(string) string, f envFile) (func(string) string, error) {
	if f.path == "" {
		return getenv, nil
	}
	data, err := safefile.Read(f.path, maxEnvFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !f.explicit {
			return getenv, nil
		}
		return nil, &configError{problems: []string{fmt.Sprintf("cannot read the env file: %v.", err)}}
	}
	vars, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		// godotenv's message quotes the file's text, secrets included, so
		// it is replaced by a pointer to the line.
		where := "the file"
		if n := firstBadDotenvLine(data); n > 0 {
			where = "line " + strconv.Itoa(n)
		}
		return nil, &configError{problems: []string{fmt.Sprintf(
			"%s is not a valid env file: check %s; each line should read NAME=value, and a quoted value needs its closing quote.",
			f.path, where)}}
	}
	return func(key string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return vars[key]
	}, nil
}

// dotenvLine matches a line that defines a variable, or is blank or a comment.
var dotenvLine = regexp.MustCompile(`^\s*(#.*|(export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*[=:].*)?$`)

// firstBadDotenvLine returns the number of the first line of data that
// neither defines a variable nor is blank or a comment, or 0 when every line
// looks right (the problem is then an unterminated quote).
func firstBadDotenvLine(data []byte) int {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	for n := 1; sc.Scan(); n++ {
		if !dotenvLine.MatchString(sc.Text()) {
			return n
		}
	}
	return 0
}

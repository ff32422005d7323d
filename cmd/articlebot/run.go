package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/gateway"
	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// options are the parts of a run that a caller may replace: where the
// session's REST calls and gateway connection go, and where .env is read.
type options struct {
	httpClient    *http.Client
	dialer        *websocket.Dialer
	envFile       string
	drainTimeout  time.Duration
	readyTimeout  time.Duration
	answerTimeout time.Duration
	// backoff sets the waits between reconnections to the gateway.
	backoff gateway.Backoff
	// loadFile parses an article file for the article source;
	// article.Load when nil.
	loadFile func(path string) (*article.Article, error)
	// listening, when set, is told the address each HTTP server (named
	// serverInteractions or serverMetrics) is bound to, once it listens.
	listening func(server string, addr net.Addr)
	// reloads, when set, carries the requests to reload the article
	// instead of SIGHUP.
	reloads <-chan os.Signal
	// commandsOf, when set, gives the commands the gateway mode registers
	// for a bot instead of the bot's own.
	commandsOf func(*bot.Bot) []*discordgo.ApplicationCommand
}

// option changes one of a run's options.
type option func(*options)

// withHTTPClient makes the gateway session send its REST calls with c
// instead of discordgo's default client.
func withHTTPClient(c *http.Client) option { return func(o *options) { o.httpClient = c } }

// withDialer makes the gateway session open its websocket with d instead of
// discordgo's default dialer.
func withDialer(d *websocket.Dialer) option { return func(o *options) { o.dialer = d } }

// withEnvFile sets the env file read when --env-file is not given. A missing
// file at this path is not an error.
func withEnvFile(path string) option { return func(o *options) { o.envFile = path } }

// withDrainTimeout bounds how long shutdown waits for answers in flight.
func withDrainTimeout(d time.Duration) option { return func(o *options) { o.drainTimeout = d } }

// withReadyTimeout bounds each attempt to connect to the gateway, at
// start-up and when reconnecting, from the dial to READY or RESUMED.
func withReadyTimeout(d time.Duration) option { return func(o *options) { o.readyTimeout = d } }

// withBackoff sets the waits between attempts to reconnect to the gateway
// (default gateway.DefaultBackoff).
func withBackoff(b gateway.Backoff) option { return func(o *options) { o.backoff = b } }

// withAnswerTimeout bounds the time spent answering one interaction,
// delivery included (default bot.DefaultAnswerTimeout).
func withAnswerTimeout(d time.Duration) option { return func(o *options) { o.answerTimeout = d } }

// withListening makes the run tell f the address each of its HTTP servers is
// bound to, which is how a caller learns the port of an address such as
// "127.0.0.1:0".
func withListening(f func(server string, addr net.Addr)) option {
	return func(o *options) { o.listening = f }
}

// usageError is a command line articlebot does not accept. Its message says
// what is wrong; the usage has already been printed.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// exitCode is the process exit status for the error run returned: 0 for
// success, 2 for a usage or configuration error, 1 for anything else.
func exitCode(err error) int {
	var ue *usageError
	var ce *configError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue), errors.As(err, &ce):
		return 2
	}
	return 1
}

// env is what every subcommand runs with.
type env struct {
	getenv func(string) string
	stdout io.Writer
	stderr io.Writer
	opts   options
}

// subcommand is one of articlebot's commands.
type subcommand struct {
	name    string
	args    string // what follows the name in the usage line
	summary string
	// details is a longer explanation shown by "articlebot help <name>".
	details string
	// flags declares the subcommand's flags on fs and returns the function
	// that runs it with the arguments left after the flags.
	flags func(e *env, fs *flag.FlagSet) func(ctx context.Context, args []string) error
}

// subcommands lists articlebot's commands in the order help shows them.
func subcommands() []subcommand {
	return []subcommand{
		{name: "run", args: "[flags]", summary: "connect to Discord and answer slash commands (default)", details: runDetails, flags: runFlags},
		{name: "serve", args: "[flags]", summary: "answer interactions sent to the Interactions Endpoint URL over HTTP", details: serveDetails, flags: serveFlags},
		{name: "register", args: "[flags]", summary: "register the commands with Discord over REST, without the gateway", details: registerDetails, flags: registerFlags},
		{name: "unregister", args: "[flags]", summary: "remove the commands from Discord, in one server or globally", details: unregisterDetails, flags: unregisterFlags},
		{name: "try", args: `[flags] "/command text"`, summary: "answer one command offline and print the answer", details: tryDetails, flags: tryFlags},
		{name: "play", args: "[flags]", summary: "serve a local page that shows the answers as Discord does", details: playDetails, flags: playFlags},
		{name: "commands", args: "[flags]", summary: "print the commands registration sends, as JSON", flags: commandsFlags},
		{name: "article", args: "[flags]", summary: "print the article as the bot sees it: its metadata and numbered paragraphs", details: articleDetails, flags: articleFlags},
		{name: "healthcheck", args: "[flags]", summary: "ask a running articlebot's /healthz, for a container's health check", details: healthcheckDetails, flags: healthcheckFlags},
		{name: "version", summary: "print the version (also --version or -v)", flags: versionFlags},
		{name: "help", args: "[command]", summary: "show this help, or a command's flags"},
	}
}

func lookupSubcommand(name string) (subcommand, bool) {
	for _, c := range subcommands() {
		if c.name == name {
			return c, true
		}
	}
	return subcommand{}, false
}

// run is articlebot: it runs the subcommand named by args[0], "run" when
// there is none, and returns what went wrong, with anything shaped like a
// bot token redacted from the message. The caller turns the error into an
// exit status with exitCode.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, opts ...option) error {
	return redactError(runCommand(ctx, args, getenv, stdout, stderr, opts...))
}

// runCommand is run, with the error's message as it stands.
func runCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, opts ...option) error {
	e := &env{getenv: getenv, stdout: stdout, stderr: stderr, opts: options{envFile: ".env"}}
	for _, o := range opts {
		o(&e.opts)
	}

	name := "run"
	if len(args) > 0 && (!strings.HasPrefix(args[0], "-") || versionFlag(args[0])) {
		name, args = args[0], args[1:]
		if versionFlag(name) {
			name = "version"
		}
	}
	if name == "help" {
		return e.help(args)
	}
	cmd, ok := lookupSubcommand(name)
	if !ok {
		e.usage(stderr)
		return &usageError{fmt.Sprintf("unknown command %q", name)}
	}

	fs := flag.NewFlagSet("articlebot "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	runCmd := cmd.flags(e, fs)
	positional, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			e.commandUsage(stdout, cmd, fs)
			return nil
		}
		e.commandUsage(stderr, cmd, fs)
		return &usageError{err.Error()}
	}
	err = runCmd(ctx, positional)
	if errors.Is(err, errStopped) {
		// SIGINT or SIGTERM during start-up: a shutdown, not a failure.
		return nil
	}
	return err
}

// versionFlag reports whether arg asks for the version as a flag, as in
// "articlebot --version", rather than as the version command.
func versionFlag(arg string) bool {
	switch arg {
	case "-v", "-version", "--version":
		return true
	}
	return false
}

// parseInterleaved parses the flags in args wherever they stand, before or
// after the other arguments, which it returns in order. After "--" every
// argument is positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// help prints the usage, or one command's usage, on stdout.
func (e *env) help(args []string) error {
	switch len(args) {
	case 0:
		e.usage(e.stdout)
		return nil
	case 1:
		if cmd, ok := lookupSubcommand(args[0]); ok && cmd.flags != nil {
			fs := flag.NewFlagSet("articlebot "+cmd.name, flag.ContinueOnError)
			cmd.flags(e, fs)
			e.commandUsage(e.stdout, cmd, fs)
			return nil
		}
		if args[0] == "help" {
			e.usage(e.stdout)
			return nil
		}
		e.usage(e.stderr)
		return &usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
	e.usage(e.stderr)
	return &usageError{"help takes at most one command name"}
}

func (e *env) usage(w io.Writer) {
	fmt.Fprint(w, `articlebot answers questions about a news article on Discord: /summary, /quote, /find
and /ask reply with exact passages, citing the paragraph (¶N) they come from.

Usage:
`)
	for _, c := range subcommands() {
		line := "articlebot " + c.name
		if c.args != "" {
			line += " " + c.args
		}
		fmt.Fprintf(w, "  %-40s %s\n", line, c.summary)
	}
	fmt.Fprint(w, `
With no command, articlebot runs "articlebot run"; --version and -v print the version.
Configuration comes from the environment and from .env in the working
directory; see .env.example and README.md. Run "articlebot help <command>"
for a command's flags.
`)
}

func (e *env) commandUsage(w io.Writer, cmd subcommand, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: articlebot %s %s\n\n%s.\n", cmd.name, cmd.args, upperFirst(cmd.summary))
	if cmd.details != "" {
		fmt.Fprintf(w, "\n%s", cmd.details)
	}
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

const runDetails = `Needs DISCORD_TOKEN. Registers the commands with one bulk overwrite (in
DISCORD_GUILD_ID when set, globally otherwise), then answers interactions until
SIGINT or SIGTERM, when it lets the answers in flight finish and exits 0.
On SIGHUP it reads the article again from its file or URL, and answers from
it if it loads, or keeps the one it has; it registers the commands again
only if their definitions changed with the article.
With METRICS_ADDR set it also serves /healthz, /readyz and /metrics there.
With SHARD_ID and SHARD_COUNT (a number, or auto for Discord's recommendation)
it runs one shard of the bot; only shard 0 registers the commands.
`

const tryDetails = `Needs no token and no network. The command line is what you would type in
Discord:
  articlebot try "/find russia"
  articlebot try '/find query:"russia iran"'
  articlebot try "/quote kerry"          (same as /quote speaker:kerry)
  articlebot try "/ask who said Assad has to go?"
  articlebot try "/summary"
  articlebot try --page 2 "/find russia"
  articlebot try --autocomplete "/quote ke"
Free text after the command fills its first required text option; name:value
sets an option by name, and quotes around a value group its words.
--message and --mention try what is not typed as a command:
  articlebot try --message "did Russia really send tanks to Latakia?"
                                         (Find in article, on that message)
  articlebot try --mention "who spoke to Press TV?"
                                         (the reply to "@articlebot who spoke to Press TV?")
`

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// commonFlags declares the flags shared by the commands that read the
// configuration.
type commonFlags struct {
	article string
	envFile string
}

func (c *commonFlags) declare(fs *flag.FlagSet, article bool) {
	if article {
		fs.StringVar(&c.article, "article", "", "answer from the article in `FILE`, or at a URL, instead of the embedded one (overrides ARTICLE_FILE and ARTICLE_URL)")
	}
	fs.StringVar(&c.envFile, "env-file", "", "read variables from `FILE` instead of .env in the working directory; the real environment still wins")
}

// envFileOf returns the env file to read: --env-file when given, or the
// run's default.
func (c *commonFlags) envFileOf(e *env) envFile {
	if c.envFile != "" {
		return envFile{path: c.envFile, explicit: true}
	}
	return envFile{path: e.opts.envFile}
}

// setup reads the configuration and loads the article. When ctx is done
// before the article is loaded, it fails with an error wrapping errStopped.
func (c *commonFlags) setup(ctx context.Context, e *env, needs configNeeds) (config, *article.Article, error) {
	getenv, err := withDotenv(e.getenv, c.envFileOf(e))
	if err != nil {
		return config{}, nil, err
	}
	cfg, err := loadConfig(getenv, needs, c.article)
	var problems []string
	var variables bool
	var ce *configError
	if errors.As(err, &ce) {
		problems, variables = ce.problems, ce.variables
	} else if err != nil {
		return config{}, nil, err
	}
	var a *article.Article
	// A file is read even when the configuration has other problems, so
	// that they are all reported at once; a URL is fetched only once the
	// rest is right.
	if len(problems) == 0 || cfg.articleURL == "" {
		var aerr error
		src := newArticleSource(cfg, getenv)
		src.loadFile = e.opts.loadFile
		a, aerr = src.load(ctx)
		if errors.Is(aerr, errStopped) {
			return config{}, nil, aerr
		}
		if aerr != nil {
			problems = append(problems, aerr.Error())
		}
		cfg.source = src
	}
	if len(problems) > 0 {
		return config{}, nil, &configError{problems: problems, variables: variables}
	}
	return cfg, a, nil
}

// noArgs rejects positional arguments for commands that take none.
func noArgs(cmd string, args []string) error {
	if len(args) > 0 {
		return &usageError{fmt.Sprintf("%s takes no arguments, got %q; run \"articlebot help %s\"", cmd, strings.Join(args, " "), cmd)}
	}
	return nil
}

func runFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	var c commonFlags
	c.declare(fs, true)
	return func(ctx context.Context, args []string) error {
		if err := noArgs("run", args); err != nil {
			return err
		}
		// A reload asked for during start-up waits for the bot to be
		// ready.
		reloads, stopReloads := e.opts.reloadRequests()
		defer stopReloads()
		cfg, a, err := c.setup(ctx, e, configNeeds{token: true, gateway: true})
		if err != nil {
			return err
		}
		log := newLogger(e.stderr, cfg.logLevel, cfg.logFormat)
		log.Info("starting", "version", versionString(), "article", a.Meta.Title,
			"paragraphs", len(a.Paragraphs), "unattributed_quotes", article.Utterances(a.Unattributed()),
			"article_file", cfg.articleFile, "article_url", redactURL(cfg.articleURL))
		b, err := newBot(ctx, a, bot.WithLogger(log), bot.WithMetrics(bot.NewMetrics()), bot.WithAnswerTimeout(e.opts.answerTimeout))
		if errors.Is(err, errStopped) {
			log.Info("stopped before start-up finished")
			return nil
		}
		if err != nil {
			return err
		}
		return runGateway(ctx, cfg, b, log, e.opts, reloads)
	}
}

func commandsFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	var c commonFlags
	c.declare(fs, true)
	return func(ctx context.Context, args []string) error {
		if err := noArgs("commands", args); err != nil {
			return err
		}
		cfg, a, err := c.setup(ctx, e, configNeeds{})
		if err != nil {
			return err
		}
		b, err := newBot(ctx, a, bot.WithLogger(newLogger(e.stderr, cfg.logLevel, cfg.logFormat)))
		if err != nil {
			return err
		}
		return writeJSON(e.stdout, registeredCommands(b))
	}
}

func versionFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	return func(ctx context.Context, args []string) error {
		if err := noArgs("version", args); err != nil {
			return err
		}
		_, err := fmt.Fprintln(e.stdout, versionString())
		return err
	}
}

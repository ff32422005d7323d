package main

import (
	"context"
	"flag"
	"fmt"
	"net"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/playground"
)

// defaultPlayAddr is where play listens unless --addr says otherwise: this
// machine only.
const defaultPlayAddr = "127.0.0.1:8090"

// serverPlayground names play's HTTP server, as given to the listening
// callback and shown in the log.
const serverPlayground = "playground"

const playDetails = `Needs no token and no network. Serves a page on which you type slash
commands (with /quote's suggestions as you type), press the buttons of the
answers, use Find in article on any message and ask the bot by mentioning it
("@articlebot who said Assad has to go?"), and see every answer as Discord
shows it, rendered from the JSON the bot would send Discord. It listens on
this machine only unless --addr says otherwise. SIGHUP reads the article
again from its file or URL (reload the page to see its title). Ctrl-C stops
it.
`

func playFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	var c commonFlags
	c.declare(fs, true)
	addr := fs.String("addr", defaultPlayAddr, "listen on `HOST:PORT`; a host other than 127.0.0.1, ::1 or localhost lets other machines in")
	return func(ctx context.Context, args []string) error {
		if err := noArgs("play", args); err != nil {
			return err
		}
		reloads, stopReloads := e.opts.reloadRequests()
		defer stopReloads()
		if _, port, err := net.SplitHostPort(*addr); err != nil || port == "" {
			return &usageError{fmt.Sprintf("--addr %q is not a listen address: write host:port, such as %s", *addr, defaultPlayAddr)}
		}
		cfg, a, err := c.setup(ctx, e, configNeeds{})
		if err != nil {
			return err
		}
		log := newLogger(e.stderr, cfg.logLevel, cfg.logFormat)
		b, err := newBot(ctx, a, bot.WithLogger(log))
		if err != nil {
			return err
		}
		h := playground.New(playground.Config{Bot: b, Log: log})

		svc, err := listenHTTP(serverPlayground, *addr, h, e.opts)
		if err != nil {
			return fmt.Errorf("listening on --addr %s: %w", *addr, err)
		}
		bound := svc.ln.Addr().(*net.TCPAddr)
		if !bound.IP.IsLoopback() {
			log.Warn("the playground is open to other machines; use --addr 127.0.0.1:PORT to keep it to this one", "addr", svc.addr())
		}
		log.Info("serving the playground", "version", versionString(), "addr", svc.addr(),
			"article", a.Meta.Title, "paragraphs", len(a.Paragraphs), "fingerprint", b.Fingerprint(), "article_file", cfg.articleFile)
		fmt.Fprintf(e.stdout, "articlebot playground: open %s in a browser (Ctrl-C stops it)\n", pageURL(bound))
		rl := newReloader(b, cfg.source, log, registeredCommands)
		rl.notRegistering = "reload the page to use them"
		stopReloading := goServe(ctx, rl, reloads)
		defer stopReloading()

		select {
		case <-ctx.Done():
		case <-svc.done:
			return fmt.Errorf("serving the playground on %s: %w", svc.addr(), svc.err)
		}
		stopReloading()
		if err := svc.shutdown(e.opts.drain()); err != nil {
			log.Warn("stopped before every request was answered", "err", err)
		}
		return nil
	}
}

// pageURL is the address to open the playground at when it listens on a:
// on this machine's loopback address when a is every address.
func pageURL(a *net.TCPAddr) string {
	ip := a.IP
	switch {
	case ip.IsUnspecified() && ip.To4() == nil:
		ip = net.IPv6loopback
	case ip.IsUnspecified():
		ip = net.IPv4(127, 0, 0, 1)
	}
	return "http://" + net.JoinHostPort(ip.String(), fmt.Sprint(a.Port)) + "/"
}

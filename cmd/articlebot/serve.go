package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
)

// defaultHTTPAddr is where serve listens when HTTP_ADDR is not set.
const defaultHTTPAddr = ":8080"

// The names of articlebot's HTTP servers, as given to the listening
// callback and shown in the log.
const (
	serverInteractions = "interactions"
	serverMetrics      = "metrics"
)

const serveDetails = `Needs DISCORD_PUBLIC_KEY, the application's public key, and no token.
Listens on HTTP_ADDR (default :8080) and answers Discord's signed interaction
requests at POST /interactions, with /healthz, /readyz and /metrics beside
it; the Interactions Endpoint URL in the developer portal must point at
/interactions. The commands are registered separately, with
"articlebot register". On SIGHUP it reads the article again from its file or
URL, and answers from it if it loads, or keeps the one it has. On SIGINT or
SIGTERM it stops accepting connections, lets the requests in flight finish
and exits 0.
`

func serveFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	var c commonFlags
	c.declare(fs, true)
	return func(ctx context.Context, args []string) error {
		if err := noArgs("serve", args); err != nil {
			return err
		}
		// A reload asked for during start-up waits for the server to
		// listen.
		reloads, stopReloads := e.opts.reloadRequests()
		defer stopReloads()
		cfg, a, err := c.setup(ctx, e, configNeeds{serve: true})
		if err != nil {
			return err
		}
		log := newLogger(e.stderr, cfg.logLevel, cfg.logFormat)
		b, err := newBot(ctx, a, bot.WithLogger(log), bot.WithMetrics(bot.NewMetrics()))
		if errors.Is(err, errStopped) {
			log.Info("stopped before start-up finished")
			return nil
		}
		if err != nil {
			return err
		}
		h := bot.NewServeMux(b, cfg.publicKey)

		svc, err := listenHTTP(serverInteractions, cfg.httpAddr, h, e.opts)
		if err != nil {
			return listenError(envHTTPAddr, cfg.httpAddr, err)
		}
		log.Info("serving Discord interactions", "version", versionString(), "addr", svc.addr(),
			"path", "/interactions", "article", a.Meta.Title, "paragraphs", len(a.Paragraphs), "unattributed_quotes", article.Utterances(a.Unattributed()),
			"fingerprint", b.Fingerprint(), "article_file", cfg.articleFile, "article_url", redactURL(cfg.articleURL))
		rl := newReloader(b, cfg.source, log, registeredCommands)
		rl.notRegistering = `run "articlebot register" to update them in Discord`
		stopReloading := goServe(ctx, rl, reloads)
		defer stopReloading()

		select {
		case <-ctx.Done():
		case <-svc.done:
			return fmt.Errorf("serving interactions on %s: %w", svc.addr(), svc.err)
		}
		stopReloading()
		drain := e.opts.drain()
		log.Info("shutting down: finishing the requests in flight", "drain_timeout", drain)
		if err := svc.shutdown(drain); err != nil {
			log.Warn("stopped before every request was answered", "err", err)
		}
		log.Info("stopped")
		return nil
	}
}

// drain is how long shutdown waits for the work in flight.
func (o options) drain() time.Duration {
	if o.drainTimeout > 0 {
		return o.drainTimeout
	}
	return max(o.answerTimeout, defaultDrainTimeout)
}

// httpService is one of articlebot's HTTP servers, listening and serving.
type httpService struct {
	srv *http.Server
	ln  net.Listener
	// done is closed when the server has stopped serving; err is then what
	// stopped it, or nil after a shutdown.
	done chan struct{}
	err  error
}

// listenHTTP listens on addr and serves h there with bot.NewHTTPServer's
// timeouts, until shutdown. It tells the run's listening callback, if any,
// the address it is bound to.
func listenHTTP(name, addr string, h http.Handler, o options) (*httpService, error) {
	srv := bot.NewHTTPServer(addr, h)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	svc := &httpService{srv: srv, ln: ln, done: make(chan struct{})}
	go func() {
		defer close(svc.done)
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			svc.err = err
		}
	}()
	if o.listening != nil {
		o.listening(name, ln.Addr())
	}
	return svc, nil
}

// listenError is the error for failing to listen on addr, the value of the
// variable name: it says what to change when the cause is a common one.
func listenError(name, addr string, err error) error {
	var fix string
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		fix = "; another program is listening on that port: stop it, or set " + name + " to a free port"
	case errors.Is(err, syscall.EACCES):
		fix = "; ports below 1024 need privileges: set " + name + " to a port from 1024 up, such as :8080"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		fix = "; that host is not an address of this machine: set " + name + " to one of its addresses, or to :PORT for all of them"
	}
	return fmt.Errorf("listening on %s=%s: %w%s", name, addr, err, fix)
}

// addr is the address the service is bound to.
func (s *httpService) addr() string { return s.ln.Addr().String() }

// shutdown stops accepting connections, closes the idle ones, and waits for
// the requests in flight to finish, for at most drain. It then closes the
// connections that remain and says how the wait ended.
func (s *httpService) shutdown(drain time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		closeErr := s.srv.Close()
		return errors.Join(fmt.Errorf("waiting for the requests in flight: %w", err), closeErr)
	}
	return nil
}

// startMetrics serves the operational endpoints of the gateway mode on
// cfg.metricsAddr: /healthz, /readyz (ready once connected() reports the
// gateway connected) and /metrics. It returns nil when METRICS_ADDR is not
// set.
func startMetrics(cfg config, b *bot.Bot, connected func() bool, log *slog.Logger, o options) (*httpService, error) {
	if cfg.metricsAddr == "" {
		return nil, nil
	}
	h := bot.NewOpsMux(b, func(context.Context) error {
		if !connected() {
			return errors.New("not connected to Discord's gateway")
		}
		return nil
	})
	svc, err := listenHTTP(serverMetrics, cfg.metricsAddr, h, o)
	if err != nil {
		return nil, listenError(envMetricsAddr, cfg.metricsAddr, err)
	}
	log.Info("serving health and metrics", "addr", svc.addr(), "paths", "/healthz /readyz /metrics")
	go func() {
		// The gateway keeps answering when the metrics server fails; the
		// failure is only reported.
		<-svc.done
		if svc.err != nil {
			log.Error("the health and metrics server stopped", "addr", svc.addr(), "err", svc.err)
		}
	}()
	return svc, nil
}

// metricsDrain bounds the wait for the requests to the metrics server in
// flight at shutdown; they are quick reads.
const metricsDrain = 2 * time.Second

// stopMetrics shuts down the metrics server ops, if there is one.
func stopMetrics(ops *httpService, log *slog.Logger) {
	if ops == nil {
		return
	}
	if err := ops.shutdown(metricsDrain); err != nil {
		log.Warn("stopping the health and metrics server", "err", err)
	}
}

// loadServe reads the variables of the HTTP mode into c and returns the
// problems found.
func (c *config) loadServe(getenv func(string) string) []string {
	addr, problems := listenAddr(getenv, envHTTPAddr, defaultHTTPAddr)
	c.httpAddr = addr
	const where = "copy the Public Key from the General Information page of your application in the Discord developer portal."
	raw := strings.TrimSpace(getenv(envPublicKey))
	if raw == "" {
		return append(problems, envPublicKey+" is not set: "+where)
	}
	key, err := bot.ParsePublicKey(raw)
	if err != nil {
		return append(problems, fmt.Sprintf("%s is not a public key (%v): %s", envPublicKey, err, where))
	}
	c.publicKey = key
	return problems
}

// listenAddr reads the listen address in the variable name, or returns def
// when it is not set. An address needs a port, a number up to 65535 or a
// service name: ":8080", "127.0.0.1:9090", "[::1]:8080", "localhost:http".
func listenAddr(getenv func(string) string, name, def string) (string, []string) {
	s := strings.TrimSpace(getenv(name))
	if s == "" {
		return def, nil
	}
	_, port, err := net.SplitHostPort(s)
	if err != nil || port == "" {
		return def, []string{fmt.Sprintf("%s=%q is not a listen address: write host:port, such as :8080 to listen on every interface or 127.0.0.1:8080 for this machine only.", name, s)}
	}
	if !validPort(port) {
		return def, []string{fmt.Sprintf("%s=%q has no valid port: a port is a number from 1 to 65535, such as :8080.", name, s)}
	}
	return s, nil
}

// validPort reports whether port is a TCP port number, 0 (any free port)
// to 65535, or the name of a TCP service this machine knows.
func validPort(port string) bool {
	if strings.Trim(port, "0123456789") == "" {
		n, err := strconv.Atoi(port)
		return err == nil && n <= 65535
	}
	if strings.ContainsAny(port[:1], "+-0123456789") {
		return false
	}
	_, err := net.LookupPort("tcp", port)
	return err == nil
}

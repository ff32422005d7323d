// Package playground serves a local web page on which a person uses the bot
// as a member of a Discord server would: slash commands with their options
// and autocomplete, buttons, the Find in article message command and
// mentions, each answer rendered as Discord renders it.
//
// The page plays Discord's part. It builds the interaction JSON Discord
// would send, or for a mention the message the gateway would deliver; the
// server hands it to the bot's own handlers, the ones the gateway and the
// HTTP endpoint run, and returns the JSON the bot would send Discord, which
// the page renders. The page and its assets are embedded in the binary and
// load nothing from elsewhere.
package playground

import (
	"embed"
	"encoding/json"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"

	"github.com/articlebot/articlebot/bot"
)

//go:embed assets
var assets embed.FS

// Config is what a playground serves.
type Config struct {
	// Bot answers the page's interactions and mentions; nil means a bot
	// that answers about the embedded article.
	Bot *bot.Bot
	// Title is shown as the channel's topic; when it is empty, the title
	// of the article the bot answers from when the page loads is.
	Title string
	// Log receives refused requests and the bot's failures; nil discards
	// them.
	Log *slog.Logger
}

// contentSecurityPolicy lets the page run only its own script and style,
// load nothing from elsewhere and talk only to its own server, so that even
// markup smuggled into the page could neither run nor reach out.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// New returns the playground: the page at GET /, its assets under
// /assets/, and under /api/ the bot's application as Discord knows it, its
// answers to interactions and its replies to messages (see api.go).
//
// It answers only requests addressed to localhost or to an IP address, so
// that a web site whose name is pointed at this machine cannot reach it,
// and refuses cross-origin requests that change anything.
func New(c Config) http.Handler {
	log := c.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &server{bot: newAnswerer(c.Bot), title: c.Title, log: log}

	static, err := fs.Sub(assets, "assets")
	if err != nil {
		// The directory is embedded at build time.
		panic("playground: the embedded assets are missing: " + err.Error())
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFileFS(w, r, static, "index.html")
	})
	files := http.StripPrefix("/assets/", http.FileServerFS(static))
	mux.HandleFunc("GET /assets/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") || strings.HasSuffix(r.URL.Path, "/index.html") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
	mux.HandleFunc("GET /api/app", s.app)
	mux.HandleFunc("POST /api/interactions", s.interaction)
	mux.HandleFunc("POST /api/messages", s.message)

	guarded := http.NewCrossOriginProtection().Handler(mux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if !localName(r.Host) {
			log.Debug("refused a request for another host", "host", r.Host, "remote", r.RemoteAddr)
			http.Error(w, "The playground answers only at an IP address or localhost, such as http://127.0.0.1:8090/.", http.StatusMisdirectedRequest)
			return
		}
		guarded.ServeHTTP(w, r)
	})
}

// localName reports whether host, a request's Host header, names this
// machine without a domain name: localhost, a name under .localhost, or an
// IP address, with or without a port.
func localName(host string) bool {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.ToLower(strings.TrimSuffix(strings.Trim(name, "[]"), "."))
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return true
	}
	return net.ParseIP(name) != nil
}

// server answers the playground's API.
type server struct {
	bot   answerer
	title string
	log   *slog.Logger
}

// writeJSON writes v as the JSON body of a 200 response.
func (s *server) writeJSON(w http.ResponseWriter, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		s.log.Error("encoding a playground response", "err", err)
		http.Error(w, "the response could not be encoded", http.StatusInternalServerError)
		return
	}
	writeBody(w, body)
}

func writeBody(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	// A failed write means the page went away; there is no one to tell.
	_, _ = w.Write(body)
}

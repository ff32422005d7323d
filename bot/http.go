package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// MaxInteractionBody is the largest request body, in bytes, that the
// interactions endpoint accepts. A larger body is answered with 413 Request
// Entity Too Large and is not read beyond this size.
const MaxInteractionBody = 64 << 10

// The limits on the age of a request's signature.
const (
	// DefaultMaxSignatureAge is how old a signature's timestamp may be.
	// Older requests are refused as replays.
	DefaultMaxSignatureAge = 5 * time.Minute
	// DefaultMaxClockSkew is how far in the future a signature's timestamp
	// may lie, to allow for clocks that disagree.
	DefaultMaxClockSkew = time.Minute
)

// The headers Discord signs every interaction request with.
const (
	headerSignature = "X-Signature-Ed25519"
	headerTimestamp = "X-Signature-Timestamp"
)

// Why a request's signature was refused; the values of the "reason" label of
// the signature failures metric.
const (
	sigMissing   = "missing"   // a signature header is absent
	sigMalformed = "malformed" // a header is not what Discord sends: hex of 64 bytes, unix seconds
	sigExpired   = "expired"   // the timestamp is older than the maximum age
	sigFuture    = "future"    // the timestamp is further ahead than the allowed clock skew
	sigInvalid   = "invalid"   // the signature does not verify over timestamp and body
)

var sigReasons = []string{sigMissing, sigMalformed, sigExpired, sigFuture, sigInvalid}

// ParsePublicKey decodes an application's public key as the Discord developer
// portal shows it: 64 hexadecimal digits. Surrounding space is ignored.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New("the public key is empty: want the 64 hexadecimal digits of the application's public key")
	}
	if len(s) != 2*ed25519.PublicKeySize {
		return nil, fmt.Errorf("the public key has %d characters, want %d hexadecimal digits", len(s), 2*ed25519.PublicKeySize)
	}
	key, err := hex.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("the public key is not hexadecimal: %w", err)
	}
	return ed25519.PublicKey(key), nil
}

// NewInteractionHandler returns the handler for Discord's Interactions
// Endpoint URL. It answers only POST (405 otherwise), refuses bodies over
// [MaxInteractionBody] (413), requests whose Ed25519 signature over
// timestamp and body does not verify with key or whose timestamp is stale or
// too far ahead (401), and bodies that are not a JSON interaction (400).
// Every other interaction, a PING included, is answered with b.Respond's
// response as JSON. The response is bounded by a deadline (see
// [WithResponseDeadline]) so that a request never hangs. A key that is not
// an Ed25519 public key (see [ParsePublicKey]) verifies no signature, so
// every request is then refused with 401. The endpoint logs to b's logger
// and counts its replies in b's metrics (see [WithMetrics]).
func NewInteractionHandler(b *Bot, key ed25519.PublicKey) http.Handler {
	h := &interactionHandler{key: key}
	if b != nil {
		h.answer = b.Respond
		h.cfg = b.cfg
	} else {
		h.cfg = newConfig(nil)
	}
	return h
}

type interactionHandler struct {
	// answer is the bot's Respond; tests replace it to make the bot slow or
	// broken.
	answer func(context.Context, *discordgo.Interaction) *discordgo.InteractionResponse
	key    ed25519.PublicKey
	cfg    config
}

// jsonContentType is the Content-Type of every interaction response, shared
// rather than allocated for each.
var jsonContentType = []string{"application/json"}

// bufPool holds the buffers that request bodies are read into, so that a
// busy endpoint does not allocate one for each request.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	return buf
}

func putBuffer(buf *bytes.Buffer) {
	// A buffer that grew past twice the largest accepted body is left to
	// the garbage collector, so that the pool holds only buffers of the
	// size requests need.
	if buf.Cap() <= 2*MaxInteractionBody {
		bufPool.Put(buf)
	}
}

func (h *interactionHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.refuse(w, r, http.StatusMethodNotAllowed, "only POST is allowed", "method", r.Method)
		return
	}
	if r.ContentLength > MaxInteractionBody {
		h.refuse(w, r, http.StatusRequestEntityTooLarge, "the body is too large", "content_length", r.ContentLength)
		return
	}
	ts := r.Header.Get(headerTimestamp)
	sig, reason := h.checkHeaders(r.Header.Get(headerSignature), ts)
	if reason != "" {
		h.refuseSignature(w, r, reason)
		return
	}

	// The signed message is the timestamp followed by the raw body, so the
	// body is read straight in after the timestamp.
	msg := getBuffer()
	defer putBuffer(msg)
	msg.WriteString(ts)
	if _, err := msg.ReadFrom(http.MaxBytesReader(w, r.Body, MaxInteractionBody)); err != nil {
		if errors.As(err, new(*http.MaxBytesError)) {
			h.refuse(w, r, http.StatusRequestEntityTooLarge, "the body is too large", "limit", MaxInteractionBody)
			return
		}
		h.refuse(w, r, http.StatusBadRequest, "the body could not be read", "err", err)
		return
	}
	// ed25519.Verify panics on a key of the wrong length.
	if len(h.key) != ed25519.PublicKeySize || !ed25519.Verify(h.key, msg.Bytes(), sig[:]) {
		h.refuseSignature(w, r, sigInvalid)
		return
	}

	in, err := decodeInteraction(msg.Bytes()[len(ts):])
	if err != nil {
		h.refuse(w, r, http.StatusBadRequest, "the body is not a JSON interaction", "err", err)
		return
	}
	if in.Type == 0 {
		h.refuse(w, r, http.StatusBadRequest, "the body is not an interaction: it has no type")
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), h.cfg.responseDeadline)
	defer cancel()
	resp, err := h.respond(ctx, in)
	if err != nil {
		h.cfg.log.LogAttrs(ctx, slog.LevelError, "no answer to an interaction",
			slog.Int("type", int(in.Type)), slog.String("id", in.ID), slog.Any("err", err))
		if ctx.Err() != nil {
			h.fail(w, http.StatusServiceUnavailable, "no answer in time")
		} else {
			h.fail(w, http.StatusInternalServerError, "no answer")
		}
		return
	}

	enc := getEncoder()
	defer putEncoder(enc)
	out, err := enc.response(resp)
	if err != nil {
		h.cfg.log.LogAttrs(ctx, slog.LevelError, "encoding an interaction response",
			slog.Int("type", int(in.Type)), slog.String("id", in.ID), slog.Any("err", err))
		h.fail(w, http.StatusInternalServerError, "the response could not be encoded")
		return
	}
	head := w.Header()
	head["Content-Type"] = jsonContentType
	head["Content-Length"] = []string{strconv.Itoa(len(out))}
	w.WriteHeader(http.StatusOK)
	h.cfg.metrics.countReply(http.StatusOK)
	// A failed write means the client went away; there is no one to tell.
	_, _ = w.Write(out)
}

// checkHeaders checks the signature headers that can be checked without the
// body: both present, well formed, and a timestamp within the allowed window.
// It returns the decoded signature, or the reason the request is refused.
func (h *interactionHandler) checkHeaders(sigHex, ts string) (sig [ed25519.SignatureSize]byte, reason string) {
	if sigHex == "" || ts == "" {
		return sig, sigMissing
	}
	if len(sigHex) != 2*ed25519.SignatureSize {
		return sig, sigMalformed
	}
	if _, err := hex.Decode(sig[:], []byte(sigHex)); err != nil {
		return sig, sigMalformed
	}
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return sig, sigMalformed
	}
	// The bounds are computed from the clock, never from secs, which may be
	// anything an int64 holds.
	now := h.cfg.now().Unix()
	switch {
	case secs < now-int64(DefaultMaxSignatureAge/time.Second):
		return sig, sigExpired
	case secs > now+int64(DefaultMaxClockSkew/time.Second):
		return sig, sigFuture
	}
	return sig, ""
}

// respond has the bot answer on another goroutine, so that the request's
// deadline holds even if the bot does not watch ctx. A panic, which the bot
// promises not to let escape, is turned into an error rather than ending
// the process.
func (h *interactionHandler) respond(ctx context.Context, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	if h.answer == nil {
		return nil, errors.New("the endpoint has no bot")
	}
	j := &answerJob{ctx: ctx, in: in, answer: h.answer, done: make(chan struct{})}
	answerers.run(j)
	select {
	case <-j.done:
		return j.resp, j.err
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for the bot's answer: %w", context.Cause(ctx))
	}
}

// answerJob is one interaction for an answerer to answer.
type answerJob struct {
	ctx    context.Context
	in     *discordgo.Interaction
	answer func(context.Context, *discordgo.Interaction) *discordgo.InteractionResponse
	resp   *discordgo.InteractionResponse
	err    error
	done   chan struct{} // closed once resp and err are set
}

// answererPool keeps the goroutines that answer interactions for the HTTP
// endpoint between requests: a new goroutine starts with a small stack that
// answering grows, and growing it for every request costs more than
// handing the request to one whose stack has grown. A goroutine idle for
// answererIdle ends, so the pool shrinks after a burst; when none is idle
// a new one starts, so a bot that hangs never holds up another request.
type answererPool struct {
	jobs chan *answerJob
}

// answererIdle is how long an answerer waits for work before it ends.
const answererIdle = 10 * time.Second

var answerers = answererPool{jobs: make(chan *answerJob)}

// run hands j to an idle answerer, or to a new one.
func (p answererPool) run(j *answerJob) {
	select {
	case p.jobs <- j:
	default:
		go p.serve(j)
	}
}

func (p answererPool) serve(j *answerJob) {
	idle := time.NewTimer(answererIdle)
	defer idle.Stop()
	for {
		_, j.err = protect(func() error {
			if j.resp = j.answer(j.ctx, j.in); j.resp == nil {
				return errors.New("the bot returned no response")
			}
			return nil
		})
		close(j.done)
		idle.Reset(answererIdle)
		select {
		case j = <-p.jobs:
		case <-idle.C:
			return
		}
	}
}

func (h *interactionHandler) refuseSignature(w http.ResponseWriter, r *http.Request, reason string) {
	h.cfg.metrics.countSignatureFailure(reason)
	h.refuse(w, r, http.StatusUnauthorized, "invalid request signature", "reason", reason)
}

// refuse answers a request the endpoint will not serve, logging why at debug
// level.
func (h *interactionHandler) refuse(w http.ResponseWriter, r *http.Request, code int, msg string, args ...any) {
	if h.cfg.log.Enabled(r.Context(), slog.LevelDebug) {
		attrs := append([]any{"status", code, "remote", r.RemoteAddr}, args...)
		h.cfg.log.DebugContext(r.Context(), "refused an interaction request: "+msg, attrs...)
	}
	h.fail(w, code, msg)
}

func (h *interactionHandler) fail(w http.ResponseWriter, code int, msg string) {
	h.cfg.metrics.countReply(code)
	http.Error(w, msg, code)
}

// NewServeMux returns everything the HTTP mode serves: Discord's
// interactions at POST /interactions (see [NewInteractionHandler]), and
// /healthz, /readyz and /metrics (see [NewOpsMux]).
func NewServeMux(b *Bot, key ed25519.PublicKey) *http.ServeMux {
	mux := NewOpsMux(b)
	mux.Handle("/interactions", NewInteractionHandler(b, key))
	return mux
}

// NewOpsMux returns the operational endpoints, for the HTTP mode and for the
// gateway mode's metrics address:
//
//   - GET /healthz answers 200 "ok" while the process runs.
//   - GET /readyz answers 200 with the article's paragraph count and load
//     time once b holds an article with paragraphs and every check in
//     ready passes, and 503 saying what is missing otherwise. The gateway
//     mode adds a check that its session is connected. The answer
//     gives the article's fingerprint (see [Bot.Fingerprint]). A reload
//     leaves the bot ready, since the article it had answers while the
//     new one loads and after a new one fails to: the answer then says
//     since when the reload runs, or when the last one failed.
//   - GET /metrics serves b's metrics (see [WithMetrics]) in the Prometheus
//     exposition format, or a fresh [Metrics] when b has none.
func NewOpsMux(b *Bot, ready ...func(context.Context) error) *http.ServeMux {
	var m *Metrics
	if b != nil {
		m = b.cfg.metrics
	}
	if m == nil {
		m = NewMetrics()
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		state, err := readiness(r.Context(), b, ready)
		if err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "not ready: %v\n", err)
			return
		}
		fmt.Fprintf(w, "ready: %s\n", state)
	})
	mux.Handle("GET /metrics", m.Handler())
	return mux
}

// readiness describes the article b answers from, or says why b cannot
// answer yet. A reload that failed leaves b ready, since the article it
// had still answers; the description then says so.
func readiness(ctx context.Context, b *Bot, checks []func(context.Context) error) (string, error) {
	if b == nil {
		return "", errors.New("no article is loaded")
	}
	e := b.current()
	if e.art == nil {
		return "", errors.New("no article is loaded")
	}
	n := len(e.art.Paragraphs)
	if n == 0 {
		return "", errors.New("the article has no paragraphs")
	}
	for _, check := range checks {
		if err := check(ctx); err != nil {
			return "", err
		}
	}
	state := fmt.Sprintf("article of %d paragraphs", n)
	if !e.loaded.IsZero() {
		state += ", loaded " + e.loaded.UTC().Format(time.RFC3339)
	}
	if e.stamp != "" {
		state += ", fingerprint " + e.stamp
	}
	if f := b.lastReloadFailure(); f != nil {
		state += fmt.Sprintf("; the reload at %s failed, so this article still answers (the log says why)", f.at.UTC().Format(time.RFC3339))
	}
	if began := b.reloadBegan(); began != nil {
		state += fmt.Sprintf("; reloading since %s, and this article answers until the new one is loaded", began.UTC().Format(time.RFC3339))
	}
	return state, nil
}

// The timeouts [NewHTTPServer] sets.
const (
	// HTTPReadHeaderTimeout bounds the wait for a request's headers, so a
	// client that trickles them cannot hold a connection.
	HTTPReadHeaderTimeout = 5 * time.Second
	// HTTPReadTimeout bounds reading a whole request, body included.
	HTTPReadTimeout = 10 * time.Second
	// HTTPWriteTimeout bounds the time from the end of the request headers
	// to the end of the reply; it exceeds [HTTPReadTimeout] plus
	// [DefaultResponseDeadline].
	HTTPWriteTimeout = 15 * time.Second
	// HTTPIdleTimeout bounds the wait for the next request on a kept-alive
	// connection. It is longer than the idle timeout of common load
	// balancers, so that they, not the server, close idle connections.
	HTTPIdleTimeout = 120 * time.Second
)

// NewHTTPServer returns a server for h on addr with every timeout set:
// [HTTPReadHeaderTimeout], [HTTPReadTimeout], [HTTPWriteTimeout] and
// [HTTPIdleTimeout]. Headers are limited to 64 KiB.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: HTTPReadHeaderTimeout,
		ReadTimeout:       HTTPReadTimeout,
		WriteTimeout:      HTTPWriteTimeout,
		IdleTimeout:       HTTPIdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}

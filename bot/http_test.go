package bot

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/internal/interaction"
	"github.com/bwmarrin/discordgo"
)

// testNow is the fixed time the endpoint's clock reads in these tests.
var testNow = time.Unix(1_700_000_000, 0)

func testClock() time.Time { return testNow }

// unixString formats t as Discord's X-Signature-Timestamp header does.
func unixString(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

// testKey returns a fresh Ed25519 key pair.
func testKey(t testing.TB) (ed25519.PublicKey, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatalf("generating a key: %v", err)
	}
	return pub, priv
}

// sign returns the X-Signature-Ed25519 header Discord would send for ts and
// body.
func sign(priv ed25519.PrivateKey, ts string, body []byte) string {
	sig, _ := interaction.SignAt(priv, ts, body)
	return sig
}

// fixture returns a Discord interaction payload from testdata/http.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "http", name))
	if err != nil {
		t.Fatalf("reading fixture: %v", err)
	}
	return bytes.TrimSpace(b)
}

// signedRequest returns a POST of body to /interactions, signed with priv at
// time ts.
func signedRequest(priv ed25519.PrivateKey, ts string, body []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set(headerTimestamp, ts)
	r.Header.Set(headerSignature, sign(priv, ts, body))
	return r
}

// wantResponse returns the JSON the bot itself gives for the interaction in
// body, which the endpoint must pass through unchanged.
func wantResponse(t *testing.T, b *Bot, body []byte) []byte {
	t.Helper()
	var in discordgo.Interaction
	if err := json.Unmarshal(body, &in); err != nil {
		t.Fatalf("decoding the fixture: %v", err)
	}
	want, err := MarshalResponse(b.Respond(context.Background(), &in))
	if err != nil {
		t.Fatalf("encoding the bot's response: %v", err)
	}
	return want
}

// padJSON returns the JSON object body padded with spaces before its closing
// brace to exactly n bytes.
func padJSON(t *testing.T, body []byte, n int) []byte {
	t.Helper()
	if len(body) > n || body[len(body)-1] != '}' {
		t.Fatalf("cannot pad a body of %d bytes to %d", len(body), n)
	}
	out := make([]byte, 0, n)
	out = append(out, body[:len(body)-1]...)
	out = append(out, bytes.Repeat([]byte(" "), n-len(body))...)
	return append(out, '}')
}

// endlessReader yields an unending stream of spaces and counts the bytes it
// gave.
type endlessReader struct{ n int }

func (r *endlessReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	r.n += len(p)
	return len(p), nil
}

func TestInteractionHandler(t *testing.T) {
	pub, priv := testKey(t)
	_, otherPriv := testKey(t)
	b := mustNew(article.Default(), withClock(testClock))
	h := NewInteractionHandler(b, pub)

	now := unixString(testNow)
	find := fixture(t, "find.json")

	type check struct {
		code int
		body []byte // when set, the exact JSON reply
	}
	tests := []struct {
		name string
		req  func() *http.Request
		want check
	}{
		{"slash command", func() *http.Request { return signedRequest(priv, now, find) },
			check{http.StatusOK, wantResponse(t, b, find)}},
		{"slash command with options", func() *http.Request { return signedRequest(priv, now, fixture(t, "quote.json")) },
			check{http.StatusOK, wantResponse(t, b, fixture(t, "quote.json"))}},
		{"autocomplete", func() *http.Request { return signedRequest(priv, now, fixture(t, "autocomplete.json")) },
			check{http.StatusOK, wantResponse(t, b, fixture(t, "autocomplete.json"))}},
		{"button", func() *http.Request { return signedRequest(priv, now, fixture(t, "component.json")) },
			check{http.StatusOK, wantResponse(t, b, fixture(t, "component.json"))}},
		{"unknown interaction type is answered by the bot", func() *http.Request {
			return signedRequest(priv, now, []byte(`{"id":"1","application_id":"2","type":9,"token":"t","version":1}`))
		}, check{http.StatusOK, wantResponse(t, b, []byte(`{"id":"1","application_id":"2","type":9,"token":"t","version":1}`))}},

		// Method.
		{"GET", func() *http.Request { return httptest.NewRequest(http.MethodGet, "/interactions", nil) },
			check{code: http.StatusMethodNotAllowed}},
		{"signed PUT", func() *http.Request {
			r := signedRequest(priv, now, find)
			r.Method = http.MethodPut
			return r
		}, check{code: http.StatusMethodNotAllowed}},

		// Signature.
		{"no signature", func() *http.Request {
			r := signedRequest(priv, now, find)
			r.Header.Del(headerSignature)
			return r
		}, check{code: http.StatusUnauthorized}},
		{"no timestamp", func() *http.Request {
			r := signedRequest(priv, now, find)
			r.Header.Del(headerTimestamp)
			return r
		}, check{code: http.StatusUnauthorized}},
		{"signature not hexadecimal", func() *http.Request {
			r := signedRequest(priv, now, find)
			r.Header.Set(headerSignature, strings.Repeat("zz", ed25519.SignatureSize))
			return r
		}, check{code: http.StatusUnauthorized}},
		{"signature too short", func() *http.Request {
			r := signedRequest(priv, now, find)
			r.Header.Set(headerSignature, r.Header.Get(headerSignature)[2:])
			return r
		}, check{code: http.StatusUnauthorized}},
		{"signed with another key", func() *http.Request { return signedRequest(otherPriv, now, find) },
			check{code: http.StatusUnauthorized}},
		{"body changed after signing", func() *http.Request {
			r := signedRequest(priv, now, find)
			r.Body = io.NopCloser(bytes.NewReader(bytes.Replace(find, []byte("russia"), []byte("prussia"), 1)))
			r.ContentLength++
			return r
		}, check{code: http.StatusUnauthorized}},
		{"timestamp changed after signing", func() *http.Request {
			r := signedRequest(priv, now, find)
			r.Header.Set(headerTimestamp, unixString(testNow.Add(-time.Second)))
			return r
		}, check{code: http.StatusUnauthorized}},
		{"timestamp not a number", func() *http.Request { return signedRequest(priv, "yesterday", find) },
			check{code: http.StatusUnauthorized}},
		{"timestamp in milliseconds", func() *http.Request {
			return signedRequest(priv, strconv.FormatInt(testNow.UnixMilli(), 10), find)
		}, check{code: http.StatusUnauthorized}},

		// Replay window.
		{"timestamp five minutes old", func() *http.Request {
			return signedRequest(priv, unixString(testNow.Add(-DefaultMaxSignatureAge)), find)
		}, check{code: http.StatusOK}},
		{"timestamp just over five minutes old", func() *http.Request {
			return signedRequest(priv, unixString(testNow.Add(-DefaultMaxSignatureAge-time.Second)), find)
		}, check{code: http.StatusUnauthorized}},
		{"timestamp the oldest an int64 holds", func() *http.Request {
			return signedRequest(priv, strconv.FormatInt(math.MinInt64, 10), find)
		}, check{code: http.StatusUnauthorized}},
		{"timestamp the newest an int64 holds", func() *http.Request {
			return signedRequest(priv, strconv.FormatInt(math.MaxInt64, 10), find)
		}, check{code: http.StatusUnauthorized}},
		{"timestamp past an int64", func() *http.Request {
			return signedRequest(priv, "9223372036854775808", find)
		}, check{code: http.StatusUnauthorized}},
		{"timestamp a day old", func() *http.Request {
			return signedRequest(priv, unixString(testNow.Add(-24*time.Hour)), find)
		}, check{code: http.StatusUnauthorized}},
		{"timestamp a minute ahead", func() *http.Request {
			return signedRequest(priv, unixString(testNow.Add(DefaultMaxClockSkew)), find)
		}, check{code: http.StatusOK}},
		{"timestamp just over a minute ahead", func() *http.Request {
			return signedRequest(priv, unixString(testNow.Add(DefaultMaxClockSkew+time.Second)), find)
		}, check{code: http.StatusUnauthorized}},

		// Size.
		{"body of exactly 64 KiB", func() *http.Request {
			return signedRequest(priv, now, padJSON(t, find, MaxInteractionBody))
		}, check{code: http.StatusOK}},
		{"body over 64 KiB", func() *http.Request {
			return signedRequest(priv, now, padJSON(t, find, MaxInteractionBody+1))
		}, check{code: http.StatusRequestEntityTooLarge}},
		{"body over 64 KiB of undeclared length", func() *http.Request {
			r := signedRequest(priv, now, padJSON(t, find, MaxInteractionBody+1))
			r.ContentLength = -1
			return r
		}, check{code: http.StatusRequestEntityTooLarge}},

		// Content.
		{"empty body", func() *http.Request { return signedRequest(priv, now, nil) },
			check{code: http.StatusBadRequest}},
		{"not JSON", func() *http.Request { return signedRequest(priv, now, []byte("type=1")) },
			check{code: http.StatusBadRequest}},
		{"truncated JSON", func() *http.Request { return signedRequest(priv, now, find[:len(find)/2]) },
			check{code: http.StatusBadRequest}},
		{"JSON after the interaction", func() *http.Request {
			return signedRequest(priv, now, append(bytes.Clone(find), `{"type":1}`...))
		}, check{code: http.StatusBadRequest}},
		{"JSON array", func() *http.Request { return signedRequest(priv, now, []byte(`[{"type":1}]`)) },
			check{code: http.StatusBadRequest}},
		{"JSON null", func() *http.Request { return signedRequest(priv, now, []byte(`null`)) },
			check{code: http.StatusBadRequest}},
		{"object without a type", func() *http.Request { return signedRequest(priv, now, []byte(`{"id":"1"}`)) },
			check{code: http.StatusBadRequest}},
		{"type out of range", func() *http.Request { return signedRequest(priv, now, []byte(`{"type":256}`)) },
			check{code: http.StatusBadRequest}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, tt.req())
			if w.Code != tt.want.code {
				t.Fatalf("status = %d, want %d (body %q)", w.Code, tt.want.code, w.Body.String())
			}
			switch w.Code {
			case http.StatusOK:
				if ct := w.Header().Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type = %q, want %q", ct, "application/json")
				}
				if cl := w.Header().Get("Content-Length"); cl != strconv.Itoa(w.Body.Len()) {
					t.Errorf("Content-Length = %q, want %d", cl, w.Body.Len())
				}
				var resp struct {
					Type discordgo.InteractionResponseType `json:"type"`
				}
				if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || resp.Type == 0 {
					t.Errorf("reply %q is not an interaction response (err %v)", w.Body.String(), err)
				}
			case http.StatusMethodNotAllowed:
				if allow := w.Header().Get("Allow"); allow != http.MethodPost {
					t.Errorf("Allow = %q, want %q", allow, http.MethodPost)
				}
			}
			if tt.want.body != nil && !bytes.Equal(bytes.TrimSpace(w.Body.Bytes()), tt.want.body) {
				t.Errorf("reply = %s, want %s", w.Body.Bytes(), tt.want.body)
			}
		})
	}
}

// TestInteractionHandlerPing is Discord's own check of an Interactions
// Endpoint URL: a correctly signed PING must get 200 {"type":1}, and a
// wrongly signed one 401.
func TestInteractionHandlerPing(t *testing.T) {
	pub, priv := testKey(t)
	_, otherPriv := testKey(t)
	b := mustNew(article.Default(), withClock(testClock))
	h := NewInteractionHandler(b, pub)
	ping := fixture(t, "ping.json")
	now := unixString(testNow)

	t.Run("bad signature", func(t *testing.T) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest(otherPriv, now, ping))
		if w.Code != http.StatusUnauthorized {
			t.Errorf("PING signed with another key: status = %d, want %d", w.Code, http.StatusUnauthorized)
		}
	})
	t.Run("good signature", func(t *testing.T) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest(priv, now, ping))
		if w.Code != http.StatusOK {
			t.Fatalf("PING: status = %d, want %d", w.Code, http.StatusOK)
		}
		if got := strings.TrimSpace(w.Body.String()); got != `{"type":1}` {
			t.Errorf("PING: reply = %s, want %s", got, `{"type":1}`)
		}
		if ct := w.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("PING: Content-Type = %q, want %q", ct, "application/json")
		}
	})
}

// TestInteractionHandlerDoesNotReadOversizedBody checks that a client
// streaming an endless body is refused after the limit, not read to the end.
func TestInteractionHandlerDoesNotReadOversizedBody(t *testing.T) {
	pub, priv := testKey(t)
	h := NewInteractionHandler(mustNew(article.Default(), withClock(testClock)), pub)
	ts := unixString(testNow)
	body := &endlessReader{}
	r := httptest.NewRequest(http.MethodPost, "/interactions", body)
	r.ContentLength = -1
	r.Header.Set(headerTimestamp, ts)
	r.Header.Set(headerSignature, sign(priv, ts, []byte("{}")))

	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("endless body: status = %d, want %d", w.Code, http.StatusRequestEntityTooLarge)
	}
	if body.n > MaxInteractionBody+1 {
		t.Errorf("endless body: read %d bytes, want at most %d", body.n, MaxInteractionBody+1)
	}
}

func TestInteractionHandlerSkipsBodyWithoutSignature(t *testing.T) {
	pub, _ := testKey(t)
	h := NewInteractionHandler(mustNew(article.Default(), withClock(testClock)), pub)
	body := &endlessReader{}
	r := httptest.NewRequest(http.MethodPost, "/interactions", body)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusUnauthorized {
		t.Errorf("unsigned request: status = %d, want %d", w.Code, http.StatusUnauthorized)
	}
	if body.n != 0 {
		t.Errorf("unsigned request: read %d bytes of the body, want 0", body.n)
	}
}

type ctxKey struct{}

func TestInteractionHandlerDeadline(t *testing.T) {
	pub, priv := testKey(t)
	ts := unixString(testNow)
	find := fixture(t, "find.json")

	t.Run("passes the request's context with a deadline", func(t *testing.T) {
		h := NewInteractionHandler(mustNew(nil, withClock(testClock), WithResponseDeadline(time.Minute)), pub).(*interactionHandler)
		var gotValue any
		var gotDeadline time.Time
		h.answer = func(ctx context.Context, _ *discordgo.Interaction) *discordgo.InteractionResponse {
			gotValue = ctx.Value(ctxKey{})
			gotDeadline, _ = ctx.Deadline()
			return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
		}
		r := signedRequest(priv, ts, find)
		r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, "request"))
		start := time.Now()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Fatalf("status = %d, want %d", w.Code, http.StatusOK)
		}
		if gotValue != "request" {
			t.Errorf("the bot's context value = %v, want %q", gotValue, "request")
		}
		if gotDeadline.IsZero() || gotDeadline.Before(start) || gotDeadline.After(start.Add(time.Minute+time.Second)) {
			t.Errorf("the bot's deadline = %v, want about a minute after %v", gotDeadline, start)
		}
	})

	// release lets the bot that never answers go once the test is over.
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	tests := []struct {
		name   string
		answer func(context.Context, *discordgo.Interaction) *discordgo.InteractionResponse
		want   int
	}{
		{"bot never answers", func(context.Context, *discordgo.Interaction) *discordgo.InteractionResponse {
			<-release // ignores its context on purpose
			return nil
		}, http.StatusServiceUnavailable},
		{"bot panics", func(context.Context, *discordgo.Interaction) *discordgo.InteractionResponse {
			panic("broken")
		}, http.StatusInternalServerError},
		{"bot returns nil", func(context.Context, *discordgo.Interaction) *discordgo.InteractionResponse {
			return nil
		}, http.StatusInternalServerError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewInteractionHandler(mustNew(nil, withClock(testClock), WithResponseDeadline(50*time.Millisecond)), pub).(*interactionHandler)
			h.answer = tt.answer
			w := httptest.NewRecorder()
			h.ServeHTTP(w, signedRequest(priv, ts, find))
			if w.Code != tt.want {
				t.Errorf("status = %d, want %d", w.Code, tt.want)
			}
		})
	}

	t.Run("no bot", func(t *testing.T) {
		h := NewInteractionHandler(nil, pub)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest(priv, unixString(time.Now()), find))
		if w.Code != http.StatusInternalServerError {
			t.Errorf("status = %d, want %d", w.Code, http.StatusInternalServerError)
		}
	})
}

// TestInteractionHandlerWithoutData checks that an interaction with no
// data key at all gets the private answer, or the empty list of choices,
// that one with "data": null gets, rather than a 400 Discord would show as
// a failure.
func TestInteractionHandlerWithoutData(t *testing.T) {
	pub, priv := testKey(t)
	h := NewInteractionHandler(mustNew(article.Default(), withClock(testClock)), pub)
	now := unixString(testNow)
	tests := []struct {
		name, body string
		want       string // a part of the answer
	}{
		{"command", `{"id":"1","type":2}`, `"flags":64`},
		{"command with data null", `{"id":"1","type":2,"data":null}`, `"flags":64`},
		{"button", `{"id":"1","type":3,"message":{"id":"2"}}`, `"flags":64`},
		{"autocomplete", `{"id":"1","type":4}`, `{"type":8,"data":{"choices":[]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, signedRequest(priv, now, []byte(tt.body)))
			if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), tt.want) {
				t.Errorf("%s = %d %s, want 200 with %s", tt.body, w.Code, w.Body, tt.want)
			}
			if tt.want == `"flags":64` && !strings.Contains(w.Body.String(), "without its details") {
				t.Errorf("%s = %s, want it to say the details are missing", tt.body, w.Body)
			}
		})
	}
}

// TestInteractionHandlerBadKey checks that an endpoint built with a key
// that is not an Ed25519 public key refuses every request instead of
// panicking.
func TestInteractionHandlerBadKey(t *testing.T) {
	pub, priv := testKey(t)
	for _, tt := range []struct {
		name string
		key  ed25519.PublicKey
	}{
		{"nil", nil},
		{"too short", pub[:ed25519.PublicKeySize-1]},
		{"too long", append(bytes.Clone(pub), 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := NewInteractionHandler(mustNew(article.Default(), withClock(testClock)), tt.key)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, signedRequest(priv, unixString(testNow), fixture(t, "ping.json")))
			if w.Code != http.StatusUnauthorized {
				t.Errorf("a signed PING to an endpoint with a %d-byte key: status = %d, want %d", len(tt.key), w.Code, http.StatusUnauthorized)
			}
		})
	}
}

func TestParsePublicKey(t *testing.T) {
	pub, _ := testKey(t)
	hexKey := hex.EncodeToString(pub)
	tests := []struct {
		name    string
		in      string
		want    ed25519.PublicKey
		wantErr string
	}{
		{"lower case", hexKey, pub, ""},
		{"upper case", strings.ToUpper(hexKey), pub, ""},
		{"surrounding space", " " + hexKey + "\n", pub, ""},
		{"empty", "", nil, "empty"},
		{"blank", "  ", nil, "empty"},
		{"too short", hexKey[:62], nil, "has 62 characters, want 64"},
		{"too long", hexKey + "00", nil, "has 66 characters, want 64"},
		{"not hexadecimal", "zz" + hexKey[2:], nil, "not hexadecimal"},
		{"a signature instead", strings.Repeat("ab", ed25519.SignatureSize), nil, "has 128 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePublicKey(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("ParsePublicKey(%q) error = %v, want one containing %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("ParsePublicKey(%q) = %x, %v, want %x", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestNotHexErrorWraps(t *testing.T) {
	_, err := ParsePublicKey(strings.Repeat("g", 64))
	if !errors.As(err, new(hex.InvalidByteError)) {
		t.Errorf("ParsePublicKey(%q) error = %v, want it to wrap the hex error", strings.Repeat("g", 64), err)
	}
}

func TestOpsMux(t *testing.T) {
	pub, _ := testKey(t)
	art := article.Default()
	notConnected := errors.New("the gateway session is not open")
	paragraphs := strconv.Itoa(len(art.Paragraphs)) + " paragraphs"

	tests := []struct {
		name     string
		mux      http.Handler
		method   string
		path     string
		wantCode int
		wantBody string // a substring of the reply
	}{
		{"healthz", NewOpsMux(mustNew(art)), http.MethodGet, "/healthz", http.StatusOK, "ok"},
		{"healthz without a bot", NewOpsMux(nil), http.MethodGet, "/healthz", http.StatusOK, "ok"},
		{"readyz", NewOpsMux(mustNew(art)), http.MethodGet, "/readyz", http.StatusOK, paragraphs},
		{"readyz without a bot", NewOpsMux(nil), http.MethodGet, "/readyz", http.StatusServiceUnavailable, "no article"},
		{"readyz without an article", NewOpsMux(&Bot{}), http.MethodGet, "/readyz", http.StatusServiceUnavailable, "no article"},
		{"readyz with a failing check", NewOpsMux(mustNew(art), func(context.Context) error { return notConnected }),
			http.MethodGet, "/readyz", http.StatusServiceUnavailable, notConnected.Error()},
		{"readyz with a passing check", NewOpsMux(mustNew(art), func(context.Context) error { return nil }),
			http.MethodGet, "/readyz", http.StatusOK, paragraphs},
		{"metrics", NewOpsMux(mustNew(art, WithMetrics(NewMetrics()))), http.MethodGet, "/metrics", http.StatusOK, "articlebot_signature_failures_total"},
		{"POST healthz", NewOpsMux(mustNew(art)), http.MethodPost, "/healthz", http.StatusMethodNotAllowed, ""},
		{"no interactions on the ops mux", NewOpsMux(mustNew(art)), http.MethodPost, "/interactions", http.StatusNotFound, ""},
		{"serve mux healthz", NewServeMux(mustNew(art), pub), http.MethodGet, "/healthz", http.StatusOK, "ok"},
		{"serve mux readyz", NewServeMux(mustNew(art), pub), http.MethodGet, "/readyz", http.StatusOK, paragraphs},
		{"serve mux metrics", NewServeMux(mustNew(art), pub), http.MethodGet, "/metrics", http.StatusOK, "go_goroutines"},
		{"serve mux unsigned interaction", NewServeMux(mustNew(art), pub), http.MethodPost, "/interactions", http.StatusUnauthorized, "signature"},
		{"serve mux GET interactions", NewServeMux(mustNew(art), pub), http.MethodGet, "/interactions", http.StatusMethodNotAllowed, ""},
		{"serve mux unknown path", NewServeMux(mustNew(art), pub), http.MethodGet, "/", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			tt.mux.ServeHTTP(w, httptest.NewRequest(tt.method, tt.path, nil))
			if w.Code != tt.wantCode {
				t.Errorf("%s %s: status = %d, want %d", tt.method, tt.path, w.Code, tt.wantCode)
			}
			if !strings.Contains(w.Body.String(), tt.wantBody) {
				t.Errorf("%s %s: reply = %q, want it to contain %q", tt.method, tt.path, w.Body.String(), tt.wantBody)
			}
		})
	}
}

// TestServeMuxOverHTTP sends a signed interaction to a real server built by
// NewHTTPServer and NewServeMux.
func TestServeMuxOverHTTP(t *testing.T) {
	pub, priv := testKey(t)
	b := mustNew(article.Default())
	srv := NewHTTPServer("127.0.0.1:0", NewServeMux(b, pub))
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatalf("listening: %v", err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	find := fixture(t, "find.json")
	ts := unixString(time.Now())
	req, err := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/interactions", bytes.NewReader(find))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set(headerTimestamp, ts)
	req.Header.Set(headerSignature, sign(priv, ts, find))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST /interactions: %v", err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the reply: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /interactions: status = %d, want %d (%s)", resp.StatusCode, http.StatusOK, got)
	}
	if want := wantResponse(t, b, find); !bytes.Equal(bytes.TrimSpace(got), want) {
		t.Errorf("POST /interactions: reply = %s, want %s", got, want)
	}
}

func TestNewHTTPServerTimeouts(t *testing.T) {
	srv := NewHTTPServer(":8080", http.NotFoundHandler())
	tests := []struct {
		name string
		got  time.Duration
		want time.Duration
	}{
		{"ReadHeaderTimeout", srv.ReadHeaderTimeout, HTTPReadHeaderTimeout},
		{"ReadTimeout", srv.ReadTimeout, HTTPReadTimeout},
		{"WriteTimeout", srv.WriteTimeout, HTTPWriteTimeout},
		{"IdleTimeout", srv.IdleTimeout, HTTPIdleTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want || tt.got <= 0 {
				t.Errorf("NewHTTPServer(...).%s = %v, want %v", tt.name, tt.got, tt.want)
			}
		})
	}
	if srv.WriteTimeout <= srv.ReadTimeout+DefaultResponseDeadline {
		t.Errorf("WriteTimeout %v leaves no time to answer after ReadTimeout %v and the response deadline %v",
			srv.WriteTimeout, srv.ReadTimeout, DefaultResponseDeadline)
	}
	if srv.Addr != ":8080" {
		t.Errorf("NewHTTPServer(%q, ...).Addr = %q", ":8080", srv.Addr)
	}
}

// TestNewHTTPServerDropsSlowClient checks that a client trickling its
// request headers is disconnected once the read-header timeout passes.
func TestNewHTTPServerDropsSlowClient(t *testing.T) {
	t.Parallel()
	srv := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler())
	// TestNewHTTPServerTimeouts checks the timeout the server is built
	// with; this test, that the server built drops a client trickling its
	// headers once it passes, with a shorter one, so as not to wait five
	// seconds.
	srv.ReadHeaderTimeout = 500 * time.Millisecond
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatalf("listening: %v", err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatalf("dialing: %v", err)
	}
	defer conn.Close()
	start := time.Now()
	if _, err := io.WriteString(conn, "POST /interactions HTTP/1.1\r\nHost: bot\r\n"); err != nil {
		t.Fatalf("writing the request line: %v", err)
	}

	// Trickle one header byte at a time until the server gives up. The
	// client's own limit is well past the server's timeout.
	closed := make(chan error, 1)
	go func() {
		_, err := bufio.NewReader(conn).ReadByte()
		closed <- err
	}()
	limit := time.After(srv.ReadHeaderTimeout + 5*time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-closed:
			held := time.Since(start)
			if err == nil {
				// The server may answer 408 before closing; either way it
				// let go of the connection.
				t.Logf("the server answered before closing after %v", held)
			}
			if held < srv.ReadHeaderTimeout/2 {
				t.Errorf("the server closed the connection after %v, before the read-header timeout %v", held, srv.ReadHeaderTimeout)
			}
			return
		case <-limit:
			t.Fatalf("a client trickling headers held the connection for %v, past the read-header timeout %v", time.Since(start), srv.ReadHeaderTimeout)
		case <-tick.C:
			// Writes fail once the server has closed; the reader reports it.
			_, _ = io.WriteString(conn, "X")
		}
	}
}

// BenchmarkInteractionHandler measures the endpoint's cost per request
// without the network: verifying, decoding, answering and encoding. Compare
// it with BenchmarkVerify, the part no implementation can avoid.
func BenchmarkInteractionHandler(b *testing.B) {
	pub, priv := testKey(b)
	h := NewInteractionHandler(mustNew(article.Default(), withClock(testClock), WithMetrics(NewMetrics())), pub)
	for _, name := range []string{"ping.json", "find.json", "quote.json", "autocomplete.json"} {
		body := fixture(b, name)
		ts := unixString(testNow)
		sig := sign(priv, ts, body)
		b.Run(strings.TrimSuffix(name, ".json"), func(b *testing.B) {
			b.ReportAllocs()
			r := httptest.NewRequest(http.MethodPost, "/interactions", nil)
			r.Header.Set(headerTimestamp, ts)
			r.Header.Set(headerSignature, sig)
			rd := bytes.NewReader(body)
			cpu := processCPU(b)
			for b.Loop() {
				rd.Reset(body)
				r.Body = io.NopCloser(rd)
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatalf("status = %d, want %d", w.Code, http.StatusOK)
				}
			}
			// CPU time, the garbage collector's included, varies less than
			// wall time on a machine other work shares.
			b.ReportMetric(float64(processCPU(b)-cpu)/float64(b.N)/1e3, "cpu-µs/op")
		})
	}
}

// processCPU returns the CPU time this process has used, in nanoseconds.
func processCPU(b *testing.B) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Skipf("getrusage: %v", err)
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkVerify measures ed25519.Verify alone on an interaction-sized
// message: the bound on the endpoint's throughput per core.
func BenchmarkVerify(b *testing.B) {
	pub, priv := testKey(b)
	msg := append([]byte(unixString(testNow)), fixture(b, "find.json")...)
	sig := ed25519.Sign(priv, msg)
	for b.Loop() {
		if !ed25519.Verify(pub, msg, sig) {
			b.Fatal("the signature does not verify")
		}
	}
}

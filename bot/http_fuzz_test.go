package bot

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// fuzzSeed is the fixed seed of the fuzz test's key, so that a corpus entry
// replays the same way on every run.
var fuzzSeed = bytes.Repeat([]byte{7}, ed25519.SeedSize)

// FuzzInteractionHandler sends the endpoint arbitrary methods, bodies and
// signature headers. When sign is set, the request is signed with the
// endpoint's key over the given timestamp and body, so that the fuzzer
// reaches the JSON decoding and the bot. The seeds are the payloads in
// testdata/http, signed, and the corpus in testdata/fuzz. Whatever the input, the handler
// must not panic, must answer with the status the request deserves, and a
// 200 reply must be an interaction response in JSON.
func FuzzInteractionHandler(f *testing.F) {
	priv := ed25519.NewKeyFromSeed(fuzzSeed)
	pub := priv.Public().(ed25519.PublicKey)
	now := unixString(testNow)
	for _, name := range []string{"ping.json", "find.json", "quote.json", "autocomplete.json", "component.json"} {
		body, err := os.ReadFile(filepath.Join("testdata", "http", name))
		if err != nil {
			f.Fatalf("reading seed: %v", err)
		}
		f.Add(http.MethodPost, bytes.TrimSpace(body), now, "", true)
	}

	b := mustNew(article.Default(), withClock(testClock), WithMetrics(NewMetrics()))
	h := NewInteractionHandler(b, pub)

	f.Fuzz(func(t *testing.T, method string, body []byte, ts, sig string, signed bool) {
		r, err := http.NewRequest(method, "/interactions", bytes.NewReader(body))
		if err != nil {
			t.Skip("not a request net/http would deliver")
		}
		if ts != "" {
			r.Header.Set(headerTimestamp, ts)
		}
		if signed {
			sig = sign(priv, ts, body)
		}
		if sig != "" {
			r.Header.Set(headerSignature, sig)
		}

		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)

		want := expectedStatus(method, body, ts, sig, signed)
		if w.Code != want && !(want == http.StatusOK && w.Code == http.StatusBadRequest) {
			t.Fatalf("%s with body %q, timestamp %q, signed %v: status = %d, want %d", method, body, ts, signed, w.Code, want)
		}
		switch w.Code {
		case http.StatusOK:
			if ct := w.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q, want application/json", ct)
			}
			var resp struct {
				Type discordgo.InteractionResponseType `json:"type"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || resp.Type == 0 {
				t.Errorf("reply %q to body %q is not an interaction response (err %v)", w.Body.Bytes(), body, err)
			}
		case http.StatusBadRequest:
			var in discordgo.Interaction
			if err := json.Unmarshal(body, &in); err == nil && in.Type != 0 {
				t.Errorf("body %q decodes to an interaction of type %d, yet the reply is 400", body, in.Type)
			}
		}
	})
}

// expectedStatus is the fuzz test's model of the endpoint: the status a
// request deserves, where 200 also allows 400 for a body that is not an
// interaction (the reply itself is then checked).
func expectedStatus(method string, body []byte, ts, sig string, signed bool) int {
	switch {
	case method != http.MethodPost:
		return http.StatusMethodNotAllowed
	case len(body) > MaxInteractionBody:
		return http.StatusRequestEntityTooLarge
	case !signed || sig == "":
		// An arbitrary string is, short of a forgery, no valid signature.
		return http.StatusUnauthorized
	}
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return http.StatusUnauthorized
	}
	stamp := time.Unix(secs, 0)
	if stamp.Before(testNow.Add(-DefaultMaxSignatureAge)) || stamp.After(testNow.Add(DefaultMaxClockSkew)) {
		return http.StatusUnauthorized
	}
	return http.StatusOK
}

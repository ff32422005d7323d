package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
)

func TestReadReply(t *testing.T) {
	const next = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
	tests := []struct {
		name        string
		in          string
		wantStatus  int
		wantClosing bool
		wantErr     bool
		wantRest    string // what remains unread
	}{
		{"content length", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"type\":1}" + next, 200, false, false, next},
		{"header case", "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}" + next, 200, false, false, next},
		{"refusal", "HTTP/1.1 401 Unauthorized\r\nContent-Length: 26\r\n\r\ninvalid request signature\n" + next, 401, false, false, next},
		{"closing", "HTTP/1.1 413 Request Entity Too Large\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno", 413, true, false, ""},
		{"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n" + next, 200, false, false, next},
		{"body to the end", "HTTP/1.0 200 OK\r\n\r\nall of it", 200, true, false, ""},
		{"not HTTP", "SSH-2.0-OpenSSH\r\n", 0, false, true, ""},
		{"bad status", "HTTP/1.1 2x0 OK\r\n\r\n", 0, false, true, ""},
		{"bad length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", 0, false, true, ""},
		{"header without colon", "HTTP/1.1 200 OK\r\nbroken\r\n\r\n", 0, false, true, ""},
		{"cut short", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}", 0, false, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			br := bufio.NewReader(strings.NewReader(tt.in))
			status, closing, err := readReply(br)
			if (err != nil) != tt.wantErr {
				t.Fatalf("readReply(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if status != tt.wantStatus || closing != tt.wantClosing {
				t.Errorf("readReply(%q) = %d, %v, want %d, %v", tt.in, status, closing, tt.wantStatus, tt.wantClosing)
			}
			rest, _ := io.ReadAll(br)
			if string(rest) != tt.wantRest {
				t.Errorf("after readReply(%q), unread = %q, want %q", tt.in, rest, tt.wantRest)
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	lat := make([]time.Duration, 100)
	for i := range lat {
		lat[i] = time.Duration(i+1) * time.Millisecond
	}
	r := result{latencies: lat}
	tests := []struct {
		p    float64
		want time.Duration
	}{
		{50, 50 * time.Millisecond},
		{99, 99 * time.Millisecond},
		{99.5, 100 * time.Millisecond},
		{100, 100 * time.Millisecond},
		{0.1, 1 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := r.percentile(tt.p); got != tt.want {
			t.Errorf("percentile(%v) of 1..100 ms = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := (result{}).percentile(99); got != 0 {
		t.Errorf("percentile(99) of nothing = %v, want 0", got)
	}
}

func TestArticleQueries(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"embedded article", ""},
		{"article without quotes", "The river rose overnight in Dunmore.\n\nFerries stopped at noon while Harbour Master Olsen waited.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article.Default()
			if tt.text != "" {
				var err error
				if a, err = article.Parse(strings.NewReader(tt.text)); err != nil {
					t.Fatalf("parsing: %v", err)
				}
			}
			q := articleQueries(a)
			if len(q.find) == 0 || len(q.speakers) == 0 || len(q.prefixes) < 2 || q.prefixes[0] != "" {
				t.Fatalf("articleQueries = %+v, want queries of every kind and the empty prefix first", q)
			}
			for _, f := range q.find {
				if f == "" || f != strings.ToLower(f) {
					t.Errorf("find query %q: want a non-empty lower-case query", f)
				}
			}
		})
	}
}

// TestSignedRequests checks that every pre-signed request is a well-formed
// HTTP request whose signature verifies over timestamp and body.
func TestSignedRequests(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Unix(1_700_000_000, 0)
	reqs, err := signedRequests(6, articleQueries(article.Default()), priv, at, "127.0.0.1:9", "/interactions")
	if err != nil {
		t.Fatalf("signedRequests: %v", err)
	}
	wantKinds := []string{"find", "quote", "autocomplete", "find", "quote", "autocomplete"}
	for i, r := range reqs {
		if r.kind != wantKinds[i] {
			t.Errorf("request %d is a %s, want %s", i, r.kind, wantKinds[i])
		}
		req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(r.raw)))
		if err != nil {
			t.Fatalf("request %d does not parse: %v", i, err)
		}
		body, err := io.ReadAll(req.Body)
		if err != nil {
			t.Fatalf("request %d body: %v", i, err)
		}
		ts := req.Header.Get("X-Signature-Timestamp")
		if ts != strconv.FormatInt(at.Unix(), 10) {
			t.Errorf("request %d timestamp = %q, want %d", i, ts, at.Unix())
		}
		if req.Method != http.MethodPost || req.URL.Path != "/interactions" || req.Host != "127.0.0.1:9" {
			t.Errorf("request %d = %s %s for %s, want POST /interactions for 127.0.0.1:9", i, req.Method, req.URL.Path, req.Host)
		}
		sig, err := hexDecode(req.Header.Get("X-Signature-Ed25519"))
		if err != nil || !ed25519.Verify(pub, append([]byte(ts), body...), sig) {
			t.Errorf("request %d: the signature does not verify over timestamp and body (err %v)", i, err)
		}
		if !bytes.Equal(r.msg, append([]byte(ts), body...)) {
			t.Errorf("request %d: the signed message is not timestamp and body", i)
		}
	}
}

// TestRunInProcess runs the whole tool briefly against an endpoint in the
// test's process and checks the endpoint answered every request.
func TestRunInProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the endpoint for about a second")
	}
	var out, errOut bytes.Buffer
	args := []string{"-inprocess", "-pin=false", "-c", "4", "-d", "300ms", "-warmup", "100ms",
		"-verify-time", "150ms", "-floor-d", "200ms", "-pool", "30"}
	if err := run(context.Background(), args, &out, &errOut); err != nil {
		t.Fatalf("run(%q) = %v; stderr: %s", args, err, errOut.String())
	}
	report := out.String()
	for _, want := range []string{"requests/s", "errors     0\n", "p99", "verifies per CPU-second", "HTTP floor", "aims"} {
		if !strings.Contains(report, want) {
			t.Errorf("run(%q) report lacks %q:\n%s", args, want, report)
		}
	}
}

func TestRunRefusesBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no connections", []string{"-c", "0"}, "-c must be at least 1"},
		{"too long for the signatures", []string{"-d", "5m"}, "pre-signed requests expire"},
		{"url without key", []string{"-url", "http://127.0.0.1:8080/interactions"}, "-url needs -key-seed"},
		{"bad seed", []string{"-key-seed", "abc", "-print-key"}, "-key-seed must be 64 hexadecimal digits"},
		{"stray argument", []string{"now"}, "unexpected arguments"},
		{"environment without a name", []string{"-server-env", "=50"}, "want NAME=VALUE"},
		{"environment without a value", []string{"-server-env", "GOGC"}, "want NAME=VALUE"},
		{"environment in the tool's process", []string{"-inprocess", "-server-env", "GOGC=50"}, "-server-env needs the endpoint in a child process"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(context.Background(), tt.args, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestPrintKey(t *testing.T) {
	seed := strings.Repeat("07", ed25519.SeedSize)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-key-seed", seed, "-print-key"}, &out, io.Discard); err != nil {
		t.Fatalf("run -print-key: %v", err)
	}
	raw, _ := hexDecode(seed)
	want := ed25519.NewKeyFromSeed(raw).Public().(ed25519.PublicKey)
	got, err := hexDecode(strings.TrimSpace(out.String()))
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("run -print-key = %q, want %x", out.String(), want)
	}
}

func hexDecode(s string) ([]byte, error) { return hex.DecodeString(s) }

// TestRunExternal drives an endpoint the test starts, as an operator drives
// articlebot serve, with the key from -key-seed.
func TestRunExternal(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the endpoint for about a second")
	}
	seed := strings.Repeat("2a", ed25519.SeedSize)
	raw, _ := hexDecode(seed)
	pub := ed25519.NewKeyFromSeed(raw).Public().(ed25519.PublicKey)
	b, err := bot.New(article.Default())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(bot.NewServeMux(b, pub))
	defer srv.Close()

	var out, errOut bytes.Buffer
	args := []string{"-url", srv.URL + "/interactions", "-key-seed", seed, "-c", "4", "-d", "300ms",
		"-warmup", "100ms", "-verify-time", "150ms", "-pool", "30"}
	if err := run(context.Background(), args, &out, &errOut); err != nil {
		t.Fatalf("run(%q) = %v; stderr: %s", args, err, errOut.String())
	}
	for _, want := range []string{"external endpoint", "requests/s", "errors     0\n", "external endpoint's cores are unknown"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("run(%q) report lacks %q:\n%s", args, want, out.String())
		}
	}

	// With another key the trial request is refused and the tool stops.
	args[3] = strings.Repeat("2b", ed25519.SeedSize)
	if err := run(context.Background(), args, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "401") {
		t.Errorf("run with the wrong key = %v, want an error about the 401 reply", err)
	}
}

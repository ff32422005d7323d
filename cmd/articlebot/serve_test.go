package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/discordtest"
	"github.com/articlebot/articlebot/internal/interaction"
	"github.com/bwmarrin/discordgo"
)

// testSigner is a key pair standing in for Discord's: requests signed with
// it verify with testPublicKeyHex, the DISCORD_PUBLIC_KEY of the tests.
var testSigner = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

var testPublicKeyHex = hex.EncodeToString(testSigner.Public().(ed25519.PublicKey))

// signedHeaders returns the signature headers Discord would send with body.
func signedHeaders(key ed25519.PrivateKey, body string) http.Header {
	return interaction.Headers(key, time.Now(), []byte(body))
}

// backgroundRun is a run of articlebot on another goroutine.
type backgroundRun struct {
	cancel context.CancelFunc
	result chan backgroundResult
	addrs  chan string // "name=host:port" as each HTTP server listens
}

type backgroundResult struct {
	err            error
	stdout, stderr string
}

// startBackground runs articlebot with args and the environment vars until
// the returned run is cancelled.
func startBackground(t *testing.T, vars map[string]string, args []string, opts ...option) *backgroundRun {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &backgroundRun{cancel: cancel, result: make(chan backgroundResult, 1), addrs: make(chan string, 4)}
	opts = append([]option{withEnvFile(""), withListening(func(name string, addr net.Addr) {
		r.addrs <- name + "=" + addr.String()
	})}, opts...)
	go func() {
		var stdout, stderr bytes.Buffer
		err := run(ctx, args, mapEnv(vars), &stdout, &stderr, opts...)
		r.result <- backgroundResult{err, stdout.String(), stderr.String()}
	}()
	t.Cleanup(cancel)
	return r
}

// addr waits for the HTTP server name to listen and returns its address;
// it fails the test when the run ends first.
func (r *backgroundRun) addr(t *testing.T, name string) string {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case a := <-r.addrs:
			if n, addr, _ := strings.Cut(a, "="); n == name {
				return addr
			}
		case res := <-r.result:
			t.Fatalf("run ended before the %s server listened: %v\nlog:\n%s", name, res.err, res.stderr)
		case <-timeout:
			t.Fatalf("the %s server never listened", name)
		}
	}
}

// wait returns the run's result once it has returned.
func (r *backgroundRun) wait(t *testing.T) backgroundResult {
	t.Helper()
	select {
	case res := <-r.result:
		return res
	case <-time.After(30 * time.Second):
		t.Fatal("run did not return")
		return backgroundResult{}
	}
}

// stopped reports whether the run has returned, without waiting.
func (r *backgroundRun) stopped() (backgroundResult, bool) {
	select {
	case res := <-r.result:
		return res, true
	default:
		return backgroundResult{}, false
	}
}

func serveVars() map[string]string {
	return map[string]string{envPublicKey: testPublicKeyHex, envHTTPAddr: "127.0.0.1:0"}
}

// httpDo sends one request and returns the status, Content-Type and body.
func httpDo(t *testing.T, method, url, body string, h http.Header) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range h {
		req.Header[k] = v
	}
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, url, err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

const (
	pingBody    = `{"id":"3000000000000000001","application_id":"1000000000000000001","type":1,"token":"ping-token","version":1}`
	summaryBody = `{"id":"3000000000000000002","application_id":"1000000000000000001","type":2,"token":"cmd-token","version":1,` +
		`"channel_id":"4000000000000000004","user":{"id":"5000000000000000005","username":"someone"},` +
		`"data":{"id":"6000000000000000006","name":"summary","type":1}}`
)

// TestServeAnswersSignedInteractions starts "articlebot serve" on a loopback
// port and checks every endpoint through it, as Discord and an operator's
// monitoring would use them.
func TestServeAnswersSignedInteractions(t *testing.T) {
	t.Parallel()
	r := startBackground(t, serveVars(), []string{"serve"})
	base := "http://" + r.addr(t, serverInteractions)

	wrongKey := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, ed25519.SeedSize))
	var decoded discordgo.Interaction
	if err := json.Unmarshal([]byte(summaryBody), &decoded); err != nil {
		t.Fatal(err)
	}
	wantSummary, err := bot.MarshalResponse(testBot(t, nil).Respond(context.Background(), &decoded))
	if err != nil {
		t.Fatal(err)
	}
	paragraphs := len(article.Default().Paragraphs)

	tests := []struct {
		name, method, path, body string
		headers                  http.Header
		wantCode                 int
		wantType                 string // a prefix of Content-Type; "" to skip
		wantBody                 string // the exact body, or a substring with wantContains
		wantContains             bool
	}{
		{name: "signed PING", method: "POST", path: "/interactions", body: pingBody,
			headers: signedHeaders(testSigner, pingBody), wantCode: 200, wantType: "application/json", wantBody: `{"type":1}`},
		{name: "PING signed with another key", method: "POST", path: "/interactions", body: pingBody,
			headers: signedHeaders(wrongKey, pingBody), wantCode: 401, wantBody: "invalid request signature", wantContains: true},
		{name: "unsigned PING", method: "POST", path: "/interactions", body: pingBody, wantCode: 401},
		{name: "signed /summary", method: "POST", path: "/interactions", body: summaryBody,
			headers: signedHeaders(testSigner, summaryBody), wantCode: 200, wantType: "application/json", wantBody: string(wantSummary)},
		{name: "GET on the interactions endpoint", method: "GET", path: "/interactions", wantCode: 405},
		{name: "healthz", method: "GET", path: "/healthz", wantCode: 200, wantBody: "ok\n"},
		{name: "readyz", method: "GET", path: "/readyz", wantCode: 200,
			wantBody: fmt.Sprintf("ready: article of %d paragraphs, loaded ", paragraphs), wantContains: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, ctype, body := httpDo(t, tc.method, base+tc.path, tc.body, tc.headers)
			if code != tc.wantCode {
				t.Fatalf("%s %s = %d %q, want %d", tc.method, tc.path, code, body, tc.wantCode)
			}
			if tc.wantType != "" && !strings.HasPrefix(ctype, tc.wantType) {
				t.Errorf("%s %s Content-Type = %q, want %q", tc.method, tc.path, ctype, tc.wantType)
			}
			switch {
			case tc.wantBody == "":
			case tc.wantContains && !strings.Contains(body, tc.wantBody):
				t.Errorf("%s %s body = %q, want it to contain %q", tc.method, tc.path, body, tc.wantBody)
			case !tc.wantContains && strings.TrimSpace(body) != strings.TrimSpace(tc.wantBody):
				t.Errorf("%s %s body = %q, want %q", tc.method, tc.path, body, tc.wantBody)
			}
		})
	}

	// The metrics count what the requests above did.
	code, _, metrics := httpDo(t, "GET", base+"/metrics", "", nil)
	if code != 200 {
		t.Fatalf("GET /metrics = %d, want 200", code)
	}
	for _, want := range []string{
		`articlebot_interactions_total{command="summary",kind="command",result="ok"} 1`,
		`articlebot_interactions_total{command="none",kind="ping",result="ok"} 1`,
		`articlebot_signature_failures_total{reason="invalid"} 1`,
		`articlebot_signature_failures_total{reason="missing"} 1`,
		`articlebot_http_interaction_replies_total{code="200"} 2`,
		`articlebot_http_interaction_replies_total{code="401"} 2`,
	} {
		if !strings.Contains(metrics, want+"\n") {
			t.Errorf("GET /metrics does not show %s", want)
		}
	}

	r.cancel()
	res := r.wait(t)
	if res.err != nil {
		t.Fatalf("run(serve) after cancel = %v, want nil\nlog:\n%s", res.err, res.stderr)
	}
	for _, want := range []string{
		"serving Discord interactions", "addr=" + strings.TrimPrefix(base, "http://"), "article=",
		"msg=interaction command=summary kind=command outcome=ok", "shutting down", "msg=stopped",
	} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("the log does not contain %q:\n%s", want, res.stderr)
		}
	}
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), time.Second); err == nil {
		t.Errorf("the endpoint still accepts connections after run returned")
	}
}

// startPartialRequest opens a connection to addr and sends a signed PING's
// headers and the first half of its body, asking the server to confirm it
// is reading the body (Expect: 100-continue). It returns once the server has
// sent that confirmation, so that the handler is running and the request
// is in flight. finish sends the rest and returns the response.
func startPartialRequest(t *testing.T, addr string) (finish func() (*http.Response, string)) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	h := signedHeaders(testSigner, pingBody)
	var head strings.Builder
	fmt.Fprintf(&head, "POST /interactions HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\nExpect: 100-continue\r\n", addr, len(pingBody))
	for k := range h {
		fmt.Fprintf(&head, "%s: %s\r\n", k, h.Get(k))
	}
	head.WriteString("\r\n")
	half := len(pingBody) / 2
	if _, err := io.WriteString(conn, head.String()+pingBody[:half]); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(discordtest.WaitTimeout))
	br := bufio.NewReader(conn)
	cont, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("waiting for the server to read the request: %v", err)
	}
	if cont.StatusCode != http.StatusContinue {
		t.Fatalf("the half-sent request got %s, want 100 Continue once the server reads its body", cont.Status)
	}
	return func() (*http.Response, string) {
		t.Helper()
		if _, err := io.WriteString(conn, pingBody[half:]); err != nil {
			t.Fatalf("sending the rest of the request: %v", err)
		}
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("reading the response to the request in flight: %v", err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
}

// TestServeShutdownLetsRequestsInFlightFinish cancels the run while a
// request is half sent, and checks that run waits for it, answers it and
// only then returns nil.
func TestServeShutdownLetsRequestsInFlightFinish(t *testing.T) {
	t.Parallel()
	r := startBackground(t, serveVars(), []string{"serve"}, withDrainTimeout(20*time.Second))
	addr := r.addr(t, serverInteractions)
	finish := startPartialRequest(t, addr)
	r.cancel()
	time.Sleep(100 * time.Millisecond)
	if res, done := r.stopped(); done {
		t.Fatalf("run returned %v while a request was in flight, want it to wait\nlog:\n%s", res.err, res.stderr)
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Errorf("the endpoint accepts new connections while draining, want it to refuse them")
	}
	resp, body := finish()
	if resp.StatusCode != http.StatusOK || strings.TrimSpace(body) != `{"type":1}` {
		t.Errorf("the request in flight got %d %q, want 200 {\"type\":1}", resp.StatusCode, body)
	}
	res := r.wait(t)
	if res.err != nil {
		t.Fatalf("run(serve) after cancel = %v, want nil\nlog:\n%s", res.err, res.stderr)
	}
	if strings.Contains(res.stderr, "stopped before every request was answered") {
		t.Errorf("shutdown reports a request cut short:\n%s", res.stderr)
	}
}

// TestServeShutdownIsBounded checks that a request that never completes
// does not hold shutdown beyond the drain timeout.
func TestServeShutdownIsBounded(t *testing.T) {
	t.Parallel()
	r := startBackground(t, serveVars(), []string{"serve"}, withDrainTimeout(200*time.Millisecond))
	startPartialRequest(t, r.addr(t, serverInteractions))
	r.cancel()
	res := r.wait(t)
	if res.err != nil {
		t.Fatalf("run(serve) after cancel = %v, want nil\nlog:\n%s", res.err, res.stderr)
	}
	if !strings.Contains(res.stderr, "stopped before every request was answered") {
		t.Errorf("the log does not report the request cut short:\n%s", res.stderr)
	}
}

func TestServeConfiguration(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		vars map[string]string
		want []string
	}{
		{"no public key", map[string]string{envHTTPAddr: "127.0.0.1:0"},
			[]string{"DISCORD_PUBLIC_KEY is not set", "General Information"}},
		{"public key too short", map[string]string{envPublicKey: "abcd"},
			[]string{"DISCORD_PUBLIC_KEY is not a public key", "4 characters"}},
		{"public key not hex", map[string]string{envPublicKey: strings.Repeat("zz", 32)},
			[]string{"DISCORD_PUBLIC_KEY is not a public key", "not hexadecimal"}},
		{"every problem at once", map[string]string{envPublicKey: "nope", envHTTPAddr: "8080", envLogLevel: "loud"},
			[]string{"configuration problems:", "DISCORD_PUBLIC_KEY is not a public key", `HTTP_ADDR="8080" is not a listen address`, `LOG_LEVEL="loud"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runArgs(t, tc.vars, []string{"serve"})
			if got := exitCode(err); got != 2 {
				t.Fatalf("run(serve) = %v (exit code %d), want a configuration error (exit code 2)", err, got)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("run(serve) = %q, want it to contain %q", err, w)
				}
			}
			if strings.Contains(err.Error(), envToken) {
				t.Errorf("run(serve) = %q, which asks for %s; serve needs no token", err, envToken)
			}
		})
	}
}

func TestServeAddressInUse(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	vars := serveVars()
	vars[envHTTPAddr] = ln.Addr().String()
	_, _, err = runArgs(t, vars, []string{"serve"})
	if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), envHTTPAddr+"="+ln.Addr().String()) {
		t.Fatalf("run(serve) on a port in use = %v, want an error naming %s (exit code 1)", err, envHTTPAddr)
	}
	if want := "set " + envHTTPAddr + " to a free port"; !strings.Contains(err.Error(), want) {
		t.Errorf("run(serve) on a port in use = %q, want it to say %q", err, want)
	}
	if strings.Contains(err.Error(), ".env") {
		t.Errorf("run(serve) on a port in use = %q, want no advice on .env: nothing in the configuration is wrong", err)
	}
}

func TestListenAddr(t *testing.T) {
	t.Parallel()
	tests := []struct {
		value, want string
		ok          bool
	}{
		{"", ":8080", true},
		{":9090", ":9090", true},
		{" 127.0.0.1:8080 ", "127.0.0.1:8080", true},
		{"[::1]:8080", "[::1]:8080", true},
		{"localhost:http", "localhost:http", true},
		{"127.0.0.1:0", "127.0.0.1:0", true},
		{":65535", ":65535", true},
		{":65536", ":8080", false},
		{":99999", ":8080", false},
		{":-1", ":8080", false},
		{":+80", ":8080", false},
		{":no-such-service", ":8080", false},
		{"8080", ":8080", false},
		{"127.0.0.1", ":8080", false},
		{"127.0.0.1:", ":8080", false},
		{"http://127.0.0.1:8080", ":8080", false},
	}
	for _, tc := range tests {
		got, problems := listenAddr(mapEnv(map[string]string{envHTTPAddr: tc.value}), envHTTPAddr, defaultHTTPAddr)
		if got != tc.want || (len(problems) == 0) != tc.ok {
			t.Errorf("listenAddr(%q) = %q, %q; want %q, ok %v", tc.value, got, problems, tc.want, tc.ok)
		}
	}
}

// TestGatewayServesMetrics runs the gateway mode with METRICS_ADDR and checks
// that /readyz follows the gateway connection, that /metrics counts the
// interactions answered over the gateway, and that the server stops with
// the session.
func TestGatewayServesMetrics(t *testing.T) {
	t.Parallel()
	f := discordtest.New(t)
	hold := make(chan struct{})
	f.HoldHandshakes(hold)
	b := startBot(t, f, map[string]string{envMetricsAddr: "127.0.0.1:0"}, withDrainTimeout(5*time.Second))
	base := "http://" + b.addr(t, serverMetrics)

	if code, _, body := httpDo(t, "GET", base+"/healthz", "", nil); code != 200 || body != "ok\n" {
		t.Errorf("GET /healthz before READY = %d %q, want 200 ok", code, body)
	}
	if code, _, body := httpDo(t, "GET", base+"/readyz", "", nil); code != 503 || !strings.Contains(body, "not connected") {
		t.Errorf("GET /readyz before READY = %d %q, want 503 not connected", code, body)
	}
	if code, _, _ := httpDo(t, "POST", base+"/interactions", pingBody, signedHeaders(testSigner, pingBody)); code != 404 && code != 405 {
		t.Errorf("POST /interactions on METRICS_ADDR = %d, want it not served", code)
	}

	close(hold)
	f.WaitStarted(t, 1)
	deadline := time.Now().Add(discordtest.WaitTimeout)
	for {
		code, _, body := httpDo(t, "GET", base+"/readyz", "", nil)
		if code == 200 {
			if !strings.Contains(body, "ready") {
				t.Errorf("GET /readyz once connected = %q, want it to say ready", body)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET /readyz = %d %q long after READY, want 200", code, body)
		}
		time.Sleep(10 * time.Millisecond)
	}

	f.WaitAnswered(t, f.Interact(t, summaryInteraction()))
	_, _, metrics := httpDo(t, "GET", base+"/metrics", "", nil)
	want := `articlebot_interactions_total{command="summary",kind="command",result="ok"} 1` + "\n"
	if !strings.Contains(metrics, want) {
		t.Errorf("GET /metrics does not count the interaction answered over the gateway: want %q", want)
	}

	if err := b.stop(t); err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
	if log := b.log.String(); !strings.Contains(log, "serving health and metrics") {
		t.Errorf("the log does not say where the metrics are served:\n%s", log)
	}
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), time.Second); err == nil {
		t.Errorf("the metrics server still accepts connections after run returned")
	}
	if n := len(f.Requests("PUT ")); n != 1 {
		t.Errorf("%d registrations, want 1", n)
	}
}

// TestGatewayMetricsAddressInUse checks that run stops before connecting
// when METRICS_ADDR cannot be listened on.
func TestGatewayMetricsAddressInUse(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	f := discordtest.New(t)
	vars := map[string]string{envToken: discordtest.BotToken, envMetricsAddr: ln.Addr().String()}
	_, _, err = runArgs(t, vars, nil, fakeOptions(f)...)
	if err == nil || !strings.Contains(err.Error(), "set "+envMetricsAddr+" to a free port") {
		t.Fatalf("run with METRICS_ADDR in use = %v, want an error saying to change %s", err, envMetricsAddr)
	}
	var opErr *net.OpError
	if !errors.As(err, &opErr) {
		t.Errorf("run = %v, want it to wrap the listen error", err)
	}
	if n := len(f.Identifies()); n != 0 {
		t.Errorf("%d identifies, want none: run should stop before connecting", n)
	}
	if n := len(f.Requests("")); n != 0 {
		t.Errorf("%d REST requests, want none: run should stop before connecting", n)
	}
}

func TestHelpShowsServeAndRegister(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"help"}, []string{"articlebot serve [flags]", "articlebot register [flags]"}},
		{[]string{"help", "serve"}, []string{"Usage: articlebot serve", "DISCORD_PUBLIC_KEY", "HTTP_ADDR", "-article"}},
		{[]string{"help", "register"}, []string{"Usage: articlebot register", "-guild ID", "-dry-run", "DISCORD_TOKEN"}},
		{[]string{"help", "run"}, []string{"METRICS_ADDR", "SHARD_COUNT", "only shard 0 registers"}},
	}
	for _, tc := range tests {
		stdout, _, err := runArgs(t, nil, tc.args)
		if err != nil {
			t.Fatalf("run(%q) = %v", tc.args, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(stdout, w) {
				t.Errorf("run(%q) stdout = %q, want it to contain %q", tc.args, stdout, w)
			}
		}
	}
	if _, _, err := runArgs(t, serveVars(), []string{"serve", "now"}); exitCode(err) != 2 || !strings.Contains(err.Error(), "serve takes no arguments") {
		t.Errorf("run(serve now) = %v, want a usage error", err)
	}
}

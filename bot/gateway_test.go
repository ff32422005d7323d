package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// delivery is one call of a fakeResponder.
type delivery struct {
	interaction *discordgo.Interaction
	response    *discordgo.InteractionResponse
	ctx         context.Context
}

// fakeResponder records deliveries. When hold is set, a delivery of an
// interaction whose ID is in hold waits until the channel is closed or the
// delivery's context ends.
type fakeResponder struct {
	mu    sync.Mutex
	got   []delivery
	seen  chan string // receives each interaction ID as its delivery starts
	hold  map[string]chan struct{}
	fail  error
	panic bool
}

func newFakeResponder() *fakeResponder {
	return &fakeResponder{seen: make(chan string, 100), hold: map[string]chan struct{}{}}
}

// RequestWithLockedBucket records the answer POSTed to an interaction's
// callback; the interaction ID is read from the callback's path.
func (f *fakeResponder) RequestWithLockedBucket(method, urlStr, contentType string, body []byte, bucket *discordgo.Bucket, sequence int, opts ...discordgo.RequestOption) ([]byte, error) {
	parts := strings.Split(urlStr, "/")
	if method != http.MethodPost || len(parts) < 4 || parts[len(parts)-1] != "callback" {
		return nil, fmt.Errorf("unexpected request %s %s", method, urlStr)
	}
	if bucket == nil || contentType != "application/json" {
		return nil, fmt.Errorf("callback sent in bucket %v as %q, want a bucket of its own and JSON", bucket, contentType)
	}
	var r discordgo.InteractionResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, err
	}
	i := &discordgo.Interaction{ID: parts[len(parts)-3]}
	return nil, f.interactionRespond(i, &r, opts...)
}

// RequestWithBucketID fails: an interaction's callback must not go through
// one of the session's rate-limit buckets, which the session never forgets.
func (f *fakeResponder) RequestWithBucketID(method, urlStr string, data any, bucketID string, opts ...discordgo.RequestOption) ([]byte, error) {
	return nil, fmt.Errorf("%s %s went through the session's bucket %q", method, urlStr, bucketID)
}

func (f *fakeResponder) interactionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, opts ...discordgo.RequestOption) error {
	req, _ := http.NewRequest(http.MethodPost, "http://discord.invalid/", nil)
	cfg := &discordgo.RequestConfig{Request: req}
	for _, o := range opts {
		o(cfg)
	}
	ctx := cfg.Request.Context()
	f.seen <- i.ID
	if f.panic {
		panic("responder exploded")
	}
	if h, ok := f.hold[i.ID]; ok {
		select {
		case <-h:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	f.mu.Lock()
	f.got = append(f.got, delivery{i, r, ctx})
	f.mu.Unlock()
	return f.fail
}

func (f *fakeResponder) deliveries() []delivery {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]delivery(nil), f.got...)
}

func commandInteraction(id, name string) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID:    id,
		Type:  discordgo.InteractionApplicationCommand,
		Token: "interaction-token-" + id,
		Data:  discordgo.ApplicationCommandInteractionData{Name: name},
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal(%T) failed: %v", v, err)
	}
	return string(b)
}

func TestGatewayDeliversEachAnswerOnce(t *testing.T) {
	b := mustNew(article.Default())
	g := NewGateway(b)
	f := newFakeResponder()
	names := []string{"summary", "quote", "find", "about", "nope"}
	for n, name := range names {
		if !g.dispatch(f, commandInteraction(string(rune('a'+n)), name)) {
			t.Fatalf("dispatch(%q) = false before shutdown, want true", name)
		}
	}
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
	got := f.deliveries()
	if len(got) != len(names) {
		t.Fatalf("%d deliveries, want %d", len(got), len(names))
	}
	byID := map[string]int{}
	for _, d := range got {
		byID[d.interaction.ID]++
		n := int(d.interaction.ID[0] - 'a')
		want := b.Respond(context.Background(), commandInteraction(d.interaction.ID, names[n]))
		if g, w := mustJSON(t, d.response), mustJSON(t, want); g != w {
			t.Errorf("delivered response for %s = %s, want %s (what Respond returns)", d.interaction.ID, g, w)
		}
		if _, ok := d.ctx.Deadline(); !ok {
			t.Errorf("delivery of %s has no deadline, want one of about %v", d.interaction.ID, DefaultAnswerTimeout)
		}
	}
	for id, n := range byID {
		if n != 1 {
			t.Errorf("interaction %s delivered %d times, want 1", id, n)
		}
	}
}

func TestGatewayWithoutABotAnswersAboutTheEmbeddedArticle(t *testing.T) {
	var logs bytes.Buffer
	g := NewGateway(nil)
	f := newFakeResponder()
	g.dispatch(f, commandInteraction("5", "about"))
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
	got := f.deliveries()
	if len(got) != 1 {
		t.Fatalf("%d deliveries, want 1; log:\n%s", len(got), logs.String())
	}
	want := mustNew(nil).Respond(context.Background(), commandInteraction("5", "about"))
	if g, w := mustJSON(t, got[0].response), mustJSON(t, want); g != w {
		t.Errorf("delivered %s, want %s", g, w)
	}
}

func TestGatewayDoesNotBlockOneInteractionOnAnother(t *testing.T) {
	g := NewGateway(mustNew(article.Default()))
	f := newFakeResponder()
	release := make(chan struct{})
	f.hold["slow"] = release

	g.dispatch(f, commandInteraction("slow", "find"))
	if id := <-f.seen; id != "slow" {
		t.Fatalf("first delivery started = %q, want %q", id, "slow")
	}
	g.dispatch(f, commandInteraction("fast", "find"))
	if id := <-f.seen; id != "fast" {
		t.Fatalf("second delivery started = %q, want %q", id, "fast")
	}
	// The fast answer completes while the slow one is still held.
	if err := waitFor(func() bool { return len(f.deliveries()) == 1 }); err != nil {
		t.Fatal("the fast answer was not delivered while the slow one was in flight")
	}
	if got := f.deliveries()[0].interaction.ID; got != "fast" {
		t.Fatalf("delivered first = %q, want %q", got, "fast")
	}
	close(release)
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
	if n := len(f.deliveries()); n != 2 {
		t.Fatalf("%d deliveries after shutdown, want 2", n)
	}
}

// waitFor polls cond until it holds or ten seconds have passed. It waits for
// something that must happen; it does not measure speed.
func waitFor(cond func() bool) error {
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			return errors.New("condition never held")
		}
		time.Sleep(time.Millisecond)
	}
	return nil
}

func TestGatewayShutdownWaitsForAnswersInFlight(t *testing.T) {
	g := NewGateway(mustNew(article.Default()))
	f := newFakeResponder()
	release := make(chan struct{})
	f.hold["1"] = release
	g.dispatch(f, commandInteraction("1", "summary"))
	<-f.seen

	returned := make(chan error, 1)
	go func() { returned <- g.Shutdown(context.Background()) }()

	// New interactions are refused as soon as shutdown has begun.
	if err := waitFor(func() bool { g.mu.Lock(); defer g.mu.Unlock(); return g.stopping }); err != nil {
		t.Fatal("Shutdown never marked the gateway as stopping")
	}
	if g.dispatch(f, commandInteraction("2", "summary")) {
		t.Errorf("dispatch after Shutdown began = true, want false")
	}
	select {
	case err := <-returned:
		t.Fatalf("Shutdown returned %v while an answer was in flight, want it to wait", err)
	default:
	}

	close(release)
	if err := <-returned; err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
	got := f.deliveries()
	if len(got) != 1 || got[0].interaction.ID != "1" {
		t.Fatalf("deliveries = %d (first %v), want exactly interaction 1", len(got), got)
	}
}

func TestGatewayShutdownGivesUpWhenItsContextEnds(t *testing.T) {
	g := NewGateway(mustNew(article.Default()))
	f := newFakeResponder()
	f.hold["stuck"] = make(chan struct{}) // never released
	g.dispatch(f, commandInteraction("stuck", "find"))
	<-f.seen

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := g.Shutdown(ctx)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "1 answer") {
		t.Fatalf("Shutdown(cancelled) = %v, want an error counting 1 answer and wrapping context.Canceled", err)
	}
	// The abandoned answer's context is cancelled, so its goroutine ends.
	g.inflight.Wait()
	if n := g.pending.Load(); n != 0 {
		t.Fatalf("%d answers pending after they were cancelled, want 0", n)
	}
	if n := len(f.deliveries()); n != 0 {
		t.Fatalf("%d deliveries of an answer that was held, want 0", n)
	}
}

func TestGatewayLogsFailedDeliveries(t *testing.T) {
	var logs bytes.Buffer
	m := NewMetrics()
	g := NewGateway(mustNew(article.Default(), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))), WithMetrics(m)))
	f := newFakeResponder()
	f.fail = errors.New("HTTP 500 Internal Server Error")
	g.dispatch(f, commandInteraction("77", "find"))
	g.dispatch(f, commandInteraction("78", "summary"))
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
	if n := testutil.ToFloat64(m.undelivered.WithLabelValues("interaction")); n != 2 {
		t.Errorf("gateway_delivery_failures_total{kind=interaction} = %v, want 2", n)
	}
	if n := testutil.ToFloat64(m.undelivered.WithLabelValues("mention")); n != 0 {
		t.Errorf("gateway_delivery_failures_total{kind=mention} = %v, want 0", n)
	}
	out := logs.String()
	for _, want := range []string{"level=ERROR", "delivering an answer failed", "interaction_id=77", "command=find", "HTTP 500"} {
		if !strings.Contains(out, want) {
			t.Errorf("log = %q, want it to contain %q", out, want)
		}
	}
	if strings.Contains(out, "interaction-token-77") {
		t.Errorf("log = %q, want no interaction token in it", out)
	}
}

func TestGatewaySurvivesAPanickingDelivery(t *testing.T) {
	var logs bytes.Buffer
	g := NewGateway(mustNew(article.Default(), WithLogger(slog.New(slog.NewTextHandler(&logs, nil)))))
	f := newFakeResponder()
	f.panic = true
	g.dispatch(f, commandInteraction("9", "find"))
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
	if !strings.Contains(logs.String(), "panic while answering an interaction") {
		t.Errorf("log = %q, want the recovered panic reported", logs.String())
	}
}

func TestGatewayHandleIgnoresEmptyEvents(t *testing.T) {
	g := NewGateway(mustNew(article.Default()))
	s, err := discordgo.New("Bot x")
	if err != nil {
		t.Fatal(err)
	}
	g.Handle(s, nil)
	g.Handle(s, &discordgo.InteractionCreate{})
	g.Handle(nil, &discordgo.InteractionCreate{Interaction: commandInteraction("1", "find")})
	if n := g.pending.Load(); n != 0 {
		t.Fatalf("%d answers started for empty events, want 0", n)
	}
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
}

// redirect sends every request to the server at target, keeping its path.
type redirect struct{ target *url.URL }

func (r redirect) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = r.target.Scheme, r.target.Host
	return http.DefaultTransport.RoundTrip(req)
}

// sessionTo returns a discordgo session whose REST requests go to a local
// server that answers them with h.
func sessionTo(t *testing.T, h http.HandlerFunc) *discordgo.Session {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	target, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	s, err := discordgo.New("Bot test-token")
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: redirect{target}}
	return s
}

// TestGatewayAnswersThroughARealSession posts the answer with a real
// discordgo session whose REST calls go to a local server, and checks the
// callback's route and body.
func TestGatewayAnswersThroughARealSession(t *testing.T) {
	type call struct {
		method, path string
		body         []byte
	}
	calls := make(chan call, 1)
	s := sessionTo(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		calls <- call{r.Method, r.URL.EscapedPath(), body}
		w.WriteHeader(http.StatusNoContent)
	})

	b := mustNew(article.Default())
	g := NewGateway(b)
	i := commandInteraction("123456789", "summary")
	g.Handle(s, &discordgo.InteractionCreate{Interaction: i})
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
	c := <-calls
	wantPath := "/api/v9/interactions/123456789/interaction-token-123456789/callback"
	if c.method != http.MethodPost || c.path != wantPath {
		t.Errorf("callback = %s %s, want POST %s", c.method, c.path, wantPath)
	}
	if got, want := strings.TrimSpace(string(c.body)), mustJSON(t, b.Respond(context.Background(), i)); got != want {
		t.Errorf("callback body = %s, want %s", got, want)
	}
}

// TestGatewayKeepsAnEmptyChoiceList posts an autocomplete answer that
// matches nobody through a real session and checks that the callback body
// still holds the choice list Discord requires.
func TestGatewayKeepsAnEmptyChoiceList(t *testing.T) {
	bodies := make(chan []byte, 1)
	s := sessionTo(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		bodies <- body
		w.WriteHeader(http.StatusNoContent)
	})

	var i discordgo.Interaction
	raw := `{"id":"77","token":"tok","type":4,"application_id":"1","data":{"id":"2","name":"quote","type":1,
		"options":[{"name":"speaker","type":3,"value":"zzzzzzzz","focused":true}]}}`
	if err := json.Unmarshal([]byte(raw), &i); err != nil {
		t.Fatal(err)
	}
	g := NewGateway(mustNew(article.Default()))
	g.Handle(s, &discordgo.InteractionCreate{Interaction: &i})
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
	if got, want := strings.TrimSpace(string(<-bodies)), `{"type":8,"data":{"choices":[]}}`; got != want {
		t.Errorf("callback body = %s, want %s", got, want)
	}
}

// TestGatewayLeavesNoBucketPerInteraction answers many interactions through
// a real session and checks that its rate limiter keeps no bucket for any of
// them: a bucket per callback would grow the process's memory with every
// interaction and keep every interaction token.
func TestGatewayLeavesNoBucketPerInteraction(t *testing.T) {
	var calls, limited atomic.Int64
	s := sessionTo(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1)%10 == 0 {
			// A 429 now and then, which discordgo retries in the same bucket.
			limited.Add(1)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"message":"You are being rate limited.","retry_after":0.001,"global":false}`)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	g := NewGateway(mustNew(article.Default()))
	const n = 50
	for k := range n {
		g.Handle(s, &discordgo.InteractionCreate{Interaction: commandInteraction(fmt.Sprint(1000+k), "about")})
	}
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown() = %v, want nil", err)
	}
	if got, want := calls.Load()-limited.Load(), int64(n); got != want {
		t.Errorf("%d callbacks delivered (and %d rate-limited), want %d", got, limited.Load(), want)
	}
	if got := reflect.ValueOf(s.Ratelimiter).Elem().FieldByName("buckets").Len(); got != 0 {
		t.Errorf("the session's rate limiter holds %d buckets after %d answers, want 0", got, n)
	}
}

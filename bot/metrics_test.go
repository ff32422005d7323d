package bot

import (
	"bytes"
	"context"
	"errors"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// sumSamples adds up the samples of the metric family name whose labels
// include every pair in match: counter values, or histogram sample counts.
func sumSamples(t *testing.T, g prometheus.Gatherer, name string, match map[string]string) float64 {
	t.Helper()
	families, err := g.Gather()
	if err != nil {
		t.Fatalf("gathering metrics: %v", err)
	}
	var sum float64
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
	metrics:
		for _, m := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			for k, v := range match {
				if labels[k] != v {
					continue metrics
				}
			}
			switch {
			case m.GetCounter() != nil:
				sum += m.GetCounter().GetValue()
			case m.GetHistogram() != nil:
				sum += float64(m.GetHistogram().GetSampleCount())
			}
		}
	}
	return sum
}

func TestMetricsObserve(t *testing.T) {
	m := NewMetrics()
	for _, o := range []Outcome{
		{Command: "find", Kind: "command", Result: "ok", Latency: 300 * time.Microsecond},
		{Command: "find", Kind: "command", Result: "ok", Latency: 2 * time.Millisecond},
		{Command: "find", Kind: "component", Result: "user_error", Latency: 40 * time.Microsecond},
		{Command: "quote", Kind: "autocomplete", Result: "ok", Latency: 90 * time.Microsecond},
		{Command: "", Kind: "ping", Result: "ok", Latency: 1 * time.Microsecond},
		{Command: "", Kind: "unknown", Result: "user_error", Latency: 3 * time.Second},
		{Command: "ask", Kind: "mention", Result: "ok", Latency: 500 * time.Microsecond},
	} {
		m.Observe(o)
	}

	const want = `
# HELP articlebot_interactions_total Interactions answered, by command, kind and result.
# TYPE articlebot_interactions_total counter
articlebot_interactions_total{command="ask",kind="mention",result="ok"} 1
articlebot_interactions_total{command="find",kind="command",result="ok"} 2
articlebot_interactions_total{command="find",kind="component",result="user_error"} 1
articlebot_interactions_total{command="none",kind="ping",result="ok"} 1
articlebot_interactions_total{command="none",kind="unknown",result="user_error"} 1
articlebot_interactions_total{command="quote",kind="autocomplete",result="ok"} 1
`
	if err := testutil.GatherAndCompare(m.registry(), strings.NewReader(want), "articlebot_interactions_total"); err != nil {
		t.Errorf("after seven outcomes: %v", err)
	}

	latency := []struct {
		kind     string
		count    float64
		under1ms float64 // samples in the bucket le="0.001"
		sum      float64 // seconds
	}{
		{"command", 2, 1, 0.0023},
		{"component", 1, 1, 0.00004},
		{"autocomplete", 1, 1, 0.00009},
		{"ping", 1, 1, 0.000001},
		{"unknown", 1, 0, 3},
		{"mention", 1, 1, 0.0005},
	}
	families, err := m.registry().Gather()
	if err != nil {
		t.Fatalf("gathering: %v", err)
	}
	got := map[string][3]float64{}
	for _, f := range families {
		if f.GetName() != "articlebot_interaction_duration_seconds" {
			continue
		}
		for _, s := range f.GetMetric() {
			h := s.GetHistogram()
			var under1ms float64
			for _, b := range h.GetBucket() {
				if b.GetUpperBound() == 0.001 {
					under1ms = float64(b.GetCumulativeCount())
				}
			}
			got[s.GetLabel()[0].GetValue()] = [3]float64{float64(h.GetSampleCount()), under1ms, h.GetSampleSum()}
		}
	}
	for _, tt := range latency {
		g := got[tt.kind]
		if g[0] != tt.count || g[1] != tt.under1ms || math.Abs(g[2]-tt.sum) > 1e-9 {
			t.Errorf("latency{kind=%q} = count %v, ≤1ms %v, sum %v; want %v, %v, %v", tt.kind, g[0], g[1], g[2], tt.count, tt.under1ms, tt.sum)
		}
	}
}

func TestMetricsNil(t *testing.T) {
	var m *Metrics
	m.Observe(Outcome{Command: "find", Kind: "command", Result: "ok"})
	m.countSignatureFailure(sigInvalid)
	m.countReply(http.StatusOK)
	if m.registry() != nil {
		t.Errorf("(*Metrics)(nil).registry() = %v, want nil", m.registry())
	}
	w := httptest.NewRecorder()
	m.Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if w.Code != http.StatusNotFound {
		t.Errorf("(*Metrics)(nil).Handler() status = %d, want %d", w.Code, http.StatusNotFound)
	}
}

// TestMetricsCountRequests sends requests of every kind the endpoint refuses
// and checks /metrics counts each.
func TestMetricsCountRequests(t *testing.T) {
	pub, priv := testKey(t)
	_, otherPriv := testKey(t)
	m := NewMetrics()
	mux := NewServeMux(mustNew(article.Default(), WithMetrics(m), withClock(testClock)), pub)
	now := unixString(testNow)
	find := fixture(t, "find.json")

	requests := []*http.Request{
		signedRequest(priv, now, find),
		signedRequest(priv, now, fixture(t, "autocomplete.json")),
		signedRequest(otherPriv, now, find),                                    // invalid
		signedRequest(priv, unixString(testNow.Add(-time.Hour)), find),         // expired
		signedRequest(priv, unixString(testNow.Add(time.Hour)), find),          // future
		signedRequest(priv, "soon", find),                                      // malformed
		httptest.NewRequest(http.MethodPost, "/interactions", nil),             // missing
		httptest.NewRequest(http.MethodGet, "/interactions", nil),              // 405
		signedRequest(priv, now, []byte("not json")),                           // 400
		signedRequest(priv, now, padJSON(t, find, MaxInteractionBody+100)),     // 413
		signedRequest(otherPriv, unixString(testNow.Add(-time.Hour)), find),    // expired, checked first
		signedRequest(priv, now, append([]byte(" "), find...)),                 // 200: leading space is valid JSON
		signedRequest(priv, now, append(bytes.Clone(find), '\n')),              // 200
		signedRequest(otherPriv, now, fixture(t, "autocomplete.json")),         // invalid
		signedRequest(priv, strconv.FormatInt(testNow.Unix()+30, 10), find),    // 200: within the skew
		signedRequest(priv, now, []byte(`{"type":0,"id":"1"}`)),                // 400
		signedRequest(priv, strconv.FormatInt(testNow.Unix()-299, 10), find),   // 200: within the age
		signedRequest(priv, strconv.FormatInt(testNow.Unix()-301, 10), find),   // expired
		signedRequest(priv, strconv.FormatInt(testNow.Unix()+61, 10), find),    // future
		signedRequest(priv, now, padJSON(t, find, MaxInteractionBody)),         // 200
		signedRequest(priv, now, padJSON(t, find, 2*MaxInteractionBody)),       // 413
		signedRequest(priv, now+"0", find),                                     // future
		signedRequest(priv, "-"+now, find),                                     // expired
		signedRequest(priv, " "+now, find),                                     // malformed
		signedRequest(priv, now, find[1:]),                                     // 400: no opening brace
		signedRequest(priv, now, find[:0]),                                     // 400
		signedRequest(priv, now, []byte(`{"type":1}`)),                         // 200 (a PING)
		signedRequest(priv, now, []byte(`{"type":1,"id":"1","token":"x"}`)),    // 200 (a PING)
		signedRequest(priv, now, []byte(`{"type":4,"data":{"name":"quote"}}`)), // 200
	}
	for _, r := range requests {
		mux.ServeHTTP(httptest.NewRecorder(), r)
	}

	const want = `
# HELP articlebot_signature_failures_total Interaction requests refused for their signature, by reason.
# TYPE articlebot_signature_failures_total counter
articlebot_signature_failures_total{reason="expired"} 4
articlebot_signature_failures_total{reason="future"} 3
articlebot_signature_failures_total{reason="invalid"} 2
articlebot_signature_failures_total{reason="malformed"} 2
articlebot_signature_failures_total{reason="missing"} 1
# HELP articlebot_http_interaction_replies_total Replies of the HTTP interactions endpoint, by status code.
# TYPE articlebot_http_interaction_replies_total counter
articlebot_http_interaction_replies_total{code="200"} 10
articlebot_http_interaction_replies_total{code="400"} 4
articlebot_http_interaction_replies_total{code="401"} 12
articlebot_http_interaction_replies_total{code="405"} 1
articlebot_http_interaction_replies_total{code="413"} 2
articlebot_http_interaction_replies_total{code="500"} 0
articlebot_http_interaction_replies_total{code="503"} 0
`
	if err := testutil.GatherAndCompare(m.registry(), strings.NewReader(want),
		"articlebot_signature_failures_total", "articlebot_http_interaction_replies_total"); err != nil {
		t.Errorf("after %d requests: %v", len(requests), err)
	}

	// The same figures are what Prometheus scrapes.
	w := httptest.NewRecorder()
	mux.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	for _, line := range []string{
		`articlebot_signature_failures_total{reason="expired"} 4`,
		`articlebot_http_interaction_replies_total{code="200"} 10`,
	} {
		if !strings.Contains(w.Body.String(), line+"\n") {
			t.Errorf("GET /metrics lacks %q", line)
		}
	}

	// The bot reports each of the ten interactions it answered.
	t.Run("interactions", func(t *testing.T) {
		tests := []struct {
			name  string
			match map[string]string
			want  float64
		}{
			{"interactions_total", nil, 10},
			{"pings", map[string]string{"kind": "ping"}, 2},
			{"autocompletes", map[string]string{"kind": "autocomplete"}, 2},
			{"finds", map[string]string{"kind": "command", "command": "find"}, 6},
		}
		for _, tt := range tests {
			if got := sumSamples(t, m.registry(), "articlebot_interactions_total", tt.match); got != tt.want {
				t.Errorf("%s: articlebot_interactions_total%v = %v, want %v", tt.name, tt.match, got, tt.want)
			}
			if tt.match["command"] == "" {
				if got := sumSamples(t, m.registry(), "articlebot_interaction_duration_seconds", tt.match); got != tt.want {
					t.Errorf("%s: articlebot_interaction_duration_seconds%v count = %v, want %v", tt.name, tt.match, got, tt.want)
				}
			}
		}
	})
}

// TestMetricsArticleQuotations checks that a bot made with metrics reports
// how many direct quotations its article holds and how many of them the
// engine could give no speaker, counting a quotation that runs on over
// paragraphs or that its attribution splits once.
func TestMetricsArticleQuotations(t *testing.T) {
	tests := []struct {
		name               string
		body               string
		total, unattributd float64
	}{
		{
			name: "one unattributed",
			body: "The square filled up long before noon on Saturday.\n\n" +
				"\"We are not going home until they listen to us.\"\n\n" +
				"\"The bridge will open in May,\" said Mayor Jo Park. \"The tolls will go.\"\n",
			total: 2, unattributd: 1,
		},
		{
			name: "a quotation over two paragraphs, attributed",
			body: "Ferries stopped running at noon as the gale reached the harbour.\n\n" +
				"\"We have never closed the port for a whole day.\n\n" +
				"\"But nobody will sail in this,\" said harbourmaster Ines Rocha.\n",
			total: 1, unattributd: 0,
		},
		{
			name:  "no quotation",
			body:  "The library will open an hour later on Sundays from next month.\n",
			total: 0, unattributd: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMetrics()
			if _, err := New(mustParse(t, tt.body), WithMetrics(m)); err != nil {
				t.Fatal(err)
			}
			if got := testutil.ToFloat64(m.quotations); got != tt.total {
				t.Errorf("articlebot_article_quotations = %v, want %v", got, tt.total)
			}
			if got := testutil.ToFloat64(m.unattributed); got != tt.unattributd {
				t.Errorf("articlebot_article_unattributed_quotations = %v, want %v", got, tt.unattributd)
			}
		})
	}

	// The seed attributes every quotation, and /metrics serves the gauges.
	m := NewMetrics()
	if _, err := New(nil, WithMetrics(m)); err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	m.Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := w.Body.String()
	if !strings.Contains(body, "\narticlebot_article_unattributed_quotations 0\n") {
		t.Errorf("/metrics of a bot about the seed lacks articlebot_article_unattributed_quotations 0:\n%s", body)
	}
	if got := testutil.ToFloat64(m.quotations); got < 5 {
		t.Errorf("articlebot_article_quotations of the seed = %v, want the five or more it quotes", got)
	}
}

// TestMetricsArticleQuotationsFollowReload checks that the quotation gauges
// describe the article a reload puts in place, and stay as they were when a
// reload is refused.
func TestMetricsArticleQuotationsFollowReload(t *testing.T) {
	m := NewMetrics()
	b, err := New(mustParse(t, "The library will open an hour later on Sundays from next month.\n"), WithMetrics(m))
	if err != nil {
		t.Fatal(err)
	}
	next := mustParse(t, "The square filled up long before noon on Saturday.\n\n"+
		"\"We are not going home until they listen to us.\"\n\n"+
		"\"The bridge will open in May,\" said Mayor Jo Park.\n")
	if _, err := b.Reload(context.Background(), func(context.Context) (*article.Article, error) { return next, nil }); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		if got := testutil.ToFloat64(m.quotations); got != 2 {
			t.Errorf("%s: articlebot_article_quotations = %v, want 2", when, got)
		}
		if got := testutil.ToFloat64(m.unattributed); got != 1 {
			t.Errorf("%s: articlebot_article_unattributed_quotations = %v, want 1", when, got)
		}
	}
	check("after a reload")
	if _, err := b.Reload(context.Background(), func(context.Context) (*article.Article, error) {
		return nil, errors.New("the file is gone")
	}); err == nil {
		t.Fatal("a reload whose load fails succeeded")
	}
	check("after a refused reload")
}

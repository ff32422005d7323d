package bot

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics counts what the bot and its HTTP endpoint did, for Prometheus. It
// is the bot's [Observer] (pass it to [WithObserver]) and is shared with the
// interactions endpoint, so the gateway and HTTP modes report the same
// series. It keeps its own registry rather than the global one. A nil
// *Metrics counts nothing.
//
// The series, all under the prefix "articlebot_":
//
//   - interactions_total{command,kind,result}: interactions answered, by
//     command ("none" when the interaction named no known command), kind
//     ("command", "autocomplete", "component", "ping", "unknown", and
//     "mention" for the messages that ask the bot a question, answered as
//     command "ask") and result ("ok", "user_error", "internal_error").
//   - interaction_duration_seconds{kind}: how long the bot took to answer.
//   - signature_failures_total{reason}: interaction requests refused for
//     their signature: "missing", "malformed", "expired", "future" or
//     "invalid".
//   - http_interaction_replies_total{code}: replies of the interactions
//     endpoint by HTTP status code.
//   - gateway_delivery_failures_total{kind}: answers the gateway mode
//     worked out but could not post to Discord, by kind: "interaction" for
//     an interaction's callback, "mention" for the reply to a mention.
//     Count them by passing the metrics to [WithMetrics].
//   - article_reloads_total{result}: reloads of the article (see
//     [Bot.Reload]), by result: "ok", or "error" for a reload that left
//     the bot answering from the article it had.
//   - article_loaded_timestamp_seconds: when the bot began answering from
//     the article it answers from, at start-up or at the last successful
//     reload, in seconds since the Unix epoch.
//   - article_quotations: the direct quotations of the article the bot
//     answers about, each utterance once (a quotation that runs on over
//     several paragraphs counts once), attributed or not.
//   - article_unattributed_quotations: those of them whose speaker the
//     engine could not tell, which /quote shows under no one. A high share
//     means the bot is failing its users on this article.
//
// The two quotation gauges describe the article the bot answers from: the
// one it was made with, then each one a reload puts in its place.
//
// The registry also holds the Go runtime and process collectors.
type Metrics struct {
	reg          *prometheus.Registry
	interactions *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	sigFailures  *prometheus.CounterVec
	replies      *prometheus.CounterVec
	undelivered  *prometheus.CounterVec
	reloads      *prometheus.CounterVec
	loadedAt     prometheus.Gauge
	quotations   prometheus.Gauge
	unattributed prometheus.Gauge

	// The endpoint's counters, looked up once rather than per request.
	sigFailure map[string]prometheus.Counter
	reply      map[int]prometheus.Counter

	// The series of outcomes seen so far, so that counting one costs a map
	// lookup rather than hashing its labels.
	mu       sync.RWMutex
	outcomes map[outcomeKey]prometheus.Counter
	kinds    map[string]prometheus.Observer
}

// outcomeKey names one series of interactions_total.
type outcomeKey struct{ command, kind, result string }

// reloadResults are the results of a reload of the article.
var reloadResults = []string{"ok", "error"}

// deliveryKinds are the kinds of answer the gateway mode posts.
var deliveryKinds = []string{"interaction", "mention"}

// replyCodes are the status codes the interactions endpoint answers with.
var replyCodes = []int{
	http.StatusOK, http.StatusBadRequest, http.StatusUnauthorized, http.StatusMethodNotAllowed,
	http.StatusRequestEntityTooLarge, http.StatusInternalServerError, http.StatusServiceUnavailable,
}

var _ Observer = (*Metrics)(nil)

// NewMetrics returns metrics registered on a new registry of their own.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg:      prometheus.NewRegistry(),
		outcomes: make(map[outcomeKey]prometheus.Counter),
		kinds:    make(map[string]prometheus.Observer),
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "articlebot",
			Name:      "interactions_total",
			Help:      "Interactions answered, by command, kind and result.",
		}, []string{"command", "kind", "result"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "articlebot",
			Name:      "interaction_duration_seconds",
			Help:      "Time the bot took to answer an interaction, by kind.",
			Buckets:   []float64{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5},
		}, []string{"kind"}),
		sigFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "articlebot",
			Name:      "signature_failures_total",
			Help:      "Interaction requests refused for their signature, by reason.",
		}, []string{"reason"}),
		replies: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "articlebot",
			Name:      "http_interaction_replies_total",
			Help:      "Replies of the HTTP interactions endpoint, by status code.",
		}, []string{"code"}),
		undelivered: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "articlebot",
			Name:      "gateway_delivery_failures_total",
			Help:      "Answers the gateway mode could not post to Discord, by kind.",
		}, []string{"kind"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "articlebot",
			Name:      "article_reloads_total",
			Help:      "Reloads of the article, by result: ok, or error when the bot kept the article it had.",
		}, []string{"result"}),
		loadedAt: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: "articlebot",
			Name:      "article_loaded_timestamp_seconds",
			Help:      "When the bot began answering from its current article, in seconds since the Unix epoch.",
		}),
		quotations: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: "articlebot",
			Name:      "article_quotations",
			Help:      "Direct quotations in the loaded article, each utterance once, attributed or not.",
		}),
		unattributed: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: "articlebot",
			Name:      "article_unattributed_quotations",
			Help:      "Direct quotations in the loaded article whose speaker the engine could not tell, shown under no one.",
		}),
	}
	m.reg.MustRegister(
		m.interactions, m.latency, m.sigFailures, m.replies, m.undelivered, m.reloads, m.loadedAt,
		m.quotations, m.unattributed,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	// Every reason and status is reported from the start, at zero, so that
	// alerts on their rates work before the first occurrence.
	m.sigFailure = make(map[string]prometheus.Counter, len(sigReasons))
	for _, reason := range sigReasons {
		m.sigFailure[reason] = m.sigFailures.WithLabelValues(reason)
	}
	m.reply = make(map[int]prometheus.Counter, len(replyCodes))
	for _, code := range replyCodes {
		m.reply[code] = m.replies.WithLabelValues(strconv.Itoa(code))
	}
	for _, kind := range deliveryKinds {
		m.undelivered.WithLabelValues(kind)
	}
	for _, result := range reloadResults {
		m.reloads.WithLabelValues(result)
	}
	return m
}

// Observe counts one answered interaction and its latency.
func (m *Metrics) Observe(o Outcome) {
	if m == nil {
		return
	}
	command := o.Command
	if command == "" {
		command = "none"
	}
	key := outcomeKey{command, o.Kind, o.Result}
	m.mu.RLock()
	c, okC := m.outcomes[key]
	h, okH := m.kinds[o.Kind]
	m.mu.RUnlock()
	if !okC || !okH {
		c = m.interactions.WithLabelValues(command, o.Kind, o.Result)
		h = m.latency.WithLabelValues(o.Kind)
		m.mu.Lock()
		m.outcomes[key], m.kinds[o.Kind] = c, h
		m.mu.Unlock()
	}
	c.Inc()
	h.Observe(o.Latency.Seconds())
}

// describeArticle sets the article gauges to what the engine read of a.
func (m *Metrics) describeArticle(a *article.Article) {
	if m == nil || a == nil {
		return
	}
	attributed := 0
	for _, q := range a.Quotes() {
		if q.Kind == article.Direct && !q.Continued {
			attributed++
		}
	}
	unattributed := article.Utterances(a.Unattributed())
	m.quotations.Set(float64(attributed + unattributed))
	m.unattributed.Set(float64(unattributed))
}

// registry returns the registry the metrics are kept in.
func (m *Metrics) registry() *prometheus.Registry {
	if m == nil {
		return nil
	}
	return m.reg
}

// Handler returns an http.Handler that serves the metrics in the Prometheus
// exposition format.
func (m *Metrics) Handler() http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

func (m *Metrics) countSignatureFailure(reason string) {
	if m == nil {
		return
	}
	if c, ok := m.sigFailure[reason]; ok {
		c.Inc()
		return
	}
	m.sigFailures.WithLabelValues(reason).Inc()
}

func (m *Metrics) countReply(code int) {
	if m == nil {
		return
	}
	if c, ok := m.reply[code]; ok {
		c.Inc()
		return
	}
	m.replies.WithLabelValues(strconv.Itoa(code)).Inc()
}

// countDeliveryFailure counts an answer of the given kind that the gateway
// could not post.
func (m *Metrics) countDeliveryFailure(kind string) {
	if m == nil {
		return
	}
	m.undelivered.WithLabelValues(kind).Inc()
}

// countReload counts a reload of the article that succeeded (ok) or failed.
func (m *Metrics) countReload(ok bool) {
	if m == nil {
		return
	}
	result := reloadResults[1]
	if ok {
		result = reloadResults[0]
	}
	m.reloads.WithLabelValues(result).Inc()
}

// articleLoaded records that the bot began answering from article a at t,
// and sets the quotation gauges to what the engine read of it.
func (m *Metrics) articleLoaded(a *article.Article, t time.Time) {
	if m == nil {
		return
	}
	m.loadedAt.Set(float64(t.UnixNano()) / 1e9)
	m.describeArticle(a)
}

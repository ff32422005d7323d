package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Gateway delivers the bot's answers to interactions that arrive over a
// Discord gateway session. It is the only place where a *discordgo.Session
// meets the bot: it asks [Bot.Respond] for the answer and posts it with the
// session's interaction callback.
//
// Every interaction is answered on its own goroutine, so a slow delivery
// never holds up another interaction. [Gateway.Shutdown] stops taking new
// interactions and waits for the answers in flight.
//
// The bot logs each interaction it answers; the Gateway logs only what goes
// wrong around it: failed deliveries and interactions dropped during
// shutdown.
type Gateway struct {
	bot     *Bot
	log     *slog.Logger
	timeout time.Duration

	mu       sync.Mutex // guards stopping and the calls to inflight.Add
	stopping bool
	inflight sync.WaitGroup
	pending  atomic.Int64 // answers started and not yet finished

	ctx    context.Context // parent of every answer's context
	cancel context.CancelFunc

	mentions *Mentions // answers mentions given to HandleMessage
	metrics  *Metrics  // counts failed deliveries; nil counts nothing
}

// NewGateway returns a gateway adapter that answers with b, spends at
// most the answer timeout (see [WithAnswerTimeout]) on each interaction,
// reports delivery failures to b's logger and counts them in b's metrics
// (see [WithMetrics]). A nil b answers about the embedded article.
func NewGateway(b *Bot) *Gateway {
	if b == nil {
		b = defaultBot()
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Gateway{
		bot: b, log: b.log, timeout: b.cfg.answerTimeout, ctx: ctx, cancel: cancel,
		mentions: NewMentions(b), metrics: b.cfg.metrics,
	}
}

// responder is the part of a session the gateway needs: REST requests
// through the session's client, with discordgo's handling of rate limits.
type responder interface {
	// RequestWithBucketID sends a request in the session's rate-limit
	// bucket bucketID, which the session keeps for the requests after it.
	RequestWithBucketID(method, urlStr string, data any, bucketID string, options ...discordgo.RequestOption) ([]byte, error)
	// RequestWithLockedBucket sends a request in bucket, which the caller
	// has locked.
	RequestWithLockedBucket(method, urlStr, contentType string, b []byte, bucket *discordgo.Bucket, sequence int, options ...discordgo.RequestOption) ([]byte, error)
}

var _ responder = (*discordgo.Session)(nil)

// Handle answers one interaction. Register it with
// (*discordgo.Session).AddHandler. It returns at once and answers on a
// goroutine of its own; once [Gateway.Shutdown] has begun it drops new
// interactions instead.
func (g *Gateway) Handle(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if s == nil || ic == nil || ic.Interaction == nil {
		return
	}
	g.dispatch(s, ic.Interaction)
}

// dispatch starts answering i through r and reports whether it did; it does
// not when the gateway is shutting down.
func (g *Gateway) dispatch(r responder, i *discordgo.Interaction) bool {
	return g.start("an interaction", []any{"interaction_id", i.ID, "interaction_type", i.Type.String()}, func(ctx context.Context) {
		g.answer(ctx, r, i)
	})
}

// start runs work on a goroutine of its own, which [Gateway.Shutdown] waits
// for, with a context that ends after the answer timeout or when Shutdown
// gives up. It reports whether it did: once Shutdown has begun it drops the
// work instead and logs that what, described with attrs, is not answered.
// A panic in work, which can only come from the delivery since the bot's
// pipeline does not panic, is logged, not propagated.
func (g *Gateway) start(what string, attrs []any, work func(ctx context.Context)) bool {
	g.mu.Lock()
	if g.stopping {
		g.mu.Unlock()
		g.log.Warn("not answering "+what+": shutting down", attrs...)
		return false
	}
	g.inflight.Add(1)
	g.pending.Add(1)
	g.mu.Unlock()

	go func() {
		defer g.inflight.Done()
		defer g.pending.Add(-1)
		ctx, cancel := context.WithTimeout(g.ctx, g.timeout)
		defer cancel()
		if stack, err := protect(func() error { work(ctx); return nil }); err != nil {
			g.log.Error("panic while answering "+what,
				append(attrs[:len(attrs):len(attrs)], "err", err, "stack", string(stack))...)
		}
	}()
	return true
}

// answer computes the response to i and POSTs it to i's callback as
// MarshalResponse writes it, which keeps the choice list of an empty
// autocomplete answer that (*discordgo.Session).InteractionRespond would
// drop.
func (g *Gateway) answer(ctx context.Context, r responder, i *discordgo.Interaction) {
	body, err := MarshalResponse(g.bot.Respond(ctx, i))
	if err == nil {
		err = postOnce(ctx, r, discordgo.EndpointInteractionResponse(i.ID, i.Token), body)
	}
	if err != nil {
		g.metrics.countDeliveryFailure("interaction")
		g.log.Error("delivering an answer failed",
			"interaction_id", i.ID, "interaction_type", i.Type.String(),
			"command", commandName(i), "err", RedactURLTokens(err.Error()))
	}
}

// postOnce POSTs the JSON body to endpoint, a URL that takes one request
// only, such as an interaction's callback. The request goes through a
// rate-limit bucket of its own, in which discordgo retries it after a 429,
// rather than through one of the session's buckets, which the session keeps
// for good: one per interaction for as long as the process runs, each
// holding the interaction's token.
func postOnce(ctx context.Context, r responder, endpoint string, body []byte) error {
	bucket := discordgo.NewRatelimiter().LockBucket(endpoint)
	_, err := r.RequestWithLockedBucket(http.MethodPost, endpoint, "application/json", body, bucket, 0, discordgo.WithContext(ctx))
	return err
}

// Shutdown stops taking new interactions and mentions and waits until the
// answers in flight are delivered or ctx is done, whichever comes first.
// When ctx ends first it cancels the answers still in flight and returns an
// error saying how many there were, without waiting for them further.
// Shutdown may be called more than once.
func (g *Gateway) Shutdown(ctx context.Context) error {
	g.mu.Lock()
	g.stopping = true
	g.mu.Unlock()

	done := make(chan struct{})
	go func() {
		g.inflight.Wait()
		close(done)
	}()
	select {
	case <-done:
		g.cancel()
		return nil
	case <-ctx.Done():
		n := g.pending.Load()
		g.cancel()
		return fmt.Errorf("gave up waiting for %d answer(s) in flight: %w", n, ctx.Err())
	}
}

// commandName returns the name of the command i invokes, or "" when i is not
// a command or autocomplete interaction.
func commandName(i *discordgo.Interaction) string {
	data, _ := commandData(i)
	return data.Name
}

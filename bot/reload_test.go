package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// Two articles for the reload tests, each quoting people and each with
// words that match several paragraphs, so that /find has pages and /ask
// has answers with buttons.
const (
	ferryArticle = `---
title: "Ferry service to return to the old harbour"
publication: "The Coast Courier"
date: "2024-03-02"
---
The council voted on Tuesday to bring back a ferry between the old harbour and the island, ending a gap of eleven years.

"People on the island have waited long enough," said Mara Lind, who chairs the council's transport committee.

The ferry will sail every hour in summer and every two hours in winter, the council said.

Harbour master Tomas Reed said the pier needed new railings before the first crossing. "We will be ready by June," he said.

Some residents worry about parking near the harbour. Ana Petrov, who runs a bakery on the quay, said the council had not explained where visitors would leave their cars.

The first crossing is planned for the second week of June.
`
	railwayArticle = `---
title: "Mountain railway reopens after storm repairs"
publication: "Valley Post"
date: "2024-05-10"
---
The mountain railway reopened on Saturday after three months of repairs to track damaged in the January storm.

"The engineers worked through the snow to get us here," said Ilse Brandt, the railway's director.

Trains will run four times a day until the autumn, the operator said.

The council paid for part of the repairs. Councillor Omar Haddad said the railway brought thousands of visitors to the valley each year.

Hikers welcomed the news. "It saves us a long climb," said Jonas Weber, who leads walking tours.

A new timetable will be posted at the valley station, the council said.

Tickets can be bought on the train or online.
`
)

// loadOf returns a load function for Reload that gives a.
func loadOf(a *article.Article) func(context.Context) (*article.Article, error) {
	return func(context.Context) (*article.Article, error) { return a, nil }
}

// mustReload reloads b with a and fails the test if that fails.
func mustReload(t *testing.T, b *Bot, a *article.Article) {
	t.Helper()
	if _, err := b.Reload(context.Background(), loadOf(a)); err != nil {
		t.Fatalf("Reload() = %v", err)
	}
}

// nextButton returns the custom_id of the enabled Next button of a /find
// answer, failing the test when it has none.
func nextButton(t *testing.T, r *discordgo.InteractionResponse) string {
	t.Helper()
	ids := buttonIDs(r)
	if len(ids) != 2 {
		t.Fatalf("/find answered with buttons %q, want Previous and Next: %s", ids, PlainText(r))
	}
	return ids[1]
}

func findQuery(q string) *discordgo.Interaction {
	return slash("find", opt("query", discordgo.ApplicationCommandOptionString, q))
}

func TestStampOf(t *testing.T) {
	base := mustParse(t, ferryArticle)
	same := mustParse(t, ferryArticle)
	if stampOf(base) != stampOf(same) {
		t.Errorf("stampOf() differs for two loads of one text: %q, %q", stampOf(base), stampOf(same))
	}
	if s := stampOf(base); !isStamp(s) {
		t.Errorf("stampOf() = %q, want %d characters of base64url", s, stampLen)
	}
	tests := []struct {
		name string
		text string
	}{
		{"another article", railwayArticle},
		{"one word changed", strings.Replace(ferryArticle, "eleven years", "twelve years", 1)},
		{"paragraphs split differently", strings.Replace(ferryArticle, "island, ending", "island,\n\nending", 1)},
		{"another title", strings.Replace(ferryArticle, "Ferry service to return", "Ferry service returns", 1)},
		{"another date", strings.Replace(ferryArticle, "2024-03-02", "2024-03-03", 1)},
		{"an editor's summary", strings.Replace(ferryArticle, "date: \"2024-03-02\"\n", "date: \"2024-03-02\"\nsummary:\n  - text: \"The ferry returns.\"\n    paragraphs: [1]\n", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a, b := stampOf(base), stampOf(mustParse(t, tt.text)); a == b {
				t.Errorf("stampOf() = %q for both articles, want different stamps", a)
			}
		})
	}
}

// TestReload checks that a reload replaces the article the bot answers
// from, and that a reload that fails keeps the old one, is counted and is
// reported at /readyz until a reload succeeds.
func TestReload(t *testing.T) {
	ferry, railway := mustParse(t, ferryArticle), mustParse(t, railwayArticle)
	clock := newFakeClock()
	m := NewMetrics()
	b := mustNew(ferry, WithMetrics(m), withClock(clock.Now))
	ops := NewOpsMux(b)

	about := func() string {
		t.Helper()
		return PlainText(b.Respond(context.Background(), slash("about")))
	}
	readyz := func() (int, string) {
		t.Helper()
		rec := httptest.NewRecorder()
		ops.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		body, _ := io.ReadAll(rec.Body)
		return rec.Code, string(body)
	}
	checkCounts := func(ok, failed float64) {
		t.Helper()
		if got := testutil.ToFloat64(m.reloads.WithLabelValues("ok")); got != ok {
			t.Errorf("article_reloads_total{result=ok} = %v, want %v", got, ok)
		}
		if got := testutil.ToFloat64(m.reloads.WithLabelValues("error")); got != failed {
			t.Errorf("article_reloads_total{result=error} = %v, want %v", got, failed)
		}
	}
	checkLoaded := func(at time.Time) {
		t.Helper()
		if got, want := testutil.ToFloat64(m.loadedAt), float64(at.Unix()); got != want {
			t.Errorf("article_loaded_timestamp_seconds = %v, want %v", got, want)
		}
	}

	checkCounts(0, 0)
	checkLoaded(clock.Now())
	if code, body := readyz(); code != http.StatusOK || body != "ready: article of 6 paragraphs, loaded 2025-03-01T12:00:00Z, fingerprint "+stampOf(ferry)+"\n" {
		t.Errorf("/readyz before any reload = %d %q, want 200 and the ferry article", code, body)
	}

	clock.Advance(time.Hour)
	ferryPrint := b.Fingerprint()
	got, err := b.Reload(context.Background(), loadOf(railway))
	if err != nil || got.After != railway || got.Before != ferry {
		t.Fatalf("Reload(railway) = %+v, %v; want the ferry article before and the railway article after", got, err)
	}
	if got.BeforeFingerprint != ferryPrint || got.AfterFingerprint != stampOf(railway) || got.Same() {
		t.Errorf("Reload(railway) fingerprints = %q, %q, want %q, %q", got.BeforeFingerprint, got.AfterFingerprint, ferryPrint, stampOf(railway))
	}
	if b.Fingerprint() != stampOf(railway) {
		t.Errorf("Fingerprint() after the reload = %q, want the railway article's %q", b.Fingerprint(), stampOf(railway))
	}
	if b.Article() != railway {
		t.Errorf("Article() after the reload is not the railway article")
	}
	if text := about(); !strings.Contains(text, "Mountain railway reopens") || strings.Contains(text, "Ferry") {
		t.Errorf("/about after the reload = %s, want the railway article", text)
	}
	checkCounts(1, 0)
	checkLoaded(clock.Now())
	if code, body := readyz(); code != http.StatusOK || body != "ready: article of 7 paragraphs, loaded 2025-03-01T13:00:00Z, fingerprint "+stampOf(railway)+"\n" {
		t.Errorf("/readyz after the reload = %d %q, want 200 and the railway article", code, body)
	}

	// A file that cannot be used: the railway article keeps answering.
	clock.Advance(time.Minute)
	broken := errors.New("cannot use the article file: the article is empty")
	if _, err := b.Reload(context.Background(), func(context.Context) (*article.Article, error) { return nil, broken }); !errors.Is(err, broken) {
		t.Errorf("Reload(broken) = %v, want %v", err, broken)
	}
	if _, err := b.Reload(context.Background(), func(context.Context) (*article.Article, error) { return nil, nil }); err == nil {
		t.Errorf("Reload(no article) = nil, want an error")
	}
	if b.Article() != railway {
		t.Errorf("Article() after a failed reload is not the railway article")
	}
	if text := about(); !strings.Contains(text, "Mountain railway reopens") {
		t.Errorf("/about after a failed reload = %s, want the railway article", text)
	}
	checkCounts(1, 2)
	checkLoaded(clock.Now().Add(-time.Minute))
	if code, body := readyz(); code != http.StatusOK ||
		body != "ready: article of 7 paragraphs, loaded 2025-03-01T13:00:00Z, fingerprint "+stampOf(railway)+"; the reload at 2025-03-01T13:01:00Z failed, so this article still answers (the log says why)\n" {
		t.Errorf("/readyz after a failed reload = %d %q, want 200 saying the reload failed", code, body)
	}

	// A reload stopped by shutdown is no failure.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := b.Reload(ctx, func(ctx context.Context) (*article.Article, error) { return nil, ctx.Err() }); !errors.Is(err, context.Canceled) {
		t.Errorf("Reload(cancelled) = %v, want %v", err, context.Canceled)
	}
	checkCounts(1, 2)

	// While a reload runs, the bot is ready with the article it has, and
	// /readyz says since when the reload runs. The reload succeeds.
	clock.Advance(time.Minute)
	var during string
	var duringCode int
	if _, err := b.Reload(context.Background(), func(context.Context) (*article.Article, error) {
		duringCode, during = readyz()
		return ferry, nil
	}); err != nil {
		t.Fatalf("Reload(ferry) = %v", err)
	}
	if want := "ready: article of 7 paragraphs, loaded 2025-03-01T13:00:00Z, fingerprint " + stampOf(railway) +
		"; the reload at 2025-03-01T13:01:00Z failed, so this article still answers (the log says why)" +
		"; reloading since 2025-03-01T13:02:00Z, and this article answers until the new one is loaded\n"; duringCode != http.StatusOK || during != want {
		t.Errorf("/readyz during a reload = %d %q, want 200 %q", duringCode, during, want)
	}

	// A reload that succeeds clears the report of the failure.
	checkCounts(2, 2)
	if code, body := readyz(); code != http.StatusOK || body != "ready: article of 6 paragraphs, loaded 2025-03-01T13:02:00Z, fingerprint "+stampOf(ferry)+"\n" {
		t.Errorf("/readyz after a reload that succeeded = %d %q, want 200 and the ferry article", code, body)
	}
	const want = `
# HELP articlebot_article_loaded_timestamp_seconds When the bot began answering from its current article, in seconds since the Unix epoch.
# TYPE articlebot_article_loaded_timestamp_seconds gauge
articlebot_article_loaded_timestamp_seconds 1.74083412e+09
# HELP articlebot_article_reloads_total Reloads of the article, by result: ok, or error when the bot kept the article it had.
# TYPE articlebot_article_reloads_total counter
articlebot_article_reloads_total{result="error"} 2
articlebot_article_reloads_total{result="ok"} 2
`
	if err := testutil.GatherAndCompare(m.registry(), strings.NewReader(want), "articlebot_article_reloads_total", "articlebot_article_loaded_timestamp_seconds"); err != nil {
		t.Errorf("the reload series: %v", err)
	}
}

// TestReloadCommands checks that the bot registers the commands of the
// article it answers from, and that a reload whose commands cannot be
// built keeps the old article.
func TestReloadCommands(t *testing.T) {
	ferry, railway := mustParse(t, ferryArticle), mustParse(t, railwayArticle)
	// Commands whose definitions name the article, and that cannot be
	// built for an article without a title.
	titled := func(e *Bot) []*command {
		cmds := e.builtins()
		about := *cmds[4]
		if about.def.Name != "about" {
			t.Fatalf("command 4 is %q, want about", about.def.Name)
		}
		about.def = slashCommand("about", truncate("About "+e.art.Meta.Title, limitCommandDesc))
		if e.art.Meta.Title == "" {
			about.def = slashCommand("about", "")
		}
		cmds[4] = &about
		return cmds
	}
	b := mustNew(ferry, withCommands(titled))
	descOf := func() string {
		for _, d := range b.Commands() {
			if d.Name == "about" {
				return d.Description
			}
		}
		t.Fatal("no /about among the commands")
		return ""
	}
	if got := descOf(); got != "About Ferry service to return to the old harbour" {
		t.Errorf("/about's description = %q, want the ferry article's", got)
	}
	mustReload(t, b, railway)
	if got := descOf(); got != "About Mountain railway reopens after storm repairs" {
		t.Errorf("/about's description after the reload = %q, want the railway article's", got)
	}
	untitled := mustParse(t, "A paragraph with no title above it.\n")
	if _, err := b.Reload(context.Background(), loadOf(untitled)); err == nil {
		t.Fatal("Reload(article whose commands break Discord's rules) = nil, want an error")
	}
	if b.Article() != railway || descOf() != "About Mountain railway reopens after storm repairs" {
		t.Errorf("a reload whose commands could not be built changed the article or the commands")
	}
}

// TestReloadsOneAtATime checks that reloads asked for together run one
// after the other.
func TestReloadsOneAtATime(t *testing.T) {
	ferry, railway := mustParse(t, ferryArticle), mustParse(t, railwayArticle)
	b := mustNew(ferry)
	var active, most atomic.Int32
	load := func(a *article.Article) func(context.Context) (*article.Article, error) {
		return func(context.Context) (*article.Article, error) {
			n := active.Add(1)
			defer active.Add(-1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(time.Millisecond)
			return a, nil
		}
	}
	var wg sync.WaitGroup
	for k := range 8 {
		a := ferry
		if k%2 == 1 {
			a = railway
		}
		wg.Go(func() {
			if _, err := b.Reload(context.Background(), load(a)); err != nil {
				t.Errorf("Reload() = %v", err)
			}
		})
	}
	wg.Wait()
	if n := most.Load(); n != 1 {
		t.Errorf("%d loads ran at once, want 1", n)
	}
}

// TestButtonsAfterReload checks that the buttons of an answer given before
// a reload do not answer from the new article: a click gets a private
// message saying that the article has changed. Buttons drawn from the same
// text, reloaded again, keep working.
func TestButtonsAfterReload(t *testing.T) {
	ferry, railway := mustParse(t, ferryArticle), mustParse(t, railwayArticle)
	rec := &recorder{}
	b := mustNew(ferry, WithObserver(rec))

	next := nextButton(t, b.Respond(context.Background(), findQuery("said")))
	show := buttonIDs(b.Respond(context.Background(), askQuestion("who chairs the transport committee?")))
	if len(show) == 0 {
		t.Fatal("/ask on the ferry article has no Show paragraph button")
	}
	reply, ok := NewMentions(b).Reply(context.Background(), mentionMessage("9", "<@"+testSelf+"> who chairs the transport committee?", testBotUser), testSelf)
	if !ok {
		t.Fatal("the mention got no reply")
	}
	var mentionShow []string
	for _, row := range reply.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			mentionShow = append(mentionShow, c.(discordgo.Button).CustomID)
		}
	}
	if len(mentionShow) == 0 {
		t.Fatal("the reply to a mention has no Show paragraph button")
	}
	clicks := map[string]string{"Next on /find": next, "Show paragraph on /ask": show[0], "Show paragraph on a mention's reply": mentionShow[0]}

	for name, id := range clicks {
		if r := b.Respond(context.Background(), click(id)); rec.last(t).Result != resultOK {
			t.Errorf("%s before the reload = %s, want an answer", name, PlainText(r))
		}
	}

	mustReload(t, b, railway)
	for name, id := range clicks {
		t.Run(name, func(t *testing.T) {
			r := b.Respond(context.Background(), click(id))
			if err := checkResponse(r); err != nil {
				t.Fatalf("the answer breaks Discord's rules: %v", err)
			}
			if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("click(%q) answered with type %d, flags %d; want a new private message", id, r.Type, r.Data.Flags)
			}
			if text := PlainText(r); !strings.Contains(text, "made from another version of the article") || strings.Contains(text, "railway") {
				t.Errorf("click(%q) after the reload = %s, want it to say the answer is from another version of the article", id, text)
			}
			if got := rec.last(t).Result; got != resultUser {
				t.Errorf("click(%q) outcome = %q, want %q", id, got, resultUser)
			}
		})
	}

	// The railway article's own buttons work.
	if r := b.Respond(context.Background(), click(nextButton(t, b.Respond(context.Background(), findQuery("said"))))); r.Type != discordgo.InteractionResponseUpdateMessage {
		t.Errorf("Next on /find after the reload = %s, want page 2", PlainText(r))
	}

	// The same text loaded again answers the buttons drawn from it.
	mustReload(t, b, mustParse(t, ferryArticle))
	if r := b.Respond(context.Background(), click(next)); r.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(PlainText(r), "Page 2 of") {
		t.Errorf("Next on /find with the ferry article loaded again = %s, want page 2", PlainText(r))
	}
}

// TestStampedButtons checks the custom_ids the bot sends and takes.
func TestStampedButtons(t *testing.T) {
	b := mustNew(mustParse(t, ferryArticle))
	stamp := b.current().stamp
	for _, id := range buttonIDs(b.Respond(context.Background(), findQuery("said"))) {
		if !strings.HasPrefix(id, "find:"+stamp+":") {
			t.Errorf("/find button custom_id = %q, want it to open with find:%s:", id, stamp)
		}
	}
	tests := []struct {
		id, want string
	}{
		{"find:2:said", "out of date or damaged"},
		{"ask:para:1", "out of date or damaged"},
		{"find:" + stamp, "out of date or damaged"},
		{"find:" + stamp + "x:2:said", "out of date or damaged"},
		{"find:AAAAAA:2:said", "another version of the article"},
		{"ask:AAAAAA:para:1", "another version of the article"},
		{"find:" + stamp + ":x", "out of date or damaged"},
		{"find:" + stamp + ":2:said", "Page 2 of 2"},
		{"ask:" + stamp + ":para:1", "The council voted on Tuesday"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r := b.Respond(context.Background(), click(tt.id))
			if text := PlainText(r); !strings.Contains(text, tt.want) {
				t.Errorf("click(%q) = %s, want it to hold %q", tt.id, text, tt.want)
			}
		})
	}
}

// TestReloadInFlight checks that requests in flight during a reload finish
// on the article they started with, content and buttons alike, while the
// requests that arrive after it get the new one.
func TestReloadInFlight(t *testing.T) {
	ferry, railway := mustParse(t, ferryArticle), mustParse(t, railwayArticle)
	const inFlight = 16
	started := make(chan struct{}, inFlight)
	release := make(chan struct{})
	// /slow reads the article, waits to be released, reads it again and
	// answers with a button.
	slow := func(e *Bot) []*command {
		return append(e.builtins(), &command{
			def: slashCommand("slow", "Names the article, slowly."),
			run: func(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
				title := e.art.Meta.Title
				started <- struct{}{}
				<-release
				r := message(nil, []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.Button{Label: "Again", Style: discordgo.SecondaryButton, CustomID: "slow:again"},
				}}})
				r.Data.Content = fmt.Sprintf("%s, %d paragraphs", title, len(e.art.Paragraphs))
				return r, nil
			},
			prefix: "slow",
			component: func(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
				return ephemeral(e.art.Meta.Title), nil
			},
		})
	}
	b := mustNew(ferry, withCommands(slow))
	ferryStamp := b.current().stamp

	answers := make(chan *discordgo.InteractionResponse, inFlight)
	for range inFlight {
		go func() { answers <- b.Respond(context.Background(), slash("slow")) }()
	}
	for range inFlight {
		<-started
	}
	mustReload(t, b, railway)
	// The reload is done while the requests are still in flight, and new
	// requests get the new article.
	if text := PlainText(b.Respond(context.Background(), slash("about"))); !strings.Contains(text, "Mountain railway") {
		t.Errorf("/about during the requests in flight = %s, want the railway article", text)
	}
	close(release)
	for range inFlight {
		r := <-answers
		if want := "Ferry service to return to the old harbour, 6 paragraphs"; r.Data.Content != want {
			t.Errorf("/slow in flight during the reload = %q, want %q", r.Data.Content, want)
		}
		if ids := buttonIDs(r); len(ids) != 1 || ids[0] != "slow:"+ferryStamp+":again" {
			t.Errorf("/slow in flight during the reload has buttons %q, want the ferry article's stamp %q", ids, ferryStamp)
		}
	}
	r := b.Respond(context.Background(), slash("slow"))
	if want := "Mountain railway reopens after storm repairs, 7 paragraphs"; r.Data.Content != want {
		t.Errorf("/slow after the reload = %q, want %q", r.Data.Content, want)
	}
	if text := PlainText(b.Respond(context.Background(), click("slow:"+ferryStamp+":again"))); !strings.Contains(text, "another version of the article") {
		t.Errorf("the button of an answer in flight during the reload = %s, want it to say the answer is from another version of the article", text)
	}
}

// TestReloadUnderLoad answers a mix of commands, buttons and mentions
// from several goroutines while the article is reloaded back and forth,
// and checks that every answer is exactly what a bot that only ever had
// one of the two articles gives. Run it with -race.
func TestReloadUnderLoad(t *testing.T) {
	ferry, railway := mustParse(t, ferryArticle), mustParse(t, railwayArticle)
	onlyFerry, onlyRailway := mustNew(ferry), mustNew(railway)
	b := mustNew(ferry)

	type request struct {
		name string
		in   *discordgo.Interaction
		msg  string // the question of a mention, when in is nil
	}
	requests := []request{
		{name: "/summary", in: slash("summary")},
		{name: "/about", in: slash("about")},
		{name: "/find said", in: findQuery("said")},
		{name: "/find council", in: findQuery("council")},
		{name: "/quote", in: slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, "Lind"))},
		{name: "/ask who", in: askQuestion("who runs the bakery on the quay?")},
		{name: "/ask when", in: askQuestion("when is the first crossing?")},
		{name: "autocomplete", in: autocomplete("quote", &discordgo.ApplicationCommandInteractionDataOption{
			Name: "speaker", Type: discordgo.ApplicationCommandOptionString, Value: "l", Focused: true})},
		{name: "mention", msg: "what did the council say?"},
	}
	for _, one := range []*Bot{onlyFerry, onlyRailway} {
		requests = append(requests,
			request{name: "Next of " + one.art.Meta.Title, in: click(nextButton(t, one.Respond(context.Background(), findQuery("said"))))})
		for _, id := range buttonIDs(one.Respond(context.Background(), askQuestion("what did the council say?"))) {
			requests = append(requests, request{name: "Show paragraph of " + one.art.Meta.Title, in: click(id)})
		}
	}

	answer := func(b *Bot, r request) string {
		var v any
		if r.in != nil {
			v = b.Respond(context.Background(), r.in)
		} else {
			// Each mention is answered by answerers of its own, whose
			// limit of one answer per channel lets it through.
			reply, ok := NewMentions(b).Reply(context.Background(), mentionMessage("7", "<@"+testSelf+"> "+r.msg, testBotUser), testSelf)
			if !ok {
				t.Errorf("the mention %q got no reply", r.msg)
			}
			v = reply
		}
		out, err := json.Marshal(v)
		if err != nil {
			t.Errorf("encoding the answer to %s: %v", r.name, err)
		}
		return string(out)
	}
	want := make([][2]string, len(requests))
	for k, r := range requests {
		want[k] = [2]string{answer(onlyFerry, r), answer(onlyRailway, r)}
		if want[k][0] == want[k][1] {
			t.Fatalf("%s answers alike on both articles, so it tells nothing", r.name)
		}
	}

	// Each worker answers at least rounds requests, and goes on until the
	// article has been reloaded minReloads times and answers have come
	// from both articles, or until it has answered maxRounds.
	const workers, rounds, minReloads, maxRounds = 4, 120, 20, 100000
	var fromFerry, fromRailway, reloads atomic.Int64
	stop := make(chan struct{})
	reloaded := make(chan struct{})
	go func() {
		defer close(reloaded)
		for n := 0; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			a := railway
			if n%2 == 1 {
				a = ferry
			}
			mustReload(t, b, a)
			reloads.Add(1)
		}
	}()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := 0; k < maxRounds; k++ {
				if k >= rounds && reloads.Load() >= minReloads && fromFerry.Load() > 0 && fromRailway.Load() > 0 {
					return
				}
				i := (w + k) % len(requests)
				r := requests[i]
				got := answer(b, r)
				switch got {
				case want[i][0]:
					fromFerry.Add(1)
				case want[i][1]:
					fromRailway.Add(1)
				default:
					t.Errorf("%s during reloads = %s\nwant what a bot with only one article answers:\n%s\nor\n%s", r.name, got, want[i][0], want[i][1])
					return
				}
			}
		})
	}
	wg.Wait()
	close(stop)
	<-reloaded
	n := reloads.Load()
	t.Logf("%d reloads; %d answers from the ferry article, %d from the railway article", n, fromFerry.Load(), fromRailway.Load())
	if n < minReloads || fromFerry.Load() == 0 || fromRailway.Load() == 0 {
		t.Errorf("%d reloads, %d and %d answers from each article: want at least %d reloads during the requests, and answers from both", n, fromFerry.Load(), fromRailway.Load(), minReloads)
	}
}

// TestOneEditionPerRequest checks the rule that keeps answers whole: only
// the entry points of a request read the current edition, once, and
// everything below them uses the edition they pass down. A handler that
// read the current article itself could mix two articles in one answer.
func TestOneEditionPerRequest(t *testing.T) {
	// The functions that may read the current edition, each once.
	allowed := map[string]bool{
		"Respond":     true, // every interaction
		"answer":      true, // (*Mentions).answer: every mention
		"readiness":   true, // /readyz
		"Commands":    true, // registration
		"Article":     true, // the operator's view
		"Fingerprint": true, // the operator's view
	}
	readers := map[string]bool{"current": true, "Article": true, "Commands": true, "Fingerprint": true}
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil || fn.Name.Name == "current" {
				continue
			}
			reads := 0
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && readers[sel.Sel.Name] && len(call.Args) == 0 {
					reads++
					if !allowed[fn.Name.Name] {
						t.Errorf("%s: %s reads the current edition (%s()); take the edition the request started with instead",
							fset.Position(call.Pos()), fn.Name.Name, sel.Sel.Name)
					}
				}
				return true
			})
			if reads > 1 {
				t.Errorf("%s: %s reads the current edition %d times, want once", name, fn.Name.Name, reads)
			}
		}
	}
}

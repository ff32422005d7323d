package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

const (
	testSelf    = "1291450887358955590" // the bot's user ID
	testChannel = "1179012452764368956"
	testGuild   = "1179012452101672960"
)

var (
	testBotUser = &discordgo.User{ID: testSelf, Username: "articlebot", Bot: true}
	testAsker   = &discordgo.User{ID: "380812453611536384", Username: "mira.reader"}
)

// fakeClock is a clock that moves only when told to.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// mentionMessage returns a message in the test channel from the asker, with
// the given content and mentioned users.
func mentionMessage(id, content string, mentions ...*discordgo.User) *discordgo.Message {
	return &discordgo.Message{
		ID: id, ChannelID: testChannel, GuildID: testGuild, Type: discordgo.MessageTypeDefault,
		Content: content, Author: testAsker, Mentions: mentions,
	}
}

// TestMentionQuestion checks which messages ask the bot something, and
// what they ask.
func TestMentionQuestion(t *testing.T) {
	b := mustNew(article.Default())
	other := &discordgo.User{ID: "555", Username: "someone"}
	otherBot := &discordgo.User{ID: "556", Username: "helper", Bot: true}
	withAuthor := func(msg *discordgo.Message, u *discordgo.User) *discordgo.Message { msg.Author = u; return msg }
	tests := []struct {
		name string
		msg  *discordgo.Message
		want string // the question, or "" for no reply
	}{
		{"mention", mentionMessage("1", "<@"+testSelf+"> who spoke to Press TV?", testBotUser), "who spoke to Press TV?"},
		{"nickname mention", mentionMessage("2", "<@!"+testSelf+"> who is Jatras?", testBotUser), "who is Jatras?"},
		{"mention at the end", mentionMessage("3", "who is Jatras, <@"+testSelf+">?", testBotUser), "who is Jatras?"},
		{"mention in the middle", mentionMessage("3b", "so <@"+testSelf+">, who is Jatras?", testBotUser), "so, who is Jatras?"},
		{"mention between colons", mentionMessage("3c", "Question: <@"+testSelf+">: who is Jatras?", testBotUser), "Question: who is Jatras?"},
		{"comma after the mention", mentionMessage("4", "<@"+testSelf+">, who is Jatras?", testBotUser), "who is Jatras?"},
		{"in a reply", func() *discordgo.Message {
			msg := mentionMessage("5", "<@"+testSelf+"> who is Kerry?", testBotUser, other)
			msg.Type = discordgo.MessageTypeReply
			return msg
		}(), "who is Kerry?"},
		{"from itself", withAuthor(mentionMessage("6", "<@"+testSelf+"> who is Jatras?", testBotUser), testBotUser), ""},
		{"from another bot", withAuthor(mentionMessage("7", "<@"+testSelf+"> who is Jatras?", testBotUser), otherBot), ""},
		{"from a webhook", func() *discordgo.Message {
			msg := mentionMessage("8", "<@"+testSelf+"> who is Jatras?", testBotUser)
			msg.WebhookID = "999"
			return msg
		}(), ""},
		{"no mention", mentionMessage("9", "who is Jatras?"), ""},
		{"another user mentioned", mentionMessage("10", "<@555> who is Jatras?", other), ""},
		{"everyone", func() *discordgo.Message {
			msg := mentionMessage("11", "@everyone who is Jatras?")
			msg.MentionEveryone = true
			return msg
		}(), ""},
		{"here", mentionMessage("12", "@here who is Jatras?"), ""},
		{"role mention", func() *discordgo.Message {
			msg := mentionMessage("13", "<@&777> who is Jatras?")
			msg.MentionRoles = []string{"777"}
			return msg
		}(), ""},
		{"reply ping only", mentionMessage("14", "thanks!", testBotUser), ""},
		{"mention in text only", mentionMessage("15", "<@"+testSelf+"> who is Jatras?"), ""},
		{"empty after the mention", mentionMessage("16", "<@"+testSelf+">", testBotUser), ""},
		{"punctuation after the mention", mentionMessage("17", "<@"+testSelf+"> ?! **", testBotUser), ""},
		{"only other mentions", mentionMessage("18", "<@"+testSelf+"> <@555> https://example.com", testBotUser, other), ""},
		{"system message", func() *discordgo.Message {
			msg := mentionMessage("19", "<@"+testSelf+"> joined", testBotUser)
			msg.Type = discordgo.MessageTypeGuildMemberJoin
			return msg
		}(), ""},
		{"no author", withAuthor(mentionMessage("20", "<@"+testSelf+"> who is Jatras?", testBotUser), nil), ""},
		{"nil", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMentions(b)
			got, ok := m.question(tt.msg, testSelf)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("question(%s) = %q, %v, want %q", tt.name, got, ok, tt.want)
			}
			if reply, ok := m.Reply(context.Background(), tt.msg, testSelf); ok != (tt.want != "") || (reply != nil) != ok {
				t.Errorf("Reply(%s) = %v, %v, want a reply: %v", tt.name, reply, ok, tt.want != "")
			}
		})
	}
	if _, ok := NewMentions(b).question(mentionMessage("21", "<@> hi", testBotUser), ""); ok {
		t.Error("question() with no self ID found a question")
	}
}

// TestMentionReply checks the reply: what /ask answers, in the question's
// channel, referring to it, pinging nobody.
func TestMentionReply(t *testing.T) {
	rec := &recorder{}
	m := NewMentions(mustNew(article.Default(), WithObserver(rec)))
	tests := []struct {
		name, content string
		want          string // in the reply's plain text
		embeds        int
		result        string // the outcome the observer is told
	}{
		{"answer", "<@" + testSelf + "> who spoke to Press TV?", "— ¶12", 1, resultOK},
		{"no answer", "<@" + testSelf + "> what is the capital of France?", "couldn't find an answer", 0, resultOK},
		{"cannot ask", "<@" + testSelf + "> what is it?", "does not say what it is about", 0, resultUser},
		{"mentions in the question", "<@" + testSelf + "> did <@555> say @everyone has to go?", "— ¶", 1, resultOK},
	}
	for k, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := mentionMessage(fmt.Sprint(100+k), tt.content, testBotUser)
			msg.ChannelID = fmt.Sprint(2000 + k) // one channel each, out of each other's limit
			reply, ok := m.Reply(context.Background(), msg, testSelf)
			if !ok {
				t.Fatalf("Reply(%q) gave no reply", tt.content)
			}
			if err := checkReply(reply); err != nil {
				t.Errorf("the reply breaks Discord's rules: %v", err)
			}
			ref := reply.Reference
			if ref == nil || ref.MessageID != msg.ID || ref.ChannelID != msg.ChannelID || ref.GuildID != msg.GuildID {
				t.Errorf("reply.Reference = %+v, want message %s in channel %s", ref, msg.ID, msg.ChannelID)
			}
			body, err := MarshalReply(reply)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(body, []byte(`"fail_if_not_exists":false`)) {
				t.Errorf("the reply body = %s, want it to be posted even if the question is gone (fail_if_not_exists false)", body)
			}
			if !bytes.Contains(body, []byte(`"allowed_mentions":{"parse":[],"replied_user":false}`)) {
				t.Errorf("the reply body allows mentions: %s", body)
			}
			if len(reply.Embeds) != tt.embeds {
				t.Errorf("the reply has %d embeds, want %d", len(reply.Embeds), tt.embeds)
			}
			if text := replyText(reply); !strings.Contains(text, tt.want) {
				t.Errorf("the reply = %s, want it to hold %q", text, tt.want)
			}
			if out := rec.last(t); out.Command != "ask" || out.Kind != kindMention || out.Result != tt.result {
				t.Errorf("the observer was told %+v, want command ask, kind %s, result %s", out, kindMention, tt.result)
			}
		})
	}
}

// replyText renders a reply as PlainText renders a response.
func replyText(s *discordgo.MessageSend) string {
	return PlainText(&discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: s.Content, Embeds: s.Embeds, Components: s.Components},
	})
}

// TestMentionRateLimit checks the limit of one answer per interval in each
// channel, with a fake clock.
func TestMentionRateLimit(t *testing.T) {
	clock := newFakeClock()
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	m := NewMentions(mustNew(article.Default(), withClock(clock.Now), WithLogger(log)))
	ask := func(id, channel string) bool {
		msg := mentionMessage(id, "<@"+testSelf+"> who is Jatras?", testBotUser)
		msg.ChannelID = channel
		_, ok := m.Reply(context.Background(), msg, testSelf)
		return ok
	}
	steps := []struct {
		advance time.Duration
		channel string
		want    bool
	}{
		{0, "a", true},
		{0, "a", false},
		{0, "b", true},
		{2999 * time.Millisecond, "a", false},
		{time.Millisecond, "a", true},
		{0, "b", true},
		{time.Second, "a", false},
		{-time.Hour, "a", true}, // a clock that went back does not block a channel for an hour
	}
	for k, s := range steps {
		clock.Advance(s.advance)
		if got := ask(fmt.Sprint(k), s.channel); got != s.want {
			t.Errorf("step %d: a mention in channel %s answered = %v, want %v", k, s.channel, got, s.want)
		}
	}
	if !strings.Contains(logs.String(), "its channel had an answer less than the interval ago") {
		t.Errorf("the refusals are not logged at debug:\n%s", logs.String())
	}

	// A mention that asks nothing does not use up the channel's answer.
	clock.Advance(time.Hour)
	if _, ok := m.Reply(context.Background(), mentionMessage("x", "hello", testBotUser), testSelf); ok {
		t.Fatal("a message that asks nothing got a reply")
	}
	if !ask("y", testChannel) {
		t.Error("a question after a message that asked nothing was refused")
	}
}

func TestMentionInterval(t *testing.T) {
	clock := newFakeClock()
	m := NewMentions(mustNew(article.Default(), withClock(clock.Now), WithMentionInterval(10*time.Second)))
	msg := mentionMessage("1", "<@"+testSelf+"> who is Jatras?", testBotUser)
	if _, ok := m.Reply(context.Background(), msg, testSelf); !ok {
		t.Fatal("the first mention got no reply")
	}
	clock.Advance(9 * time.Second)
	if _, ok := m.Reply(context.Background(), msg, testSelf); ok {
		t.Error("a mention 9 s later got a reply with a 10 s interval")
	}
	clock.Advance(time.Second)
	if _, ok := m.Reply(context.Background(), msg, testSelf); !ok {
		t.Error("a mention 10 s later got no reply")
	}
}

// TestChannelLimiterBounded checks that the limiter remembers a bounded
// number of channels, forgets those whose interval is over, and refuses
// new channels while it is full of recent ones.
func TestChannelLimiterBounded(t *testing.T) {
	clock := newFakeClock()
	l := &channelLimiter{interval: 3 * time.Second, max: 100, now: clock.Now, last: make(map[string]time.Time)}
	for k := range 100 {
		if !l.allow(fmt.Sprint("c", k)) {
			t.Fatalf("channel %d was refused before the limiter was full", k)
		}
	}
	if l.allow("new") {
		t.Error("a new channel was let through while the limiter is full of recent channels")
	}
	clock.Advance(3 * time.Second)
	if !l.allow("new") {
		t.Error("a new channel was refused after the others' interval was over")
	}
	if n := l.size(); n != 1 {
		t.Errorf("the limiter remembers %d channels after forgetting the old ones, want 1", n)
	}
}

// TestChannelLimiterFull checks when a full limiter takes a new channel:
// only once the earliest of its channels is over, even when that channel
// was let through again meanwhile, and at once when the clock goes back.
func TestChannelLimiterFull(t *testing.T) {
	clock := newFakeClock()
	l := &channelLimiter{interval: 3 * time.Second, max: 3, now: clock.Now, last: make(map[string]time.Time)}
	steps := []struct {
		advance time.Duration
		channel string
		want    bool
	}{
		{0, "a", true},
		{time.Second, "b", true},
		{time.Second, "c", true},
		{0, "new1", false}, // full: a, b and c are all recent
		{500 * time.Millisecond, "new1", false},
		{500 * time.Millisecond, "a", true}, // a's interval is over: let through again
		{0, "new1", false},                  // a was renewed, b and c are recent
		{time.Second, "new1", true},         // b is over and forgotten
		{0, "new2", false},                  // c, a and new1 are recent
		{-time.Hour, "new2", true},          // the clock went back: all are over
		{0, "new3", true},                   // room was made for it
		{0, "new4", true},
		{0, "new5", false},
	}
	for k, s := range steps {
		clock.Advance(s.advance)
		if got := l.allow(s.channel); got != s.want {
			t.Errorf("step %d: allow(%q) = %v, want %v", k, s.channel, got, s.want)
		}
		if n := l.size(); n > l.max {
			t.Errorf("step %d: the limiter remembers %d channels, more than %d", k, n, l.max)
		}
	}
}

// BenchmarkChannelLimiterFull measures a mention from a new channel while
// the limiter is full of recent ones: a flood an attacker could send.
func BenchmarkChannelLimiterFull(b *testing.B) {
	clock := newFakeClock()
	l := &channelLimiter{interval: 3 * time.Second, max: maxLimitedChannels, now: clock.Now, last: make(map[string]time.Time)}
	for k := range maxLimitedChannels {
		l.allow(fmt.Sprint(k))
	}
	for b.Loop() {
		if l.allow("new") {
			b.Fatal("a new channel was let through while the limiter is full of recent channels")
		}
	}
}

// TestChannelLimiterConcurrent lets many goroutines ask for the same
// channel at the same moment: exactly one gets through. Run it with -race.
func TestChannelLimiterConcurrent(t *testing.T) {
	clock := newFakeClock()
	l := &channelLimiter{interval: 3 * time.Second, max: maxLimitedChannels, now: clock.Now, last: make(map[string]time.Time)}
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for range 64 {
		wg.Go(func() {
			if l.allow("same") {
				mu.Lock()
				allowed++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if allowed != 1 {
		t.Errorf("%d of 64 simultaneous mentions in one channel were let through, want 1", allowed)
	}
}

// fakePoster records the messages posted through the gateway.
type fakePoster struct {
	mu    sync.Mutex
	posts []post
	fail  error
}

type post struct {
	method, url string
	body        json.RawMessage
}

// RequestWithBucketID records a message posted in a channel, which goes
// through the session's rate-limit bucket of the channel.
func (f *fakePoster) RequestWithBucketID(method, urlStr string, data any, bucketID string, opts ...discordgo.RequestOption) ([]byte, error) {
	raw, ok := data.(json.RawMessage)
	if !ok {
		return nil, fmt.Errorf("body is %T, want json.RawMessage", data)
	}
	if bucketID != urlStr {
		return nil, fmt.Errorf("posted in bucket %q, want the channel's %q", bucketID, urlStr)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.posts = append(f.posts, post{method, urlStr, raw})
	return []byte(`{}`), f.fail
}

// RequestWithLockedBucket fails: replies to mentions go through the
// session's bucket of their channel.
func (f *fakePoster) RequestWithLockedBucket(method, urlStr, contentType string, body []byte, bucket *discordgo.Bucket, sequence int, opts ...discordgo.RequestOption) ([]byte, error) {
	return nil, fmt.Errorf("%s %s went through a bucket of its own", method, urlStr)
}

func (f *fakePoster) all() []post {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]post(nil), f.posts...)
}

// TestGatewayMention sends messages through the gateway adapter and checks
// what it posts: one reply to a mention, nothing for a bot's message or a
// second mention within the interval, nothing once shutting down.
func TestGatewayMention(t *testing.T) {
	clock := newFakeClock()
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	b := mustNew(article.Default(), withClock(clock.Now), WithLogger(log))
	g := NewGateway(b)
	f := &fakePoster{}

	question := mentionMessage("1302190000000000001", "<@"+testSelf+"> who spoke to Press TV?", testBotUser)
	if !g.handleMessage(f, question, testSelf) {
		t.Fatal("the gateway did not take the mention")
	}
	fromBot := mentionMessage("1302190000000000002", "<@"+testSelf+"> who spoke to Press TV?", testBotUser)
	fromBot.Author = &discordgo.User{ID: "556", Bot: true}
	if g.handleMessage(f, fromBot, testSelf) {
		t.Error("the gateway took a bot's message")
	}
	again := mentionMessage("1302190000000000003", "<@"+testSelf+"> who is Jatras?", testBotUser)
	if g.handleMessage(f, again, testSelf) {
		t.Error("the gateway took a second mention in the channel within the interval")
	}
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	if g.handleMessage(f, again, testSelf) {
		t.Error("the gateway took a mention while shutting down")
	}

	posts := f.all()
	if len(posts) != 1 {
		t.Fatalf("the gateway posted %d messages, want 1", len(posts))
	}
	p := posts[0]
	if p.method != http.MethodPost || p.url != discordgo.EndpointChannelMessages(testChannel) {
		t.Errorf("the reply went to %s %s, want POST %s", p.method, p.url, discordgo.EndpointChannelMessages(testChannel))
	}
	var body struct {
		Embeds          []map[string]any `json:"embeds"`
		AllowedMentions map[string]any   `json:"allowed_mentions"`
		Reference       map[string]any   `json:"message_reference"`
	}
	if err := json.Unmarshal(p.body, &body); err != nil {
		t.Fatal(err)
	}
	if body.Reference["message_id"] != question.ID {
		t.Errorf("message_reference = %v, want the question %s", body.Reference, question.ID)
	}
	if fmt.Sprint(body.AllowedMentions) != "map[parse:[] replied_user:false]" {
		t.Errorf("allowed_mentions = %v, want no mentions and no ping of the asker", body.AllowedMentions)
	}
	if len(body.Embeds) != 1 || !strings.Contains(fmt.Sprint(body.Embeds[0]["description"]), "¶12") {
		t.Errorf("the reply's embeds = %v, want the answer citing ¶12", body.Embeds)
	}
	if !strings.Contains(logs.String(), `"msg":"mention"`) {
		t.Errorf("the answer is not logged:\n%s", logs.String())
	}
}

// TestGatewayMentionPostFails checks that a failed post is logged and
// counted.
func TestGatewayMentionPostFails(t *testing.T) {
	var logs bytes.Buffer
	m := NewMetrics()
	b := mustNew(article.Default(), WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))), WithMetrics(m))
	g := NewGateway(b)
	f := &fakePoster{fail: fmt.Errorf("HTTP 403 Forbidden")}
	if !g.handleMessage(f, mentionMessage("1", "<@"+testSelf+"> who is Jatras?", testBotUser), testSelf) {
		t.Fatal("the gateway did not take the mention")
	}
	if err := g.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "posting the reply to a mention failed") || !strings.Contains(logs.String(), "403") {
		t.Errorf("the failure is not logged:\n%s", logs.String())
	}
	if n := testutil.ToFloat64(m.undelivered.WithLabelValues("mention")); n != 1 {
		t.Errorf("gateway_delivery_failures_total{kind=mention} = %v, want 1", n)
	}
}

// mentionGoldenCases are the golden tests of replies to mentions: the
// message in testdata/messages/<name>.json as the gateway delivers it, the
// reply's body in testdata/mentions/<name>.json and its plain text in
// testdata/mentions/<name>.txt, refreshed with -update.
var mentionGoldenCases = []struct {
	name string
	want string
}{
	{"mention-press-tv", "— ¶12"},
	{"mention-no-answer", "couldn't find an answer"},
	{"mention-stop-words", "does not say what it is about"},
}

func TestMentionGolden(t *testing.T) {
	b := mustNew(article.Default())
	for _, tc := range mentionGoldenCases {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMentions(b)
			raw, err := os.ReadFile(filepath.Join("testdata", "messages", tc.name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var msg discordgo.Message
			if err := json.Unmarshal(raw, &msg); err != nil {
				t.Fatalf("json.Unmarshal(%s.json) = %v", tc.name, err)
			}
			reply, ok := m.Reply(context.Background(), &msg, testSelf)
			if !ok {
				t.Fatalf("%s gets no reply", tc.name)
			}
			if err := checkReply(reply); err != nil {
				t.Errorf("the reply breaks Discord's rules: %v", err)
			}
			body, err := MarshalReply(reply)
			if err != nil {
				t.Fatal(err)
			}
			text := replyText(reply)
			if !strings.Contains(text, tc.want) {
				t.Errorf("the reply =\n%s\nwant it to hold %q", text, tc.want)
			}
			golden(t, filepath.Join("mentions", tc.name+".json"), indentJSON(t, body))
			golden(t, filepath.Join("mentions", tc.name+".txt"), []byte(text+"\n"))
		})
	}
}

// replyAsResponse returns the golden reply testdata/mentions/<name>.json as
// the payload checker reads it: the payload checker knows interaction
// responses, so the reply's message fields become the data of one. The
// message reference they leave out is checked here.
func replyAsResponse(t *testing.T, name string) []byte {
	t.Helper()
	var data map[string]any
	if err := json.Unmarshal(readGolden(t, filepath.Join("mentions", name+".json")), &data); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	ref, _ := data["message_reference"].(map[string]any)
	if ref["message_id"] == nil {
		t.Errorf("%s.json has no message_reference", name)
	}
	delete(data, "message_reference")
	line, err := json.Marshal(map[string]any{"type": 4, "data": data})
	if err != nil {
		t.Fatal(err)
	}
	return line
}

// checkReply reports how a reply breaks the rules an interaction's message
// must follow, which are those of a message: content, embeds, buttons and
// mentions.
func checkReply(s *discordgo.MessageSend) error {
	return checkResponse(&discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         s.Content,
			Embeds:          s.Embeds,
			Components:      s.Components,
			AllowedMentions: s.AllowedMentions,
		},
	})
}

package playground

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

// newBot returns a bot about a, or about the embedded article when a is
// nil.
func newBot(t *testing.T, a *article.Article) *bot.Bot {
	t.Helper()
	b, err := bot.New(a)
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	return b
}

// serve sends r to a playground on the embedded article and returns the
// recorded response.
func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// request is a request to a playground on this machine.
func request(method, path string, body io.Reader) *http.Request {
	r := httptest.NewRequest(method, path, body)
	r.Host = "127.0.0.1:8090"
	return r
}

func postJSON(path string, body []byte) *http.Request {
	r := request(http.MethodPost, path, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return r
}

// TestInteractionsAreAnsweredByTheBot checks that the playground answers
// the interactions the page sends (testdata/interactions, recorded from
// the page) with exactly the body the bot sends Discord for them.
func TestInteractionsAreAnsweredByTheBot(t *testing.T) {
	files, err := filepath.Glob("testdata/interactions/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no interactions in testdata/interactions: %v", err)
	}
	b := newBot(t, nil)
	h := New(Config{Bot: b})
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			body, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var in discordgo.Interaction
			if err := json.Unmarshal(body, &in); err != nil {
				t.Fatalf("%s does not decode as an interaction: %v", file, err)
			}
			want, err := bot.MarshalResponse(b.Respond(context.Background(), &in))
			if err != nil {
				t.Fatal(err)
			}
			w := serve(h, postJSON("/api/interactions", body))
			if w.Code != http.StatusOK {
				t.Fatalf("POST /api/interactions = %d %q, want 200", w.Code, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q, want application/json", ct)
			}
			if got := w.Body.String(); got != string(want) {
				t.Errorf("POST /api/interactions answered\n%s\nwant the bot's response\n%s", got, want)
			}
			var resp struct{ Type int }
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || resp.Type == 0 {
				t.Errorf("the answer has no response type: %v", err)
			}
		})
	}
}

// TestMessagesGetTheGatewaysReply checks that a message that mentions the
// bot gets the reply the gateway mode posts, and other messages none.
func TestMessagesGetTheGatewaysReply(t *testing.T) {
	mention, err := os.ReadFile("testdata/messages/mention.json")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := os.ReadFile("testdata/messages/no-mention.json")
	if err != nil {
		t.Fatal(err)
	}
	h := New(Config{})

	w := serve(h, postJSON("/api/messages", plain))
	if w.Code != http.StatusNoContent {
		t.Errorf("a message without the mention: POST /api/messages = %d %q, want 204", w.Code, w.Body)
	}

	w = serve(h, postJSON("/api/messages", mention))
	if w.Code != http.StatusOK {
		t.Fatalf("a mention: POST /api/messages = %d %q, want 200", w.Code, w.Body)
	}
	var msg discordgo.Message
	if err := json.Unmarshal(mention, &msg); err != nil {
		t.Fatal(err)
	}
	want, ok := bot.NewMentions(newBot(t, nil)).Reply(context.Background(), &msg, botUserID)
	if !ok {
		t.Fatal("the bot does not reply to testdata/messages/mention.json")
	}
	wantBody, err := bot.MarshalReply(want)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.Body.String(); got != string(wantBody) {
		t.Errorf("the reply is\n%s\nwant the gateway's\n%s", got, wantBody)
	}
	var reply struct {
		MessageReference struct {
			MessageID string `json:"message_id"`
		} `json:"message_reference"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &reply); err != nil {
		t.Fatal(err)
	}
	if reply.MessageReference.MessageID != msg.ID {
		t.Errorf("the reply refers to message %q, want the question %q", reply.MessageReference.MessageID, msg.ID)
	}

	// As on the gateway, a second mention in the channel right after the
	// first gets no reply.
	if w := serve(h, postJSON("/api/messages", mention)); w.Code != http.StatusNoContent {
		t.Errorf("a second mention at once: POST /api/messages = %d, want 204", w.Code)
	}
}

func TestAppDescribesTheRegisteredCommands(t *testing.T) {
	b := newBot(t, nil)
	w := serve(New(Config{Bot: b, Title: "A title"}), request(http.MethodGet, "/api/app", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("GET /api/app = %d, want 200", w.Code)
	}
	var app struct {
		ApplicationID string                          `json:"application_id"`
		Bot           struct{ ID string }             `json:"bot"`
		Commands      []*discordgo.ApplicationCommand `json:"commands"`
		Title         string                          `json:"title"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &app); err != nil {
		t.Fatal(err)
	}
	if app.Title != "A title" {
		t.Errorf("title = %q, want %q", app.Title, "A title")
	}
	if app.Bot.ID != botUserID || app.ApplicationID != applicationID {
		t.Errorf("bot %q of application %q, want %q of %q", app.Bot.ID, app.ApplicationID, botUserID, applicationID)
	}
	defs := b.Commands()
	if len(app.Commands) != len(defs) {
		t.Fatalf("commands = %d, want the bot's %d", len(app.Commands), len(defs))
	}
	ids := map[string]bool{}
	for k, c := range app.Commands {
		if c.Name != defs[k].Name || c.Type != defs[k].Type {
			t.Errorf("command %d = %q (type %d), want %q (type %d)", k, c.Name, c.Type, defs[k].Name, defs[k].Type)
		}
		if c.ID == "" || ids[c.ID] || c.ApplicationID != applicationID {
			t.Errorf("command %q has ID %q of application %q, want a unique ID of %q", c.Name, c.ID, c.ApplicationID, applicationID)
		}
		ids[c.ID] = true
	}
}

// TestAppTitleFollowsTheArticle checks that a playground given no title
// shows the title of the article the bot answers from, after a reload too.
func TestAppTitleFollowsTheArticle(t *testing.T) {
	b := newBot(t, nil)
	h := New(Config{Bot: b})
	title := func() string {
		t.Helper()
		var app struct{ Title string }
		w := serve(h, request(http.MethodGet, "/api/app", nil))
		if err := json.Unmarshal(w.Body.Bytes(), &app); w.Code != http.StatusOK || err != nil {
			t.Fatalf("GET /api/app = %d %v", w.Code, err)
		}
		return app.Title
	}
	if got, want := title(), article.Default().Meta.Title; got != want {
		t.Errorf("title = %q, want the embedded article's %q", got, want)
	}
	other, err := article.Parse(strings.NewReader("---\ntitle: The harbour reopens\n---\nThe harbour reopened on Monday.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Reload(context.Background(), func(context.Context) (*article.Article, error) { return other, nil }); err != nil {
		t.Fatal(err)
	}
	if got := title(); got != "The harbour reopens" {
		t.Errorf("title after a reload = %q, want %q", got, "The harbour reopens")
	}
}

func TestRefusedRequests(t *testing.T) {
	h := New(Config{})
	huge := append([]byte(`{"type":2,"padding":"`), bytes.Repeat([]byte("x"), maxRequest)...)
	huge = append(huge, `"}`...)
	tests := []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"GET of the interactions", func() *http.Request { return request(http.MethodGet, "/api/interactions", nil) }, http.StatusMethodNotAllowed},
		{"not JSON", func() *http.Request {
			r := request(http.MethodPost, "/api/interactions", strings.NewReader(`{"type":2}`))
			r.Header.Set("Content-Type", "text/plain")
			return r
		}, http.StatusUnsupportedMediaType},
		{"too large", func() *http.Request { return postJSON("/api/interactions", huge) }, http.StatusRequestEntityTooLarge},
		{"too large, length unknown", func() *http.Request {
			r := postJSON("/api/interactions", huge)
			r.ContentLength = -1
			return r
		}, http.StatusRequestEntityTooLarge},
		{"broken JSON", func() *http.Request { return postJSON("/api/interactions", []byte(`{"type":`)) }, http.StatusBadRequest},
		{"no type", func() *http.Request { return postJSON("/api/interactions", []byte(`{"id":"1"}`)) }, http.StatusBadRequest},
		{"message without author", func() *http.Request {
			return postJSON("/api/messages", []byte(`{"id":"1","channel_id":"2","content":"<@1300000000000000001> hi"}`))
		}, http.StatusBadRequest},
		{"another site's name", func() *http.Request {
			r := request(http.MethodGet, "/", nil)
			r.Host = "attacker.example:8090"
			return r
		}, http.StatusMisdirectedRequest},
		{"cross-site post", func() *http.Request {
			r := postJSON("/api/interactions", []byte(`{"type":1}`))
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}, http.StatusForbidden},
		{"directory listing", func() *http.Request { return request(http.MethodGet, "/assets/", nil) }, http.StatusNotFound},
		{"unknown path", func() *http.Request { return request(http.MethodGet, "/admin", nil) }, http.StatusNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.req()
			w := serve(h, r)
			if w.Code != tc.want {
				t.Errorf("%s %s = %d %q, want %d", r.Method, r.URL.Path, w.Code, strings.TrimSpace(w.Body.String()), tc.want)
			}
		})
	}
}

func TestPageAndAssetsHeaders(t *testing.T) {
	h := New(Config{})
	tests := []struct {
		path, contentType string
	}{
		{"/", "text/html; charset=utf-8"},
		{"/assets/app.js", "text/javascript; charset=utf-8"},
		{"/assets/style.css", "text/css; charset=utf-8"},
		{"/assets/icon.svg", "image/svg+xml"},
	}
	for _, tc := range tests {
		w := serve(h, request(http.MethodGet, tc.path, nil))
		if w.Code != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", tc.path, w.Code)
			continue
		}
		if got := w.Header().Get("Content-Type"); got != tc.contentType {
			t.Errorf("GET %s: Content-Type = %q, want %q", tc.path, got, tc.contentType)
		}
		if got := w.Header().Get("Content-Security-Policy"); got != contentSecurityPolicy {
			t.Errorf("GET %s: Content-Security-Policy = %q, want %q", tc.path, got, contentSecurityPolicy)
		}
		if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options = %q, want nosniff", tc.path, got)
		}
	}
}

// TestAssetsAreSelfContained checks that the page loads nothing from
// elsewhere and that its script never parses text as HTML.
func TestAssetsAreSelfContained(t *testing.T) {
	remote := regexp.MustCompile("(?i)(?:src|href|url)\\s*[=(]\\s*[\"']?\\s*(?:https?:)?//|@import|fetch\\(\\s*[\"'`](?:https?:)?//")
	htmlSinks := regexp.MustCompile(`\b(?:innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|eval|Function)\b\s*[(=]?`)
	scriptTag := regexp.MustCompile(`(?is)<script\b[^>]*>`)
	inlineAttr := regexp.MustCompile(`(?i)\son[a-z]+\s*=|\sstyle\s*=`)
	n := 0
	err := fs.WalkDir(assets, "assets", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		b, err := fs.ReadFile(assets, path)
		if err != nil {
			return err
		}
		text := string(b)
		if m := remote.FindString(text); m != "" {
			t.Errorf("%s loads something from elsewhere: %q", path, m)
		}
		if strings.HasSuffix(path, ".js") {
			if m := htmlSinks.FindString(text); m != "" {
				t.Errorf("%s uses %q, which can turn text into markup or code", path, m)
			}
		}
		if strings.HasSuffix(path, ".html") {
			for _, tag := range scriptTag.FindAllString(text, -1) {
				if !strings.Contains(tag, " src=") {
					t.Errorf("%s has an inline script %q, which the page's policy blocks", path, tag)
				}
			}
			if m := inlineAttr.FindString(text); m != "" {
				t.Errorf("%s has an inline handler or style %q, which the page's policy blocks", path, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 5 {
		t.Errorf("found %d assets, want the page, its style, its scripts and its icon", n)
	}
}

func TestLocalName(t *testing.T) {
	tests := []struct {
		host string
		want bool
	}{
		{"127.0.0.1:8090", true},
		{"localhost:8090", true},
		{"LOCALHOST", true},
		{"play.localhost:8090", true},
		{"[::1]:8090", true},
		{"192.0.2.7:8090", true},
		{"attacker.example:8090", false},
		{"127.0.0.1.nip.example", false},
		{"localhost.example", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := localName(tc.host); got != tc.want {
			t.Errorf("localName(%q) = %v, want %v", tc.host, got, tc.want)
		}
	}
}

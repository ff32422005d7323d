package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

func TestFindIDRoundTrip(t *testing.T) {
	tests := []struct {
		page  int
		query string
	}{
		{1, "russia"},
		{2, `"dead end"`},
		{17, "“dead end” syria"},
		{findMaxPage, strings.Repeat("é", limitCustomID-len("find:999999:"))},
		{1, strings.Repeat("é", limitCustomID-len("find:1:"))},
		{3, "a:b:c"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("page %d of %.20q", tt.page, tt.query), func(t *testing.T) {
			id := findID(tt.page, tt.query)
			page, query, ok := parseFindID(id)
			if !ok || page != tt.page || query != tt.query {
				t.Errorf("parseFindID(%q) = %d, %q, %v, want %d, %q, true", id, page, query, ok, tt.page, tt.query)
			}
		})
	}
}

func TestParseFindIDRejects(t *testing.T) {
	for _, id := range []string{
		"", "find", "find:", "find:1", "find:1:", "find::x", "find:0:x", "find:01:x", "find:+1:x", "find:-1:x",
		"find:1e3:x", "find: 1:x", "find:1000000:x", "find:1: x", "find:1:x ", "find:1:a  b", "find:1:a\tb",
		"find:1:a\nb", "Find:1:x", "quote:1:x", "find:1:\xff", "find:1:" + strings.Repeat("x", findQueryMax+1),
		"find:2:" + strings.Repeat("é", limitCustomID),
	} {
		t.Run(fmt.Sprintf("%.30q", id), func(t *testing.T) {
			if page, query, ok := parseFindID(id); ok {
				t.Errorf("parseFindID(%q) = %d, %q, true, want false", id, page, query)
			}
		})
	}
}

func TestFindButtons(t *testing.T) {
	tests := []struct {
		page, pages      int
		prevID, nextID   string
		prevOff, nextOff bool
	}{
		{1, 3, "find:1:q", "find:2:q", true, false},
		{2, 3, "find:1:q", "find:3:q", false, false},
		{3, 3, "find:2:q", "find:3:q", false, true},
		{1, 2, "find:1:q", "find:2:q", true, false},
		{2, 2, "find:1:q", "find:2:q", false, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("page %d of %d", tt.page, tt.pages), func(t *testing.T) {
			row := findButtons("q", tt.page, tt.pages)
			prev, next := row.Components[0].(discordgo.Button), row.Components[1].(discordgo.Button)
			if prev.CustomID != tt.prevID || next.CustomID != tt.nextID {
				t.Errorf("findButtons(q, %d, %d) ids = %q, %q, want %q, %q", tt.page, tt.pages, prev.CustomID, next.CustomID, tt.prevID, tt.nextID)
			}
			if prev.Disabled != tt.prevOff || next.Disabled != tt.nextOff {
				t.Errorf("findButtons(q, %d, %d) disabled = %v, %v, want %v, %v", tt.page, tt.pages, prev.Disabled, next.Disabled, tt.prevOff, tt.nextOff)
			}
			if prev.CustomID == next.CustomID {
				t.Errorf("findButtons(q, %d, %d) ids = %q twice, want them unique", tt.page, tt.pages, prev.CustomID)
			}
			for _, b := range []discordgo.Button{prev, next} {
				if p, _, ok := parseFindID(b.CustomID); !ok || p < 1 || p > tt.pages {
					t.Errorf("findButtons(q, %d, %d): %s shows page %d, want 1 to %d", tt.page, tt.pages, b.Label, p, tt.pages)
				}
			}
		})
	}
}

func TestQueryParts(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"russia iran", []string{"russia", "iran"}},
		{`  "dead end"  syria `, []string{`"dead end"`, "syria"}},
		{"“dead end” syria", []string{"“dead end”", "syria"}},
		{`kerry "unclosed phrase`, []string{"kerry", `"unclosed phrase`}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			if got := queryParts(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("queryParts(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestQuoted(t *testing.T) {
	tests := []struct{ in, want string }{
		{"russia", "“russia”"},
		{`"dead end"`, `"dead end"`},
		{"“dead end”", "“dead end”"},
		{`"`, "“\"”"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			if got := quoted(tt.in); got != tt.want {
				t.Errorf("quoted(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// findAll returns every page of /find query, following the Next buttons
// from the first page, and fails the test if a page is not what Discord
// accepts.
func findAll(t *testing.T, b *Bot, query string) []*discordgo.InteractionResponse {
	t.Helper()
	r := b.Respond(context.Background(), slash("find", opt("query", discordgo.ApplicationCommandOptionString, query)))
	pages := []*discordgo.InteractionResponse{r}
	for {
		if err := checkResponse(r); err != nil {
			t.Fatalf("/find %q page %d breaks Discord's rules: %v", query, len(pages), err)
		}
		if len(r.Data.Components) == 0 {
			return pages
		}
		next := r.Data.Components[0].(discordgo.ActionsRow).Components[1].(discordgo.Button)
		if next.Disabled {
			return pages
		}
		if len(pages) > 10000 {
			t.Fatalf("/find %q: more than 10000 pages", query)
		}
		r = b.Respond(context.Background(), click(next.CustomID))
		if r.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("/find %q: turning to page %d answered type %d, want %d", query, len(pages)+1, r.Type, discordgo.InteractionResponseUpdateMessage)
		}
		pages = append(pages, r)
	}
}

// TestFindPages walks every page of the results for "russia" on the seed
// article and checks that each match is shown once, in the engine's order.
func TestFindPages(t *testing.T) {
	a := article.Default()
	b := mustNew(a)
	res, err := a.Search("russia", article.Page{})
	if err != nil || len(res.Matches) <= resultsPerPage {
		t.Fatalf("Search(russia) = %d matches, %v; want more than a page", len(res.Matches), err)
	}
	pages := findAll(t, b, "russia")
	if want := (len(res.Matches) + resultsPerPage - 1) / resultsPerPage; len(pages) != want {
		t.Errorf("/find russia has %d pages, want %d", len(pages), want)
	}
	var shown []string
	for k, p := range pages {
		e := p.Data.Embeds[0]
		if want := fmt.Sprintf("Page %d of %d", k+1, len(pages)); e.Footer == nil || e.Footer.Text != want {
			t.Errorf("page %d footer = %v, want %q", k+1, e.Footer, want)
		}
		for _, f := range e.Fields {
			shown = append(shown, f.Name)
			if !strings.Contains(strings.ToLower(f.Value), "**russia") {
				t.Errorf("page %d, %s = %q, want the match in bold", k+1, f.Name, f.Value)
			}
		}
	}
	var want []string
	for _, m := range res.Matches {
		want = append(want, cite(m.Paragraph))
	}
	if !slices.Equal(shown, want) {
		t.Errorf("/find russia shows %v over its pages, want %v", shown, want)
	}

	// A page past the end, as after the article changed, shows the last.
	r := b.Respond(context.Background(), click(stamped(b, findID(99, "russia"))))
	if got, want := r.Data.Embeds[0].Footer.Text, fmt.Sprintf("Page %d of %d", len(pages), len(pages)); got != want {
		t.Errorf("page 99 of /find russia shows %q, want %q", got, want)
	}
}

// TestFindLongQuery checks the buttons of a query too long for a custom_id
// as it stands: it must be shortened without changing its results, or shown
// on one page without buttons.
func TestFindLongQuery(t *testing.T) {
	a := article.Default()
	b := mustNew(a)
	tests := []struct {
		name    string
		query   string
		buttons bool
	}{
		{"stop words and unknown words dropped", "russia and the of iran with xylophone from zanzibar where they would have been " +
			"about quux which", true},
		{"every word counts", "russia iran syria assad kerry hammond london pentagon moscow washington latakia " +
			"negotiation fighters", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if runeLen(tt.query) > findQueryMax || runeLen(tt.query) <= limitCustomID-len("find:1:") {
				t.Fatalf("the query is %d characters, want one that fits the option but not a custom_id", runeLen(tt.query))
			}
			res, err := a.Search(tt.query, article.Page{})
			if err != nil || len(res.Matches) <= resultsPerPage {
				t.Fatalf("Search(%q) = %d matches, %v; want more than a page", tt.query, len(res.Matches), err)
			}
			pages := findAll(t, b, tt.query)
			rows := pages[0].Data.Components
			if !tt.buttons {
				if len(rows) != 0 || len(pages) != 1 {
					t.Errorf("/find %q has buttons; want one page that says to shorten the query", tt.query)
				}
				if d := pages[0].Data.Embeds[0].Description; !strings.Contains(d, "too long") {
					t.Errorf("/find %q description = %q, want it to explain why there are no buttons", tt.query, d)
				}
				return
			}
			if len(rows) == 0 {
				t.Fatalf("/find %q has no buttons", tt.query)
			}
			id := unstamped(t, b, rows[0].(discordgo.ActionsRow).Components[1].(discordgo.Button).CustomID)
			_, q, ok := parseFindID(id)
			if !ok {
				t.Fatalf("Next button custom_id %q does not parse", id)
			}
			got, err := a.Search(q, article.Page{})
			if err != nil || !slices.EqualFunc(got.Matches, res.Matches, func(x, y article.Match) bool {
				return x.Paragraph == y.Paragraph && x.Score == y.Score && slices.Equal(x.Spans, y.Spans)
			}) {
				t.Errorf("the shortened query %q finds other results than %q", q, tt.query)
			}
		})
	}
}

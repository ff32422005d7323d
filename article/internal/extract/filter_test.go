package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestKeep checks each rule that judges a paragraph by its text, with a
// paragraph it must keep beside each one it drops.
func TestKeep(t *testing.T) {
	meta := pageMeta{title: "Dam plan approved", authors: []string{"Rosa Linde", "Ken Ito"}}
	p := func(text string) block { return block{text: text, tag: atom.P} }
	tests := []struct {
		name string
		b    block
		last bool // the block closes the article
		want bool
	}{
		{"prose", p("The council approved the dam plan on Monday."), false, true},
		{"the headline", p("Dam plan approved"), false, false},
		{"a heading", block{text: "What happens next", tag: atom.H2}, false, true},
		{"a heading that links to what it names", block{text: "Rez Infinite ($30)", links: 18, tag: atom.H3}, false, true},
		{"no letters", p("* * *"), false, false},
		{"a link to elsewhere", block{text: "Dam plan: what you need to know", links: 31, tag: atom.P}, false, false},
		{"a sentence citing a source", block{text: "The report, published by the agency, found leaks.", links: 10, tag: atom.P}, false, true},
		{"an advertising label", p("Advertisement"), false, false},
		{"a prompt to read on", p("Continue reading the main story"), false, false},
		{"a bracketed link", p("[Read: How the dam was built]"), false, false},
		{"brackets inside prose", p("He said [the plan] was sound."), false, true},
		{"a date alone", p("Feb. 21, 2019"), false, false},
		{"an update time", p("Updated 21 March 2024 10:30"), false, false},
		{"a date, a time and a byline", p("2/26/2015 7:11 AM PST BY Desk Staff"), false, false},
		{"a date and a sentence", p("2/26/2015: the day the river rose by two metres, officials said."), false, true},
		{"a sentence starting with a date", p("March 3, 2024 was the wettest day on record."), false, true},
		{"a teaser", p("Video: The dam from the air"), false, false},
		{"prose after a colon", p("More than 300 people came to the meeting: farmers, anglers and engineers."), false, true},
		{"a print note", p("A version of this article appears in print on page A12."), false, false},
		{"a prompt to click", p("Click here to watch the meeting live."), false, false},
		{"a credit line", p("Ana Cruz contributed reporting."), false, false},
		{"names contributed", p("Ana Cruz and Li Wei contributed."), false, false},
		{"a credit line with a place", p("Reporting by Ana Cruz in Lisbon; editing by Tom Hale"), false, false},
		{"prose ending in contributed", p("Engineers said heavy rain had contributed."), false, true},
		{"an author's note", p("Rosa Linde is a reporter covering water and farming."), true, false},
		{"an author's name", p("Ken Ito"), true, false},
		{"where an author reported from", p("Ken Ito reported from Osaka."), true, false},
		{"an author named in the text", p("Rosa Linde is a reporter covering water and farming."), false, true},
		{"someone else at the end", p("Mayor Ana Diaz is expected to sign the plan next week."), true, true},
		{"a closing promotion", block{text: "Want more? Sign up for our newsletter.", links: 21, tag: atom.P, emphasized: true}, true, false},
		{"closing words in italics", block{text: "The vote is final.", tag: atom.P, emphasized: true}, true, true},
	}
	filler := make([]block, 10)
	for i := range filler {
		filler[i] = p("Filler paragraph number " + string(rune('A'+i)) + " of the report.")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var bs []block
			if tt.last {
				bs = append(append(bs, filler...), tt.b)
			} else {
				bs = append(append(bs, tt.b), filler...)
			}
			kept := false
			for _, text := range keep(bs, meta) {
				kept = kept || text == tt.b.text
			}
			if kept != tt.want {
				t.Errorf("keep(%q) kept it = %v, want %v", tt.b.text, kept, tt.want)
			}
		})
	}
}

// TestKeepLeadIn checks that a lead-in such as "Read more:" goes with the
// links it introduces, and stays before prose.
func TestKeepLeadIn(t *testing.T) {
	bs := []block{
		{text: "The plan was approved.", tag: atom.P},
		{text: "It has three parts:", tag: atom.P},
		{text: "a new spillway, which will take two years;", tag: atom.Li},
		{text: "More on this story:", tag: atom.P},
		{text: "Dam plan: what you need to know", links: 31, tag: atom.Li},
	}
	got := keep(bs, pageMeta{})
	want := []string{"The plan was approved.", "It has three parts:", "a new spillway, which will take two years;"}
	if len(got) != len(want) {
		t.Fatalf("keep() = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("keep()[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		attr, word string
		want       bool
	}{
		{"share-bar", "share", true},
		{"shareBar", "share", true},
		{"shareholders", "share", false},
		{"story__text sr-only", "sr-only", true},
		{"article-body", "body", true},
		{"Headline", "headline", true},
	}
	for _, tt := range tests {
		if got := hasToken(tt.attr, tt.word); got != tt.want {
			t.Errorf("hasToken(%q, %q) = %v, want %v", tt.attr, tt.word, got, tt.want)
		}
	}
}

// TestKeepRepeats checks that a paragraph the page shows twice, such as a
// pull quote, is kept once, and a short one such as "Yes." each time.
func TestKeepRepeats(t *testing.T) {
	quote := "“We are paying for an empty boat most nights,” he said."
	bs := []block{
		{text: quote, tag: atom.P},
		{text: "Was it worth it?", tag: atom.P},
		{text: "Yes.", tag: atom.P},
		{text: "Would you do it again?", tag: atom.P},
		{text: "Yes.", tag: atom.P},
		{text: "\"We are paying for an empty boat most nights,\" he said.", tag: atom.P},
	}
	got := strings.Join(keep(bs, pageMeta{}), "|")
	want := strings.Join([]string{quote, "Was it worth it?", "Yes.", "Would you do it again?", "Yes."}, "|")
	if got != want {
		t.Errorf("keep() = %q, want %q", got, want)
	}
}

func TestPrune(t *testing.T) {
	const story = "The weir will be rebuilt next year, the river authority said."
	tests := []struct {
		name, page string
		gone       []string
	}{
		{"furniture around paragraphs",
			`<nav>Home</nav><div class="social-share">Share</div><p>` + story + `</p><div class="newsletter">Sign up</div><footer>Copyright</footer>`,
			[]string{"Home", "Share", "Sign up", "Copyright"}},
		{"a page in one form",
			`<form id="aspnetForm"><p>` + story + `</p><p>` + story + `</p></form><form class="search"><input>Search</form>`,
			[]string{"Search"}},
		{"the article marked with a furniture word",
			`<div class="sidebar-layout"><p>` + story + `</p><p>` + story + `</p></div><div class="sidebar">Most read</div>`,
			[]string{"Most read"}},
		{"a page without <p>",
			`<div class="menu">Home</div><div>` + story + `<br><br>` + story + `</div><div class="footer">Copyright</div>`,
			[]string{"Home", "Copyright"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			prune(doc)
			text := textOf(doc)
			if !strings.Contains(text, story) {
				t.Errorf("prune(%s) left %q, want the story", tt.page, text)
			}
			for _, g := range tt.gone {
				if strings.Contains(text, g) {
					t.Errorf("prune(%s) left %q, want %q gone", tt.page, text, g)
				}
			}
		})
	}
}

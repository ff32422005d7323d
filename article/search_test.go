package article

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/text"
)

// mustParse parses an article written inline in a test.
func mustParse(t testing.TB, text string) *Article {
	t.Helper()
	a, err := Parse(strings.NewReader(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return a
}

// paragraphs returns the paragraph numbers of the matches, best first.
func paragraphs(r Results) []int {
	var ns []int
	for _, m := range r.Matches {
		ns = append(ns, m.Paragraph)
	}
	return ns
}

// highlighted returns the text under each span of m.
func highlighted(a *Article, m Match) []string {
	text := a.Paragraphs[m.Paragraph-1].Text
	var out []string
	for _, s := range m.Spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

// mustSearch searches a for query, failing the test on an error, and checks
// the results' invariants.
func mustSearch(t testing.TB, a *Article, query string) Results {
	t.Helper()
	r, err := a.Search(query, Page{})
	if err != nil {
		t.Fatalf("Search(%q) error: %v", query, err)
	}
	checkResults(t, a, r)
	return r
}

// checkResults checks what holds for the results of any search: paragraphs
// exist and appear once, scores are finite and positive, spans are sorted,
// separate and inside their paragraph on character boundaries, and matches
// are ordered by terms, then score, then paragraph.
func checkResults(t testing.TB, a *Article, r Results) {
	t.Helper()
	seen := make(map[int]bool)
	for i, m := range r.Matches {
		if m.Paragraph < 1 || m.Paragraph > len(a.Paragraphs) {
			t.Fatalf("Search(%q): match %d has paragraph %d, want 1..%d", r.Query, i, m.Paragraph, len(a.Paragraphs))
		}
		if seen[m.Paragraph] {
			t.Fatalf("Search(%q): paragraph %d matches twice", r.Query, m.Paragraph)
		}
		seen[m.Paragraph] = true
		if m.Terms < 1 {
			t.Errorf("Search(%q): ¶%d has Terms = %d, want at least 1", r.Query, m.Paragraph, m.Terms)
		}
		if math.IsNaN(m.Score) || math.IsInf(m.Score, 0) || m.Score <= 0 {
			t.Errorf("Search(%q): ¶%d has Score = %v, want a finite positive number", r.Query, m.Paragraph, m.Score)
		}
		text := a.Paragraphs[m.Paragraph-1].Text
		if len(m.Spans) == 0 {
			t.Errorf("Search(%q): ¶%d has no spans", r.Query, m.Paragraph)
		}
		for j, s := range m.Spans {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("Search(%q): ¶%d span %v is outside [0, %d) or empty", r.Query, m.Paragraph, s, len(text))
			}
			if !utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
				t.Errorf("Search(%q): ¶%d span %v cuts a character", r.Query, m.Paragraph, s)
			}
			if j > 0 && s.Start <= m.Spans[j-1].End {
				t.Errorf("Search(%q): ¶%d spans %v and %v are unsorted or touch", r.Query, m.Paragraph, m.Spans[j-1], s)
			}
		}
		if i == 0 {
			continue
		}
		prev := r.Matches[i-1]
		switch {
		case prev.Terms < m.Terms:
			t.Errorf("Search(%q): ¶%d (%d terms) ranks above ¶%d (%d terms)", r.Query, prev.Paragraph, prev.Terms, m.Paragraph, m.Terms)
		case prev.Terms == m.Terms && prev.Score < m.Score:
			t.Errorf("Search(%q): ¶%d (score %v) ranks above ¶%d (score %v)", r.Query, prev.Paragraph, prev.Score, m.Paragraph, m.Score)
		case prev.Terms == m.Terms && prev.Score == m.Score && prev.Paragraph > m.Paragraph:
			t.Errorf("Search(%q): equal ¶%d ranks above ¶%d", r.Query, prev.Paragraph, m.Paragraph)
		}
	}
}

func TestSearchSeed(t *testing.T) {
	a := Default()
	tests := []struct {
		query string
		want  []int // the matching paragraphs, in any order
		first int   // the best paragraph, or 0 to not check
	}{
		{"russia", []int{3, 4, 5, 6, 7, 12, 15}, 6},
		{"Russia", []int{3, 4, 5, 6, 7, 12, 15}, 6},
		{"RUSSIA", []int{3, 4, 5, 6, 7, 12, 15}, 6},
		{"negotiation", []int{2, 4, 5, 8}, 0},
		{"negotiate", []int{2, 4, 5, 8}, 0},
		{"negotiations", []int{2, 4, 5, 8}, 0},
		{`"dead end"`, []int{10, 13}, 0},
		{`“dead end”`, []int{10, 13}, 0},
		{`„dead end“`, []int{10, 13}, 0},
		{`"dead end`, []int{10, 13}, 0},
		{`"end dead"`, nil, 0},
		{"latakia", []int{6, 7}, 0},
		{"pentagon", []int{11}, 11},
		{`"to the table"`, []int{5}, 5},
		{"high-level", []int{11}, 11},
		{"al-Assad", []int{1}, 1},
		{`"Syria's Latakia"`, []int{6}, 6},
		{`"Syria’s Latakia"`, []int{6}, 6},
		{"Jatras", []int{13}, 13},
		{"zanzibar", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := mustSearch(t, a, tt.query)
			got := paragraphs(r)
			sorted := slices.Sorted(slices.Values(got))
			if !slices.Equal(sorted, tt.want) {
				t.Errorf("Search(%q) paragraphs = %v, want %v", tt.query, sorted, tt.want)
			}
			if tt.first != 0 && (len(got) == 0 || got[0] != tt.first) {
				t.Errorf("Search(%q) best = %v, want ¶%d", tt.query, got, tt.first)
			}
		})
	}
}

func TestSearchSpans(t *testing.T) {
	a := Default()
	tests := []struct {
		query     string
		paragraph int
		want      []string // the highlighted text in that paragraph
	}{
		{"russia", 6, []string{"Russia", "Russian", "Russia"}},
		{"russia", 15, []string{"Russians"}},
		{"negotiation", 5, []string{"negotiate", "negotiate", "negotiate"}},
		{`"dead end"`, 10, []string{"dead end"}},
		{`"dead end"`, 13, []string{"dead end"}},
		{`dead "dead end"`, 13, []string{"dead end"}},
		{"russia negotiation iran", 4, []string{"negotiation", "Russia", "Iran"}},
		{"latakia", 6, []string{"Latakia"}},
		{"syria", 6, []string{"Syria", "Syria's"}},
		{"high-level", 11, []string{"high-level"}},
		{"US diplomat", 13, []string{"US", "US", "diplomat"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/¶%d", tt.query, tt.paragraph), func(t *testing.T) {
			r, err := a.Search(tt.query, Page{})
			if err != nil {
				t.Fatalf("Search(%q) error: %v", tt.query, err)
			}
			for _, m := range r.Matches {
				if m.Paragraph == tt.paragraph {
					if got := highlighted(a, m); !slices.Equal(got, tt.want) {
						t.Errorf("Search(%q) ¶%d highlights %q, want %q", tt.query, tt.paragraph, got, tt.want)
					}
					return
				}
			}
			t.Errorf("Search(%q) = %v, want ¶%d among them", tt.query, paragraphs(r), tt.paragraph)
		})
	}
}

// TestSearchSpansFold checks, for every word of the seed, that each span
// found for it covers a word with the same stem or root, one starting
// with it, or its demonym's place.
func TestSearchSpansFold(t *testing.T) {
	a := Default()
	for id := range a.idx.Vocabulary() {
		w := a.idx.Word(int32(id))
		if text.IsStopWord(w) {
			continue
		}
		r := mustSearch(t, a, w)
		if len(r.Matches) == 0 {
			t.Errorf("Search(%q) found nothing, though the article has the word", w)
		}
		for _, m := range r.Matches {
			for _, s := range highlighted(a, m) {
				f := Fold(s)
				related := text.Stem(f) == text.Stem(w) || text.Root(f) == text.Root(w) || (utf8.RuneCountInString(w) >= index.PrefixMinRunes && strings.HasPrefix(f, w)) ||
					slices.ContainsFunc(index.DemonymBases(w), func(b string) bool { return text.Stem(f) == text.Stem(b) })
				if !related {
					t.Errorf("Search(%q) highlights %q in ¶%d, which is not a form of it", w, s, m.Paragraph)
				}
			}
		}
	}
}

func TestSearchRanking(t *testing.T) {
	a := Default()
	tests := []struct {
		query string
		want  []int // the first paragraphs, in order
		terms []int // their Terms
	}{
		// ¶4 holds all three words; ¶3 and ¶5 two of them.
		{"russia negotiation iran", []int{4}, []int{3}},
		{"iran russia", []int{3, 4}, []int{2, 2}},
		// A phrase counts as one term beside a word.
		{`"dead end" policy`, []int{10, 13}, []int{2, 2}},
		// Two words with the same stem are one term.
		{"negotiate negotiation", []int{5}, []int{1}},
		{"kerry russia iran", []int{3}, []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := mustSearch(t, a, tt.query)
			if len(r.Matches) < len(tt.want) {
				t.Fatalf("Search(%q) = %v, want it to start with %v", tt.query, paragraphs(r), tt.want)
			}
			for i, n := range tt.want {
				m := r.Matches[i]
				if m.Paragraph != n || m.Terms != tt.terms[i] {
					t.Errorf("Search(%q) match %d = ¶%d with %d terms, want ¶%d with %d", tt.query, i, m.Paragraph, m.Terms, n, tt.terms[i])
				}
			}
		})
	}
}

// bm25Article has paragraphs of 3, 5 and 1 words, so that BM25's length
// normalisation shows in its scores: the average paragraph has 3 words.
const bm25Article = "Alpha beta gamma.\nAlpha alpha delta epsilon zeta.\nTheta.\n"

// TestSearchBM25Scores checks the scores against BM25 worked out by hand,
// with k1 = 1.2 and b = 0.75: idf = ln(1 + (N - df + 0.5)/(df + 0.5)) and a
// term weighs idf × tf × (k1 + 1) / (tf + k1 × (1 - b + b × len/avgLen)).
func TestSearchBM25Scores(t *testing.T) {
	a := mustParse(t, bm25Article)
	idfAlpha := math.Log(1 + (3-2+0.5)/(2+0.5)) // in ¶1 and ¶2
	idfDelta := math.Log(1 + (3-1+0.5)/(1+0.5)) // in ¶2 only
	tests := []struct {
		query string
		want  map[int]float64 // paragraph -> score
	}{
		{"alpha", map[int]float64{
			1: idfAlpha * 1 * 2.2 / (1 + 1.2*(0.25+0.75*3.0/3)),
			2: idfAlpha * 2 * 2.2 / (2 + 1.2*(0.25+0.75*5.0/3)),
		}},
		{"alpha delta", map[int]float64{
			1: idfAlpha * 1 * 2.2 / (1 + 1.2*(0.25+0.75*3.0/3)),
			2: idfAlpha*2*2.2/(2+1.2*(0.25+0.75*5.0/3)) + idfDelta*1*2.2/(1+1.2*(0.25+0.75*5.0/3)),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := mustSearch(t, a, tt.query)
			if len(r.Matches) != len(tt.want) {
				t.Fatalf("Search(%q) = %v, want ¶%v", tt.query, paragraphs(r), tt.want)
			}
			for _, m := range r.Matches {
				if want, ok := tt.want[m.Paragraph]; !ok || math.Abs(m.Score-want) > 1e-12 {
					t.Errorf("Search(%q) ¶%d score = %v, want %v", tt.query, m.Paragraph, m.Score, want)
				}
			}
		})
	}
}

// TestSearchArticles runs searches on small articles written for the
// case they test.
func TestSearchArticles(t *testing.T) {
	const diacritics = `The Café de Flore opened in São Paulo last spring.
Its owner said cafe culture in Sao Paulo is booming.
Critics in Zürich were less sure about the naïve décor.
Zurich has many cafés of its own.`
	const apostrophes = `The minister said they don’t know what to do.
Her aide insisted: "We don't agree with Iran's position."
Nobody knows whether Iran’s envoy will come.
An Iranian delegation arrived, and Iranians welcomed it.
Warning signs appeared before the war.`
	const forms = `The league suspended four players after the brawl.
Each suspension lasts 4 games, and 18,442 fans saw the match.
An extortionist demanded money; the extortion case is open.
Police say they were extorting shop owners.
The cringey video made everyone cringe.`
	tests := []struct {
		name    string
		article string
		query   string
		want    []int
		at      int      // a paragraph whose highlights are checked, or 0
		spans   []string // the highlights there
	}{
		{"digits find a number word", forms, "4", []int{1, 2}, 1, []string{"four"}},
		{"a number word finds digits", forms, "four", []int{1, 2}, 2, []string{"4"}},
		{"a number is bolded whole", forms, "18,442", []int{2}, 2, []string{"18,442"}},
		{"a number without separators", forms, "18442", []int{2}, 2, []string{"18,442"}},
		{"a verb finds its noun", forms, "suspend", []int{1, 2}, 2, []string{"suspension"}},
		{"an inflection finds the family", forms, "extorting", []int{3, 4}, 3, []string{"extortionist", "extortion"}},
		{"an adjective finds its verb", forms, "cringing", []int{5}, 5, []string{"cringey", "cringe"}},
		{"diacritics in the text", diacritics, `"sao paulo"`, []int{1, 2}, 1, []string{"São Paulo"}},
		{"diacritics in the query", diacritics, `"São Paulo"`, []int{1, 2}, 2, []string{"Sao Paulo"}},
		{"words with diacritics", diacritics, "são paulo", []int{1, 2}, 1, []string{"São", "Paulo"}},
		{"café finds cafe", diacritics, "café", []int{1, 2, 4}, 4, []string{"cafés"}},
		{"zurich", diacritics, "zurich", []int{3, 4}, 3, []string{"Zürich"}},
		{"diacritic phrase", diacritics, `"naive decor"`, []int{3}, 3, []string{"naïve décor"}},
		{"curly apostrophe in text", apostrophes, "don't", []int{1, 2}, 1, []string{"don’t"}},
		{"curly apostrophe in query", apostrophes, "don’t", []int{1, 2}, 2, []string{"don't"}},
		{"possessive", apostrophes, `"iran's envoy"`, []int{3}, 3, []string{"Iran’s envoy"}},
		{"place finds demonym", apostrophes, "iran", []int{2, 3, 4}, 4, []string{"Iranian", "Iranians"}},
		{"demonym finds place", apostrophes, "iranians", []int{2, 3, 4}, 2, []string{"Iran's"}},
		{"exact word in quotes", apostrophes, `"iran"`, []int{2, 3}, 0, nil},
		{"short words are not prefixes", apostrophes, "war", []int{5}, 5, []string{"war"}},
		{"long words are prefixes", apostrophes, "warn", []int{5}, 5, []string{"Warning"}},
		{"capitalised abbreviation", "The WHO issued a warning.\nDoctors who saw it agreed.", "WHO", []int{1, 2}, 1, []string{"WHO"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.article)
			r := mustSearch(t, a, tt.query)
			if got := slices.Sorted(slices.Values(paragraphs(r))); !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) paragraphs = %v, want %v", tt.query, got, tt.want)
			}
			for _, m := range r.Matches {
				if m.Paragraph != tt.at {
					continue
				}
				if got := highlighted(a, m); !slices.Equal(got, tt.spans) {
					t.Errorf("Search(%q) highlights %q in ¶%d, want %q", tt.query, got, m.Paragraph, tt.spans)
				}
			}
		})
	}
}

func TestSearchInputErrors(t *testing.T) {
	a := Default()
	tests := []struct {
		name, query string
		mention     []string // words the reason must contain
	}{
		{"empty", "", []string{"Type a word"}},
		{"blank", " \t\n", []string{"Type a word"}},
		{"punctuation", "?!… --", []string{"no words"}},
		{"empty quotes", `""`, []string{"no words"}},
		{"one stop word", "the", []string{`"the" is too common`}},
		{"stop words", "of the And", []string{`"of", "the" and "and" are too common`, "double quotes"}},
		{"lower-case abbreviation", "who", []string{`"who" is too common`}},
		{"too long", strings.Repeat("russia ", 80), []string{"too long", fmt.Sprint(MaxQueryLen)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := a.Search(tt.query, Page{})
			var qe *InputError
			if !errors.As(err, &qe) {
				t.Fatalf("Search(%q) error = %v, want an *InputError", tt.query, err)
			}
			if qe.Input != tt.query {
				t.Errorf("Search(%q) InputError.Input = %q, want the query", tt.query, qe.Input)
			}
			for _, s := range tt.mention {
				if !strings.Contains(qe.Reason, s) {
					t.Errorf("Search(%q) Reason = %q, want it to contain %q", tt.query, qe.Reason, s)
				}
			}
			if len(r.Matches) != 0 {
				t.Errorf("Search(%q) = %v with an error, want no matches", tt.query, paragraphs(r))
			}
		})
	}
}

func TestSearchAccepts(t *testing.T) {
	a := Default()
	tests := []struct {
		name, query string
		ignored     []string
	}{
		{"stop words in a phrase", `"to the"`, nil},
		{"stop words beside a word", "the russia of", []string{"the", "of"}},
		{"exactly the longest query", strings.Repeat("a", MaxQueryLen-6) + " syria", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := a.Search(tt.query, Page{})
			if err != nil {
				t.Fatalf("Search(%q) error: %v, want none", tt.query, err)
			}
			checkResults(t, a, r)
			if len(r.Matches) == 0 {
				t.Errorf("Search(%q) found nothing", tt.query)
			}
			if !slices.Equal(r.Ignored, tt.ignored) {
				t.Errorf("Search(%q) Ignored = %q, want %q", tt.query, r.Ignored, tt.ignored)
			}
		})
	}
}

func TestSearchSuggestions(t *testing.T) {
	seed := Default()
	const spelling = `The plant by the river is closing.
Workers at the plant marched on Monday.
A plane flew over the plant.
The Zürich office stays open.`
	tests := []struct {
		name  string
		a     *Article
		query string
		want  []string
	}{
		{"one letter wrong", seed, "latakya", []string{"latakia"}},
		{"one letter missing", seed, "negotation", []string{"negotiation"}},
		{"capitals", seed, "Pentagn", []string{"pentagon"}},
		{"two words", seed, "latakya jatros", []string{"latakia", "jatras"}},
		{"nothing close", seed, "xylophone", nil},
		{"short words get no suggestion", seed, "zq", nil},
		{"ties go to the more frequent word", mustParse(t, spelling), "plank", []string{"plant", "plane"}},
		{"the article's spelling", mustParse(t, spelling), "zurik", []string{"zürich"}},
		{"unknown word in a phrase", seed, `"dead endd"`, []string{"end"}},
		{"only the unknown word", seed, "russia latakya", []string{"latakia"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.a.Search(tt.query, Page{})
			if err != nil {
				t.Fatalf("Search(%q) error: %v", tt.query, err)
			}
			if !slices.Equal(r.Suggestions, tt.want) {
				t.Errorf("Search(%q) Suggestions = %q, want %q", tt.query, r.Suggestions, tt.want)
			}
		})
	}
}

// TestSearchEmptyParagraph checks an article whose paragraphs hold no words.
func TestSearchEmptyParagraph(t *testing.T) {
	a := mustParse(t, "***\n\n— — —\n\nRussia talks.\n")
	r := mustSearch(t, a, "russia")
	if got := paragraphs(r); !slices.Equal(got, []int{3}) {
		t.Errorf("Search(%q) = %v, want [3]", "russia", got)
	}
}

// TestSearchConcurrent searches one article from several goroutines; run
// it with -race.
func TestSearchConcurrent(t *testing.T) {
	a := Default()
	want, err := a.Search(`russia "dead end" negotiation`, Page{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				got, err := a.Search(`russia "dead end" negotiation`, Page{})
				if err != nil || !slices.EqualFunc(got.Matches, want.Matches, func(x, y Match) bool {
					return x.Paragraph == y.Paragraph && x.Score == y.Score && slices.Equal(x.Spans, y.Spans)
				}) {
					t.Errorf("concurrent Search = %v, %v, want %v", paragraphs(got), err, paragraphs(want))
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestSearchSpansNotShared checks that appending to one match's spans does
// not change another's.
func TestSearchSpansNotShared(t *testing.T) {
	a := Default()
	r, err := a.Search("russia", Page{})
	if err != nil {
		t.Fatal(err)
	}
	before := slices.Clone(r.Matches[1].Spans)
	_ = append(r.Matches[0].Spans, Span{Start: 0, End: 1})
	if !slices.Equal(r.Matches[1].Spans, before) {
		t.Errorf("appending to one match's spans changed the next: %v, want %v", r.Matches[1].Spans, before)
	}
}

// TestSearchUnindexed checks that an article value with no index
// answers a search with nothing rather than failing.
func TestSearchUnindexed(t *testing.T) {
	var a Article
	r, err := a.Search("russia", Page{})
	if err != nil || len(r.Matches) != 0 {
		t.Errorf("Search(%q) on an empty Article = %v, %v, want no matches and no error", "russia", paragraphs(r), err)
	}
}

// TestSearchPages checks that a page of a search holds the matches of the
// whole ranking at that place, with the total, and that a page past the
// last gives the last.
func TestSearchPages(t *testing.T) {
	a := Default()
	all := mustSearch(t, a, "russia")
	if all.Total != len(all.Matches) || all.Total != 7 {
		t.Fatalf("Search(russia, all) = %d matches, Total %d, want 7 and 7", len(all.Matches), all.Total)
	}
	for _, tt := range []struct{ number, size, wantPage, from, to int }{
		{1, 3, 1, 0, 3},
		{2, 3, 2, 3, 6},
		{3, 3, 3, 6, 7},
		{9, 3, 3, 6, 7},
		{0, 2, 1, 0, 2},
		{1, 10, 1, 0, 7},
	} {
		t.Run(fmt.Sprintf("page %d of %d", tt.number, tt.size), func(t *testing.T) {
			r, err := a.Search("russia", Page{Number: tt.number, Size: tt.size})
			if err != nil {
				t.Fatal(err)
			}
			checkResults(t, a, r)
			if r.Total != all.Total || r.Page != tt.wantPage || r.Pages(tt.size) != (all.Total+tt.size-1)/tt.size {
				t.Errorf("Search(russia, %+v): Total %d, Page %d, Pages %d; want %d, %d, %d",
					Page{tt.number, tt.size}, r.Total, r.Page, r.Pages(tt.size), all.Total, tt.wantPage, (all.Total+tt.size-1)/tt.size)
			}
			if !reflect.DeepEqual(r.Matches, all.Matches[tt.from:tt.to]) {
				t.Errorf("Search(russia, %+v) = %v, want %v", Page{tt.number, tt.size}, paragraphs(r), paragraphs(Results{Matches: all.Matches[tt.from:tt.to]}))
			}
		})
	}
}

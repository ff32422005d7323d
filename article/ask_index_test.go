package article

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/articlebot/articlebot/article/internal/spans"
)

// testArticles returns the seed and the package's test articles.
func testArticles(t *testing.T) map[string]*Article {
	t.Helper()
	out := map[string]*Article{"seed": Default()}
	names, err := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		a, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(name)] = a
	}
	return out
}

// TestAskTablesSpans checks that the typed spans Ask builds on first use
// are those of each sentence's tokens as segmentation gives them.
func TestAskTablesSpans(t *testing.T) {
	for name, a := range testArticles(t) {
		t.Run(name, func(t *testing.T) {
			tables := a.tables()
			k := int32(0)
			offsets := a.peopleNamed()
			for p, seg := range segments(a) {
				for _, s := range seg.Sentences {
					want := spans.Find(seg.Text, seg.Tokens[s.From:s.To], offsets[p])
					if got := tables.spansOf(k); !slices.Equal(got, want) {
						t.Errorf("spans of sentence %d (%q) = %v, want %v", k, seg.Text[s.Span.Start:s.Span.End], got, want)
					}
					k++
				}
			}
			if k != int32(len(a.sentence)) {
				t.Errorf("segmentation gives %d sentences, the article has %d", k, len(a.sentence))
			}
		})
	}
}

// TestAskTablesConcurrent asks questions from many goroutines at once
// about a freshly parsed article, whose tables the first question builds:
// every answer is the one a single goroutine gets.
func TestAskTablesConcurrent(t *testing.T) {
	questions := []string{"who said Assad has to go?", "how many fighters were trained?", "where did Kerry meet Hammond?"}
	want := make([]int, len(questions))
	for i, q := range questions {
		ans, err := Default().Ask(q)
		if err != nil || !ans.Found() {
			t.Fatalf("Ask(%q) = %v, %v; want an answer", q, ans, err)
		}
		want[i] = ans.Sentences[0].Paragraph
	}
	a, err := parse(seedText, seedMeta, "seed/article.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]int, 8*len(questions))
	for i := range got {
		wg.Go(func() {
			if ans, err := a.Ask(questions[i%len(questions)]); err == nil && ans.Found() {
				got[i] = ans.Sentences[0].Paragraph
			}
		})
	}
	wg.Wait()
	for i, p := range got {
		if q := questions[i%len(questions)]; p != want[i%len(questions)] {
			t.Errorf("Ask(%q) in goroutine %d answers from paragraph %d, want %d", q, i, p, want[i%len(questions)])
		}
	}
}

// TestSearchSpansBothWays checks that the spans a search bolds, and the
// spellings it suggests, from the places of words kept at parse time are
// those that reading the paragraphs again gives, as an article built for
// search alone does.
func TestSearchSpansBothWays(t *testing.T) {
	queries := []string{"russia", "russia negotiation iran", `"dead end"`, "said", "police", `"the city"`, "4", "extorting", "high-level talks", "latakya", "polise", "Kery"}
	for name, a := range testArticles(t) {
		plain := ForSearch(paragraphTexts(a))
		for _, q := range queries {
			got, err := a.Search(q, Page{})
			if err != nil {
				t.Fatalf("Search(%q): %v", q, err)
			}
			want, err := plain.Search(q, Page{})
			if err != nil {
				t.Fatalf("Search(%q) on ForSearch: %v", q, err)
			}
			if !slices.Equal(got.Suggestions, want.Suggestions) {
				t.Errorf("%s: Search(%q) suggests %q, ForSearch's %q", name, q, got.Suggestions, want.Suggestions)
			}
			if len(got.Matches) != len(want.Matches) {
				t.Fatalf("%s: Search(%q) = %d matches, ForSearch's = %d", name, q, len(got.Matches), len(want.Matches))
			}
			for i, m := range got.Matches {
				if w := want.Matches[i]; m.Paragraph != w.Paragraph || !slices.Equal(m.Spans, w.Spans) {
					t.Errorf("%s: Search(%q) match %d = ¶%d %v, ForSearch's = ¶%d %v", name, q, i, m.Paragraph, m.Spans, w.Paragraph, w.Spans)
				}
			}
		}
	}
}

// TestPeopleNamed checks where the typed spans take a person to be named:
// at every form of a person's name the cast links to them, a surname on
// its own included, but not at a body's name nor after a word that counts
// a group.
func TestPeopleNamed(t *testing.T) {
	a, err := Parse(strings.NewReader(strings.Join([]string{
		"Dana Whitcombe, a harbour pilot, brought the stranded ferry in on Sunday, the Port Authority said.",
		"Whitcombe had been on duty for eleven hours.",
		"Wary Democrats in the county quickly guessed the reason. Some Democrats went home, the historian said.",
	}, "\n\n")))
	if err != nil {
		t.Fatal(err)
	}
	got := a.peopleNamed()
	for _, tt := range []struct {
		para int
		name string
		want bool
	}{
		{1, "Dana Whitcombe", true},
		{1, "Port Authority", false},
		{2, "Whitcombe", true},
		{3, "Democrats went", false},
	} {
		at := strings.Index(a.Paragraphs[tt.para-1].Text, tt.name)
		if named := slices.Contains(got[tt.para-1], at); named != tt.want {
			t.Errorf("peopleNamed() names a person at %q in ¶%d: %v, want %v (offsets %v)", tt.name, tt.para, named, tt.want, got[tt.para-1])
		}
	}
}

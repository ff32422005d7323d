package article

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/text"
	"github.com/articlebot/articlebot/internal/scaletext"
)

// Sinks keep the compiler from discarding the work being measured.
var (
	sinkArticle  *Article
	sinkResults  Results
	sinkSpeaker  *Speaker
	sinkSummary  Summary
	sinkIndex    *index.Index
	sinkSegments []text.Paragraph
)

// BenchmarkParse measures what start-up pays for the embedded article and
// its metadata: parsing, quote extraction and the search index. What only
// one command reads waits for its first use (BenchmarkFirstUse).
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a, err := parse(seedText, seedMeta, "seed/article.yaml")
		if err != nil {
			b.Fatal(err)
		}
		sinkArticle = a
	}
}

// BenchmarkBuildIndex measures the search index's share of BenchmarkParse:
// indexing the words of paragraphs already segmented.
func BenchmarkBuildIndex(b *testing.B) {
	a := Default()
	paras := segments(a)
	b.ReportAllocs()
	for b.Loop() {
		sinkIndex = index.New(paras)
	}
}

// BenchmarkSegment measures the segmentation layer's share of
// BenchmarkParse: the tokens, quotations and sentences of the seed.
func BenchmarkSegment(b *testing.B) {
	a := Default()
	b.ReportAllocs()
	for b.Loop() {
		sinkSegments = segments(a)
	}
}

// firstPage is the page /find shows first.
var firstPage = Page{Number: 1, Size: 3}

// BenchmarkSearch measures the first page of /find on the seed.
func BenchmarkSearch(b *testing.B) {
	a := Default()
	for _, bm := range []struct{ name, query string }{
		{"one-word", "russia"},
		{"three-words", "russia negotiation iran"},
		{"phrase", `"dead end"`},
		{"no-match", "latakya"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := a.Search(bm.query, firstPage)
				if err != nil {
					b.Fatal(err)
				}
				sinkResults = r
			}
		})
	}
}

func BenchmarkSpeakerLookup(b *testing.B) {
	a := Default()
	b.ReportAllocs()
	for b.Loop() {
		sinkSpeaker, _ = a.Speaker("kerry")
	}
}

// BenchmarkSummary measures the summary the bot serves, once its first
// use has worked it out, and the extractive summary written for an
// article without an editor's summary.
func BenchmarkSummary(b *testing.B) {
	a := Default()
	paras := segments(a)
	b.Run("served", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkSummary = a.Summary()
		}
	})
	b.Run("extractive", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkSummary = extractiveSummary(paras, a.Sentences(), 3)
		}
	})
}

// scaledArticle returns an indexed article made of copies of the seed's
// paragraphs, each ending with a word of its own ("w0000042"), so that the
// vocabulary grows with the article. It is larger than Parse accepts. The
// side-by-side comparison with another engine in bench/searchcmp builds
// the same article.
func scaledArticle(copies int) *Article {
	return ForSearch(scaletext.Paragraphs(paragraphTexts(Default()), copies))
}

var scaled = sync.OnceValue(func() map[int]*Article {
	return map[int]*Article{1: scaledArticle(1), 1000: scaledArticle(1000)}
})

// BenchmarkSearchScale asks for the first page of /find on an article of
// the seed's size and one a thousand times larger. A word found in one
// paragraph of either costs the same; a word found in every copy costs in
// proportion to its matches, which are counted but not all ranked.
func BenchmarkSearchScale(b *testing.B) {
	articles := scaled()
	for _, size := range []int{1, 1000} {
		a := articles[size]
		for _, bm := range []struct{ name, query string }{
			{"one-paragraph", "w0000011"},
			{"one-per-copy", "pentagon"},
			{"seven-per-copy", "russia"},
			{"phrase-two-per-copy", `"dead end"`},
			{"no-match", "latakya"},
		} {
			b.Run(fmt.Sprintf("x%d/%s", size, bm.name), func(b *testing.B) {
				b.ReportAllocs()
				r, err := a.Search(bm.query, firstPage)
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					sinkResults, _ = a.Search(bm.query, firstPage)
				}
				// Reported after the loop, which would discard it.
				b.ReportMetric(float64(r.Total), "matches")
			})
		}
	}
}

// TestScaledArticle checks that the benchmark's large article holds the
// matches BenchmarkSearchScale says it does.
func TestScaledArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an article of 15,000 paragraphs")
	}
	a := scaled()[1000]
	tests := []struct {
		query string
		want  int
	}{
		{"w0000011", 1},
		{"pentagon", 1000},
		{"russia", 7000},
		{`"dead end"`, 2000},
	}
	for _, tt := range tests {
		r, err := a.Search(tt.query, Page{})
		if err != nil {
			t.Fatalf("Search(%q) error: %v", tt.query, err)
		}
		if len(r.Matches) != tt.want {
			t.Errorf("Search(%q) on the large article = %d matches, want %d", tt.query, len(r.Matches), tt.want)
		}
		if strings.Count(a.Paragraphs[10].Text, "w0000011") != 1 {
			t.Fatalf("paragraph 11 of the large article does not end with its own word: %q", a.Paragraphs[10].Text)
		}
	}
}

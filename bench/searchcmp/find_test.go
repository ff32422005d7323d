package main

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// engines holds both engines over the article at each size, built once per
// process so that benchmarks run with -count reuse them.
type engines struct {
	articlebot, bleve engine
}

var built = sync.OnceValues(func() (map[int]engines, error) {
	m := make(map[int]engines)
	for _, c := range sizes {
		paragraphs := texts(c)
		b, err := newBleve(paragraphs)
		if err != nil {
			return nil, fmt.Errorf("bleve at %d×: %w", c, err)
		}
		m[c] = engines{articlebot: newArticlebot(paragraphs), bleve: b}
	}
	return m, nil
})

var sinkPage page

// BenchmarkFind answers each query with the first page of /find, with
// articlebot and with bleve in turn, at each size. Both engines of a case
// run one after the other, so that the load of the machine weighs on both
// alike; run with -count 10 and compare medians.
func BenchmarkFind(b *testing.B) {
	all, err := built()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range sizes {
		e := all[size]
		for _, q := range queries {
			for _, eng := range []struct {
				name string
				e    engine
			}{{"articlebot", e.articlebot}, {"bleve", e.bleve}} {
				b.Run(fmt.Sprintf("size=%d/query=%s/engine=%s", size, q.name, eng.name), func(b *testing.B) {
					b.ReportAllocs()
					var err error
					for b.Loop() {
						sinkPage, err = eng.e.find(q.query)
					}
					if err != nil {
						b.Fatal(err)
					}
					// Reported after the loop, which would discard it.
					b.ReportMetric(float64(sinkPage.total), "matches")
				})
			}
		}
	}
}

// testSizes are the sizes the tests check: all of them, or the small ones
// with -short.
func testSizes() []int {
	if testing.Short() {
		return sizes[:2]
	}
	return sizes
}

// TestFindPages checks that both engines find what the article holds, so
// that the benchmarks time real answers: the counts each query must reach
// at each size, and first pages of real paragraphs holding the words.
func TestFindPages(t *testing.T) {
	all, err := built()
	if err != nil {
		t.Fatal(err)
	}
	seed := texts(1)
	inSeed := func(word string) int {
		n := 0
		for _, p := range seed {
			if strings.Contains(strings.ToLower(p), word) {
				n++
			}
		}
		return n
	}
	for _, size := range testSizes() {
		for _, eng := range []struct {
			name string
			e    engine
		}{{"articlebot", all[size].articlebot}, {"bleve", all[size].bleve}} {
			find := func(t *testing.T, query string) page {
				t.Helper()
				p, err := eng.e.find(query)
				if err != nil {
					t.Fatalf("find(%q) error: %v", query, err)
				}
				if want := min(pageSize, p.total); p.n != want {
					t.Errorf("find(%q) shows %d of %d matches, want %d", query, p.n, p.total, want)
				}
				for _, h := range p.best() {
					if h.paragraph < 1 || h.paragraph > size*len(seed) || h.score <= 0 {
						t.Errorf("find(%q) shows paragraph %d with score %v, want a paragraph of 1..%d with a positive score",
							query, h.paragraph, h.score, size*len(seed))
					}
				}
				return p
			}
			t.Run(fmt.Sprintf("%s/%d", eng.name, size), func(t *testing.T) {
				tests := []struct {
					query   string
					want    int      // matching paragraphs
					atLeast bool     // want is a lower bound
					shown   []string // every shown paragraph holds one of these
				}{
					{"hammond", size * inSeed("hammond"), false, []string{"hammond"}},
					{`"dead end"`, size * inSeed("dead end"), false, []string{"dead end"}},
					{"latakya", 0, false, nil},
					// articlebot also matches "Russian"; bleve does not.
					{"russia", size * inSeed("russia "), true, []string{"russia"}},
					{"russia iran", size * max(inSeed("russia "), inSeed("iran")), true, []string{"russia", "iran"}},
				}
				for _, tt := range tests {
					p := find(t, tt.query)
					if p.total != tt.want && (!tt.atLeast || p.total < tt.want) {
						t.Errorf("find(%q) matches %d paragraphs, want %d", tt.query, p.total, tt.want)
					}
					for _, h := range p.best() {
						if !slices.ContainsFunc(tt.shown, func(w string) bool { return strings.Contains(strings.ToLower(h.text), w) }) {
							t.Errorf("find(%q) shows paragraph %d, which holds none of %q: %q", tt.query, h.paragraph, tt.shown, h.text)
						}
					}
				}
			})
		}
	}
}

// TestQueriesAreWhatTheyClaim checks that the queries the benchmarks name
// "rare" and "no-match" are so in the seed.
func TestQueriesAreWhatTheyClaim(t *testing.T) {
	seed := strings.ToLower(strings.Join(texts(1), "\n"))
	for _, q := range queries {
		switch q.name {
		case "rare":
			if n := strings.Count(seed, q.query); n != 1 {
				t.Errorf("the rare word %q occurs %d times in the seed, want 1", q.query, n)
			}
		case "no-match":
			if strings.Contains(seed, q.query) {
				t.Errorf("the seed holds %q, which the benchmarks call a word with no match", q.query)
			}
		}
	}
}

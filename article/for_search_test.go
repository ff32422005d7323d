package article

import (
	"reflect"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/internal/scaletext"
)

// TestForSearchSearchesAsParse checks that an article built by ForSearch
// answers every kind of query exactly as the parsed article with the same
// paragraphs does.
func TestForSearchSearchesAsParse(t *testing.T) {
	parsed := Default()
	built := ForSearch(paragraphTexts(parsed))
	for _, query := range []string{
		"russia", "pentagon", "russia iran", `"dead end"`, "high-level", "latakya", "the", "US",
	} {
		t.Run(query, func(t *testing.T) {
			want, wantErr := parsed.Search(query, Page{})
			got, err := built.Search(query, Page{})
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(err, wantErr) {
				t.Errorf("ForSearch(seed).Search(%q) = %v, %v, want %v, %v",
					query, paragraphs(got), err, paragraphs(want), wantErr)
			}
		})
	}
}

// TestForSearchLargerThanParse checks that ForSearch takes an article that
// Parse refuses as too large, numbers its paragraphs and finds the word
// only its last paragraph holds.
func TestForSearchLargerThanParse(t *testing.T) {
	texts := scaletext.Paragraphs(paragraphTexts(Default()), 500)
	if size := len(strings.Join(texts, "\n\n")); size <= MaxSize {
		t.Fatalf("the test article is %d bytes, want more than MaxSize (%d)", size, MaxSize)
	}
	a := ForSearch(texts)
	last := len(texts)
	if p, ok := a.Paragraph(last); !ok || p.N != last || p.Text != texts[last-1] {
		t.Fatalf("Paragraph(%d) = %+v, %v, want paragraph %d with its text", last, p, ok, last)
	}
	word := texts[last-1][strings.LastIndexByte(texts[last-1], ' ')+1:]
	r, err := a.Search(word, Page{})
	if err != nil {
		t.Fatalf("Search(%q) error: %v", word, err)
	}
	checkResults(t, a, r)
	if got := paragraphs(r); !reflect.DeepEqual(got, []int{last}) {
		t.Errorf("Search(%q) = %v, want [%d]", word, got, last)
	}
}

// TestForSearchEmpty checks that an article of no paragraphs finds nothing.
func TestForSearchEmpty(t *testing.T) {
	a := ForSearch(nil)
	r, err := a.Search("russia", Page{})
	if err != nil || len(r.Matches) != 0 {
		t.Errorf("ForSearch(nil).Search(%q) = %v, %v, want no matches and no error", "russia", paragraphs(r), err)
	}
}

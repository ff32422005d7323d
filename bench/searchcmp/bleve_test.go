package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// TestBleveSetUp checks that the bleve index is what the comparison says:
// scorch, in memory, one document per paragraph, scoring with BM25, and
// stemming with English rules.
func TestBleveSetUp(t *testing.T) {
	paragraphs := []string{
		"Talks on the negotiations resumed.",
		"The minister negotiated with her counterpart.",
		"Nothing here matches.",
	}
	e, err := newBleve(paragraphs)
	if err != nil {
		t.Fatal(err)
	}
	defer e.idx.Close()

	adv, err := e.idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := adv.(*scorch.Scorch); !ok {
		t.Errorf("the index is a %T, want *scorch.Scorch", adv)
	}
	if n, err := e.idx.DocCount(); err != nil || n != uint64(len(paragraphs)) {
		t.Errorf("DocCount() = %d, %v, want %d", n, err, len(paragraphs))
	}

	req := bleve.NewSearchRequestOptions(bleveQuery("negotiate"), pageSize, 0, true)
	res, err := e.idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Errorf("searching %q matches %d paragraphs, want 2 (negotiations, negotiated)", "negotiate", res.Total)
	}
	for _, h := range res.Hits {
		if !mentions(h.Expl, "bm25") {
			t.Errorf("the score of document %s is not explained as BM25: %v", h.ID, h.Expl)
		}
	}
}

// mentions reports whether an explanation of a score, or one of its parts,
// mentions word.
func mentions(e *search.Explanation, word string) bool {
	if e == nil {
		return false
	}
	if strings.Contains(strings.ToLower(e.Message), word) {
		return true
	}
	for _, c := range e.Children {
		if mentions(c, word) {
			return true
		}
	}
	return false
}

func TestBleveQuery(t *testing.T) {
	tests := []struct {
		query, want string
	}{
		{"russia", "match text:russia"},
		{"russia iran", "match text:russia iran"},
		{`"dead end"`, "phrase text:dead end"},
		{`"unclosed`, `match text:"unclosed`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got string
			switch q := bleveQuery(tt.query).(type) {
			case *query.MatchQuery:
				got = "match " + q.FieldVal + ":" + q.Match
			case *query.MatchPhraseQuery:
				got = "phrase " + q.FieldVal + ":" + q.MatchPhrase
			default:
				got = fmt.Sprintf("%T", q)
			}
			if got != tt.want {
				t.Errorf("bleveQuery(%q) = %s, want %s", tt.query, got, tt.want)
			}
		})
	}
}

// TestBleveOneMemorySegment checks that each index the benchmarks search is
// one segment, held in memory, of one document per paragraph.
func TestBleveOneMemorySegment(t *testing.T) {
	all, err := built()
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range testSizes() {
		e := all[size].bleve.(bleveEngine)
		adv, err := e.idx.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		snap, ok := r.(*scorch.IndexSnapshot)
		if !ok {
			r.Close()
			t.Fatalf("the index at %d× reads as a %T, want *scorch.IndexSnapshot", size, r)
		}
		segs := snap.Segments()
		if len(segs) != 1 {
			t.Errorf("the index at %d× has %d segments, want 1", size, len(segs))
		}
		for _, seg := range segs {
			if _, onDisk := seg.Segment().(segment.PersistedSegment); onDisk {
				t.Errorf("a segment of the index at %d× is on disk", size)
			}
			if n := seg.Count(); n != uint64(len(e.paragraphs)) {
				t.Errorf("the segment at %d× holds %d documents, want %d", size, n, len(e.paragraphs))
			}
		}
		r.Close()
	}
}

package index

import (
	"slices"

	"github.com/articlebot/articlebot/article/internal/text"
)

// Ranked is a paragraph that matches a query, with what ranks it.
type Ranked struct {
	// Score is the paragraph's BM25 score for the query.
	Score float64
	// Terms is how many of the query's words and phrases it holds.
	Terms int32
	// Para is the paragraph's index, counting from 0.
	Para   int32
	lo, hi int32 // the paragraph's groups are q.groups[lo:hi]
}

// Rank returns the paragraphs that match the query, best first: those
// holding more of its words and phrases first, then by score, then in
// document order.
func (q *Query) Rank() []Ranked {
	if len(q.groups) == 0 {
		return nil
	}
	if len(q.terms) > 1 {
		slices.SortFunc(q.groups, func(x, y termGroup) int {
			if x.para != y.para {
				return int(x.para - y.para)
			}
			return int(x.term - y.term)
		})
	}
	order := make([]Ranked, 0, len(q.groups))
	for lo := 0; lo < len(q.groups); {
		r := Ranked{Para: q.groups[lo].para, lo: int32(lo)}
		hi := lo
		for hi < len(q.groups) && q.groups[hi].para == r.Para {
			r.Score += q.groups[hi].score
			hi++
		}
		r.Terms, r.hi = int32(hi-lo), int32(hi)
		order = append(order, r)
		lo = hi
	}
	slices.SortFunc(order, func(x, y Ranked) int {
		switch {
		case x.Terms != y.Terms:
			return int(y.Terms - x.Terms)
		case x.Score > y.Score:
			return -1
		case x.Score < y.Score:
			return 1
		}
		return int(x.Para - y.Para)
	})
	return order
}

// Hits returns how many hits the query's terms have in all: enough room for
// the spans of every ranked paragraph.
func (q *Query) Hits() int { return q.hits }

// AppendSpans appends to dst where the query's words and phrases stand in
// the ranked paragraph, in order and merged where they overlap or touch. A
// phrase is one span from its first word to its last.
func (q *Query) AppendSpans(dst []text.Span, r Ranked) []text.Span {
	first := len(dst)
	for _, g := range q.groups[r.lo:r.hi] {
		t := &q.terms[g.term]
		for _, at := range t.hits[g.lo:g.hi] {
			dst = append(dst, text.Span{
				Start: int(q.ix.postings[at].Start),
				End:   int(q.ix.postings[int(at)+t.size-1].End),
			})
		}
	}
	merged := MergeSpans(dst[first:])
	return dst[:first+len(merged)]
}

// MergeSpans sorts spans and joins those that overlap or touch, in place.
func MergeSpans(spans []text.Span) []text.Span {
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(x, y text.Span) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return x.End - y.End
	})
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp.Start <= last.End {
			last.End = max(last.End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

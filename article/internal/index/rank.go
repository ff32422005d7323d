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
	Para int32
}

// better reports whether x ranks before y: holding more of the query's
// words and phrases, then scoring higher, then coming first.
func better(x, y Ranked) bool {
	switch {
	case x.Terms != y.Terms:
		return x.Terms > y.Terms
	case x.Score != y.Score:
		return x.Score > y.Score
	}
	return x.Para < y.Para
}

// Rank returns the paragraphs ranked from first (counting from 0) up to
// first+n, best first, and how many paragraphs match in all; n < 0 asks
// for all of them from first on. The best are kept in a bounded heap while
// the rest are only counted, so the time taken grows with the matches but
// the sorting and the memory only with the page asked for.
func (q *Query) Rank(first, n int) (page []Ranked, total int) {
	if len(q.terms) == 0 {
		return nil, 0
	}
	keep := -1
	if n >= 0 {
		keep = first + n
	}
	top := topK{k: keep}
	nParas := float64(q.ix.Paragraphs())
	idf := make([]float64, len(q.terms))
	for i, t := range q.terms {
		idf[i] = IDF(nParas, float64(len(t.hits)))
	}
	score := func(t int, h hit) float64 {
		return idf[t] * TF(float64(h.tf), float64(q.ix.paraLen[h.para]), q.ix.avgLen)
	}

	if len(q.terms) == 1 {
		for _, h := range q.terms[0].hits {
			top.push(Ranked{Score: score(0, h), Terms: 1, Para: h.para})
		}
		total = len(q.terms[0].hits)
	} else {
		// Merge the terms' paragraphs, taking the lowest each time.
		at := make([]int, len(q.terms))
		for {
			low := int32(-1)
			for i, t := range q.terms {
				if at[i] < len(t.hits) && (low < 0 || t.hits[at[i]].para < low) {
					low = t.hits[at[i]].para
				}
			}
			if low < 0 {
				break
			}
			r := Ranked{Para: low}
			for i, t := range q.terms {
				if at[i] < len(t.hits) && t.hits[at[i]].para == low {
					r.Score += score(i, t.hits[at[i]])
					r.Terms++
					at[i]++
				}
			}
			top.push(r)
			total++
		}
	}
	ranked := top.sorted()
	if first >= len(ranked) {
		return nil, total
	}
	return ranked[first:], total
}

// topK keeps the k best of the matches pushed to it, or all of them when
// k < 0. The kept ones are a heap with the worst at the root, so a match
// that is no better than all of them costs one comparison.
type topK struct {
	k    int
	heap []Ranked
}

func (t *topK) push(r Ranked) {
	switch {
	case t.k < 0:
		t.heap = append(t.heap, r)
	case t.k == 0:
	case len(t.heap) < t.k:
		t.heap = append(t.heap, r)
		t.up(len(t.heap) - 1)
	case better(r, t.heap[0]):
		t.heap[0] = r
		t.down(0)
	}
}

// up and down keep the heap's order: no kept match is worse than its
// parent.
func (t *topK) up(i int) {
	h := t.heap
	for i > 0 {
		p := (i - 1) / 2
		if !better(h[p], h[i]) {
			break
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func (t *topK) down(i int) {
	h := t.heap
	for {
		worst := i
		if c := 2*i + 1; c < len(h) && better(h[worst], h[c]) {
			worst = c
		}
		if c := 2*i + 2; c < len(h) && better(h[worst], h[c]) {
			worst = c
		}
		if worst == i {
			return
		}
		h[worst], h[i] = h[i], h[worst]
		i = worst
	}
}

// sorted returns the kept matches, best first.
func (t *topK) sorted() []Ranked {
	slices.SortFunc(t.heap, func(x, y Ranked) int {
		if better(x, y) {
			return -1
		}
		if better(y, x) {
			return 1
		}
		return 0
	})
	return t.heap
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

package index

import (
	"slices"

	"github.com/articlebot/articlebot/article/internal/text"
)

// Query gathers the words and phrases of one search and the paragraphs
// holding each, ready to rank.
type Query struct {
	ix      *Index
	terms   []term
	unknown []string // query words that are not in the article
}

// term is a word or a phrase of a query with the paragraphs holding it.
type term struct {
	// slots holds, for each word of the term, the ids of the article's
	// words it matches, sorted: one slot for a word, one per word for a
	// phrase.
	slots [][]int32
	hits  []hit // the paragraphs holding the term, ascending
}

// hit is a paragraph holding a term, and how many times it does.
type hit struct{ para, tf int32 }

// NewQuery returns an empty query on the index.
func (ix *Index) NewQuery() *Query { return &Query{ix: ix} }

// Unknown returns the query's words that the article does not hold in any
// form, in the order they were added.
func (q *Query) Unknown() []string { return q.unknown }

// AddWord adds a folded word, which matches the article's words that Forms
// gives for it.
func (q *Query) AddWord(w string, free bool) {
	forms := q.ix.Forms(w, free)
	if len(forms) == 0 {
		q.unknown = append(q.unknown, w)
		return
	}
	q.add([][]int32{forms}, func() []hit { return q.ix.wordHits(forms) })
}

// AddPhrase adds folded words that must match in order, stem for stem. A
// word the article lacks makes the phrase match nothing; it is noted as
// unknown unless it is a stop word.
func (q *Query) AddPhrase(words []string) {
	slots := make([][]int32, len(words))
	missing := false
	for i, w := range words {
		slots[i] = q.ix.StemWords(w)
		if len(slots[i]) == 0 {
			if !text.IsStopWord(w) {
				q.unknown = append(q.unknown, w)
			}
			missing = true
		}
	}
	if missing {
		return
	}
	q.add(slots, func() []hit { return q.ix.phraseHits(slots) })
}

// add adds a term unless it matches exactly what an earlier one does; hits
// finds its paragraphs.
func (q *Query) add(slots [][]int32, hits func() []hit) {
	for _, prev := range q.terms {
		if slices.EqualFunc(prev.slots, slots, slices.Equal) {
			return
		}
	}
	q.terms = append(q.terms, term{slots: slots, hits: hits()})
}

// wordHits returns the paragraphs holding any of the words, ascending, with
// how many times they do.
func (ix *Index) wordHits(words []int32) []hit {
	n := 0
	for _, w := range words {
		n += int(ix.df[w])
	}
	hits := make([]hit, 0, n)
	if len(words) == 1 {
		c := ix.cursor(words[0])
		for c.next() {
			hits = append(hits, hit{c.para, c.tf})
		}
		return hits
	}
	cs := make([]cursor, 0, len(words))
	for _, w := range words {
		c := ix.cursor(w)
		if c.next() {
			cs = append(cs, c)
		}
	}
	// Merge the words' paragraphs, taking the lowest each time: the
	// words of one query word are few.
	for len(cs) > 0 {
		low := cs[0].para
		for i := 1; i < len(cs); i++ {
			low = min(low, cs[i].para)
		}
		h := hit{para: low}
		for i := 0; i < len(cs); {
			if cs[i].para != low {
				i++
				continue
			}
			h.tf += cs[i].tf
			if !cs[i].next() {
				cs[i] = cs[len(cs)-1]
				cs = cs[:len(cs)-1]
				continue
			}
			i++
		}
		hits = append(hits, h)
	}
	return hits
}

// phraseHits returns the paragraphs where words of the slots occur one
// after another, in order, with how many times they do. It reads the
// positions only in the paragraphs that hold a word of every slot.
func (ix *Index) phraseHits(slots [][]int32) []hit {
	cands := ix.wordHits(slots[0])
	for _, s := range slots[1:] {
		cands = intersect(cands, ix.wordHits(s))
		if len(cands) == 0 {
			return nil
		}
	}
	// One cursor per word of each slot, moved forward as the candidate
	// paragraphs go.
	curs := make([][]cursor, len(slots))
	for j, s := range slots {
		for _, w := range s {
			curs[j] = append(curs[j], ix.cursor(w))
		}
	}
	pos := make([][]int32, len(slots))
	var hits []hit
	for _, c := range cands {
		for j := range slots {
			pos[j] = pos[j][:0]
			for k := range curs[j] {
				cu := &curs[j][k]
				for cu.para < c.para && cu.next() {
				}
				if cu.para == c.para {
					pos[j] = cu.positions(pos[j])
				}
			}
			if len(curs[j]) > 1 {
				slices.Sort(pos[j])
			}
		}
		n := int32(0)
		for _, p := range pos[0] {
			ok := true
			for j := 1; j < len(slots) && ok; j++ {
				_, ok = slices.BinarySearch(pos[j], p+int32(j))
			}
			if ok {
				n++
			}
		}
		if n > 0 {
			hits = append(hits, hit{c.para, n})
		}
	}
	return hits
}

// intersect returns the hits of a whose paragraphs b holds too.
func intersect(a, b []hit) []hit {
	out := a[:0]
	j := 0
	for _, h := range a {
		for j < len(b) && b[j].para < h.para {
			j++
		}
		if j < len(b) && b[j].para == h.para {
			out = append(out, h)
		}
	}
	return out
}

// Spans returns where the query's words and phrases stand in the text of a
// paragraph, as WordSpans does. It reads the paragraph's words again, so
// it costs what tokenizing the paragraph costs: it is meant for the few
// paragraphs shown, of an article whose words' places were not kept.
func (q *Query) Spans(paragraph string) []text.Span {
	words := text.PlainWords(paragraph)
	ids := make([]int32, len(words))
	for i, w := range words {
		ids[i] = -1
		if id, ok := q.ix.ID(w.Fold); ok {
			ids[i] = id
		}
	}
	return q.WordSpans(ids, func(i int) text.Span { return words[i].Span })
}

// WordSpans returns where the query's words and phrases stand among the
// words of a paragraph, given in order by their ids (-1 for a word the
// index lacks) and their spans, in order and merged where they overlap or
// touch; a phrase is one span from its first word to its last.
func (q *Query) WordSpans(ids []int32, span func(i int) text.Span) []text.Span {
	var spans []text.Span
	for i, id := range ids {
		for _, t := range q.terms {
			n := len(t.slots)
			if i+n > len(ids) || !fills(t.slots[0], id) {
				continue
			}
			ok := true
			for j := 1; j < n && ok; j++ {
				ok = fills(t.slots[j], ids[i+j])
			}
			if ok {
				spans = append(spans, text.Span{Start: span(i).Start, End: span(i + n - 1).End})
			}
		}
	}
	return MergeSpans(spans)
}

// fills reports whether the word id is one of a slot's sorted ids.
func fills(slot []int32, id int32) bool {
	_, found := slices.BinarySearch(slot, id)
	return found
}

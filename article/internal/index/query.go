package index

import (
	"slices"
	"sync"

	"github.com/articlebot/articlebot/article/internal/text"
)

// Query gathers the words and phrases of one search and the paragraphs
// holding each, ready to rank.
type Query struct {
	ix      *Index
	terms   []term
	unknown []string             // query words that are not in the article
	slotsOf map[string][]slotRef // see Spans
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
// paragraph, in order and merged where they overlap or touch; a phrase is
// one span from its first word to its last. It reads the paragraph's words
// again, so it costs what tokenizing the paragraph costs: it is meant for
// the few paragraphs shown.
func (q *Query) Spans(paragraph string) []text.Span {
	if q.slotsOf == nil {
		// Which slots of which terms each of the article's words fills,
		// by its folded form: found once, for the query's first page.
		q.slotsOf = make(map[string][]slotRef)
		for ti, t := range q.terms {
			for j, slot := range t.slots {
				for _, id := range slot {
					w := q.ix.Word(id)
					q.slotsOf[w] = append(q.slotsOf[w], slotRef{int32(ti), int32(j)})
				}
			}
		}
	}
	buf := spanBufs.Get().(*spanBuf)
	defer buf.release()
	// Room for the paragraph's tokens and then its words, about one each
	// five bytes.
	buf.words = text.AppendPlainWords(slices.Grow(buf.words[:0], 2*(len(paragraph)/5+1)), paragraph)
	words := buf.words
	buf.fills = slices.Grow(buf.fills[:0], len(words))[:len(words)]
	fills := buf.fills
	for i, w := range words {
		fills[i] = q.slotsOf[w.Fold]
	}
	var spans []text.Span
	for i, refs := range fills {
		for _, r := range refs {
			if r.slot != 0 {
				continue
			}
			t := &q.terms[r.term]
			n := len(t.slots)
			if i+n > len(words) {
				continue
			}
			ok := true
			for j := 1; j < n && ok; j++ {
				ok = slices.Contains(fills[i+j], slotRef{r.term, int32(j)})
			}
			if ok {
				spans = append(spans, text.Span{Start: words[i].Span.Start, End: words[i+n-1].Span.End})
			}
		}
	}
	return MergeSpans(spans)
}

// spanBuf is what Spans reads a paragraph into: its words, and the slots
// each fills.
type spanBuf struct {
	words []text.Token
	fills [][]slotRef
}

// spanBufs keeps Spans' buffers between calls, so that bolding the
// paragraphs a search shows allocates nothing for them once the buffers
// have grown to the paragraphs' size.
var spanBufs = sync.Pool{New: func() any { return new(spanBuf) }}

// maxPooledWords bounds the buffers kept: one grown for a longer paragraph
// is left to the garbage collector.
const maxPooledWords = 1 << 12

func (b *spanBuf) release() {
	if cap(b.words) <= maxPooledWords && cap(b.fills) <= maxPooledWords {
		spanBufs.Put(b)
	}
}

// slotRef names the j-th word (slot) of the query's term-th term.
type slotRef struct{ term, slot int32 }

package index

import (
	"slices"

	"github.com/articlebot/articlebot/article/internal/text"
)

// Query gathers the words and phrases of one search and where they occur,
// by paragraph, ready to rank.
type Query struct {
	ix      *Index
	terms   []term
	groups  []termGroup
	hits    int      // the hits of every term
	unknown []string // query words that are not in the article
}

// term is a word or a phrase of a query with where it occurs.
type term struct {
	key  []int32 // word ids of a word's forms, or stem ids of a phrase's words
	size int     // number of words a hit covers
	hits []int32 // indices of postings where the term starts, ascending
}

// termGroup is the hits of one term in one paragraph.
type termGroup struct {
	para   int32
	term   int32
	lo, hi int32 // the hits are terms[term].hits[lo:hi]
	score  float64
}

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
	q.add(term{key: forms, size: 1, hits: q.ix.HitsOf(forms)})
}

// AddPhrase adds folded words that must match in order, stem for stem. A
// word the article lacks makes the phrase match nothing; it is noted as
// unknown unless it is a stop word.
func (q *Query) AddPhrase(words []string) {
	ix := q.ix
	sids := make([]int32, len(words))
	missing := false
	for i, w := range words {
		sid, ok := ix.StemID(w)
		if !ok {
			if !text.IsStopWord(w) {
				q.unknown = append(q.unknown, w)
			}
			missing = true
		}
		sids[i] = sid
	}
	if missing {
		return
	}
	q.add(term{key: sids, size: len(words), hits: ix.phraseHits(sids)})
}

// phraseHits returns where the stems occur in a row within a paragraph. It
// walks the occurrences of the rarest stem and checks the words around
// each.
func (ix *Index) phraseHits(sids []int32) []int32 {
	rare, rareCount := 0, -1
	for i, sid := range sids {
		c := 0
		for _, w := range ix.StemForms(sid) {
			c += ix.Freq(w)
		}
		if rareCount < 0 || c < rareCount {
			rare, rareCount = i, c
		}
	}
	var hits []int32
	for _, w := range ix.StemForms(sids[rare]) {
		for _, at := range ix.Occurrences(w) {
			start := int(at) - rare
			p := ix.postings[at].Para
			if start < int(ix.paraStart[p]) || start+len(sids) > int(ix.paraStart[p+1]) {
				continue
			}
			ok := true
			for j, sid := range sids {
				if ix.stemOf[ix.postings[start+j].Word] != sid {
					ok = false
					break
				}
			}
			if ok {
				hits = append(hits, int32(start))
			}
		}
	}
	slices.Sort(hits)
	return hits
}

// add records a term's hits by paragraph, each group scored with BM25. A
// term that duplicates an earlier one is skipped.
func (q *Query) add(e term) {
	for _, prev := range q.terms {
		if prev.size == e.size && slices.Equal(prev.key, e.key) {
			return
		}
	}
	q.terms = append(q.terms, e)
	q.hits += len(e.hits)
	ti := int32(len(q.terms) - 1)

	first := len(q.groups)
	for lo := 0; lo < len(e.hits); {
		p := q.ix.postings[e.hits[lo]].Para
		hi := lo + 1
		for hi < len(e.hits) && q.ix.postings[e.hits[hi]].Para == p {
			hi++
		}
		q.groups = append(q.groups, termGroup{para: p, term: ti, lo: int32(lo), hi: int32(hi)})
		lo = hi
	}
	idf := IDF(float64(q.ix.Paragraphs()), float64(len(q.groups)-first))
	for i := first; i < len(q.groups); i++ {
		g := &q.groups[i]
		g.score = idf * TF(float64(g.hi-g.lo), float64(q.ix.ParaLen(g.para)), q.ix.avgLen)
	}
}

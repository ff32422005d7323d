package article

import (
	"github.com/articlebot/articlebot/article/internal/text"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// BM25 parameters, as Lucene sets them by default: k1 bounds how much a
// repeated word adds, b how much a long document is discounted.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// bm25IDF is BM25's inverse document frequency of a word that df of n
// documents hold.
func bm25IDF(n, df float64) float64 {
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// bm25TF is BM25's saturated weight of a word occurring tf times in a
// document of length words, where documents average avgLen words.
func bm25TF(tf, length, avgLen float64) float64 {
	return tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*length/avgLen))
}

// itoken is one word of the article as the index keeps it.
type itoken struct {
	start, end int32 // byte span in the paragraph's Text
	para       int32 // paragraph index, counting from 0
	word       int32 // id of the folded word
}

// index is the search index over the article's paragraphs. Every word of
// every paragraph, stop words included, is indexed, so that phrases can hold
// stop words. The index is built once and only read afterwards.
type index struct {
	toks      []itoken // every word of the article in document order
	paraStart []int32  // paragraph i's words are toks[paraStart[i]:paraStart[i+1]]
	avgLen    float64  // average number of words in a paragraph

	words  []string         // folded words by id, in order of first appearance
	ids    map[string]int32 // folded word -> id
	sorted []int32          // word ids in the byte order of their words

	stemOf    []int32          // word id -> stem id
	stems     map[string]int32 // stem -> stem id
	stemStart []int32          // stem s's words are stemWords[stemStart[s]:stemStart[s+1]]
	stemWords []int32

	occStart []int32 // word w occurs at toks[i] for each i in occ[occStart[w]:occStart[w+1]]
	occ      []int32

	letters []uint64 // word id -> letterSet of the word
	length  []int32  // word id -> length of the word in characters
}

// buildIndex builds the search index over the article's paragraphs.
func (a *Article) buildIndex(paras []text.Paragraph) { a.idx = newIndex(paras) }

// newIndex indexes the plain words of the paragraphs (see
// text.AppendWords).
func newIndex(paras []text.Paragraph) *index {
	ix := &index{
		ids:       make(map[string]int32),
		stems:     make(map[string]int32),
		paraStart: make([]int32, 0, len(paras)+1),
	}
	var words []text.Token
	for pi, p := range paras {
		ix.paraStart = append(ix.paraStart, int32(len(ix.toks)))
		for _, tok := range p.Tokens {
			words = text.AppendWords(words[:0], p.Text, tok)
			for _, t := range words {
				id, ok := ix.ids[t.Fold]
				if !ok {
					id = int32(len(ix.words))
					ix.ids[t.Fold] = id
					ix.words = append(ix.words, t.Fold)
				}
				ix.toks = append(ix.toks, itoken{
					start: int32(t.Span.Start), end: int32(t.Span.End),
					para: int32(pi), word: id,
				})
			}
		}
	}
	ix.paraStart = append(ix.paraStart, int32(len(ix.toks)))
	ix.avgLen = 1
	if len(paras) > 0 && len(ix.toks) > 0 {
		ix.avgLen = float64(len(ix.toks)) / float64(len(paras))
	}

	nw := len(ix.words)
	ix.sorted = make([]int32, nw)
	for i := range ix.sorted {
		ix.sorted[i] = int32(i)
	}
	slices.SortFunc(ix.sorted, func(x, y int32) int { return strings.Compare(ix.words[x], ix.words[y]) })

	ix.stemOf = make([]int32, nw)
	ix.letters = make([]uint64, nw)
	ix.length = make([]int32, nw)
	for w, word := range ix.words {
		ix.letters[w] = letterSet(word)
		ix.length[w] = int32(utf8.RuneCountInString(word))
		s := text.Stem(word)
		id, ok := ix.stems[s]
		if !ok {
			id = int32(len(ix.stems))
			ix.stems[s] = id
		}
		ix.stemOf[w] = id
	}
	ix.stemStart, ix.stemWords = group(len(ix.stems), nw, func(w int) int32 { return ix.stemOf[w] })
	ix.occStart, ix.occ = group(nw, len(ix.toks), func(i int) int32 { return ix.toks[i].word })
	return ix
}

// group sorts the items 0..n-1 into buckets 0..buckets-1 by key, keeping
// their order within a bucket: bucket k holds items[start[k]:start[k+1]].
func group(buckets, n int, key func(int) int32) (start, items []int32) {
	start = make([]int32, buckets+1)
	for i := range n {
		start[key(i)+1]++
	}
	for k := range buckets {
		start[k+1] += start[k]
	}
	items = make([]int32, n)
	next := slices.Clone(start[:buckets])
	for i := range n {
		k := key(i)
		items[next[k]] = int32(i)
		next[k]++
	}
	return start, items
}

// occurrences returns where word w occurs, as indices of toks in ascending order.
func (ix *index) occurrences(w int32) []int32 { return ix.occ[ix.occStart[w]:ix.occStart[w+1]] }

// freq returns how many times word w occurs in the article.
func (ix *index) freq(w int32) int { return int(ix.occStart[w+1] - ix.occStart[w]) }

// stemForms returns the ids of the words whose stem has id s.
func (ix *index) stemForms(s int32) []int32 { return ix.stemWords[ix.stemStart[s]:ix.stemStart[s+1]] }

// paraLen returns the number of words in paragraph p, counting from 0.
func (ix *index) paraLen(p int32) int { return int(ix.paraStart[p+1] - ix.paraStart[p]) }

// withPrefix returns the ids of the words that start with prefix, in the
// byte order of the words.
func (ix *index) withPrefix(prefix string) []int32 {
	lo, _ := slices.BinarySearchFunc(ix.sorted, prefix, func(id int32, p string) int {
		return strings.Compare(ix.words[id], p)
	})
	hi := lo
	for hi < len(ix.sorted) && strings.HasPrefix(ix.words[ix.sorted[hi]], prefix) {
		hi++
	}
	return ix.sorted[lo:hi]
}

// forms returns the ids of the article's words that the folded word w
// matches, sorted: the words with its stem and, for a free word (one outside
// a quoted phrase), the words that start with it when it has four letters or
// more ("russia" finds "Russian") and the forms of the place a demonym names
// ("iranians" finds "Iran").
func (ix *index) forms(w string, free bool) []int32 {
	var forms []int32
	if sid, ok := ix.stemID(w); ok {
		forms = append(forms, ix.stemForms(sid)...)
	}
	if free {
		if utf8.RuneCountInString(w) >= prefixMinRunes {
			forms = append(forms, ix.withPrefix(w)...)
		}
		for _, base := range demonymBases(w) {
			if sid, ok := ix.stemID(base); ok {
				forms = append(forms, ix.stemForms(sid)...)
			}
		}
	}
	slices.Sort(forms)
	return slices.Compact(forms)
}

// hitsOf returns where any of the words occur, as ascending indices of
// toks. The result may share memory with the index: do not modify it.
func (ix *index) hitsOf(words []int32) []int32 {
	if len(words) == 1 {
		return ix.occurrences(words[0])
	}
	n := 0
	for _, w := range words {
		n += ix.freq(w)
	}
	hits := make([]int32, 0, n)
	for _, w := range words {
		hits = append(hits, ix.occurrences(w)...)
	}
	slices.Sort(hits)
	return hits
}

// stemID returns the id of the stem of the folded word w, if any word of the
// article has that stem.
func (ix *index) stemID(w string) (int32, bool) {
	if id, ok := ix.ids[w]; ok {
		return ix.stemOf[id], true
	}
	s, ok := ix.stems[text.Stem(w)]
	return s, ok
}

// letterSet returns the set of characters in w as bits: one for each of a to
// z and 0 to 9, and the other characters hashed onto the remaining bits.
func letterSet(w string) uint64 {
	var set uint64
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			set |= 1 << (r - 'a')
		case r >= '0' && r <= '9':
			set |= 1 << (26 + r - '0')
		default:
			set |= 1 << (36 + uint32(r)%28)
		}
	}
	return set
}

// minEdits returns a lower bound of the edit distance between two words from
// their letter sets: each character of one word that the other lacks must be
// deleted or replaced, and one edit removes at most one such character from
// each side.
func minEdits(x, y uint64) int {
	return max(bits.OnesCount64(x&^y), bits.OnesCount64(y&^x))
}

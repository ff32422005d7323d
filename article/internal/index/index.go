// Package index is the engine's search index: every word of an article's
// paragraphs with where it stands, its folded and stemmed forms, and BM25
// ranking of the paragraphs that hold a query's words. Search ranks
// paragraphs with it, and Ask ranks sentences from the same postings.
//
// The index has three parts, each in its own file: the vocabulary (a word's
// forms: its stem, the words it is a prefix of, the country a demonym
// names), the postings (where each word occurs), and scoring and ranking
// (BM25, and matches ranked by terms held, then score). An index is built
// once and only read afterwards, so any number of goroutines may read it.
package index

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/text"
)

// Posting is one occurrence of a word in the article.
type Posting struct {
	Start, End int32 // the word's bytes in its paragraph's text
	Para       int32 // the paragraph's index, counting from 0
	Word       int32 // the id of the folded word
}

// Index is the search index over an article's paragraphs. Every word of
// every paragraph, stop words included, is indexed, so that phrases can hold
// stop words.
type Index struct {
	postings  []Posting // every word of the article in document order
	paraStart []int32   // paragraph i's postings are postings[paraStart[i]:paraStart[i+1]]
	avgLen    float64   // average number of words in a paragraph

	words  []string         // folded words by id, in order of first appearance
	ids    map[string]int32 // folded word -> id
	sorted []int32          // word ids in the byte order of their words

	stemOf    []int32          // word id -> stem id
	stems     map[string]int32 // stem -> stem id
	stemStart []int32          // stem s's words are stemWords[stemStart[s]:stemStart[s+1]]
	stemWords []int32

	occStart []int32 // word w occurs at postings[i] for each i in occ[occStart[w]:occStart[w+1]]
	occ      []int32

	letters []uint64 // word id -> letterSet of the word
	length  []int32  // word id -> length of the word in characters
}

// New indexes the plain words of the paragraphs (see text.AppendWords).
func New(paras []text.Paragraph) *Index {
	n := 0
	for _, p := range paras {
		n += len(p.Tokens)
	}
	ix := &Index{
		ids:       make(map[string]int32),
		stems:     make(map[string]int32),
		paraStart: make([]int32, 0, len(paras)+1),
		postings:  make([]Posting, 0, n), // a token is about a word, compounds aside
	}
	var words []text.Token
	for pi, p := range paras {
		ix.paraStart = append(ix.paraStart, int32(len(ix.postings)))
		for _, tok := range p.Tokens {
			words = text.AppendWords(words[:0], p.Text, tok)
			for _, t := range words {
				id, ok := ix.ids[t.Fold]
				if !ok {
					id = int32(len(ix.words))
					ix.ids[t.Fold] = id
					ix.words = append(ix.words, t.Fold)
				}
				ix.postings = append(ix.postings, Posting{
					Start: int32(t.Span.Start), End: int32(t.Span.End),
					Para: int32(pi), Word: id,
				})
			}
		}
	}
	ix.paraStart = append(ix.paraStart, int32(len(ix.postings)))
	ix.avgLen = 1
	if len(paras) > 0 && len(ix.postings) > 0 {
		ix.avgLen = float64(len(ix.postings)) / float64(len(paras))
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
	ix.occStart, ix.occ = group(nw, len(ix.postings), func(i int) int32 { return ix.postings[i].Word })
	return ix
}

// Len returns the number of words in the article.
func (ix *Index) Len() int { return len(ix.postings) }

// Paragraphs returns the number of paragraphs.
func (ix *Index) Paragraphs() int { return len(ix.paraStart) - 1 }

// AvgLen returns the average number of words in a paragraph.
func (ix *Index) AvgLen() float64 { return ix.avgLen }

// Posting returns the article's i-th word, counting from 0 in document order.
func (ix *Index) Posting(i int32) Posting { return ix.postings[i] }

// ParaPostings returns the words of paragraph p, counting from 0, in order.
// The result shares memory with the index: do not modify it.
func (ix *Index) ParaPostings(p int32) []Posting {
	return ix.postings[ix.paraStart[p]:ix.paraStart[p+1]]
}

// ParaLen returns the number of words in paragraph p, counting from 0.
func (ix *Index) ParaLen(p int32) int { return int(ix.paraStart[p+1] - ix.paraStart[p]) }

// Vocabulary returns the number of distinct folded words; their ids are 0
// to Vocabulary()-1.
func (ix *Index) Vocabulary() int { return len(ix.words) }

// Word returns the folded word with the given id.
func (ix *Index) Word(id int32) string { return ix.words[id] }

// Package index is the engine's search index: every word of an article's
// paragraphs, where it occurs, its folded, stemmed and derived forms, and
// BM25 ranking of the paragraphs that hold a query's words. Search ranks
// paragraphs with it, and Ask finds the words of a question with its
// vocabulary.
//
// The index has four parts, each in its own file: the vocabulary (a word's
// forms: its stem, the family of words it derives from or to, the words it
// is a prefix of, the country a demonym names, the other spelling of a
// number), the postings (for each word, the paragraphs holding it and its
// positions in them, as variable-length integers), ranking (BM25, matches
// ranked by terms held and then by score, the best kept in a bounded heap),
// and spelling suggestions (a trigram index of the vocabulary). An index is
// built once and only read afterwards, so any number of goroutines may read
// it; the tables that only some searches read (the families of words and
// the trigrams) are built, once, by the first search that needs them.
package index

import (
	"sync"

	"github.com/articlebot/articlebot/article/internal/text"
)

// Index is the search index over an article's paragraphs. Every word of
// every paragraph, stop words included, is indexed, so that phrases can hold
// stop words.
type Index struct {
	paraLen []int32 // paragraph -> number of words
	avgLen  float64 // average number of words in a paragraph
	words   int     // number of words in the article

	vocab

	post      []byte   // the postings of every word, one after another (see postings.go)
	postStart []uint32 // word w's postings are post[postStart[w]:postStart[w+1]]
	df        []int32  // word -> number of paragraphs holding it

	// Built on first use, as only some searches and questions read them:
	// the families of derived words (see RootWords) and the trigrams of
	// the vocabulary (see Similar).
	familiesOnce sync.Once
	fam          *families
	trigramsOnce sync.Once
	tri          *trigrams
}

// New indexes the plain words of the paragraphs (see text.AppendWords).
func New(paras []text.Paragraph) *Index { return Build(paras, nil) }

// Build indexes the paragraphs as New does and, when visit is not nil,
// calls it for each paragraph, in order, with the paragraph's plain words
// and the id of each: what a reader of the article's sentences needs to
// find words by id. The slices are reused between calls.
func Build(paras []text.Paragraph, visit func(para int, words []text.Token, ids []int32)) *Index {
	b := newBuilder(len(paras))
	var words []text.Token
	var ids []int32
	for pi, p := range paras {
		words = words[:0]
		for _, tok := range p.Tokens {
			words = text.AppendWords(words, p.Text, tok)
		}
		ids = b.addParagraph(words, ids[:0])
		if visit != nil {
			visit(pi, words, ids)
		}
	}
	return b.finish()
}

// Len returns the number of words in the article.
func (ix *Index) Len() int { return ix.words }

// Paragraphs returns the number of paragraphs.
func (ix *Index) Paragraphs() int { return len(ix.paraLen) }

// AvgLen returns the average number of words in a paragraph.
func (ix *Index) AvgLen() float64 { return ix.avgLen }

// ParaLen returns the number of words in paragraph p, counting from 0.
func (ix *Index) ParaLen(p int32) int { return int(ix.paraLen[p]) }

// DF returns the number of paragraphs that hold word w.
func (ix *Index) DF(w int32) int { return int(ix.df[w]) }

// builder gathers the words of an article, paragraph by paragraph, and
// builds its index.
type builder struct {
	ids     map[string]int32
	words   []string
	paraLen []int32
	occWord []int32 // every word of the article in document order, by id
}

func newBuilder(paras int) *builder {
	return &builder{ids: make(map[string]int32), paraLen: make([]int32, 0, paras)}
}

// addParagraph adds a paragraph's plain words, appending their ids to ids.
func (b *builder) addParagraph(words []text.Token, ids []int32) []int32 {
	for _, t := range words {
		id, ok := b.ids[t.Fold]
		if !ok {
			id = int32(len(b.words))
			b.ids[t.Fold] = id
			b.words = append(b.words, t.Fold)
		}
		b.occWord = append(b.occWord, id)
		ids = append(ids, id)
	}
	b.paraLen = append(b.paraLen, int32(len(words)))
	return ids
}

// finish builds the index from what was added.
func (b *builder) finish() *Index {
	ix := &Index{paraLen: b.paraLen, words: len(b.occWord), avgLen: 1}
	if len(b.paraLen) > 0 && len(b.occWord) > 0 {
		ix.avgLen = float64(len(b.occWord)) / float64(len(b.paraLen))
	}
	ix.vocab = newVocab(b.words)
	ix.post, ix.postStart, ix.df = encodePostings(len(b.words), b.paraLen, b.occWord)
	return ix
}

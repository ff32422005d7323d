package article

import (
	"slices"

	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/spans"
	"github.com/articlebot/articlebot/article/internal/text"
)

// sentIndex is what Ask reads the article's sentences with, built once at
// parse time: every word with its sentence, where each word of the
// vocabulary occurs, and the typed spans of each sentence (numbers, sums,
// dates, places, people…; see the spans package).
type sentIndex struct {
	words []sentWord // every plain word of the article, in document order
	// Sentence i (in Article.sentence order) has the words
	// words[first[i]:first[i+1]] and the typed spans
	// typed[typedFirst[i]:typedFirst[i+1]].
	first      []int32
	typed      []spans.Span
	typedFirst []int32
	// Word id w occurs at words[k] for each k in occ[occStart[w]:occStart[w+1]].
	occStart []int32
	occ      []int32
	// Paragraph p's sentences are paraFirst[p] to paraFirst[p+1]-1.
	paraFirst []int32
	// keys holds, for each word id, the stem of the word's base form,
	// which phrase runs compare with the question's words.
	keys []string
}

// sentWord is one word of the article.
type sentWord struct {
	id         int32 // in the search index's vocabulary
	sent       int32 // the sentence holding it, in Article.sentence order
	start, end int32 // bytes of the paragraph's text
}

// sentBuilder gathers the words of the paragraphs as the search index
// reads them.
type sentBuilder struct {
	a     *Article
	paras []text.Paragraph
	ix    *sentIndex
	sent  int32 // the first sentence of the paragraph being read
}

// visit is index.Build's callback: it records the words of paragraph p.
func (b *sentBuilder) visit(p int, words []text.Token, ids []int32) {
	ss := b.a.Paragraphs[p].Sentences
	k := 0
	for i, w := range words {
		for k+1 < len(ss) && w.Span.Start >= ss[k+1].Span.Start {
			k++
		}
		b.ix.words = append(b.ix.words, sentWord{id: ids[i], sent: b.sent + int32(k), start: int32(w.Span.Start), end: int32(w.Span.End)})
	}
	b.sent += int32(len(ss))
}

// finish groups the words by sentence and by id, and finds the typed spans
// of every sentence.
func (b *sentBuilder) finish(vocab *index.Index) {
	ix := b.ix
	vocabulary := vocab.Vocabulary()
	ix.keys = make([]string, vocabulary)
	for id := range vocabulary {
		ix.keys[id] = phraseKey(vocab.Word(int32(id)))
	}
	n := len(b.a.sentence)
	ix.first = make([]int32, n+1)
	for _, w := range ix.words {
		ix.first[w.sent+1]++
	}
	for i := range n {
		ix.first[i+1] += ix.first[i]
	}
	ix.occStart = make([]int32, vocabulary+1)
	for _, w := range ix.words {
		ix.occStart[w.id+1]++
	}
	for i := range vocabulary {
		ix.occStart[i+1] += ix.occStart[i]
	}
	ix.occ = make([]int32, len(ix.words))
	next := slices.Clone(ix.occStart[:vocabulary])
	for k, w := range ix.words {
		ix.occ[next[w.id]] = int32(k)
		next[w.id]++
	}

	ix.paraFirst = make([]int32, 0, len(b.paras)+1)
	ix.typedFirst = make([]int32, 0, n+1)
	people := b.a.people
	for p, para := range b.paras {
		var offsets []int
		for len(people) > 0 && people[0].Para() < p {
			people = people[1:]
		}
		for _, pos := range people {
			if pos.Para() != p {
				break
			}
			offsets = append(offsets, pos.Offset())
		}
		ix.paraFirst = append(ix.paraFirst, int32(len(ix.typedFirst)))
		for _, s := range para.Sentences {
			ix.typedFirst = append(ix.typedFirst, int32(len(ix.typed)))
			ix.typed = append(ix.typed, spans.Find(para.Text, para.Tokens[s.From:s.To], offsets)...)
		}
	}
	ix.typedFirst = append(ix.typedFirst, int32(len(ix.typed)))
	ix.paraFirst = append(ix.paraFirst, int32(n))
}

// phraseKey returns what a word is compared by in runs of the question's
// words: the stem of its base form, without a possessive ending.
func phraseKey(w string) string {
	return text.Stem(lexicon.BaseForm(text.TrimPossessive(w)))
}

// occurrences returns where word id w occurs, as indices of words.
func (ix *sentIndex) occurrences(w int32) []int32 { return ix.occ[ix.occStart[w]:ix.occStart[w+1]] }

// sentenceWords returns the words of sentence s.
func (ix *sentIndex) sentenceWords(s int32) []sentWord { return ix.words[ix.first[s]:ix.first[s+1]] }

// spansOf returns the typed spans of sentence s.
func (ix *sentIndex) spansOf(s int32) []spans.Span {
	return ix.typed[ix.typedFirst[s]:ix.typedFirst[s+1]]
}

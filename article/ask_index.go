package article

import (
	"slices"
	"strings"
	"sync"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/spans"
	"github.com/articlebot/articlebot/article/internal/text"
)

// sentIndex is where the article's words stand, sentence by sentence: every
// word with its id in the search index and its bytes, which Ask reads the
// sentences with and Search bolds a page's matches with. It is built at
// parse time; the tables only Ask reads (askTables) are built, once, by the
// first question.
type sentIndex struct {
	words []sentWord // every plain word of the article, in document order
	// Sentence i (in Article.sentence order) has the words
	// words[first[i]:first[i+1]].
	first []int32
	// Paragraph p's sentences are paraFirst[p] to paraFirst[p+1]-1.
	paraFirst []int32

	once sync.Once
	ask  *askTables
}

// askTables are the tables Ask reads beside the sentences' words: where
// each word of the vocabulary occurs, what each is compared by in runs of a
// question's words, and the typed spans of each sentence (numbers, sums,
// dates, places, people…; see the spans package).
type askTables struct {
	// Word id w occurs at words[k] for each k in occ[occStart[w]:occStart[w+1]].
	occStart []int32
	occ      []int32
	// keys holds, for each word id, the stem of the word's base form,
	// which phrase runs compare with the question's words.
	keys []string
	// descriptions holds, for each member of the cast in its order, the
	// folded words of the description the article gives a named person,
	// or nil.
	descriptions [][]string
	// acronyms are the short forms the article defines ("PPP").
	acronyms []acronym
	// Sentence i has the typed spans typed[typedFirst[i]:typedFirst[i+1]].
	typed      []spans.Span
	typedFirst []int32
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
	a    *Article
	ix   *sentIndex
	sent int32 // the first sentence of the paragraph being read
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

// finish groups the words by sentence and the sentences by paragraph.
func (b *sentBuilder) finish() {
	ix := b.ix
	n := len(b.a.sentence)
	ix.first = make([]int32, n+1)
	for _, w := range ix.words {
		ix.first[w.sent+1]++
	}
	for i := range n {
		ix.first[i+1] += ix.first[i]
	}
	ix.paraFirst = make([]int32, 0, len(b.a.Paragraphs)+1)
	at := int32(0)
	for _, p := range b.a.Paragraphs {
		ix.paraFirst = append(ix.paraFirst, at)
		at += int32(len(p.Sentences))
	}
	ix.paraFirst = append(ix.paraFirst, at)
}

// paragraphWords returns the words of paragraph p, counting from 0.
func (ix *sentIndex) paragraphWords(p int) []sentWord {
	return ix.words[ix.first[ix.paraFirst[p]]:ix.first[ix.paraFirst[p+1]]]
}

// sentenceWords returns the words of sentence s.
func (ix *sentIndex) sentenceWords(s int32) []sentWord { return ix.words[ix.first[s]:ix.first[s+1]] }

// tables returns the tables only Ask reads, building them on first use.
func (a *Article) tables() *askTables {
	a.ask.once.Do(func() { a.ask.ask = a.buildAskTables() })
	return a.ask.ask
}

// buildAskTables builds the tables of the article's sentences that only
// Ask reads.
func (a *Article) buildAskTables() *askTables {
	ix := a.ask
	t := &askTables{}
	vocabulary := a.idx.Vocabulary()
	t.keys = make([]string, vocabulary)
	for id := range vocabulary {
		t.keys[id] = phraseKey(a.idx.Word(int32(id)))
	}
	t.occStart = make([]int32, vocabulary+1)
	for _, w := range ix.words {
		t.occStart[w.id+1]++
	}
	for i := range vocabulary {
		t.occStart[i+1] += t.occStart[i]
	}
	t.occ = make([]int32, len(ix.words))
	next := slices.Clone(t.occStart[:vocabulary])
	for k, w := range ix.words {
		t.occ[next[w.id]] = int32(k)
		next[w.id]++
	}

	t.typedFirst = make([]int32, 0, len(a.sentence)+1)
	people := a.peopleNamed()
	var toks []text.Token
	for p, para := range a.Paragraphs {
		offsets := people[p]
		toks = text.AppendTokens(toks[:0], para.Text)
		from := 0
		for _, s := range para.Sentences {
			for from < len(toks) && toks[from].Span.Start < s.Span.Start {
				from++
			}
			to := from
			for to < len(toks) && toks[to].Span.Start < s.Span.End {
				to++
			}
			t.typedFirst = append(t.typedFirst, int32(len(t.typed)))
			t.typed = append(t.typed, spans.Find(para.Text, toks[from:to], offsets)...)
			from = to
		}
	}
	t.typedFirst = append(t.typedFirst, int32(len(t.typed)))

	t.acronyms = a.findAcronyms()
	t.descriptions = make([][]string, len(a.cast))
	for i, p := range a.cast {
		if p.Named {
			t.descriptions[i] = strings.Fields(text.Fold(p.Description))
		}
	}
	return t
}

// phraseKey returns what a word is compared by in runs of the question's
// words: the stem of its base form, without a possessive ending.
func phraseKey(w string) string {
	return text.Stem(lexicon.BaseForm(text.TrimPossessive(w)))
}

// occurrences returns where word id w occurs, as indices of the article's
// words.
func (t *askTables) occurrences(w int32) []int32 { return t.occ[t.occStart[w]:t.occStart[w+1]] }

// spansOf returns the typed spans of sentence s.
func (t *askTables) spansOf(s int32) []spans.Span {
	return t.typed[t.typedFirst[s]:t.typedFirst[s+1]]
}

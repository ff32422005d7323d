package article

import (
	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/text"
)

// read segments the texts of the article's paragraphs (see the text
// package) and gives the article its numbered paragraphs, their sentences
// and its word count. It returns the segmented paragraphs, for compute.
func (a *Article) read(texts []string) []text.Paragraph {
	paras := text.Segment(texts)
	n := 0
	for _, p := range paras {
		n += len(p.Sentences)
	}
	a.Paragraphs = make([]Paragraph, len(paras))
	a.sentence = make([]Sentence, 0, n)
	for i, p := range paras {
		first := len(a.sentence)
		for _, s := range p.Sentences {
			a.sentence = append(a.sentence, Sentence{
				Paragraph: i + 1,
				Span:      s.Span,
				Text:      p.Text[s.Span.Start:s.Span.End],
				InQuote:   s.InQuote,
			})
		}
		a.Paragraphs[i] = Paragraph{N: i + 1, Text: p.Text, Sentences: a.sentence[first:len(a.sentence):len(a.sentence)]}
		a.words += text.CountWords(p.Text)
	}
	return paras
}

// compute works out, from the segmented paragraphs, what the article answers
// from: the quotes and their speakers and the search index. The summary and
// the tables only Ask reads wait for their first use.
func (a *Article) compute(paras []text.Paragraph) {
	a.extractQuotes(paras)
	b := &sentBuilder{a: a, ix: &sentIndex{}}
	a.idx = index.Build(paras, b.visit)
	b.finish()
	a.ask = b.ix
}

// endsSentence reports whether s ends with a sentence's final punctuation,
// perhaps followed by closing quotation marks, brackets or spaces.
func endsSentence(s string) bool { return text.EndsSentence(s) }

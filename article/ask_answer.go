package article

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/text"
)

// answerSentence returns the candidate as part of an answer.
func (a *Article) answerSentence(q *question, c *askCand) AnswerSentence {
	s := a.sentence[c.sent]
	var hl []Span
	for _, h := range c.hits {
		w, last := a.ask.words[h.word], a.ask.words[h.word+h.n-1]
		hl = append(hl, Span{Start: int(w.start), End: int(last.end)})
	}
	ans := AnswerSentence{
		Sentence:   s,
		Score:      c.score,
		Coverage:   c.coverage,
		Confidence: c.confidence,
		Spans:      index.MergeSpans(hl),
		Speaker:    c.speaker,
	}
	if c.speaker != nil {
		ans.Label = answerLabel(s.Text)
	}
	ans.Open, ans.Close = balance(a.Paragraphs[s.Paragraph-1].Text, s.Span)
	return ans
}

// answerLabel returns the length of the "A:" and the space after it that
// label an interview's answer ("A: We never closed."), or 0 when the
// sentence opens otherwise.
func answerLabel(sentence string) int {
	rest, ok := strings.CutPrefix(sentence, "A:")
	if !ok {
		return 0
	}
	trimmed := strings.TrimLeft(rest, " \t\u00a0")
	if trimmed == "" || len(trimmed) == len(rest) {
		return 0 // "A:" with nothing after it, or "A:B", which labels nothing
	}
	return len(sentence) - len(trimmed)
}

// balance returns the quotation marks to show before and after the
// sentence at span of a paragraph's text so that its marks pair: the
// opening mark of a quotation that opened before the sentence and is still
// open at its start, and the closing mark of one that is open at its end,
// as a quotation is that runs on into the next paragraph unclosed.
func balance(para string, span Span) (open, close string) {
	for _, qt := range text.ScanQuotes(para) {
		if qt.Nested {
			continue
		}
		if qt.Open < span.Start && qt.End > span.Start && open == "" {
			open = mark(para, qt.Open)
		}
		if qt.Open < span.End && (qt.End > span.End || !qt.Closed) && close == "" {
			close = closing(mark(para, qt.Open))
		}
	}
	return open, close
}

// mark returns the quotation mark at offset i of s.
func mark(s string, i int) string {
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i : i+size]
}

// closing returns the mark that closes a quotation opened with open.
func closing(open string) string {
	switch open {
	case "“":
		return "”"
	case "‘":
		return "’"
	case "„":
		return "“"
	case "«":
		return "»"
	case "»":
		return "«"
	}
	return open
}

// sentencesIn returns the sentences of paragraph p, counting from 0, that
// overlap span, in Article.sentence order.
func (a *Article) sentencesIn(p int, span Span) []int32 {
	if p < 0 || p >= len(a.Paragraphs) {
		return nil
	}
	var out []int32
	for j, s := range a.Paragraphs[p].Sentences {
		if s.Span.Start < span.End && span.Start < s.Span.End {
			out = append(out, a.ask.paraFirst[p]+int32(j))
		}
	}
	return out
}

// statements returns the speaker's direct quotes and reported statements.
func (sp *Speaker) statements() []Quote {
	return append(slices.Clip(sp.Quotes), sp.Reported...)
}

// statementsIn returns the quotes and reported statements that overlap
// sentence s.
func (a *Article) statementsIn(s int32) []Quote {
	sent := a.sentence[s]
	n := sent.Paragraph
	lo, _ := slices.BinarySearchFunc(a.quotes, n, func(q Quote, n int) int { return cmp.Compare(q.Paragraph, n) })
	var out []Quote
	for _, q := range a.quotes[lo:] {
		if q.Paragraph != n {
			break
		}
		if q.Span.Start < sent.Span.End && sent.Span.Start < q.Span.End {
			out = append(out, q)
		}
	}
	return out
}

// bestSpeaker returns the speaker of the statement that holds the most of
// the hits, a direct quote winning a tie with reported speech, or nil when
// there are no statements.
func bestSpeaker(statements []Quote, hits []termHit, si *sentIndex) *Speaker {
	var best *Speaker
	bestScore := -1
	for _, st := range statements {
		score := 0
		for _, h := range hits {
			w := si.words[h.word]
			if int(w.start) >= st.Span.Start && int(w.end) <= st.Span.End {
				score += 2
			}
		}
		if st.Kind == Direct {
			score++
		}
		if score > bestScore {
			best, bestScore = st.Speaker, score
		}
	}
	return best
}

// saidBy reports whether a statement is by one of the speakers, or by anyone
// when speakers is empty.
func saidBy(statements []Quote, speakers []*Speaker) bool {
	if len(speakers) == 0 {
		return len(statements) > 0
	}
	return slices.ContainsFunc(statements, func(q Quote) bool { return slices.Contains(speakers, q.Speaker) })
}

// introduces reports whether a sentence says who one of the speakers is:
// it gives the speaker's description ("a former US diplomat and adviser to
// the Senate Republican leadership"), or, for a speaker with none, the full
// name.
func introduces(sent string, speakers []*Speaker) bool {
	t := Fold(sent)
	for _, sp := range speakers {
		what := sp.Description
		if what == "" {
			what = sp.Name
		}
		if strings.Contains(t, Fold(what)) {
			return true
		}
	}
	return false
}

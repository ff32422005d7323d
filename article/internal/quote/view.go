package quote

import (
	"slices"

	"github.com/articlebot/articlebot/article/internal/text"
)

// paragraph is one paragraph as attribution reads it: its tokens with each
// quotation as one token, so that the words around a quotation (who said
// it, and how) can be read without the words inside it, and what
// attribution finds in it.
type paragraph struct {
	idx      int    // index in the article, from 0
	text     string // the paragraph's text, which every span is in
	spans    []text.Quotation
	toks     []text.Token // quotations collapsed (see collapse)
	sents    []sentence
	attrs    [][]attribution // per sentence
	mentions []mention
	leads    []*entity    // per sentence: who the sentence is about, if anyone
	found    []foundQuote // the quotation tokens, in order
	role     paraRole     // a question or an answer of an interview, or neither
}

// sentence is a sentence of a paragraph as the tokens [from, to) of the
// paragraph's toks. The methods that read a sentence's grammar hang on it.
type sentence struct {
	*paragraph
	from, to int
}

// tokRange is a range [Start, End) of a paragraph's tokens.
type tokRange struct {
	Start, End int
}

// collapse returns the tokens of a paragraph with each of its quotations
// that is not nested in another as one text.Quote token in place of the words
// inside it; the quotations listed in names, which hold a name someone goes
// by, stay words.
func collapse(dst []text.Token, p *text.Paragraph, names []int) []text.Token {
	qi := 0
	next := func(from int) {
		for qi < len(p.Quotes) && (p.Quotes[qi].Nested || p.Quotes[qi].Open < from || slices.Contains(names, qi)) {
			qi++
		}
	}
	next(0)
	for i := 0; i < len(p.Tokens); {
		t := p.Tokens[i]
		if qi < len(p.Quotes) && t.Span.Start >= p.Quotes[qi].Open {
			q := p.Quotes[qi]
			dst = append(dst, text.Token{Span: text.Span{Start: q.Open, End: q.End}, Kind: text.Quote, Quote: int32(qi)})
			for i < len(p.Tokens) && p.Tokens[i].Span.Start < q.End {
				i++
			}
			next(q.End)
			continue
		}
		dst = append(dst, t)
		i++
	}
	for qi < len(p.Quotes) {
		// A quotation after the last token: marks around nothing but space
		// and punctuation make none, so this is one of words alone.
		q := p.Quotes[qi]
		dst = append(dst, text.Token{Span: text.Span{Start: q.Open, End: q.End}, Kind: text.Quote, Quote: int32(qi)})
		next(q.End)
	}
	return dst
}

// readSentences groups the paragraph's tokens into the sentences
// attribution reads: the paragraph's sentences as seg gives them, except
// that a quotation or a bracket holding several sentences is part of one,
// and that a quotation ending its sentence stays with the attribution that
// follows it (“Why not?” Kerry asked.). A dateline belongs to no sentence.
func (p *paragraph) readSentences(seg *text.Paragraph) {
	toks := p.toks
	from := p.datelineEnd()
	b, depth := 0, 0 // the token at the next boundary, and the brackets open before it
	for _, s := range seg.Sentences[min(1, len(seg.Sentences)):] {
		for b < len(toks) && toks[b].Span.Start < s.Span.Start {
			switch {
			case toks[b].IsPunct("(["):
				depth++
			case toks[b].IsPunct(")]") && depth > 0:
				depth--
			}
			b++
		}
		if b <= from || b >= len(toks) || depth > 0 {
			continue
		}
		if prev := toks[b-1]; prev.Kind == text.Quote && (prev.Span.End > s.Span.Start || p.attributionFollows(b)) {
			continue
		}
		p.addSentence(from, b)
		from = b
	}
	if from < len(toks) {
		p.addSentence(from, len(toks))
	}
}

// maxSentenceTokens bounds the tokens of a sentence as attribution reads
// it. No sentence of real prose comes near it, even with each quotation
// counting as one token; a longer run of text is read in stretches of this
// size, so that reading a sentence, which looks back and ahead from each
// verb of speech and each quotation, costs in proportion to the text.
const maxSentenceTokens = 256

// addSentence adds the sentence toks[from:to], in stretches of at most
// maxSentenceTokens tokens, each ending after a punctuation mark or a
// quotation where one stands in its second half.
func (p *paragraph) addSentence(from, to int) {
	for to-from > maxSentenceTokens {
		cut := from + maxSentenceTokens
		for k := cut; k > from+maxSentenceTokens/2; k-- {
			if p.toks[k-1].Kind != text.Word {
				cut = k
				break
			}
		}
		p.sents = append(p.sents, sentence{p, from, cut})
		from = cut
	}
	p.sents = append(p.sents, sentence{p, from, to})
}

// datelineEnd returns the index of the first token after a wire dateline
// that opens a paragraph ("WASHINGTON (Reuters) -", "KYIV, Ukraine (AP)
// —", "RIVERTON —"), or 0 when there is none. A dateline opens with a place
// in capitals and ends with a dash.
func (p *paragraph) datelineEnd() int {
	if len(p.toks) < 3 || p.toks[0].Kind != text.Word || !isAcronym(p.text[p.toks[0].Span.Start:p.toks[0].Span.End]) {
		return 0
	}
	for i := 1; i < len(p.toks) && i < 12; i++ {
		t := p.toks[i]
		switch {
		case t.Kind == text.Punct && t.Fold == "—":
			if i+1 < len(p.toks) {
				return i + 1
			}
			return 0
		case t.Kind == text.Word && (t.Upper || startsDigit(t.Fold)):
		case t.Kind == text.Punct && t.IsPunct(",()"):
		default:
			return 0
		}
	}
	return 0
}

func startsDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

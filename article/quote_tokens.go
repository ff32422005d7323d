package article

import (
	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// The attribution parser reads a paragraph as tokens in which each
// quotation is a single token, so that the words around a quotation (who
// said it, and how) can be read without the words inside it.

// qtok is one token of a paragraph, a quotation standing as one.
type qtok = text.Token

const (
	tkWord  = text.Word  // a word
	tkPunct = text.Punct // a punctuation mark: , ; : . ! ? ( ) — …
	tkQuote = text.Quote // a whole quotation, marks included
)

// collapse returns the tokens of a paragraph with each of its quotations
// that is not nested in another as one tkQuote token in place of the words
// inside it.
func collapse(dst []qtok, p *text.Paragraph) []qtok {
	qi := 0
	next := func(from int) {
		for qi < len(p.Quotes) && (p.Quotes[qi].Nested || p.Quotes[qi].Open < from) {
			qi++
		}
	}
	next(0)
	for i := 0; i < len(p.Tokens); {
		t := p.Tokens[i]
		if qi < len(p.Quotes) && t.Span.Start >= p.Quotes[qi].Open {
			q := p.Quotes[qi]
			dst = append(dst, qtok{Span: text.Span{Start: q.Open, End: q.End}, Kind: tkQuote, Quote: int32(qi)})
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
		dst = append(dst, qtok{Span: text.Span{Start: q.Open, End: q.End}, Kind: tkQuote, Quote: int32(qi)})
		next(q.End)
	}
	return dst
}

// qsent is a sentence of a paragraph as a token range [from, to).
type qsent struct{ from, to int }

// quotedSentences groups a paragraph's tokens, with its quotations
// collapsed (see collapse), into the sentences attribution reads: the
// paragraph's sentences, except that a quotation or a bracket holding
// several sentences is part of one, and that a quotation ending its
// sentence stays with the attribution that follows it (“Why not?” Kerry
// asked.). A dateline belongs to no sentence.
func quotedSentences(p *text.Paragraph, toks []qtok) []qsent {
	var out []qsent
	from := datelineEnd(toks, p.Text)
	b, depth := 0, 0 // the token at the next boundary, and the brackets open before it
	for _, s := range p.Sentences[min(1, len(p.Sentences)):] {
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
		if prev := toks[b-1]; prev.Kind == tkQuote && (prev.Span.End > s.Span.Start || attributionFollows(toks, b)) {
			continue
		}
		out = append(out, qsent{from, b})
		from = b
	}
	if from < len(toks) {
		out = append(out, qsent{from, len(toks)})
	}
	return out
}

// datelineEnd returns the index of the first token after a wire dateline
// that opens a paragraph ("WASHINGTON (Reuters) -", "KYIV, Ukraine (AP)
// —", "RIVERTON —"), or 0 when there is none. A dateline opens with a place
// in capitals and ends with a dash.
func datelineEnd(toks []qtok, text string) int {
	if len(toks) < 3 || toks[0].Kind != tkWord || !isAcronym(text[toks[0].Span.Start:toks[0].Span.End]) {
		return 0
	}
	for i := 1; i < len(toks) && i < 12; i++ {
		t := toks[i]
		switch {
		case t.Kind == tkPunct && t.Fold == "—":
			if i+1 < len(toks) {
				return i + 1
			}
			return 0
		case t.Kind == tkWord && (t.Upper || startsDigit(t.Fold)):
		case t.Kind == tkPunct && t.IsPunct(",()"):
		default:
			return 0
		}
	}
	return 0
}

func startsDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// attributionFollows reports whether the tokens from i on, up to the end of
// their sentence, are a short attribution such as "Kerry asked." or "said
// Jatras, a former diplomat." rather than a new statement.
func attributionFollows(toks []qtok, i int) bool {
	end := i
	for end < len(toks) && !toks[end].IsPunct(".!?") && toks[end].Kind != tkQuote {
		end++
	}
	for v := i; v < end && v < i+8; v++ {
		t := toks[v]
		if t.Kind == tkPunct && t.Fold != "," {
			return false
		}
		if t.Kind != tkWord || t.Upper {
			continue
		}
		info, n := matchSpeechVerb(toks, v)
		if info == nil || info.Ing {
			continue
		}
		if info.Base && v > i && !toks[v-1].Is("they", "we", "you") && !lexicon.IsPluralNoun(toks[v-1].Fold) {
			continue // "as demand for computers remains weak": a noun
		}
		after := v + n
		if v == i {
			// Inverted: "said Kerry". Skip the speaker.
			for after < end && toks[after].Kind == tkWord && !toks[after].Is("that", "whether") {
				after++
			}
		}
		if after < end && toks[after].Fold == "," {
			return true
		}
		words := 0
		for k := after; k < end; k++ {
			if toks[k].Is("that", "whether", "if") {
				return false
			}
			words++
		}
		return words <= 6
	}
	return false
}

package article

import (
	"github.com/articlebot/articlebot/article/internal/lexicon"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The attribution parser reads a paragraph as tokens in which each
// quotation is a single token, so that the words around a quotation (who
// said it, and how) can be read without the words inside it.

type qtokKind uint8

const (
	tkWord  qtokKind = iota // a word
	tkPunct                 // a punctuation mark: , ; : . ! ? ( ) — …
	tkQuote                 // a whole quotation, marks included
)

// qtok is one token of a paragraph.
type qtok struct {
	low        string        // the folded word, or the punctuation mark
	start, end int32         // the token's bytes in the paragraph
	q          int32         // for tkQuote: the index of its quoteSpan
	flags      lexicon.Class // the lexicons the word belongs to
	kind       qtokKind
	upper      bool // a word that starts with a capital letter
}

func (t qtok) is(words ...string) bool {
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}

func (t qtok) isPunct(marks string) bool {
	return t.kind == tkPunct && strings.Contains(marks, t.low)
}

// tokenizeQuoted splits a paragraph into tokens. Each span of spans that is
// not nested in another becomes one tkQuote token.
func tokenizeQuoted(text string, spans []quoteSpan) []qtok {
	return appendTokens(make([]qtok, 0, len(text)/5), text, asciiLower(text), spans)
}

// appendTokens appends the tokens of a paragraph to toks. lower is the text
// with its ASCII letters in lower case.
func appendTokens(toks []qtok, text, lower string, spans []quoteSpan) []qtok {
	si := 0
	nextOpen := func() int {
		for si < len(spans) && spans[si].nested {
			si++
		}
		if si < len(spans) {
			return spans[si].open
		}
		return len(text)
	}
	limit := nextOpen()
	for i := 0; i < len(text); {
		if c := text[i]; c == ' ' && i < limit {
			i++
			continue
		}
		if i >= limit && si < len(spans) {
			s := spans[si]
			if s.open >= i {
				toks = append(toks, qtok{start: int32(s.open), end: int32(s.end), kind: tkQuote, q: int32(si)})
				i = s.end
			}
			si++
			for si < len(spans) && spans[si].open < i {
				si++
			}
			limit = nextOpen()
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			end := wordEnd(text, i, limit)
			low := lower[i:end]
			if !plainASCII(low) {
				low = fold(text[i:end])
			}
			toks = append(toks, qtok{start: int32(i), end: int32(end), kind: tkWord, low: low, flags: lexicon.Of(low), upper: unicode.IsUpper(r)})
			i = end
			continue
		}
		switch {
		case r == '.' && strings.HasPrefix(text[i:], "..."):
			toks = append(toks, qtok{start: int32(i), end: int32(i + 3), kind: tkPunct, low: "…"})
			i += 3
			continue
		case r == '-' && strings.HasPrefix(text[i:], "--"):
			toks = append(toks, qtok{start: int32(i), end: int32(i + 2), kind: tkPunct, low: "—"})
			i += 2
			continue
		case r == '-':
			// A hyphen standing alone between spaces is a dash.
			if i > 0 && isSpaceByte(text[i-1]) && i+1 < len(text) && isSpaceByte(text[i+1]) {
				toks = append(toks, qtok{start: int32(i), end: int32(i + 1), kind: tkPunct, low: "—"})
			}
		case r == '–' || r == '—':
			toks = append(toks, qtok{start: int32(i), end: int32(i + size), kind: tkPunct, low: "—"})
		case strings.ContainsRune(",;:.!?()[]…", r):
			toks = append(toks, qtok{start: int32(i), end: int32(i + size), kind: tkPunct, low: string(r)})
		}
		i += size
	}
	return toks
}

// asciiLower returns text with its ASCII letters in lower case and every
// other byte as it is, so that offsets into it are offsets into text.
func asciiLower(text string) string {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			b := []byte(text) // the one copy
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return text
}

// plainASCII reports whether a lower-cased word is already folded: ASCII
// with no dots to drop.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '.' || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// wordEnd returns the end of the word starting at text[i], no further than
// limit. Apostrophes and hyphens between letters belong to the word
// (don’t, al-Assad), and so does the period of an initial (J.), of an
// initialism (U.S.) and of a known abbreviation (Mr.).
func wordEnd(text string, i, limit int) int {
	start := i
	for i < limit {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				i++
				continue
			}
			if (c == '.' || c == ',') && i > start && i+1 < limit && isDigitByte(text[i-1]) && isDigitByte(text[i+1]) {
				i++ // "5.8", "4,500"
				continue
			}
			if c != '-' && c != '\'' && c != '&' {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		if (r == '-' || isSingleMark(r) || r == 'ʼ' || r == '&') && i+size < limit {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if isWordRune(next) {
				i += size
				continue
			}
		}
		break
	}
	if i < limit && text[i] == '.' {
		word := text[start:i]
		single := utf8.RuneCountInString(word) == 1 && startsUpper(word)
		switch {
		case single:
			// An initial, or the start of an initialism: U.S., U.K.
			i++
			for i+1 < limit && startsUpper(text[i:]) && text[i+1] == '.' {
				i += 2
			}
		case lexicon.AbbreviatedTitles[strings.ToLower(word)], strings.EqualFold(word, "jr"), strings.EqualFold(word, "sr"):
			// "Mr.", "Gen.", and "Jr." after a name.
			i++
		}
	}
	return i
}

// qsent is a sentence of a paragraph as a token range [from, to).
type qsent struct{ from, to int }

// splitQuotedSentences groups a paragraph's tokens into sentences. A
// sentence ends at a full stop, question or exclamation mark followed by a
// capitalised word or a quotation. A quotation that ends with such a mark
// also ends the sentence, unless an attribution follows it
// (“Why not?” Kerry asked.).
func splitQuotedSentences(toks []qtok, text string, spans []quoteSpan) []qsent {
	var out []qsent
	from := datelineEnd(toks, text) // a dateline belongs to no sentence
	depth := 0                      // open brackets
	for i := from; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tkPunct && t.isPunct("(["):
			depth++
		case t.kind == tkPunct && t.isPunct(")]") && depth > 0:
			depth--
		}
		if i+1 >= len(toks) {
			break
		}
		next := toks[i+1]
		startsNext := (next.kind == tkWord && (next.upper || startsDigit(next.low))) ||
			next.kind == tkQuote || next.isPunct("([")
		boundary := false
		spaced := next.start > t.end // "R-N.C." runs on without a space
		switch {
		case t.kind == tkPunct && t.isPunct(".!?"):
			boundary = startsNext && spaced && depth == 0
		case t.kind == tkPunct && t.low == "…":
			boundary = startsNext && next.kind == tkWord && next.upper
		case t.kind == tkQuote:
			s := spans[t.q]
			boundary = next.kind == tkQuote ||
				(startsNext && endsSentence(text[s.inner.Start:s.inner.End]) && !attributionFollows(toks, i+1))
		}
		if boundary {
			out = append(out, qsent{from, i + 1})
			from = i + 1
		}
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
	if len(toks) < 3 || toks[0].kind != tkWord || !isAcronym(text[toks[0].start:toks[0].end]) {
		return 0
	}
	for i := 1; i < len(toks) && i < 12; i++ {
		t := toks[i]
		switch {
		case t.kind == tkPunct && t.low == "—":
			if i+1 < len(toks) {
				return i + 1
			}
			return 0
		case t.kind == tkWord && (t.upper || startsDigit(t.low)):
		case t.kind == tkPunct && t.isPunct(",()"):
		default:
			return 0
		}
	}
	return 0
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func startsDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// attributionFollows reports whether the tokens from i on, up to the end of
// their sentence, are a short attribution such as "Kerry asked." or "said
// Jatras, a former diplomat." rather than a new statement.
func attributionFollows(toks []qtok, i int) bool {
	end := i
	for end < len(toks) && !toks[end].isPunct(".!?") && toks[end].kind != tkQuote {
		end++
	}
	for v := i; v < end && v < i+8; v++ {
		t := toks[v]
		if t.kind == tkPunct && t.low != "," {
			return false
		}
		if t.kind != tkWord || t.upper {
			continue
		}
		info, n := matchSpeechVerb(toks, v)
		if info == nil || info.Ing {
			continue
		}
		if info.Base && v > i && !toks[v-1].is("they", "we", "you") && !lexicon.IsPluralNoun(toks[v-1].low) {
			continue // "as demand for computers remains weak": a noun
		}
		after := v + n
		if v == i {
			// Inverted: "said Kerry". Skip the speaker.
			for after < end && toks[after].kind == tkWord && !toks[after].is("that", "whether") {
				after++
			}
		}
		if after < end && toks[after].low == "," {
			return true
		}
		words := 0
		for k := after; k < end; k++ {
			if toks[k].is("that", "whether", "if") {
				return false
			}
			words++
		}
		return words <= 6
	}
	return false
}

package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

// Quotation is a stretch of a paragraph between quotation marks. Whether it
// is someone's words, a title or scare quotes is for its reader to decide,
// from the sentence around it.
type Quotation struct {
	// Open is the offset of the opening mark.
	Open int
	// End is the offset just past the closing mark, or the paragraph's
	// length when the quotation is not closed.
	End int
	// Inner locates the quoted words: without the marks, the space inside
	// them or a comma, semicolon or colon before the closing mark.
	Inner Span
	// Single marks a quotation between single marks (‘…’ or '…').
	Single bool
	// Closed is false when the quotation runs on to the end of the paragraph.
	Closed bool
	// Nested marks a double-quoted quotation inside a single-quoted one.
	Nested bool
	// Continued marks a quotation that opens its paragraph and continues
	// one left open at the end of the previous paragraph, as a quotation
	// that runs over several paragraphs does.
	Continued bool
}

// IsSingleMark reports whether r is a single quotation mark, which may also
// be an apostrophe.
func IsSingleMark(r rune) bool {
	return r == '\'' || r == '‘' || r == '’'
}

// ScanQuotes finds the quotation spans of a paragraph, in order of their
// opening marks. Double marks pair first; single marks pair only outside
// them, so a single-quoted span inside a double-quoted one stays part of it,
// and an apostrophe (don’t, ’91, 'Cause, officials’) opens nothing.
func ScanQuotes(text string) []Quotation {
	spans := scanDoubleQuotes(text)
	singles := scanSingleQuotes(text, spans)
	if len(singles) == 0 {
		return spans
	}
	// A single mark that opens and never closes, with double-quoted spans
	// after it, is an apostrophe that was taken for a mark.
	kept := singles[:0]
	for _, s := range singles {
		if !s.Closed && len(spans) > 0 && spans[len(spans)-1].Open > s.Open {
			continue
		}
		kept = append(kept, s)
	}
	singles = kept
	// The singles follow one another without overlapping, so the one that
	// may hold a double-quoted span is the last to open before it.
	for i, j := 0, -1; i < len(spans); i++ {
		for j+1 < len(singles) && singles[j+1].Open < spans[i].Open {
			j++
		}
		if j >= 0 && spans[i].End <= singles[j].End {
			spans[i].Nested = true
		}
	}
	merged := make([]Quotation, 0, len(spans)+len(singles))
	i, j := 0, 0
	for i < len(spans) || j < len(singles) {
		if j == len(singles) || (i < len(spans) && spans[i].Open < singles[j].Open) {
			merged = append(merged, spans[i])
			i++
		} else {
			merged = append(merged, singles[j])
			j++
		}
	}
	return merged
}

// scanDoubleQuotes pairs the double quotation marks of text. Curly marks say
// which way they face unless the space around them says otherwise (a
// mistyped mark); straight marks alternate, except a mark after a digit that
// opens nothing (12" is an inch).
func scanDoubleQuotes(text string) []Quotation {
	var spans []Quotation
	open, openSize := -1, 0
	for i := 0; i < len(text); {
		if c := text[i]; c != '"' && c < 0xC2 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !IsDoubleQuote(r) {
			i += size
			continue
		}
		isOpen := open >= 0
		opens := false
		switch r {
		case '“', '„', '‟', '«':
			opens = !(isOpen && markCloses(text, i, size))
		case '”', '»':
			opens = !isOpen && markOpens(text, i, size)
		default:
			opens = !isOpen
			if opens && i > 0 {
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				if unicode.IsDigit(prev) {
					i += size
					continue
				}
			}
		}
		switch {
		case opens && isOpen:
			// The previous quotation was never closed: it ends here.
			if s, ok := newQuoteSpan(text, open, openSize, i, 0, false, false); ok {
				spans = append(spans, s)
			}
			open, openSize = i, size
		case opens:
			open, openSize = i, size
		case isOpen:
			if s, ok := newQuoteSpan(text, open, openSize, i, size, false, true); ok {
				spans = append(spans, s)
			}
			open = -1
		}
		i += size
	}
	if open >= 0 {
		if s, ok := newQuoteSpan(text, open, openSize, len(text), 0, false, false); ok {
			spans = append(spans, s)
		}
	}
	return spans
}

// Strengths of a single mark as the end of a single-quoted span.
const (
	closesNot = iota
	closesMaybe
	closesSurely
)

// scanSingleQuotes pairs single quotation marks outside the double-quoted
// spans. A mark opens only after space or an opening bracket and before a
// word that is not an elision ('Cause, ’n’, ’90s); it closes only after a
// non-space and before a non-word. A closing mark after an "s" and before a
// word may be a plural possessive ("the officials’ plan"), so a surer close
// later in the paragraph wins over it.
func scanSingleQuotes(text string, doubles []Quotation) []Quotation {
	var spans []Quotation
	open, openSize := -1, 0
	maybe, maybeSize := -1, 0
	d := 0
	for i := 0; i < len(text); {
		for d < len(doubles) && doubles[d].End <= i {
			d++
		}
		if d < len(doubles) && doubles[d].Open <= i {
			i = doubles[d].End
			d++
			continue
		}
		if c := text[i]; c != '\'' && c < 0xC2 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !IsSingleMark(r) {
			i += size
			continue
		}
		if open < 0 {
			if singleMarkOpens(text, i, size) {
				open, openSize, maybe = i, size, -1
			}
		} else if i > open+openSize {
			switch singleMarkCloses(text, i, size) {
			case closesSurely:
				if s, ok := newQuoteSpan(text, open, openSize, i, size, true, true); ok {
					spans = append(spans, s)
				}
				open = -1
			case closesMaybe:
				if maybe < 0 {
					maybe, maybeSize = i, size
				}
			}
		}
		i += size
	}
	if open >= 0 {
		if maybe >= 0 {
			if s, ok := newQuoteSpan(text, open, openSize, maybe, maybeSize, true, true); ok {
				spans = append(spans, s)
			}
		} else if s, ok := newQuoteSpan(text, open, openSize, len(text), 0, true, false); ok {
			spans = append(spans, s)
		}
	}
	return spans
}

// newQuoteSpan builds the span opened by the mark at open and closed by the
// mark at closeAt (or running to closeAt when closeSize is 0). It reports
// false when nothing but space and punctuation stands between the marks.
func newQuoteSpan(text string, open, openSize, closeAt, closeSize int, single, closed bool) (Quotation, bool) {
	from, to := open+openSize, closeAt
	for from < to && isSpaceByte(text[from]) {
		from++
	}
	for from < to {
		c := text[to-1]
		if isSpaceByte(c) || c == ',' || c == ';' || c == ':' {
			to--
			continue
		}
		break
	}
	hasWord := false
	for _, r := range text[from:to] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			hasWord = true
			break
		}
	}
	if !hasWord {
		return Quotation{}, false
	}
	return Quotation{
		Open:   open,
		End:    closeAt + closeSize,
		Inner:  Span{from, to},
		Single: single,
		Closed: closed,
	}, true
}

// opensAfter reports whether a quotation mark can open after the rune r.
func opensAfter(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/\"“”„«", r)
}

// markOpens reports whether the mark at text[i:i+size] faces forward: space
// or an opening bracket before it and a word or a quote's first character
// after it.
func markOpens(text string, i, size int) bool {
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if !opensAfter(prev) {
			return false
		}
	}
	if i+size >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	return !unicode.IsSpace(next)
}

// markCloses reports whether the mark at text[i:i+size] faces backward: a
// non-space before it and space, punctuation or the end after it.
func markCloses(text string, i, size int) bool {
	return singleMarkCloses(text, i, size) != closesNot
}

// singleMarkOpens reports whether a single mark at text[i:] opens a
// quotation rather than standing for missing letters.
func singleMarkOpens(text string, i, size int) bool {
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if !opensAfter(prev) {
			return false
		}
	}
	rest := text[i+size:]
	if rest == "" {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsDigit(next) {
		// ’91, '90s: two digits stand for a year or a decade.
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		return n != 2
	}
	if !unicode.IsLetter(next) && next != '.' && next != '…' {
		return false
	}
	end := 0
	for end < len(rest) {
		r, sz := utf8.DecodeRuneInString(rest[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += sz
	}
	return !lexicon.Elisions[strings.ToLower(rest[:end])]
}

// singleMarkCloses says how surely a single mark at text[i:] closes a
// single-quoted span; any mark closes nothing after space or before a
// letter or digit.
func singleMarkCloses(text string, i, size int) int {
	if i == 0 {
		return closesNot
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(prev) {
		return closesNot
	}
	if i+size >= len(text) {
		return closesSurely
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if unicode.IsLetter(next) || unicode.IsDigit(next) {
		return closesNot // an apostrophe inside a word: don’t, O'Brien
	}
	if strings.ContainsRune(",.!?…;:-—–", prev) || !unicode.IsSpace(next) {
		return closesSurely
	}
	if prev == 's' || prev == 'S' || prev == 'z' {
		return closesMaybe
	}
	return closesSurely
}

// IsDoubleQuote reports whether r is a double quotation mark: straight,
// curly, low, reversed, fullwidth or a guillemet.
func IsDoubleQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '＂':
		return true
	}
	return false
}

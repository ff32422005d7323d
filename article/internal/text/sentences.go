package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

// Sentence is one sentence of a paragraph.
type Sentence struct {
	// Span locates the sentence in the paragraph's text, without the space
	// around it.
	Span Span
	// From and To are the sentence's tokens: the paragraph's Tokens[From:To].
	From, To int
	// InQuote reports that the sentence opens inside, or with, one of the
	// paragraph's quotations.
	InQuote bool
}

// Sentences splits the text of a paragraph, with its tokens and its
// quotations, into sentences.
//
// A sentence ends at '.', '!', '?' or '…' (with any closing quotation marks
// or brackets) that is followed by space and then a capital letter, a digit,
// an opening quotation mark or an opening bracket. A period after a title
// ("Mr.") never ends a sentence; one after an initial ("J."), an initialism
// ("U.S.") or another abbreviation ("Inc.") ends one only when the next
// word usually opens sentences ("The", "He", "In"), and "No." before a
// number ends none.
func Sentences(text string, toks []Token, quotes []Quotation) []Sentence {
	// Quotations are sorted by their opening marks.
	opensAt := func(i int) bool {
		_, found := slices.BinarySearchFunc(quotes, i, func(q Quotation, i int) int { return q.Open - i })
		return found
	}

	var out []Sentence
	start := 0
	emit := func(end int) {
		seg := text[start:end]
		trimmed := strings.TrimSpace(seg)
		if trimmed == "" {
			return
		}
		lead := len(seg) - len(strings.TrimLeftFunc(seg, unicode.IsSpace))
		out = append(out, Sentence{Span: Span{start + lead, start + lead + len(trimmed)}})
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTerminator(r) {
			i += size
			continue
		}
		end := i + size
		for end < len(text) {
			c, csize := utf8.DecodeRuneInString(text[end:])
			if !isTerminator(c) {
				break
			}
			end += csize
		}
		// Closing marks that belong to the sentence being ended.
		for end < len(text) {
			c, csize := utf8.DecodeRuneInString(text[end:])
			if c == ')' || c == ']' || c == '’' || c == '\'' || (IsDoubleQuote(c) && !opensAt(end)) {
				end += csize
				continue
			}
			break
		}
		if end >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(next) {
			i = end
			continue
		}
		j := skipWhile(text, end, unicode.IsSpace)
		if j >= len(text) {
			break
		}
		c, _ := utf8.DecodeRuneInString(text[j:])
		startsSentence := unicode.IsUpper(c) || unicode.IsDigit(c) || opensAt(j) || c == '‘' || c == '(' || c == '['
		if !startsSentence || (r == '.' && !periodEndsSentence(text[:i], text[j:])) {
			i = end
			continue
		}
		emit(end)
		start = j
		i = j
	}
	emit(len(text))

	// The tokens of each sentence, and whether it opens in a quotation:
	// whether a quotation opened at or before its start ends after it.
	t, q, reach := 0, 0, -1
	for k := range out {
		s := &out[k]
		for t < len(toks) && toks[t].Span.Start < s.Span.Start {
			t++
		}
		s.From = t
		for t < len(toks) && toks[t].Span.Start < s.Span.End {
			t++
		}
		s.To = t
		for q < len(quotes) && quotes[q].Open <= s.Span.Start {
			reach = max(reach, quotes[q].End)
			q++
		}
		s.InQuote = reach > s.Span.Start
	}
	return out
}

func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// EndsSentence reports whether s ends with a sentence's final punctuation,
// perhaps followed by closing quotation marks, brackets or spaces.
func EndsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(TrimClosers(s))
	return isTerminator(r)
}

// TrimClosers returns s without the quotation marks, brackets and spaces
// that may close it after a sentence's final punctuation.
func TrimClosers(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return IsDoubleQuote(r) || IsApostrophe(r) || r == ')' || r == ']' || unicode.IsSpace(r)
	})
}

// periodEndsSentence reports whether a period ends a sentence, given the
// text before the period and the text from the first letter or mark after
// the space that follows it.
func periodEndsSentence(before, after string) bool {
	k := len(before)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= size
	}
	word := strings.Trim(before[k:], ".")
	if word == "" {
		return true
	}
	lower := strings.ToLower(word)
	switch {
	case lexicon.AbbreviatedTitles[lower]:
		return false
	case lower == "no":
		// "No. 10" numbers something; "he said no." ends a sentence.
		r, _ := utf8.DecodeRuneInString(after)
		return !unicode.IsDigit(r)
	case lexicon.Abbreviations[lower], strings.Contains(word, "."), isInitial(word):
		return opensSentence(after)
	}
	return true
}

// isInitial reports whether word is a single capital letter.
func isInitial(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && unicode.IsUpper(r)
}

// opensSentence reports whether text starts the way sentences usually do
// after an abbreviation: with a capitalized function word of two letters or
// more ("The", "He", "In", "But") or an opening quotation mark or bracket.
// A name ("U.S. President") or a number ("Jan. 5") does not.
func opensSentence(text string) bool {
	r, size := utf8.DecodeRuneInString(text)
	if !unicode.IsLetter(r) {
		return !unicode.IsDigit(r)
	}
	end := skipWhile(text, size, unicode.IsLetter)
	return end > size && IsStopWord(strings.ToLower(text[:end]))
}

// skipWhile returns the offset of the first rune of text from i on that in
// does not accept, or len(text).
func skipWhile(text string, i int, in func(rune) bool) int {
	for i < len(text) {
		c, size := utf8.DecodeRuneInString(text[i:])
		if !in(c) {
			break
		}
		i += size
	}
	return i
}

package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

// Words returns the plain words of text, as the search index keeps them:
// its tokens with every compound split (see [AppendWords]).
func Words(text string) []Token {
	toks := Tokenize(text)
	out := make([]Token, 0, len(toks))
	for _, t := range toks {
		out = AppendWords(out, text, t)
	}
	return out
}

// PlainWords returns the plain words of text as Words does, without their
// Class: for a reader that only compares the words, such as a search
// bolding its matches.
func PlainWords(text string) []Token {
	return AppendPlainWords(make([]Token, 0, len(text)/5+1), text)
}

// AppendPlainWords appends the plain words of text, as PlainWords returns
// them, to dst, using the room dst has past its length to tokenize: a
// reader that goes through many paragraphs can pass the same slice each
// time instead of allocating two for each.
func AppendPlainWords(dst []Token, text string) []Token {
	start := len(dst)
	dst = appendTokens(dst, text, false)
	end := len(dst)
	for i := start; i < end; i++ {
		dst = AppendWords(dst, text, dst[i])
	}
	n := copy(dst[start:], dst[end:])
	return dst[:start+n]
}

// AppendWords appends the plain words of the token t of text to dst: a
// word of letters and digits, with an apostrophe between two of them
// (don't, Syria's), a number with its thousands separators and decimal
// point (4,500 folded to "4500", 5.8 to "5.8"), or a dotted initialism
// ("U.S", folded to "us"). So a compound is split where a search must find
// its parts (al-Assad's gives al and Assad's, 2002-2006 gives 2002 and
// 2006), a number stays one word, and an abbreviation's final period is
// left out. Punctuation gives nothing.
func AppendWords(dst []Token, text string, t Token) []Token {
	if t.Kind != Word {
		return dst
	}
	w := text[t.Span.Start:t.Span.End]
	if !strings.ContainsAny(w, "-&.,") {
		return append(dst, t)
	}
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		if !IsWordRune(r) {
			i += size
			continue
		}
		start := i
		i += size
		number := false
		for i < len(w) {
			r, size = utf8.DecodeRuneInString(w[i:])
			if IsWordRune(r) {
				i += size
				continue
			}
			if (r == '.' || r == ',') && i+1 < len(w) && isDigitByte(w[i-1]) && isDigitByte(w[i+1]) {
				number = true // "4,500", "5.8"
				i++
				continue
			}
			if IsApostrophe(r) && i+size < len(w) {
				next, _ := utf8.DecodeRuneInString(w[i+size:])
				if IsWordRune(next) {
					i += size
					continue
				}
			}
			break
		}
		end := i
		if n := initialismEnd(w, start); n > end {
			end = n
			i = n
		}
		first, _ := utf8.DecodeRuneInString(w[start:])
		var fold string
		if number {
			fold = foldNumber(w[start:end])
		} else {
			fold = Fold(w[start:end])
		}
		dst = append(dst, Token{
			Span:  Span{t.Span.Start + start, t.Span.Start + end},
			Fold:  fold,
			Kind:  Word,
			Upper: unicode.IsUpper(first),
			Class: lexicon.Of(fold),
		})
	}
	return dst
}

// foldNumber folds a word holding a number with separators: in lower case,
// without its thousands separators and keeping its decimal point, so that
// 18,442 and 18442 are one word and 5.8 stays apart from 58.
func foldNumber(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == ',' {
			continue
		}
		if c >= utf8.RuneSelf {
			// Letters with diacritics beside a number ("5,000€") are rare
			// enough to fold the slow way, decimal point included.
			return Fold(strings.ReplaceAll(w, ",", ""))
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// CountWords returns the number of words in text as a reader counts them:
// runs of letters and digits, an apostrophe inside a word belonging to it
// and a hyphen or period splitting it.
func CountWords(text string) int {
	n := 0
	inWord := false
	for _, r := range text {
		w := IsWordRune(r)
		if w && !inWord {
			n++
		}
		inWord = w || (inWord && IsApostrophe(r))
	}
	return n
}

// TrimPossessive returns a folded word without a possessive ending:
// "kerry" of "kerry's".
func TrimPossessive(w string) string {
	w = strings.TrimSuffix(w, "'s")
	return strings.TrimSuffix(w, "’s")
}

// StartsUpper reports whether s starts with a capital letter.
func StartsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

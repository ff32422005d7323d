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

// AppendWords appends the plain words of the token t of text to dst: a
// word of letters and digits, with an apostrophe between two of them
// (don't, Syria's), or a dotted initialism ("U.S", folded to "us"). So a
// compound is split where a search must find its parts (al-Assad's gives al
// and Assad's, 4,500 gives 4 and 500) and an abbreviation's final period is
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
		for i < len(w) {
			r, size = utf8.DecodeRuneInString(w[i:])
			if IsWordRune(r) {
				i += size
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
		fold := Fold(w[start:end])
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

package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

// Tokenize splits text into words and punctuation marks.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/5+1), text)
}

// AppendTokens appends the tokens of text to dst and returns the result.
//
// A word is a run of letters, digits and combining marks, with an
// apostrophe, a hyphen or an ampersand between two of them (don’t,
// al-Assad, AT&T), a period or comma between two digits (5.8, 4,500), and
// the period after an initial (J.), an initialism (U.S.) or a title that
// stands before names (Mr., Gen.), and after "Jr" and "Sr". Punctuation
// marks are , ; : . ! ? ( ) [ ] and …, three periods (as "…"), and dashes:
// en and em dashes, two hyphens, or a hyphen between spaces (each as "—").
// Quotation marks, apostrophes and other symbols are no tokens.
func AppendTokens(dst []Token, text string) []Token { return appendTokens(dst, text, true) }

// appendTokens is AppendTokens, finding each word's Class when classify is
// true.
func appendTokens(dst []Token, text string, classify bool) []Token {
	lower := asciiLower(text)
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if IsWordRune(r) {
			end := wordEnd(text, i)
			low := lower[i:end]
			if !plainASCII(low) {
				low = Fold(text[i:end])
			}
			var class lexicon.Class
			if classify {
				class = lexicon.Of(low)
			}
			dst = append(dst, Token{Span: Span{i, end}, Kind: Word, Fold: low, Class: class, Upper: unicode.IsUpper(r)})
			i = end
			continue
		}
		switch {
		case c == '.' && strings.HasPrefix(text[i:], "..."):
			dst = append(dst, Token{Span: Span{i, i + 3}, Kind: Punct, Fold: "…"})
			i += 3
			continue
		case c == '-' && strings.HasPrefix(text[i:], "--"):
			dst = append(dst, Token{Span: Span{i, i + 2}, Kind: Punct, Fold: "—"})
			i += 2
			continue
		case c == '-':
			// A hyphen standing alone between spaces is a dash.
			if i > 0 && isSpaceByte(text[i-1]) && i+1 < len(text) && isSpaceByte(text[i+1]) {
				dst = append(dst, Token{Span: Span{i, i + 1}, Kind: Punct, Fold: "—"})
			}
		case r == '–' || r == '—':
			dst = append(dst, Token{Span: Span{i, i + size}, Kind: Punct, Fold: "—"})
		case strings.ContainsRune(",;:.!?()[]…", r):
			dst = append(dst, Token{Span: Span{i, i + size}, Kind: Punct, Fold: text[i : i+size]})
		}
		i += size
	}
	return dst
}

// wordEnd returns the end of the word starting at text[i].
func wordEnd(text string, i int) int {
	start := i
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				i++
				continue
			}
			if (c == '.' || c == ',') && i > start && i+1 < len(text) && isDigitByte(text[i-1]) && isDigitByte(text[i+1]) {
				i++ // "5.8", "4,500"
				continue
			}
			if c != '-' && c != '\'' && c != '&' {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if IsWordRune(r) {
			i += size
			continue
		}
		if (r == '-' || IsApostrophe(r) || r == '&') && i+size < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if IsWordRune(next) {
				i += size
				continue
			}
		}
		break
	}
	if n := initialismEnd(text, start); n > i {
		i = n
	}
	if i < len(text) && text[i] == '.' && keepsPeriod(text[start:i]) {
		i++
	}
	return i
}

// keepsPeriod reports whether the period after word belongs to it: the
// word is an initial ("J"), an initialism ("U.S"), a title that stands
// before names ("Mr", "Gen") or "Jr" or "Sr".
func keepsPeriod(word string) bool {
	if strings.Contains(word, ".") && isInitialism(word) {
		return true
	}
	if r, size := utf8.DecodeRuneInString(word); size == len(word) {
		return unicode.IsUpper(r)
	}
	low := strings.ToLower(word)
	return lexicon.AbbreviatedTitles[low] || low == "jr" || low == "sr"
}

// isInitialism reports whether word is single capital letters joined by
// periods: "U.S", "J.R.R".
func isInitialism(word string) bool {
	for i, part := range strings.Split(word, ".") {
		r, size := utf8.DecodeRuneInString(part)
		if size != len(part) || !unicode.IsUpper(r) {
			return i > 0 && part == ""
		}
	}
	return true
}

// initialismEnd returns the end of a dotted initialism such as "U.S" or
// "J.R.R" that starts at start: two or more single capital letters, each
// followed by a period except perhaps the last. The final period is left out,
// since it may also end a sentence. It returns -1 when no initialism starts
// at start.
func initialismEnd(text string, start int) int {
	i, letters, end := start, 0, -1
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsUpper(r) {
			break
		}
		after := i + size
		if after < len(text) && text[after] == '.' {
			letters++
			end = after
			i = after + 1
			continue
		}
		// A last letter without its period ("U.S" at the end of a text) must
		// stand alone, or "X.Org" would read as an initialism.
		if letters > 0 {
			next, _ := utf8.DecodeRuneInString(text[after:])
			if after == len(text) || !IsWordRune(next) {
				letters++
				end = after
			}
		}
		break
	}
	if letters < 2 {
		return -1
	}
	return end
}

// IsWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// IsApostrophe reports whether r is a character used as an apostrophe or a
// single quotation mark.
func IsApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ'
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
// with no periods to drop.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '.' || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

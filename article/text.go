package article

import (
	"github.com/articlebot/articlebot/article/internal/lexicon"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// token is one word of a text.
type token struct {
	span Span   // where the word stands in the text it came from
	fold string // lower case, without diacritics, apostrophes straight
}

// isApostrophe reports whether r is a character used as an apostrophe or a
// single quotation mark.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ'
}

// isWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
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

// tokenize splits text into words. A word is a run of letters and digits;
// an apostrophe between two such characters belongs to the word (don't,
// Syria's), and dotted initialisms such as U.S. are one word ("us").
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/6+1) // English averages about six bytes a word
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		i += size
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if isWordRune(next) {
					i += size
					continue
				}
			}
			break
		}
		end := i
		if n := initialismEnd(text, start); n > end {
			end = n
			i = n
		}
		toks = append(toks, token{span: Span{start, end}, fold: fold(text[start:end])})
	}
	return toks
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
			if after == len(text) || !isWordRune(next) {
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

var foldTransformer = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// fold returns s in lower case, without diacritics, with every apostrophe
// straight and without periods, which is how an initialism loses its dots.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		t := foldTransformer.Get().(transform.Transformer)
		if out, _, err := transform.String(t, s); err == nil {
			s = out
		}
		foldTransformer.Put(t)
		s = strings.Map(func(r rune) rune {
			if isApostrophe(r) {
				return '\''
			}
			return r
		}, s)
	}
	s = strings.ToLower(s)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.ReplaceAll(s, ".", "")
	}
	return s
}

// Fold returns s as the package compares words: in lower case, without
// diacritics, with straight apostrophes and without periods, so that
// "U.S." and "us" are one word.
func Fold(s string) string { return fold(s) }

// stemCache remembers the stems of words already seen. It stops growing at
// maxCachedStems entries, so that words from untrusted queries cannot grow it
// without bound; words past the limit are stemmed every time.
var (
	stemCache   sync.Map // folded word -> stem
	cachedStems atomic.Int64
)

const maxCachedStems = 1 << 16

// stem returns the English snowball stem of a folded word. Stop words are
// returned as they are.
func stem(w string) string {
	if s, ok := stemCache.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	if cachedStems.Load() < maxCachedStems {
		if _, loaded := stemCache.LoadOrStore(w, s); !loaded {
			cachedStems.Add(1)
		}
	}
	return s
}

// isStopWord reports whether the folded word w is an English stop word.
func isStopWord(w string) bool {
	return english.IsStopWord(w)
}

func countWords(text string) int {
	n := 0
	inWord := false
	for _, r := range text {
		w := isWordRune(r)
		if w && !inWord {
			n++
		}
		inWord = w || (inWord && isApostrophe(r))
	}
	return n
}

// quoteOpens reports whether the double quotation mark at text[i] opens a
// quotation rather than closing one. Curly and low marks face one way; the
// others, guillemets included (« » in French, » « in German), open after a
// space, an opening bracket or a dash.
func quoteOpens(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '“', '„', '‟':
		return true
	case '”':
		return false
	}
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(prev) || strings.ContainsRune("([{—–-:;/", prev)
}

// isDoubleQuote reports whether r is a double quotation mark: straight,
// curly, low, reversed, fullwidth or a guillemet.
func isDoubleQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '＂':
		return true
	}
	return false
}

// splitSentences splits paragraph text into sentences. A sentence ends at
// '.', '!', '?' or '…' (with any closing quotation marks or brackets) that is
// followed by space and then a capital letter, a digit or an opening mark.
// A period after a title ("Mr.") never ends a sentence; one after an initial
// ("J."), an initialism ("U.S.") or another abbreviation ("Inc.") ends one
// only when the next word usually opens sentences ("The", "He", "In").
func splitSentences(paragraph int, text string) []Sentence {
	var out []Sentence
	depth := 0 // double quotation marks open at the current position
	start, startDepth := 0, 0
	emit := func(end int) {
		seg := text[start:end]
		trimmed := strings.TrimSpace(seg)
		if trimmed == "" {
			return
		}
		lead := len(seg) - len(strings.TrimLeftFunc(seg, unicode.IsSpace))
		s := Sentence{
			Paragraph: paragraph,
			Span:      Span{start + lead, start + lead + len(trimmed)},
			Text:      trimmed,
		}
		first, _ := utf8.DecodeRuneInString(trimmed)
		s.InQuote = startDepth > 0 || (isDoubleQuote(first) && quoteOpens(text, s.Span.Start))
		out = append(out, s)
	}

	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isDoubleQuote(r) {
			if quoteOpens(text, i) {
				depth++
			} else if depth > 0 {
				depth--
			}
			i += size
			continue
		}
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
			if c == ')' || c == ']' || c == '’' || c == '\'' || (isDoubleQuote(c) && !quoteOpens(text, end)) {
				if isDoubleQuote(c) && depth > 0 {
					depth--
				}
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
		j := end
		for j < len(text) {
			c, csize := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(c) {
				break
			}
			j += csize
		}
		if j >= len(text) {
			break
		}
		c, _ := utf8.DecodeRuneInString(text[j:])
		startsSentence := unicode.IsUpper(c) || unicode.IsDigit(c) ||
			(isDoubleQuote(c) && quoteOpens(text, j)) || c == '‘' || c == '(' || c == '['
		if !startsSentence || (r == '.' && !periodEndsSentence(text[:i], text[j:])) {
			i = end
			continue
		}
		emit(end)
		start, startDepth = j, depth
		i = j
	}
	emit(len(text))
	return out
}

func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
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
	end := size
	for end < len(text) {
		c, csize := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsLetter(c) {
			break
		}
		end += csize
	}
	return end > size && isStopWord(strings.ToLower(text[:end]))
}

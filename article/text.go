package article

import (
	"strings"
	"sync"
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

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into words. A word is a run of letters and digits;
// an apostrophe between two such characters belongs to the word (don't,
// Syria's), and dotted initialisms such as U.S. are one word ("us").
func tokenize(text string) []token {
	var toks []token
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
// "U.K" that starts at start (the final dot excluded, since it may also end a
// sentence), or -1 when none starts there.
func initialismEnd(text string, start int) int {
	i, letters := start, 0
	for {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsUpper(r) {
			break
		}
		if i+size >= len(text) || text[i+size] != '.' {
			if letters > 0 {
				return i + size
			}
			break
		}
		letters++
		i += size + 1
		if i >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsUpper(next) {
			if letters > 1 {
				return i - 1
			}
			break
		}
	}
	return -1
}

var foldTransformer = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// fold returns s in lower case, without diacritics, with every apostrophe
// straight and without the dots of an initialism.
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
// diacritics and with straight apostrophes.
func Fold(s string) string { return fold(s) }

var stemCache sync.Map // folded word -> stem

// stem returns the English snowball stem of a folded word. Stop words are
// returned as they are.
func stem(w string) string {
	if s, ok := stemCache.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	stemCache.Store(w, s)
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

// abbreviations are words that end with a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "gen": true, "col": true, "lt": true, "sgt": true,
	"capt": true, "cmdr": true, "adm": true, "maj": true, "rep": true, "sen": true,
	"gov": true, "rev": true, "hon": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "vs": true, "etc": true, "no": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true,
}

// quoteOpens reports whether the double quotation mark at text[i] opens a
// quotation rather than closing one.
func quoteOpens(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '“', '„':
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

func isDoubleQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„'
}

// splitSentences splits paragraph text into sentences. A sentence ends at
// '.', '!', '?' or '…' (with any closing quotation marks or brackets) that is
// followed by space and then a capital letter, a digit or an opening mark,
// unless the period ends a known abbreviation or an initial.
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
		lead := len(seg) - len(strings.TrimLeft(seg, " \t"))
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
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		end := i + size
		for end < len(text) && strings.ContainsRune(".!?…", rune(text[end])) {
			end++
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
		if !startsSentence || (r == '.' && endsAbbreviation(text[:i])) {
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

// endsAbbreviation reports whether before, the text up to a period, ends with
// an abbreviation or a single capital letter (an initial such as "J.").
func endsAbbreviation(before string) bool {
	k := len(before)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= size
	}
	word := before[k:]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	if strings.Contains(word, ".") {
		return true // an initialism such as U.S
	}
	return abbreviations[strings.ToLower(word)]
}

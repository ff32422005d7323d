package text

import (
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

var foldTransformer = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Fold returns s as the engine compares words: in lower case, without
// diacritics, with every apostrophe straight and without periods, so that
// "U.S." and "us" are one word.
func Fold(s string) string {
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
			if IsApostrophe(r) {
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

// stemCache remembers the stems of words already seen. It stops growing at
// maxCachedStems entries, so that words from untrusted queries cannot grow it
// without bound; words past the limit are stemmed every time.
var (
	stemCache   sync.Map // folded word -> stem
	cachedStems atomic.Int64
)

const maxCachedStems = 1 << 16

// Stem returns the English snowball stem of a folded word. Stop words are
// returned as they are.
func Stem(w string) string {
	if strings.ContainsAny(w, "0123456789") {
		// Numbers and codes ("2015", "qz8501", "1990s") have no English
		// stem to find, and caching them would fill the cache with words
		// no query repeats.
		return w
	}
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

// Capitals returns how many capital letters w has when it is written in
// capitals alone, perhaps with periods and ampersands ("US", "U.S.",
// "NATO", "AT&T"), and 0 otherwise. Callers read an abbreviation or an
// acronym from the count: "A" is a capital, not an abbreviation.
func Capitals(w string) int {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '&':
		default:
			return 0
		}
	}
	return n
}

// IsAbbreviation reports whether w is written as an abbreviation: two to
// four capitals ("US", "U.S.", "NATO"), which is not the stop word its
// folded form may be ("us").
func IsAbbreviation(w string) bool {
	n := Capitals(w)
	return n >= 2 && n <= 4
}

// IsStopWord reports whether the folded word w is an English stop word.
func IsStopWord(w string) bool {
	return english.IsStopWord(w)
}

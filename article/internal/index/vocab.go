package index

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/text"
)

// PrefixMinRunes is the shortest free word that also matches the article's
// words starting with it ("russia" finds "Russian"); shorter words would
// match too much ("us" would find "used").
const PrefixMinRunes = 4

// StemForms returns the ids of the words whose stem has id s.
func (ix *Index) StemForms(s int32) []int32 { return ix.stemWords[ix.stemStart[s]:ix.stemStart[s+1]] }

// StemOf returns the stem id of word w.
func (ix *Index) StemOf(w int32) int32 { return ix.stemOf[w] }

// StemID returns the id of the stem of the folded word w, if any word of the
// article has that stem.
func (ix *Index) StemID(w string) (int32, bool) {
	if id, ok := ix.ids[w]; ok {
		return ix.stemOf[id], true
	}
	s, ok := ix.stems[text.Stem(w)]
	return s, ok
}

// withPrefix returns the ids of the words that start with prefix, in the
// byte order of the words.
func (ix *Index) withPrefix(prefix string) []int32 {
	lo, _ := slices.BinarySearchFunc(ix.sorted, prefix, func(id int32, p string) int {
		return strings.Compare(ix.words[id], p)
	})
	hi := lo
	for hi < len(ix.sorted) && strings.HasPrefix(ix.words[ix.sorted[hi]], prefix) {
		hi++
	}
	return ix.sorted[lo:hi]
}

// Forms returns the ids of the article's words that the folded word w
// matches, sorted: the words with its stem and, for a free word (one outside
// a quoted phrase), the words that start with it when it has PrefixMinRunes
// letters or more ("russia" finds "Russian") and the forms of the place a
// demonym names ("iranians" finds "Iran").
func (ix *Index) Forms(w string, free bool) []int32 {
	var forms []int32
	if sid, ok := ix.StemID(w); ok {
		forms = append(forms, ix.StemForms(sid)...)
	}
	if free {
		if utf8.RuneCountInString(w) >= PrefixMinRunes {
			forms = append(forms, ix.withPrefix(w)...)
		}
		for _, base := range DemonymBases(w) {
			if sid, ok := ix.StemID(base); ok {
				forms = append(forms, ix.StemForms(sid)...)
			}
		}
	}
	slices.Sort(forms)
	return slices.Compact(forms)
}

// DemonymBases returns the place names that a folded demonym may come from,
// to be looked up among the article's words: "russians" gives "russia" and
// "russ", "iranian" gives "irania" and "iran". Words of fewer than six
// letters are left alone.
func DemonymBases(w string) []string {
	w = strings.TrimSuffix(w, "s")
	if utf8.RuneCountInString(w) < 6 || !strings.HasSuffix(w, "an") {
		return nil
	}
	bases := []string{w[:len(w)-1]}
	if strings.HasSuffix(w, "ian") && utf8.RuneCountInString(w) >= 7 {
		bases = append(bases, w[:len(w)-3])
	}
	return bases
}

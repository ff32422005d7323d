package lexicon

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// synonymTable is WordNet's synsets of common senses (see
// internal/wordnetgen and wordnet/LICENSE): one a line, the words of a
// lemma joined by "_".
//
//go:embed wordnet/synonyms.txt
var synonymTable string

// synonymIndex finds the synsets of a lemma: its entries are sorted by
// lemma, each naming a line of the table.
type synonymIndex struct {
	lines   []string
	entries []synonymEntry
}

type synonymEntry struct {
	lemma string
	line  int32
}

// synonyms is read from the table when first used.
var synonyms = sync.OnceValue(func() *synonymIndex {
	ix := &synonymIndex{}
	for line := range strings.SplitSeq(synonymTable, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n := int32(len(ix.lines))
		ix.lines = append(ix.lines, line)
		for lemma := range strings.FieldsSeq(line) {
			ix.entries = append(ix.entries, synonymEntry{lemma, n})
		}
	}
	slices.SortFunc(ix.entries, func(x, y synonymEntry) int {
		if c := strings.Compare(x.lemma, y.lemma); c != 0 {
			return c
		}
		return int(x.line - y.line)
	})
	return ix
})

// Synonyms returns the words that share a common sense with the folded
// word w, as WordNet lists them: "step down" and "leave office" for
// "quit", "disappear" for "vanished", "discover" for "found". An inflected
// word is looked up by its lemmas (see Lemmas). A synonym of several words
// has them separated by single spaces. w's own lemmas are left out, and
// each synonym is given once.
func Synonyms(w string) []string {
	ix := synonyms()
	lemmas := Lemmas(w)
	var out []string
	for _, l := range lemmas {
		i, _ := slices.BinarySearchFunc(ix.entries, l, func(e synonymEntry, l string) int { return strings.Compare(e.lemma, l) })
		for ; i < len(ix.entries) && ix.entries[i].lemma == l; i++ {
			for s := range strings.FieldsSeq(ix.lines[ix.entries[i].line]) {
				if slices.Contains(lemmas, s) {
					continue
				}
				s = strings.ReplaceAll(s, "_", " ")
				if !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// Lemmas returns the dictionary forms a folded English word may be an
// inflection of, the word itself first, as WordNet's morphy finds them:
// the base form of an irregular verb ("found" gives "find"), and the word
// without a regular ending of a plural, a past, a participle or a
// comparative ("leads" gives "lead", "vanished" gives "vanish" and
// "vanishe"). Some are not words; the caller looks them up.
func Lemmas(w string) []string {
	out := []string{w}
	add := func(l string) {
		if len(l) >= 2 && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	if b := BaseForm(w); b != w {
		add(b)
	}
	for _, r := range morphyRules {
		if base, ok := strings.CutSuffix(w, r[0]); ok {
			add(base + r[1])
		}
	}
	return out
}

// morphyRules are WordNet's rules of detachment: an ending, and what
// replaces it in the lemma.
var morphyRules = [][2]string{
	{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
	{"men", "man"}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""},
	{"ing", "e"}, {"ing", ""}, {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
}

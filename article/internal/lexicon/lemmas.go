package lexicon

import (
	"slices"
	"strings"
)

// Lemmas returns the dictionary forms a folded English word may be an
// inflection of, the word itself first, as WordNet's morphy finds them:
// the base form of an irregular verb ("found" gives "find"), and the word
// without a regular ending of a plural, a past, a participle or a
// comparative ("leads" gives "lead", "vanished" gives "vanish" and
// "vanishe"), undoubling a consonant doubled before "-ed" or "-ing"
// ("stepped" gives "step"), and "-ying" back to "-ie" ("dying" gives
// "die"). Some are not words; the caller looks them up.
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
	if base, ok := strings.CutSuffix(w, "ying"); ok && len(base) >= 1 {
		add(base + "ie") // "dying", "tying"
	}
	for _, r := range morphyRules {
		if base, ok := strings.CutSuffix(w, r[0]); ok {
			add(base + r[1])
			if n := len(base); r[1] == "" && (r[0] == "ed" || r[0] == "ing") && n >= 3 && base[n-1] == base[n-2] && !strings.ContainsRune("aeiou", rune(base[n-1])) {
				add(base[:n-1]) // "stepped", "quitting": a doubled consonant
			}
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

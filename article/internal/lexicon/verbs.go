package lexicon

import (
	"fmt"
	"slices"
	"strings"
)

// Verb describes a verb of speech and how it attributes words.
type Verb struct {
	// Lemma is the verb's base form with the words that follow it in a
	// verb of several words: "say", "call on", "according to".
	Lemma string
	// Base marks the base form ("say", "claim"): a verb of speech only
	// after a plural subject ("They say that …").
	Base bool
	// Ing marks the participle ("saying", "adding"), whose subject is the
	// sentence's.
	Ing bool
	// Weak verbs attribute only next to a quotation ("…," he continued).
	Weak bool
	// QuoteOnly verbs attribute only a quotation in their clause
	// (described it as "…").
	QuoteOnly bool
	// Object verbs may take an object before the clause ("told reporters
	// that").
	Object bool
	// Control verbs report a request, told from the verb on ("urged Iran
	// to …").
	Control bool
	// Inverts marks a verb that may come before its subject ("…," said
	// Kerry).
	Inverts bool
	// Noun marks a third-person form that is also a plural noun ("member
	// states", "the reports").
	Noun bool
	// That marks a verb that reports a clause only after "that", "whether"
	// or a colon: "confirmed the deal" is not a statement.
	That bool
}

// MultiWordVerb is a verb of speech of several words, found by its first.
type MultiWordVerb struct {
	// Rest holds the words after the first: "on" of "called on".
	Rest []string
	// Verb says how it attributes words.
	Verb *Verb
}

var speechVerbs, multiWordVerbs = readSpeechVerbs()

// SpeechVerb returns the verb of speech of which the folded word w is a
// form, or nil.
func SpeechVerb(w string) *Verb { return speechVerbs[w] }

// MultiWordVerbs returns the verbs of speech of several words that start
// with the folded word w.
func MultiWordVerbs(w string) []MultiWordVerb { return multiWordVerbs[w] }

// readSpeechVerbs reads speech-verbs.txt.
func readSpeechVerbs() (map[string]*Verb, map[string][]MultiWordVerb) {
	verbs := make(map[string]*Verb)
	multi := make(map[string][]MultiWordVerb)
	for _, line := range lines("speech-verbs") {
		spec, flags, _ := strings.Cut(line, ";")
		spec, restWords, isMulti := strings.Cut(spec, "+")
		forms := strings.Fields(spec)
		rest := strings.Fields(restWords)
		if len(forms) != 4 || isMulti && len(rest) == 0 {
			panic(fmt.Sprintf("lexicon: speech-verbs.txt: bad line %q", line))
		}
		var v Verb
		named := map[string]*bool{"inv": &v.Inverts, "obj": &v.Object, "ctl": &v.Control,
			"weak": &v.Weak, "qonly": &v.QuoteOnly, "noun": &v.Noun, "that": &v.That}
		for _, fl := range strings.Fields(flags) {
			if named[fl] == nil {
				panic(fmt.Sprintf("lexicon: speech-verbs.txt: unknown flag %q", fl))
			}
			*named[fl] = true
		}
		lemma := forms[slices.IndexFunc(forms, func(f string) bool { return f != "-" })]
		v.Lemma = strings.Join(append([]string{lemma}, rest...), " ")
		for i, form := range forms {
			if form == "-" {
				continue
			}
			info := v
			info.Base = i == 0
			info.Ing = i == 3
			info.Noun = v.Noun && i == 1
			if !isMulti {
				if _, dup := verbs[form]; !dup {
					verbs[form] = &info
				}
				continue
			}
			if slices.Contains(forms[:i], form) {
				// "put it" is base and past alike: no plural subject required.
				for _, m := range multi[form] {
					if m.Verb.Lemma == v.Lemma {
						m.Verb.Base = false
					}
				}
				continue
			}
			multi[form] = append(multi[form], MultiWordVerb{Rest: rest, Verb: &info})
		}
	}
	return verbs, multi
}

var verbForms = readIrregularVerbs()

// readIrregularVerbs maps each form of an irregular verb to all its forms,
// base form first.
func readIrregularVerbs() map[string][]string {
	m := make(map[string][]string)
	for _, line := range lines("irregular-verbs") {
		forms := strings.Fields(line)
		for _, f := range forms {
			if _, seen := m[f]; !seen {
				m[f] = forms
			}
		}
	}
	return m
}

// VerbForms returns every form of the irregular verb of which w is a form,
// base form first, or nil when w is no such form.
func VerbForms(w string) []string { return verbForms[w] }

// BaseForm returns the base form of an irregular verb's form ("met" gives
// "meet"), or w itself.
func BaseForm(w string) string {
	if forms, ok := verbForms[w]; ok {
		return forms[0]
	}
	return w
}

package article

import "strings"

// lexFlag marks the lexicons a folded word belongs to, so that a token is
// looked up once when the paragraph is read rather than once per question
// asked about it.
type lexFlag uint32

const (
	lxRole         lexFlag = 1 << iota // a role: "minister", "analyst"
	lxRolePlural                       // a role's plural: "officials"
	lxPortfolio                        // part of a title: "Foreign", "State"
	lxOrg                              // makes a name a body's: "Ministry", "TV"
	lxNationality                      // "Syrian", "British"
	lxDay                              // a day or an unambiguous month
	lxTime                             // a time word: "yesterday", "week"
	lxNameStop                         // a function word never part of a name
	lxDeterminer                       // "the", "a", "this"
	lxPossessive                       // "his", "their"
	lxPronoun                          // "he", "they"
	lxObjPronoun                       // "him", "them"
	lxPreNoun                          // stands before nouns: "the", "his", "recent"
	lxNPStop                           // ends a noun phrase read backwards
	lxNegator                          // "not", "never"
	lxModal                            // "will", "would", "to"
	lxBeAux                            // "is", "was"
	lxHaveAux                          // "has", "did"
	lxAdverb                           // "also", "again"
	lxPrep                             // "in", "on", "after"
	lxLeadAdverb                       // opens a sentence without being its subject
	lxNonSpeaker                       // a subject that cannot speak: "there", "figures"
	lxParticle                         // "al", "von"
	lxSuffix                           // "Jr", "III"
	lxHonorific                        // "Mr", "Dr"
	lxPlace                            // opens a place's name: "New", "North"
	lxNaming                           // stands before a quoted title: "so-called"
	lxPostModifier                     // an adjective after its noun: "familiar"
	lxSpeech                           // a verb of speech, or the first word of one
	lxBodyTitle                        // describes a body before its name: "chipmaker"
)

var lexicon = buildLexicon()

func buildLexicon() map[string]lexFlag {
	m := make(map[string]lexFlag, 2048)
	add := func(set map[string]bool, f lexFlag) {
		for w := range set {
			m[w] |= f
		}
	}
	add(roleWords, lxRole)
	for w := range roleWords {
		for _, p := range plurals(w) {
			if !roleWords[p] {
				m[p] |= lxRolePlural
			}
		}
	}
	add(portfolioWords, lxPortfolio)
	add(orgWords, lxOrg)
	add(nationalityWords, lxNationality)
	add(dayWords, lxDay)
	add(timeWords, lxTime)
	add(stopWordsForNames, lxNameStop)
	add(determiners, lxDeterminer)
	add(possessives, lxPossessive)
	add(personalPronouns, lxPronoun)
	add(objectPronouns, lxObjPronoun)
	add(preNoun, lxPreNoun)
	add(npStops, lxNPStop)
	add(negators, lxNegator)
	add(modals, lxModal)
	add(beAux, lxBeAux)
	add(haveAux, lxHaveAux)
	add(adverbs, lxAdverb)
	add(preps, lxPrep)
	add(leadAdverbs, lxLeadAdverb)
	add(nonSpeakers, lxNonSpeaker)
	add(nameParticles, lxParticle)
	add(nameSuffixes, lxSuffix)
	add(honorifics, lxHonorific)
	add(placeWords, lxPlace)
	add(namingWords, lxNaming)
	add(postModifiers, lxPostModifier)
	add(bodyTitles, lxBodyTitle)
	for w := range speechVerbs {
		m[w] |= lxSpeech
	}
	for w := range multiWordVerbs {
		m[w] |= lxSpeech
	}
	return m
}

// plurals returns the plural forms of a singular noun.
func plurals(w string) []string {
	switch {
	case strings.HasSuffix(w, "man"):
		return []string{w[:len(w)-3] + "men"}
	case strings.HasSuffix(w, "person"):
		return []string{w + "s", w[:len(w)-6] + "people"}
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return []string{w[:len(w)-1] + "ies"}
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x"):
		return []string{w + "es"}
	}
	return []string{w + "s"}
}

// lexOf returns the lexicon flags of a folded word, looking through a
// possessive ending ("Syria's" is a name like "Syria").
func lexOf(w string) lexFlag {
	if f, ok := lexicon[w]; ok {
		return f
	}
	if strings.HasSuffix(w, "'s") {
		return lexicon[w[:len(w)-2]]
	}
	if hasRoleSuffix(w) {
		if strings.HasSuffix(w, "s") {
			return lxRolePlural
		}
		return lxRole
	}
	return 0
}

func (t qtok) has(f lexFlag) bool { return t.flags&f != 0 }

// isRole reports whether a token is a role word or a role's plural.
func (t qtok) isRole() bool {
	return t.flags&(lxRole|lxRolePlural) != 0 || strings.HasSuffix(t.low, "-year-old")
}

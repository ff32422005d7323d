package lexicon

import "strings"

// Class marks the lists a folded word belongs to, so that a word is looked
// up once when a paragraph is read rather than once per question asked
// about it.
type Class uint32

// The classes of words.
const (
	Role         Class = 1 << iota // a role: "minister", "analyst"
	RolePlural                     // a role's plural: "officials"
	Portfolio                      // part of a title: "Foreign", "State"
	Org                            // makes a name a body's: "Ministry", "TV"
	Nationality                    // "Syrian", "British"
	Day                            // a day or an unambiguous month
	Time                           // a time word: "yesterday", "week"
	NameStop                       // a function word never part of a name
	Determiner                     // "the", "a", "this"
	Possessive                     // "his", "their"
	Pronoun                        // "he", "they"
	ObjPronoun                     // "him", "them"
	PreNoun                        // stands before nouns: "the", "his", "recent"
	NPStop                         // ends a noun phrase read backwards
	Negator                        // "not", "never"
	Modal                          // "will", "would", "to"
	BeAux                          // "is", "was"
	HaveAux                        // "has", "did"
	Adverb                         // "also", "again"
	Prep                           // "in", "on", "after"
	LeadAdverb                     // opens a sentence without being its subject
	NonSpeaker                     // a subject that cannot speak: "there", "figures"
	Particle                       // "al", "von"
	Suffix                         // "Jr", "III"
	Honorific                      // "Mr", "Dr"
	Place                          // opens a place's name: "New", "North"
	Naming                         // stands before a quoted title: "so-called"
	PostModifier                   // an adjective after its noun: "familiar"
	Speech                         // a verb of speech, or the first word of one
	BodyTitle                      // describes a body before its name: "chipmaker"
	Subordinator                   // opens a clause inside a sentence: "as", "when"
)

var classes = buildClasses()

func buildClasses() map[string]Class {
	m := make(map[string]Class, 2048)
	add := func(s Set, c Class) {
		for w := range s {
			m[w] |= c
		}
	}
	add(RoleWords, Role)
	for w := range RoleWords {
		for _, p := range plurals(w) {
			if !RoleWords[p] {
				m[p] |= RolePlural
			}
		}
	}
	add(PortfolioWords, Portfolio)
	add(OrgWords, Org)
	add(NationalityWords, Nationality)
	add(DayWords, Day)
	add(TimeWords, Time)
	add(NameStopWords, NameStop)
	add(Determiners, Determiner)
	add(Possessives, Possessive)
	add(PersonalPronouns, Pronoun)
	add(ObjectPronouns, ObjPronoun)
	add(PreNounWords, PreNoun)
	add(NPStopWords, NPStop)
	add(Negators, Negator)
	add(Modals, Modal)
	add(BeForms, BeAux)
	add(HaveForms, HaveAux)
	add(Adverbs, Adverb)
	add(Prepositions, Prep)
	add(LeadAdverbs, LeadAdverb)
	add(NonSpeakers, NonSpeaker)
	add(NameParticles, Particle)
	add(NameSuffixes, Suffix)
	add(Honorifics, Honorific)
	add(PlaceWords, Place)
	add(NamingWords, Naming)
	add(PostModifiers, PostModifier)
	add(BodyTitles, BodyTitle)
	add(Subordinators, Subordinator)
	for w := range speechVerbs {
		m[w] |= Speech
	}
	for w := range multiWordVerbs {
		m[w] |= Speech
	}
	return m
}

// Of returns the classes of a folded word, looking through a possessive
// ending ("Syria's" is a name like "Syria").
func Of(w string) Class {
	if c, ok := classes[w]; ok {
		return c
	}
	if strings.HasSuffix(w, "'s") {
		return classes[w[:len(w)-2]]
	}
	if HasRoleSuffix(w) {
		if strings.HasSuffix(w, "s") {
			return RolePlural
		}
		return Role
	}
	return 0
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

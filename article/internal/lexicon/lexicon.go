// Package lexicon holds the word lists the engine reads news with: one list
// per kind of word, kept as data in lists/*.txt and read once when the
// program starts.
//
// The lists are general English. They describe how news prose names people
// and bodies, reports speech and asks questions, never the words of one
// article. Every entry is folded as the text package folds words: lower
// case, without diacritics, with straight apostrophes and no periods.
//
// A list file holds comment lines starting with "#", which say what the
// list is for, and words separated by white space. A few lists are tables
// with one entry a line (genders.txt, speech-verbs.txt,
// irregular-verbs.txt); their comments give the columns. near-synonyms.txt
// holds one group a line, its members (words or phrases) separated by
// commas.
package lexicon

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed lists/*.txt
var files embed.FS

// Set is a word list: the folded words it holds.
type Set map[string]bool

// Has reports whether the list holds the folded word w.
func (s Set) Has(w string) bool { return s[w] }

// People, bodies and their names.
var (
	RoleWords         = set("role-words")
	PortfolioWords    = set("portfolio-words")
	OrgWords          = set("org-words")
	BodyTitles        = set("body-titles")
	NationalityWords  = set("nationality-words")
	DemonymNouns      = set("demonym-nouns")
	NameParticles     = set("name-particles")
	NameSuffixes      = set("name-suffixes")
	Honorifics        = set("honorifics")
	SurnameHonorifics = set("surname-honorifics")
	NameStopWords     = set("name-stop-words")
	PlaceWords        = set("place-words")
	// RoleSuffixes end words that name a person by their field.
	RoleSuffixes = words("role-suffixes")
	// Gender maps honorifics and gendered role words to 'm' or 'f'.
	Gender = genders()
)

// Function words and the grammar around verbs of speech.
var (
	PersonalPronouns     = set("personal-pronouns")
	ObjectPronouns       = set("object-pronouns")
	Determiners          = set("determiners")
	Possessives          = set("possessives")
	PreNounWords         = set("pre-noun-words")
	Quantifiers          = set("quantifiers")
	NPStopWords          = set("np-stop-words")
	Negators             = set("negators")
	Modals               = set("modals")
	BeForms              = set("be-forms")
	HaveForms            = set("have-forms")
	Adverbs              = set("adverbs")
	Prepositions         = set("prepositions")
	Particles            = set("particles")
	LeadAdverbs          = set("lead-adverbs")
	NonSpeakers          = set("non-speakers")
	ClauseStarts         = set("clause-starts")
	PostModifiers        = set("post-modifiers")
	LyNouns              = set("ly-nouns")
	IrregularParticiples = set("irregular-participles")
	NamingWords          = set("naming-words")
	// NicknameCues are the phrases, as folded words, that introduce the
	// name someone goes by.
	NicknameCues   = phrases("nickname-cues")
	DocumentNouns  = set("document-nouns")
	InterviewNouns = set("interview-nouns")
	Subordinators  = set("subordinators")
	SpeakingNouns  = set("speaking-nouns")
	IssuingVerbs   = set("issuing-verbs")
	// SpokespersonNouns name someone who speaks for a body.
	SpokespersonNouns = set("spokesperson-nouns")
)

// Time.
var (
	TimeWords       = set("time-words")
	DayWords        = set("day-words")
	TimeMarkers     = set("time-markers")
	AmbiguousMonths = set("ambiguous-months")
	TimeUnits       = set("time-units")
	TimeRelatives   = set("time-relatives")
	TimePreps       = set("time-preps")
	TimeNouns       = set("time-nouns")
	TimeParts       = set("time-parts")
	Months          = set("months")
)

// Quantities: what makes a number a sum of money, a share or a measure.
var (
	CurrencyWords = set("currency-words")
	PercentWords  = set("percent-words")
	MeasureUnits  = set("measure-units")
)

// Sentences and their punctuation.
var (
	AbbreviatedTitles = set("abbreviated-titles")
	Abbreviations     = set("abbreviations")
	Elisions          = set("elisions")
	BackPointers      = set("back-pointers")
	Connectives       = set("connectives")
)

// Questions and the kinds of things they ask for.
var (
	QuestionWords      = set("question-words")
	QuestionFillers    = set("question-fillers")
	QuantityFollowers  = set("quantity-followers")
	PlaceNouns         = set("place-nouns")
	LocativePreps      = set("locative-preps")
	NearPreps          = set("near-preps")
	NumberWords        = set("number-words")
	FractionWords      = set("fraction-words")
	CauseWords         = set("cause-words")
	WeakCauseWords     = set("weak-cause-words")
	ResultWords        = set("result-words")
	GenericSpeechVerbs = set("generic-speech-verbs")
	MoneyWords         = set("money-words")
	ValueWords         = set("value-words")
	MeasureQuestions   = set("measure-questions")
	DurationVerbs      = set("duration-verbs")
	LightVerbs         = set("light-verbs")
	// AnswerNouns maps a noun that says what a question asks for ("year",
	// "company", "margin") to the kind of answer: "clock", "date",
	// "percent", "org", "person", "money", "duration", "score", "reason"
	// or "place".
	AnswerNouns = table("answer-nouns")
	// relatedWords maps a word to the group of words that answer for it.
	relatedWords = groups("related-words")
)

// Related returns the words that answer for the folded word w in a
// question though they are neither its forms nor its synonyms ("wife" for
// "married"), or nil.
func Related(w string) []string { return relatedWords[w] }

// lines returns the lines of a list file that are neither comments nor
// blank.
func lines(name string) []string {
	body, err := files.ReadFile("lists/" + name + ".txt")
	if err != nil {
		// The lists are embedded at build time and read by the package's
		// tests, so this cannot happen in a tested build.
		panic(fmt.Sprintf("lexicon: %v", err))
	}
	var out []string
	for line := range strings.SplitSeq(string(body), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// words returns the words of a list file.
func words(name string) []string {
	var out []string
	for _, line := range lines(name) {
		out = append(out, strings.Fields(line)...)
	}
	return out
}

// phrases returns the lines of a list file as phrases of words.
func phrases(name string) [][]string {
	var out [][]string
	for _, line := range lines(name) {
		out = append(out, strings.Fields(line))
	}
	return out
}

func set(name string) Set {
	s := make(Set)
	for _, w := range words(name) {
		s[w] = true
	}
	return s
}

// table reads a list whose lines are "kind: words" into a map from each
// word to its kind.
func table(name string) map[string]string {
	m := make(map[string]string)
	for _, line := range lines(name) {
		kind, ws, ok := strings.Cut(line, ":")
		if !ok {
			panic(fmt.Sprintf("lexicon: %s.txt: bad line %q", name, line))
		}
		for _, w := range strings.Fields(ws) {
			m[w] = strings.TrimSpace(kind)
		}
	}
	return m
}

// groups reads a list of groups of words, one a line, into a map from each
// word to the others of its group.
func groups(name string) map[string][]string {
	m := make(map[string][]string)
	for _, line := range lines(name) {
		ws := strings.Fields(line)
		for _, w := range ws {
			for _, o := range ws {
				if o != w {
					m[w] = append(m[w], o)
				}
			}
		}
	}
	return m
}

func genders() map[string]byte {
	m := make(map[string]byte)
	for _, line := range lines("genders") {
		f := strings.Fields(line)
		if len(f) != 2 || (f[1] != "m" && f[1] != "f") {
			panic(fmt.Sprintf("lexicon: genders.txt: bad line %q", line))
		}
		m[f[0]] = f[1][0]
	}
	return m
}

package article

import "strings"

// The lexicons below are general English, used to read questions and to
// recognise the kind of words a question asks for (numbers, times, places,
// causes). Every entry is folded: lower case, straight apostrophes, no dots.

// questionWords open the questions the engine recognises. They never count
// as content.
var questionWords = wordSet(`who whom whose what which when where why how`)

// questionFillers are words that ask without naming what is asked about:
// auxiliaries the stop word list lacks, phrases such as "tell me" or
// "according to the article", and greetings ("hey, who said …?"). They
// never count as content.
var questionFillers = wordSet(`
	many much would could might must shall may can cannot can't won't
	wouldn't couldn't shouldn't didn't doesn't isn't wasn't aren't weren't
	hasn't haven't hadn't also ever exactly really actually please tell
	know think mean meant happen happened happens happening going
	article story piece text according anything
	something someone somebody anyone anybody thing things kind sort
	there's what's who's where's when's why's how's
	hey hi hello hiya thanks thank ok okay
`)

// quantityFollowers follow "how" in questions that ask for an amount, a
// size or a duration: "how many", "how much", "how long".
var quantityFollowers = wordSet(`many much long old far big large often tall high deep wide heavy fast quickly`)

// timeNouns follow "what" or "which" in questions that ask when: "what
// year", "which day".
var timeNouns = wordSet(`time year years day days date month months week weeks hour hours decade century season`)

// placeNouns name kinds of places. After "what" or "which" they ask where
// ("which country"); after a preposition of place in a sentence they are
// where something is ("at an airfield", "in the village").
var placeNouns = wordSet(`
	place places country countries city cities town towns village villages
	capital region regions province provinces county district
	neighbourhood neighborhood area areas border borders coast island
	islands port harbour harbor airport airfield airbase base bases camp
	camps street road avenue square building hospital school station
	headquarters embassy consulate palace prison court courthouse stadium
	river lake sea ocean mountain mountains valley desert
	forest site location venue hotel plant factory
	mine farm bridge highway motorway route campus church mosque temple
	parliament capitol
`)

// locativePreps introduce where something is or happens.
var locativePreps = wordSet(`in at near outside inside across throughout around toward towards into from within beyond via off beside behind`)

// nearPreps say where on their own, whatever follows them: "near a
// campground", "outside the house".
var nearPreps = wordSet(`near outside inside beside behind across throughout nearby`)

// numberWords spell numbers and amounts in words: "four or five", "tens of
// millions", "dozens".
var numberWords = wordSet(`
	zero one two three four five six seven eight nine ten eleven twelve
	thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
	thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
	thousands million millions billion billions trillion trillions dozen
	dozens tens scores several half quarter third percent cent
	twice thrice double triple
`)

// timeMarkers are words that on their own place an event in time.
var timeMarkers = wordSet(`
	monday tuesday wednesday thursday friday saturday sunday january february
	september october november december yesterday today tonight tomorrow
	morning afternoon evening night midnight noon dawn dusk overnight weekend
	ago recently soon earlier later lately formerly currently meanwhile
	previously eventually
`)

// ambiguousMonths are months that are also ordinary words or names; they
// mark a time only when capitalised and next to a number or a preposition
// of time ("in May", "March 3").
var ambiguousMonths = wordSet(`march april may june july august`)

// timeUnits are nouns of duration that place an event in time after a
// relative word or a number: "last year", "this week", "three days".
var timeUnits = wordSet(`
	second seconds minute minutes hour hours day days week weeks weekend
	month months year years decade decades century centuries season
	quarter spring summer autumn fall winter morning afternoon evening night
`)

// timeRelatives make a time unit after them a time expression: "last
// year", "next week", "every month".
var timeRelatives = wordSet(`last next this past coming previous recent following every each early late mid same`)

// timePreps make a capitalised month or a number after them a time
// expression: "in May", "since 2011", "by March".
var timePreps = wordSet(`in on since until till by before after during from`)

// causeWords mark a reason or a cause: what a why-question asks for.
var causeWords = wordSet(`
	because cause causes caused causing due owing reason reasons result
	results resulted prompted prompt prompting led motivated motivating
	motive motives aim aimed aims purpose order response blamed blame
	fault thanks therefore hence consequently since so
`)

// genericSpeechVerbs ask what someone said without adding a topic: "what did
// the Pentagon say?". Other verbs of speech ("warn", "deny") are topics too.
var genericSpeechVerbs = wordSet(`say says said saying tell tells told telling speak speaks spoke spoken speaking talk talked talking`)

// irregularVerbs lists the forms of common irregular English verbs, base
// form first, so that a question's "meet" finds the article's "met" and its
// "went" finds "go". Regular forms are left to the stemmer.
var irregularVerbs = []string{
	"arise arose arisen", "awake awoke awoken", "bear bore borne born",
	"beat beaten", "become became", "begin began begun", "bend bent",
	"bite bit bitten", "bleed bled", "blow blew blown", "break broke broken",
	"breed bred", "bring brought", "build built", "burn burnt", "buy bought",
	"catch caught", "choose chose chosen", "cling clung", "come came",
	"creep crept", "deal dealt", "dig dug", "do did done does",
	"draw drew drawn", "dream dreamt", "drink drank drunk",
	"drive drove driven", "eat ate eaten", "fall fell fallen", "feed fed",
	"feel felt", "fight fought", "find found", "flee fled", "fly flew flown",
	"forbid forbade forbidden", "foresee foresaw foreseen",
	"forget forgot forgotten", "forgive forgave forgiven",
	"freeze froze frozen", "get got gotten", "give gave given",
	"go went gone goes", "grow grew grown", "hang hung", "have had has",
	"hear heard", "hide hid hidden", "hold held", "keep kept", "kneel knelt",
	"know knew known", "lay laid", "lead led", "lean leant", "leap leapt",
	"learn learnt", "leave left", "lend lent", "lie lay lain", "light lit",
	"lose lost", "make made", "mean meant", "meet met", "mislead misled",
	"overcome overcame", "overtake overtook overtaken", "pay paid",
	"prove proven", "rebuild rebuilt", "ride rode ridden", "ring rang rung",
	"rise rose risen", "run ran", "say said says", "see saw seen",
	"seek sought", "sell sold", "send sent", "shake shook shaken",
	"shine shone", "shoot shot", "show showed shown", "shrink shrank shrunk",
	"sing sang sung", "sink sank sunk", "sit sat", "sleep slept", "slide slid",
	"speak spoke spoken", "speed sped", "spend spent", "spin spun",
	"spring sprang sprung", "stand stood", "steal stole stolen", "stick stuck",
	"sting stung", "strike struck stricken", "strive strove striven",
	"swear swore sworn", "sweep swept", "swim swam swum", "swing swung",
	"take took taken", "teach taught", "tear tore torn", "tell told",
	"think thought", "throw threw thrown", "undergo underwent undergone",
	"understand understood", "undertake undertook undertaken", "uphold upheld",
	"wake woke woken", "wear wore worn", "weep wept", "win won",
	"withdraw withdrew withdrawn", "withhold withheld", "write wrote written",
}

// verbForms maps each form of an irregular verb to all its forms, base
// form first.
var verbForms = func() map[string][]string {
	m := make(map[string][]string)
	for _, line := range irregularVerbs {
		forms := strings.Fields(line)
		for _, f := range forms {
			if _, seen := m[f]; !seen {
				m[f] = forms
			}
		}
	}
	return m
}()

// baseForm returns the base form of an irregular verb's form ("met" gives
// "meet"), or w itself.
func baseForm(w string) string {
	if forms, ok := verbForms[w]; ok {
		return forms[0]
	}
	return w
}

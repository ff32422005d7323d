// Package qa reads a reader's question: what kind of thing it asks for (a
// person, a place, a date, a time of day, a number, a sum of money, a
// share, a duration, an age, a measure, a score, a reason, who someone is,
// what someone said), and which of its words say what it is about.
//
// It reads the question alone, with the word lists of the lexicon package;
// matching the question to the sentences of an article is the caller's.
// A question's form names its answer's kind: "how many" asks for a number
// and the noun after it says what is counted ("how many states"), "what
// time" a time of day, "by what year" a date, "how much money" a sum,
// "what percent" a share, "what prison term" a duration, "who" a person,
// "which company" an organisation, "why" and "what makes" a reason.
package qa

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// Kind is what a question asks for, read from its question words.
type Kind int

// The kinds of questions, in the order of article.QuestionKind.
const (
	Other Kind = iota
	Who
	What
	When
	Where
	Why
	How
	HowMany
)

// Type is the kind of answer a question wants.
type Type uint8

// The types of answers.
const (
	// Unknown is a question whose form names no kind of answer:
	// keywords, "how", most "what" questions.
	Unknown Type = iota
	Person
	Org
	Place
	Date
	Clock
	Number
	// Money is a sum of money: "how much money", "how much did it cost".
	Money
	// Amount is "how much" of anything: a sum, a share or a number.
	Amount
	Percent
	Duration
	Age
	Measure
	Score
	Reason
)

var typeNames = [...]string{"unknown", "person", "org", "place", "date", "clock", "number", "money", "amount", "percent", "duration", "age", "measure", "score", "reason"}

// String returns the type's name.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", int(t))
}

// typeOfNoun maps the kinds of lexicon.AnswerNouns to types.
var typeOfNoun = map[string]Type{
	"clock": Clock, "date": Date, "percent": Percent, "org": Org, "person": Person,
	"money": Money, "duration": Duration, "score": Score, "reason": Reason, "place": Place,
}

// Role is what a word of a question does in it.
type Role uint8

// The roles of words.
const (
	// Content is a word that says what the question is about.
	Content Role = iota
	// Asking is a question word or a word that only asks ("tell",
	// "exactly", "article").
	Asking
	// Cue is a word that names the kind of answer: "many", "year",
	// "percent".
	Cue
	// Stop is a common word ("the", "did").
	Stop
	// Speech is a verb of speech that asks what was said: "say", "told".
	Speech
)

// Word is a word of a question.
type Word struct {
	// Fold is the word folded, without a possessive ending.
	Fold string
	// Span locates the word in the question.
	Span text.Span
	// Role is what the word does in the question.
	Role Role
	// Light marks a content word that carries little meaning on its own:
	// "got", "makes".
	Light bool
	// SpeechVerb marks a content word that is a verb of speech used as a
	// verb: "warned", "what did Kerry claim?".
	SpeechVerb bool
	// Verb marks a content word that is most likely a verb: a participle
	// ("expected", "suffering") or the word after "who" ("who leads …?").
	Verb bool
	// Preface marks a word of a clause set off before the question word
	// ("Before the museum assault, when was …?") or of one that follows
	// the question's main clause ("… when the train came off the
	// tracks?"). It sets the scene rather than saying what is asked.
	Preface bool
	// Name marks a word written with a capital, as names are, in a
	// question that is not written all in capitals.
	Name bool
	// Adjacent reports that the word follows the previous one within a
	// phrase: only spaces, hyphens or apostrophes between them.
	Adjacent bool
}

// Question is a question as read.
type Question struct {
	// Text is the question as given.
	Text string
	// Kind is what its question words ask for.
	Kind Kind
	// Want is the type of answer it asks for.
	Want Type
	// Focus is the noun a "how many" or "which" question asks about
	// ("states" in "how many states"), or "".
	Focus string
	// Identity marks "who is X?" and "what is X?".
	Identity bool
	// Speech marks a question about what someone said: "what did X say?",
	// "who said …?".
	Speech bool
	// YesNo marks a question that asks whether something is so: "was
	// anyone hurt?", "has the hospital changed its rota?".
	YesNo bool
	// Words are its words in order.
	Words []Word
}

// Analyze reads a question.
func Analyze(question string) Question {
	q := Question{Text: question}
	toks := text.Words(question)
	shouting := !strings.ContainsFunc(question, unicode.IsLower)
	q.Words = make([]Word, len(toks))
	for i, t := range toks {
		w := &q.Words[i]
		w.Fold = text.TrimPossessive(t.Fold)
		w.Span = t.Span
		w.Adjacent = i > 0 && adjacent(question, toks[i-1].Span, t.Span)
		w.Name = !shouting && t.Upper && !lexicon.QuestionWords[w.Fold] && (i > 0 || !text.IsStopWord(w.Fold))
		if i < 2 && !lexicon.QuestionWords[w.Fold] {
			w.Fold = questionWordTypo(w.Fold)
		}
	}
	q.readForm()
	q.readRoles(shouting)
	q.readTrailingClause()
	return q
}

// readTrailingClause marks as Preface the words of a clause that follows
// the question's main clause and sets its scene: "when the train came off
// the tracks" in "was anyone hurt when the train came off the tracks?".
// What the question asks is said before it; a sentence that holds only
// the scene does not answer.
func (q *Question) readTrailingClause() {
	main := 0 // the question word, or the first word of a yes-or-no question
	for i, w := range q.Words {
		if i == 0 && opensYesNo(w.Fold) {
			break
		}
		if lexicon.QuestionWords[w.Fold] && !w.Preface {
			main = i
			break
		}
	}
	for i := main + 2; i < len(q.Words); i++ {
		if !sceneSetters[q.Words[i].Fold] {
			continue
		}
		for k := i; k < len(q.Words); k++ {
			q.Words[k].Preface = true
		}
		return
	}
}

// sceneSetters open a clause that says when or on what condition what a
// question asks about happened. Words that also open a phrase ("after the
// vote", "during the storm") are left out: such a phrase is as often
// what the question asks about.
var sceneSetters = map[string]bool{
	"when": true, "while": true, "because": true, "if": true, "once": true,
	"whenever": true, "although": true, "though": true,
}

// questionWordTypo returns the question word that w misspells by one
// letter ("wher", "whta"), or w itself. Words of fewer than three letters
// and common words are taken as written.
func questionWordTypo(w string) string {
	if len(w) < 3 || text.IsStopWord(w) {
		return w
	}
	best := w
	for _, qw := range []string{"who", "what", "when", "where", "which", "whose", "whom", "why", "how"} {
		if text.EditDistance(w, qw) != 1 || w[0] != qw[0] {
			continue
		}
		if strings.HasPrefix(qw, w) {
			return qw // a letter left off the end: "wher", "whic"
		}
		if best == w {
			best = qw
		}
	}
	return best
}

// adjacent reports whether two successive words of s stand next to each
// other in one phrase.
func adjacent(s string, a, b text.Span) bool {
	for _, r := range s[a.End:b.Start] {
		if !unicode.IsSpace(r) && r != '-' && r != '‐' && r != '‑' && !text.IsApostrophe(r) {
			return false
		}
	}
	return true
}

// word returns the folded word at i, or "".
func (q *Question) word(i int) string {
	if i < 0 || i >= len(q.Words) {
		return ""
	}
	return q.Words[i].Fold
}

// readForm reads the kind of question and of answer from its question
// word and the words after it, and marks those words.
func (q *Question) readForm() {
	yesNo := len(q.Words) > 0 && opensYesNo(q.Words[0].Fold)
	q.YesNo = yesNo
	for i, w := range q.Words {
		if !lexicon.QuestionWords[w.Fold] {
			continue
		}
		if yesNo && i > 0 && !asksAbout(q.Words[i-1].Fold) {
			// "Was anyone hurt when the train left the rails?": a
			// clause of a yes-or-no question, which asks no time.
			q.Words[i].Role = Asking
			continue
		}
		if i > 0 && strings.Contains(q.Text[q.Words[i-1].Span.End:w.Span.Start], ",") {
			for k := range q.Words[:i] {
				q.Words[k].Preface = true
			}
		}
		q.Words[i].Role = Asking
		next := q.word(i + 1)
		switch w.Fold {
		case "who", "whom", "whose":
			q.Kind, q.Want = Who, Person
		case "when":
			q.Kind, q.Want = When, Date
		case "where":
			q.Kind, q.Want = Where, Place
			q.readFrame(i + 1)
		case "why":
			q.Kind, q.Want = Why, Reason
		case "how":
			q.readHow(i, next)
		case "what", "which":
			q.readWhat(i)
		}
		if (q.Kind == Who || q.Kind == What) && lexicon.BeForms[next] {
			q.Identity = q.asksIdentity(i + 2)
		}
		if q.Identity && q.Kind == Who {
			q.Want = Unknown // who someone is: a description, not another person
		}
		return
	}
}

// readFrame marks as light the place a where-question asks within, when
// the words from i name it: "house" in "where in the house was she
// found?". The answer names a part of it ("the shower room") and seldom
// the place again.
func (q *Question) readFrame(i int) {
	if !lexicon.LocativePreps[q.word(i)] && q.word(i) != "on" {
		return
	}
	k := i + 1
	for lexicon.Determiners[q.word(k)] || lexicon.Possessives[q.word(k)] {
		k++
	}
	if k < len(q.Words) && !text.IsStopWord(q.word(k)) && !lexicon.BeForms[q.word(k)] {
		q.Words[k].Light = true
	}
}

// opensYesNo reports whether a question that opens with the folded word w
// asks yes or no: "was", "did", "will", "has".
func opensYesNo(w string) bool {
	return lexicon.BeForms[w] || lexicon.HaveForms[w] || lexicon.Modals[w] || w == "do" || w == "does" || w == "did"
}

// asksAbout reports whether a question word after the folded word w opens
// what a yes-or-no question asks about rather than a clause of it: "did
// the council say when …?", "is it known where …?".
func asksAbout(w string) bool {
	return lexicon.SpeechVerb(w) != nil || w == "know" || w == "known" || w == "knew"
}

// asksIdentity reports whether the words from i on, after "who is" or
// "what is", only name someone or something ("who is Jatras?", "who is the
// analyst?"), rather than go on with a verb ("who is nicknamed …?", "who
// is Mark Meadows married to?").
func (q *Question) asksIdentity(i int) bool {
	if i < len(q.Words) && (strings.HasSuffix(q.Words[i].Fold, "ed") || strings.HasSuffix(q.Words[i].Fold, "ing")) {
		return false
	}
	last := ""
	name := false
	for _, w := range q.Words[i:] {
		if !text.IsStopWord(w.Fold) {
			last, name = w.Fold, w.Name
		}
	}
	return last == "" || name || lexicon.IsRoleWord(last) || !strings.HasSuffix(last, "ed")
}

// readHow reads "how" at i and the word after it.
func (q *Question) readHow(i int, next string) {
	q.Kind = How
	cue := true
	switch {
	case next == "many":
		q.Kind, q.Want = HowMany, Number
		q.Focus = q.countedNoun(i + 2)
	case next == "much":
		q.Kind, q.Want = HowMany, Amount
		for k := range q.Words[i+2:] {
			w := &q.Words[i+2+k]
			if lexicon.MoneyWords[w.Fold] {
				q.Want = Money
				if k == 0 && (w.Fold == "money" || w.Fold == "cash") {
					w.Role = Cue // "how much money": a sum, seldom called money
				}
			}
			// "worth" in "how much is the contract worth?" only asks for
			// the sum, which the article may give without the word.
			w.Light = w.Light || lexicon.ValueWords[w.Fold]
		}
	case next == "long" && q.word(i+2) == "ago":
		q.Kind, q.Want = When, Date
	case next == "long":
		q.Kind, q.Want = HowMany, Duration
		for k := i + 2; k < len(q.Words); k++ {
			// "how long will the strike last?": the verb only asks for
			// the duration, which the article may give without it.
			q.Words[k].Light = q.Words[k].Light || lexicon.DurationVerbs[q.Words[k].Fold]
		}
	case next == "old":
		q.Kind, q.Want = HowMany, Age
	case next == "often":
		q.Kind, q.Want = HowMany, Number
	case lexicon.MeasureQuestions[next]:
		q.Kind, q.Want = HowMany, Measure
	case next == "come":
		q.Kind, q.Want = Why, Reason
	default:
		cue = false
	}
	if cue {
		q.Words[i+1].Role = Cue
	}
}

// countedNoun returns the noun a "how many" question counts: the last
// plural among the words from i up to the first common word, at most
// three of them ("black men", "UK institutions", "police officers").
func (q *Question) countedNoun(i int) string {
	focus := ""
	for k := i; k < len(q.Words) && k < i+3; k++ {
		w := q.Words[k].Fold
		if text.IsStopWord(w) || lexicon.LightVerbs[w] {
			break
		}
		if _, plural := lexicon.Singular(w); plural || focus == "" && k == i {
			focus = w
		}
	}
	return focus
}

// readWhat reads "what" or "which" at i and the nouns after it: "what
// time", "which company", "what prison term", "what share", "the name of".
func (q *Question) readWhat(i int) {
	q.Kind = What
	last := min(len(q.Words)-1, i+3)
	if lexicon.BeForms[q.word(i+1)] {
		last = i // "what is …": read below
	}
	for k := i + 1; k <= last; k++ {
		w := q.Words[k].Fold
		if lexicon.HaveForms[w] || lexicon.Modals[w] {
			break // "what did the minister say?": the noun is the subject
		}
		kind, ok := lexicon.AnswerNouns[w]
		if !ok && !q.answerNounBefore(k+1, last) {
			if lexicon.TimeNouns[w] {
				kind, ok = "date", true
			} else if lexicon.PlaceNouns[w] {
				kind, ok = "place", true
			}
		}
		if ok {
			q.Want = typeOfNoun[kind]
			q.Words[k].Role = Cue
			q.Focus = w
			switch q.Want {
			case Date, Clock:
				q.Kind = When
			case Place:
				q.Kind = Where
			case Reason:
				q.Kind = Why
			}
			if w == "name" || w == "names" {
				q.Identity = false
			}
			return
		}
		// Look past "is", "was", "the", adjectives ("prison term") and
		// "of" ("the name of"), but not past a verb or another noun
		// phrase: stop at the first word that is neither common nor
		// followed by one of the nouns.
		if !text.IsStopWord(w) && k > i+2 {
			break
		}
	}
	// "what is Michigan's unemployment rate?": the last noun of the
	// phrase after "is" names the answer, up to "of" ("what is the
	// capital of France?" asks for a place).
	if lexicon.BeForms[q.word(i+1)] {
		for k := i + 2; k < len(q.Words); k++ {
			w := q.Words[k].Fold
			if w == "of" || lexicon.Prepositions[w] {
				break
			}
			kind, ok := lexicon.AnswerNouns[w]
			if !ok && lexicon.PlaceNouns[w] {
				kind, ok = "place", true
			}
			switch {
			case w == "name" || w == "names":
				// "what were the names of …?" asks for people.
				q.Want, q.Focus = Person, w
				q.Words[k].Role = Cue
			case ok && typeOfNoun[kind] != Person:
				// The noun stays content: "the capital of France" is
				// about a capital.
				q.Want, q.Focus = typeOfNoun[kind], w
			}
		}
		if q.Want != Unknown {
			return
		}
	}
	// "what makes X happen", "what caused X": a reason.
	if next := q.word(i + 1); next == "makes" || next == "made" || next == "make" || next == "caused" || next == "causes" || next == "cause" {
		q.Kind, q.Want = Why, Reason
		q.Words[i+1].Role = Cue
	}
}

// answerNounBefore reports whether one of the words from i to last is a
// noun of lexicon.AnswerNouns: "what prison term" asks for a duration, not
// a place.
func (q *Question) answerNounBefore(i, last int) bool {
	for k := i; k <= last; k++ {
		if _, ok := lexicon.AnswerNouns[q.Words[k].Fold]; ok {
			return true
		}
		if text.IsStopWord(q.Words[k].Fold) {
			return false
		}
	}
	return false
}

// readRoles marks the common words, the words that only ask and the verbs
// of speech; the rest is content.
func (q *Question) readRoles(shouting bool) {
	aux := false
	for i := range q.Words {
		w := &q.Words[i]
		aux = aux || lexicon.HaveForms[w.Fold] || lexicon.Modals[w.Fold]
		if w.Role != Content {
			continue
		}
		switch {
		case lexicon.QuestionFillers[w.Fold], w.Fold == "far" && q.word(i-1) == "so":
			w.Role = Asking // "so far" only says until now
		case text.IsStopWord(w.Fold) && (shouting || !text.IsAbbreviation(q.Text[w.Span.Start:w.Span.End])):
			w.Role = Stop
		case lexicon.GenericSpeechVerbs[w.Fold]:
			w.Role = Speech
			q.Speech = true
		default:
			if asksSpeech(w.Fold, aux) {
				q.Speech = true
				w.SpeechVerb = true
			}
			w.Light = w.Light || lexicon.LightVerbs[w.Fold] ||
				// "last year": the article names the year or says
				// "in 2023"; "last" says nothing of what is asked.
				lexicon.TimeRelatives[w.Fold] && lexicon.TimeUnits[q.word(i+1)]
			// The word after "who" or "what" is a verb ("who leads",
			// "what happened") unless it qualifies the noun that names
			// the answer: "what prison term".
			w.Verb = strings.HasSuffix(w.Fold, "ed") || strings.HasSuffix(w.Fold, "ing") ||
				i > 0 && (q.word(i-1) == "who" || q.word(i-1) == "what") && !w.Name &&
					!(i+1 < len(q.Words) && q.Words[i+1].Role == Cue)
		}
	}
}

// AsksSpeech reports whether the question's word w is a verb of speech used
// as a verb: a past form or participle ("warned", "testified"), or a base
// form after an auxiliary ("what did Kerry claim?"). A form that is also a
// plural noun ("reports", "states") and verbs that attribute only next to
// a quotation do not count.
func AsksSpeech(w string, afterAux bool) bool { return asksSpeech(w, afterAux) }

func asksSpeech(w string, afterAux bool) bool {
	v := lexicon.SpeechVerb(w)
	if v == nil || v.Weak || v.QuoteOnly || v.Noun {
		return false
	}
	if v.Base {
		return afterAux
	}
	return v.Ing || !strings.HasSuffix(w, "s")
}

// Content returns the indices of the content words, in order.
func (q *Question) Content() []int {
	var out []int
	for i, w := range q.Words {
		if w.Role == Content {
			out = append(out, i)
		}
	}
	return out
}

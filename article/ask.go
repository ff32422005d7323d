package article

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/qa"
)

// MaxQuestionLen is the longest question, in characters, that [Article.Ask]
// accepts.
const MaxQuestionLen = 200

// MinConfidence is the confidence an answer needs: [Article.Ask] answers
// only with sentences whose Confidence is at least this. It is a property
// of the measure, not of any article: half of what the question is about,
// with the kind of thing it asks for.
const MinConfidence = 0.5

// Ask's parameters. Each is a property of questions and English prose, not of
// any one article.
const (
	// maxAnswerSentences is how many sentences an answer holds at most.
	maxAnswerSentences = 2
	// secondShare is the share of the best sentence's score that another
	// sentence needs to join the answer.
	secondShare = 0.75
)

// QuestionKind is what a question asks for, read from its question words.
type QuestionKind int

const (
	// QuestionOther is a question with no question word the engine knows,
	// or a list of keywords.
	QuestionOther QuestionKind = iota
	// QuestionWho asks for a person or a body: "who", "whom", "whose".
	QuestionWho
	// QuestionWhat asks for a thing or a statement: "what", "which".
	QuestionWhat
	// QuestionWhen asks for a time: "when", "what year", "which day".
	QuestionWhen
	// QuestionWhere asks for a place: "where", "which country".
	QuestionWhere
	// QuestionWhy asks for a reason.
	QuestionWhy
	// QuestionHow asks for a manner: "how" not followed by "many", "much"
	// or another word of amount.
	QuestionHow
	// QuestionHowMany asks for an amount: "how many", "how much", "how
	// long", "how old".
	QuestionHowMany
)

var questionKindNames = [...]string{"other", "who", "what", "when", "where", "why", "how", "how many"}

// String returns the kind in words: "who", "how many", "other".
func (k QuestionKind) String() string {
	if k >= 0 && int(k) < len(questionKindNames) {
		return questionKindNames[k]
	}
	return fmt.Sprintf("QuestionKind(%d)", int(k))
}

// Answer is what the article says in answer to a question.
type Answer struct {
	// Question is the question as given.
	Question string
	// Kind is what the question asks for.
	Kind QuestionKind
	// Expects names the kind of thing the question's form asks for:
	// "person", "org", "place", "date", "clock" (a time of day), "number",
	// "money", "amount", "percent", "duration", "age", "measure", "score",
	// "reason", or "" when its form names none.
	Expects string
	// Sentences holds one or two of the article's sentences that answer
	// the question, best first. It is empty when no sentence answers it
	// with a Confidence of at least [MinConfidence]: the article has no
	// answer.
	Sentences []AnswerSentence
	// Unquoted holds, for a question about what someone said ("what did X
	// say?"), the person it names when the article names them but quotes
	// nothing of theirs, or each person the name may mean when it quotes
	// none of them. Their Mentions say where the article names them, and
	// Sentences is empty: the article has nothing of theirs to answer with.
	Unquoted []*Person
	// Speaker is who a who-question asks about: the speaker of the words
	// that answer "who said …?", or the speaker named by "who is …?". It
	// is nil for other questions, and when the answer is not a speaker.
	Speaker *Speaker
	// Terms holds the question's content words, folded to lower case:
	// what the question is about, without question words and common words.
	Terms []string
	// Missing holds the content words that the article does not hold in
	// any form.
	Missing []string
}

// Found reports whether the article answers the question.
func (a Answer) Found() bool { return len(a.Sentences) > 0 }

// AnswerSentence is one sentence of an answer.
type AnswerSentence struct {
	// Sentence is the article's sentence, with its paragraph number and
	// its span in the paragraph's text.
	Sentence
	// Open and Close are the quotation marks to show before and after the
	// sentence's Text so that its marks pair: Open when the sentence starts
	// inside a quotation that an earlier sentence opened, Close when a
	// quotation it opens or continues closes only after it or runs on
	// unclosed into the next paragraph. Both are usually empty.
	Open, Close string
	// Score is how well the sentence answers the question; higher is
	// better. Scores compare sentences for one question only.
	Score float64
	// Coverage is the share of the question's information the sentence
	// holds, from 0 to 1: see [Article.Ask].
	Coverage float64
	// Confidence is how sure the engine is that the sentence answers the
	// question, from 0 to 1: its Coverage, lowered when the sentence lacks
	// the kind of thing the question asks for. It means the same on any
	// article, whatever its length.
	Confidence float64
	// Spans locate the question's words in the paragraph's Text, in order
	// and without overlaps.
	Spans []Span
	// Speaker is who the sentence quotes or reports, if anyone.
	Speaker *Speaker
	// Label is the length in bytes of the label, with the space after it,
	// that opens Text when the sentence is an interview's answer ("A: "):
	// shown beside its speaker's name, the answer reads better without
	// it. It is 0 when there is none.
	Label int
}

// Ask answers a question with the article's own sentences.
//
// The question's form says what it asks for (see the qa package): "how
// many states" a number that counts states, "what time" a time of day, "by
// what year" a date, "how much money" a sum, "what percent" a share, "who"
// a person, "which company" an organisation, "why" a reason. Its content
// words say what it is about: its words without question words, common
// words and words that only ask. Each content word finds the article's
// words with its stem, those of its family (extortion for "extortionist"),
// the forms [Article.Search] gives a free word, the forms of an irregular
// verb ("meet" finds "met"), the other spelling of a number, and, counting
// for less, the words that answer for it ("wife" for "married") and, for a
// word the article lacks, the article's word closest in spelling.
//
// Each sentence's Coverage is the share of the question's information it
// holds: the sum of the inverse sentence frequencies of the content words
// it holds (a word the article lacks weighs as much as its rarest word; a
// name the sentence lacks counts half when an earlier sentence of its
// paragraph has it), divided by that of all of them. Its Confidence is its
// Coverage, lowered when the question asks for a kind of thing the
// sentence does not hold beside the question's own words: a number (one
// that counts the noun asked about, best), a sum, a date, a person and so
// on (see the spans package). Coverage and Confidence are shares, so they
// mean the same on a short article and a long one. Only sentences whose
// Confidence is at least [MinConfidence] answer; a question about things
// the article does not say gets no answer rather than a poor one.
//
// Among those, sentences whose words run in the question's order, and, for
// a question about what someone said ("what did the Pentagon say?"), that
// person's statements (which then answer for the name even where the
// sentence says only "he"), rank first. A sentence that is itself a
// question ranks lower; when it ends a paragraph, as an interviewer's
// question does, the paragraph after it answers in its place: its first
// sentence, and the one after a bare "Yes.", and for a question that asks
// for a kind of thing only when the interviewer asked for that kind. A
// who-question about what was said or about who someone is also names the
// speaker in Answer.Speaker.
//
// An empty question, one longer than [MaxQuestionLen] characters, or one
// with no content words gives a *[InputError].
func (a *Article) Ask(question string) (Answer, error) {
	ans := Answer{Question: question}
	if n := utf8.RuneCountInString(question); n > MaxQuestionLen {
		return ans, &InputError{Input: question, Reason: fmt.Sprintf(
			"The question is too long (%d characters; the limit is %d). Ask it in fewer words.", n, MaxQuestionLen)}
	}
	if strings.TrimSpace(question) == "" {
		return ans, &InputError{Input: question, Reason: `Type a question about the article, such as "who said …?" or "how many … were there?"`}
	}
	q := a.readQuestion(question)
	ans.Kind = QuestionKind(q.Kind)
	if q.Want != qa.Unknown {
		ans.Expects = q.Want.String()
	}
	for _, t := range q.terms {
		ans.Terms = append(ans.Terms, t.word)
		if t.missing {
			ans.Missing = append(ans.Missing, t.word)
		}
	}
	if len(q.terms) == 0 {
		return ans, &InputError{Input: question, Reason: "The question does not say what it is about. " +
			"Name a person, a place, a thing or an event from the article, as in \"who said …?\" or \"how many … were there?\""}
	}
	if a.idx == nil || a.ask == nil || len(a.sentence) == 0 {
		return ans, nil
	}
	if ans.Unquoted = a.unquoted(q); ans.Unquoted != nil {
		return ans, nil
	}
	if q.Speech && q.Kind != qa.Who && q.namesOther && len(q.named) == 0 {
		// "what did Dan Kovacs say?" of an article that quotes Marta
		// Kovacs and names no Dan: her words answer nothing asked.
		return ans, nil
	}

	var chosen []*askCand
	for _, c := range a.rankSentences(q) {
		if len(chosen) == maxAnswerSentences || len(chosen) > 0 && c.score < secondShare*chosen[0].score {
			break
		}
		// A sentence answers once, and an interviewer's question not
		// beside its own answer.
		if c.confidence < MinConfidence || slices.ContainsFunc(chosen, func(x *askCand) bool { return x.sent == c.sent || x.asked == c.sent }) {
			continue
		}
		chosen = append(chosen, c)
		ans.Sentences = append(ans.Sentences, a.answerSentence(q, c))
	}
	if len(ans.Sentences) > 0 && q.Kind == qa.Who {
		switch {
		case q.Identity && len(q.named) == 1:
			ans.Speaker = q.named[0]
		case q.Speech:
			ans.Speaker = ans.Sentences[0].Speaker
		}
	}
	return ans, nil
}

package article

import (
	"cmp"
	"slices"

	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/qa"
	"github.com/articlebot/articlebot/article/internal/spans"
	"github.com/articlebot/articlebot/article/internal/text"
	"unicode"
)

// Ranking beside Confidence; each is a property of questions and English
// prose, not of any one article.
const (
	// cueBoost is how much more a sentence ranks for each thing that makes
	// it the answer to the question's form beyond its kind: the words of
	// the speaker a question about what was said names, or what a
	// question about who someone is asks.
	cueBoost = 1.0
	// phraseBoost is how much more a sentence ranks when it holds all of
	// the question's content words in runs of the question's own words,
	// in the question's order ("who said Assad has to go?" and "we have
	// said Assad has to go"): see phraseRuns.
	phraseBoost = 0.5
	// questionPenalty scales the confidence of a sentence that is itself
	// a question: it asks rather than answers.
	questionPenalty = 0.5
	// untilDate is how well a date after "until" answers a question for
	// a duration: it says when the time asked about ends, not how long
	// it is.
	untilDate = 0.8
	// otherSpeakerPenalty scales the confidence of a sentence for "what
	// did X say?" that quotes or reports no one X describes.
	otherSpeakerPenalty = 0.4
	// namesOnlyPenalty scales the confidence of a sentence that holds only
	// the names of a question that says something of them (see
	// namesOnly), or lacks the verb of a yes-or-no question (see
	// lacksDeed).
	namesOnlyPenalty = 0.5
	// weakCause is how well a sentence gives a reason with a word that
	// may open one without saying so: "after", "when", "as".
	weakCause = 0.5
	// focusBonus is the share of what a sentence lacks of a "how many"
	// question that a number counting the noun asked about makes up for:
	// "162 people" for "how many people …".
	focusBonus = 0.3
	// minFocusCoverage is the coverage a sentence needs for focusBonus:
	// a number of the right things says nothing when what the question
	// says of them is missing.
	minFocusCoverage = 0.4
	// statementMatch is how well a sentence that quotes or reports
	// someone answers a who-question that does not ask what was said.
	statementMatch = 0.8
	// nearWords is how many words from what a who-question says of
	// someone (its words that are not names) a person stands at most to
	// be read as the one it asks for: "Jo Lee, the mayor's wife" answers
	// "who is the mayor married to?" better than a name at the other end
	// of the sentence.
	nearWords = 4
	// farSpan scales how well a person farther than nearWords from the
	// question's words that are not names answers a who-question.
	farSpan = 0.9
	// nearPlaceWords is how many words from what a where-question says
	// (its words that are not names) a place stands at most to be read as
	// where it happened: "started on Friday afternoon in dry brush near a
	// campground", but not "travelled from London to meet her and used
	// keys to enter the house".
	nearPlaceWords = 8
	// farPlace scales how well a place farther than nearPlaceWords from
	// the question's words that are not names answers a where-question:
	// no better than a sentence that names no place.
	farPlace = 0
	// minCandidate is the coverage below which a sentence is not
	// considered at all: too little of the question to answer it whatever
	// else it holds.
	minCandidate = 0.2
	// minTitleWords is the fewest words of a question that name someone
	// by a title the article writes before their name and the cast does
	// not know for a description: a single word before a name is as often
	// a verb or an adjective ("sobbing Hartley").
	minTitleWords = 2
	// bareReplyWords is the fewest words, with a speaker's label ("A:"),
	// of the first sentence of an interview's answer that says more than
	// yes or no ("A: Yes.", "A: Not really.").
	bareReplyWords = 5
)

// askCand is a sentence that holds some of a question's content words, or
// the words of a speaker the question names.
type askCand struct {
	sent       int32     // in Article.sentence order
	held       []float64 // term -> how much of it the sentence holds, 0 to 1
	hits       []termHit // the terms' hits in the sentence
	coverage   float64
	typeMatch  float64 // how well it holds what the question asks for, 0 to 1
	confidence float64
	score      float64
	speaker    *Speaker
	// asked is, for the answer to an interviewer's question, the
	// sentence that asked it; -1 otherwise.
	asked int32
}

// rankSentences returns the sentences that may answer q, best first.
func (a *Article) rankSentences(q *question) []*askCand {
	si := a.ask
	n := len(a.sentence)
	cands := make(map[int32]*askCand)
	get := func(s int32) *askCand {
		c := cands[s]
		if c == nil {
			c = &askCand{sent: s, held: make([]float64, len(q.terms)), asked: -1}
			cands[s] = c
		}
		return c
	}

	// Sentence frequencies, and the sentences holding each word.
	var mass float64
	for ti := range q.terms {
		t := &q.terms[ti]
		df, last := 0, int32(-1)
		for _, h := range t.hits {
			s := si.words[h.word].sent
			if s != last {
				df++
				last = s
			}
			c := get(s)
			c.held[ti] = max(c.held[ti], float64(h.quality))
			h.term = int32(ti)
			c.hits = append(c.hits, h)
		}
		t.idf = idfOf(n, df)
		t.weight = t.idf
		if t.light {
			t.weight *= lightWeight
		}
		if t.preface {
			t.weight *= prefaceWeight
		}
		if t.missing && t.verbish && !q.YesNo && q.Want != qa.Number && q.Want != qa.Money && q.Want != qa.Amount {
			t.weight *= missingVerbWeight
		}
		mass += t.weight
	}
	a.creditSpeakers(q, get)
	a.creditDescribed(q, get)
	a.creditNameContext(q, cands)
	creditSurnames(q, cands)

	out := make([]*askCand, 0, len(cands))
	for _, c := range cands {
		var held float64
		for ti, t := range q.terms {
			held += t.weight * c.held[ti]
		}
		c.coverage = held / mass
		if c.coverage < minCandidate {
			continue
		}
		out = append(out, c)
	}
	out = a.interviewAnswers(q, out)
	for _, c := range out {
		a.scoreCandidate(q, c)
	}
	slices.SortFunc(out, func(x, y *askCand) int {
		if x.score != y.score {
			return cmp.Compare(y.score, x.score)
		}
		return cmp.Compare(x.sent, y.sent)
	})
	return out
}

// creditSpeakers credits the terms that name a speaker to the sentences
// that hold the speaker's words, for a question about what someone said,
// and to the sentences that say who the speaker is, for a question about
// who someone is.
func (a *Article) creditSpeakers(q *question, get func(int32) *askCand) {
	if !q.Speech && !q.Identity {
		return
	}
	for ti, t := range q.terms {
		for _, sp := range t.names {
			seen := -1
			for _, st := range sp.statements() {
				if q.Speech {
					for _, s := range a.sentencesIn(st.Paragraph-1, st.Span) {
						get(s).held[ti] = 1
					}
				}
				if q.Identity && st.Paragraph != seen {
					seen = st.Paragraph
					p := st.Paragraph - 1
					for j, sent := range a.Paragraphs[p].Sentences {
						if introduces(sent.Text, []*Speaker{sp}) {
							get(a.ask.paraFirst[p] + int32(j)).held[ti] = 1
						}
					}
				}
			}
		}
	}
}

// creditDescribed credits the words of a question that name someone of
// the cast by the description the article gives them ("the gas fitter",
// "the union's president") to every sentence that names that person, by
// any form of the name: the sentence is about them.
func (a *Article) creditDescribed(q *question, get func(int32) *askCand) {
	for i := 0; i < len(q.Words); {
		if q.termAt[i] < 0 || q.terms[q.termAt[i]].name {
			i++
			continue
		}
		j := i + 1
		for j < len(q.Words) && q.termAt[j] >= 0 && !q.terms[q.termAt[j]].name && q.Words[j].Adjacent {
			j++
		}
		// The longest run of the words from i that describes someone:
		// "the agriculture minister decide".
		for ; j > i; j-- {
			p := a.describedAs(q, i, j)
			if p == nil && j-i >= minTitleWords {
				p = a.titledAs(q, i, j)
			}
			if p != nil {
				a.creditMentions(q, p, i, j, get)
				break
			}
		}
		i = max(j, i+1)
	}
}

// creditMentions credits the question's words i to j-1 to every sentence
// that names p.
func (a *Article) creditMentions(q *question, p *Person, i, j int, get func(int32) *askCand) {
	for _, m := range p.Mentions {
		for _, s := range a.sentencesIn(m.Paragraph-1, m.Span) {
			c := get(s)
			for k := i; k < j; k++ {
				c.held[q.termAt[k]] = 1
			}
		}
	}
}

// describedAs returns the one named person of the cast whose description
// holds every one of the question's words i to j-1 and ends with the last
// of them, its head ("the gas fitter" for "registered gas fitter"), or nil.
func (a *Article) describedAs(q *question, i, j int) *Person {
	var found *Person
	for ci, desc := range a.tables().descriptions {
		if len(desc) == 0 || desc[len(desc)-1] != q.Words[j-1].Fold {
			continue
		}
		all := true
		for k := i; k < j-1 && all; k++ {
			all = slices.Contains(desc, q.Words[k].Fold)
		}
		if !all {
			continue
		}
		if found != nil {
			return nil // two people so described: no telling which
		}
		found = a.cast[ci]
	}
	return found
}

// titledAs returns the one named person of the cast whom the article
// names, at least once, with the question's words i to j-1 written
// directly before the name as a title ("registered plumber Tate" for "the
// registered plumber"), by stem, or nil. It finds the titles that the cast
// does not take for descriptions because their head is not a word it
// knows for a role.
func (a *Article) titledAs(q *question, i, j int) *Person {
	keys := a.tables().keys
	n := j - i
	var found *Person
	for _, p := range a.cast {
		if !p.Named || p == found {
			continue
		}
		for _, m := range p.Mentions {
			if !a.titles(q, i, n, keys, m) {
				continue
			}
			if found != nil {
				return nil // two people so titled: no telling which
			}
			found = p
			break
		}
	}
	return found
}

// titles reports whether the question's n words from i stand, one after
// another, directly before the last word of the mention's name, within
// the mention or just before it.
func (a *Article) titles(q *question, i, n int, keys []string, m Mention) bool {
	p := m.Paragraph - 1
	para := a.Paragraphs[p].Text
	for j, sent := range a.Paragraphs[p].Sentences {
		if sent.Span.End <= m.Span.Start || m.Span.End <= sent.Span.Start {
			continue
		}
		words := a.ask.sentenceWords(a.ask.paraFirst[p] + int32(j))
		first, _ := slices.BinarySearchFunc(words, int32(m.Span.Start), func(w sentWord, at int32) int { return cmp.Compare(w.start, at) })
		if first == len(words) {
			continue
		}
		last := first
		for last+1 < len(words) && words[last+1].end <= int32(m.Span.End) {
			last++
		}
		for e := first - 1; e < last; e++ {
			if e-n+1 < 0 {
				continue
			}
			ok := true
			for k := 0; k < n && ok; k++ {
				w := words[e-n+1+k]
				ok = keys[w.id] == q.keys[i+k] && (k == 0 || adjacent(para[words[e-n+k].end:w.start]))
			}
			if ok && adjacent(para[words[e].end:words[e+1].start]) {
				return true
			}
		}
	}
	return false
}

// creditNameContext gives a sentence part of a name it lacks when an
// earlier sentence of its paragraph holds the name: "She said …" after
// "Jane Doe arrived".
func (a *Article) creditNameContext(q *question, cands map[int32]*askCand) {
	for ti, t := range q.terms {
		if !t.name {
			continue
		}
		for _, c := range cands {
			if c.held[ti] > 0 {
				continue
			}
			p := a.sentence[c.sent].Paragraph - 1
			for s := a.ask.paraFirst[p]; s < c.sent; s++ {
				if prev := cands[s]; prev != nil && prev.held[ti] >= qualityRelated {
					c.held[ti] = nameContext
					break
				}
			}
		}
	}
}

// creditSurnames gives a sentence that holds the last word of a name of
// several words in the question part of the name's other words: "Meadows"
// for "Mark Meadows".
func creditSurnames(q *question, cands map[int32]*askCand) {
	for i := 1; i < len(q.Words); i++ {
		last := q.termAt[i]
		if last < 0 || !q.Words[i].Name || i+1 < len(q.Words) && q.Words[i+1].Name && q.termAt[i+1] >= 0 {
			continue
		}
		for j := i - 1; j >= 0 && q.Words[j].Name && q.termAt[j] >= 0 && q.Words[j+1].Adjacent; j-- {
			first := q.termAt[j]
			for _, c := range cands {
				if c.held[last] >= qualityRelated {
					c.held[first] = max(c.held[first], surnameCredit)
				}
			}
		}
	}
}

// interviewAnswers adds, for each candidate that is a question ending its
// paragraph outside quotation marks, as an interviewer's question is, the
// first sentence of the next paragraph: the answer to the question asked.
// When that sentence is a bare reply ("Yes.", "Not really."), the sentence
// after it answers too. A reply answers a question that asks for a kind of
// thing only when the interviewer asked for the same kind.
func (a *Article) interviewAnswers(q *question, cands []*askCand) []*askCand {
	n := len(cands)
	for _, c := range cands[:n] {
		s := a.sentence[c.sent]
		p := s.Paragraph - 1
		last := a.ask.paraFirst[p+1] - 1
		if c.sent != last || s.InQuote || !isQuestion(s.Text) || p+1 >= len(a.Paragraphs) {
			continue
		}
		next := a.ask.paraFirst[p+1]
		if next >= int32(len(a.sentence)) || isQuestion(a.sentence[next].Text) {
			continue
		}
		if q.Want != qa.Unknown && interviewerAsks(s.Text) != q.Want {
			// The reply answers what the interviewer asked: a date in
			// it does not say when, unless the interviewer asked when.
			continue
		}
		cands = append(cands, &askCand{sent: next, held: c.held, coverage: c.coverage, asked: c.sent})
		if after := next + 1; after < a.ask.paraFirst[p+2] && len(a.ask.sentenceWords(next)) < bareReplyWords {
			// "A: Yes." says what it means in the sentence after it.
			cands = append(cands, &askCand{sent: after, held: c.held, coverage: c.coverage, asked: c.sent})
		}
	}
	return cands
}

// interviewerAsks returns the kind of thing an interviewer's question asks
// for: the kind its question word names when the question opens with it,
// after a label such as "Q:", or qa.Unknown. A question word further on
// opens a clause of a yes-or-no question: "Will you miss it when it
// closes?" does not ask when.
func interviewerAsks(question string) qa.Type {
	q := qa.Analyze(question)
	for i, w := range q.Words {
		if i > 1 {
			break
		}
		if lexicon.QuestionWords[w.Fold] {
			return q.Want
		}
	}
	return qa.Unknown
}

// scoreCandidate works out a candidate's confidence and rank.
func (a *Article) scoreCandidate(q *question, c *askCand) {
	statements := a.statementsIn(c.sent)
	c.speaker = bestSpeaker(statements, c.hits, a.ask)
	var counts bool
	c.typeMatch, counts = a.typeMatch(q, c, statements)
	c.confidence = c.coverage * typeFactor(q.Want, c.typeMatch)
	if counts && c.coverage >= minFocusCoverage {
		c.confidence += (1 - c.confidence) * focusBonus
	}
	sent := a.sentence[c.sent]
	if c.asked < 0 && isQuestion(sent.Text) {
		c.confidence *= questionPenalty
	}
	if namesOnly(q, c) || lacksDeed(q, c) {
		c.confidence *= namesOnlyPenalty
	}
	if len(q.sayers) > 0 && !slices.ContainsFunc(statements, func(st Quote) bool { return describes(st.Speaker, q.sayers) }) {
		// "what did the health secretary say?" is not answered by
		// another's words about the health secretary.
		c.confidence *= otherSpeakerPenalty
	}

	cues := 0
	if q.Speech && q.Kind != qa.Who && len(q.named) > 0 && saidBy(statements, q.named) {
		cues++
	}
	if q.Identity && introduces(sent.Text, q.named) {
		cues++
	}
	c.score = c.confidence * (1 + cueBoost*float64(cues))
	if c.asked < 0 {
		c.score *= 1 + phraseBoost*a.phraseShare(q, c)
		// Among equals, BM25 prefers the sentence that holds the
		// question's words more densely.
		c.score += 1e-3 * a.bm25(q, c)
	}
}

// typeFactor is how much of a sentence's coverage its confidence keeps
// when it holds what a question of type want asks for to the degree m,
// from 0 to 1. A question whose form names no kind keeps it all; a reason
// is often given without a word that marks it, so its lack costs less.
func typeFactor(want qa.Type, m float64) float64 {
	switch want {
	case qa.Unknown:
		return 1
	case qa.Reason:
		return 0.7 + 0.3*m
	case qa.Place:
		// Places are often named without a sign that they are places
		// ("the Vienna Open").
		return 0.6 + 0.4*m
	}
	return 0.4 + 0.6*m
}

// kindMatch says, for each type of answer, how well each kind of span
// answers it.
var kindMatch = map[qa.Type]map[spans.Kind]float64{
	qa.Person:   {spans.Person: 1, spans.Org: 0.8, spans.Place: 0.5},
	qa.Org:      {spans.Org: 1},
	qa.Place:    {spans.Place: 1, spans.Org: 0.3},
	qa.Date:     {spans.Date: 1, spans.Clock: 0.7, spans.Duration: 0.3},
	qa.Clock:    {spans.Clock: 1, spans.Date: 0.3},
	qa.Number:   {spans.Number: 0.8, spans.Money: 0.5, spans.Percent: 0.5, spans.Measure: 0.6, spans.Age: 0.4, spans.Score: 0.6, spans.Duration: 0.4},
	qa.Money:    {spans.Money: 1, spans.Number: 0.3},
	qa.Amount:   {spans.Money: 1, spans.Percent: 1, spans.Number: 0.8, spans.Measure: 0.8},
	qa.Percent:  {spans.Percent: 1, spans.Number: 0.3},
	qa.Duration: {spans.Duration: 1, spans.Date: 0.3, spans.Number: 0.3},
	qa.Age:      {spans.Age: 1, spans.Number: 0.4},
	qa.Measure:  {spans.Measure: 1, spans.Number: 0.5},
	qa.Score:    {spans.Score: 1, spans.Number: 0.4},
}

// typeMatch returns how well the candidate's sentence holds what the
// question asks for, from 0 to 1: a span of that kind that is not only the
// question's own words, a number that counts the noun a "how many"
// question asks about, a speaker for "who said", a word of cause for
// "why".
func (a *Article) typeMatch(q *question, c *askCand, statements []Quote) (m float64, counts bool) {
	if q.Want == qa.Unknown {
		return 1, false
	}
	words := a.ask.sentenceWords(c.sent)
	first := a.ask.first[c.sent]
	isHit := make([]bool, len(words))
	// isPredicate marks the hits of the question's words that are not
	// names: what the question says of the people it names.
	isPredicate := make([]bool, len(words))
	for _, h := range c.hits {
		for k := h.word; k < h.word+h.n; k++ {
			isHit[k-first] = true
			isPredicate[k-first] = isPredicate[k-first] || !q.terms[h.term].name
		}
	}
	if q.Want == qa.Reason {
		for i, w := range words {
			switch word := a.idx.Word(w.id); {
			case isHit[i]:
			case lexicon.ResultWords[word] && !slices.Contains(isPredicate[i+1:], true):
				// "…, so gases escape" after the question's words says
				// what follows from them, not what caused them.
			case lexicon.CauseWords[word]:
				return 1, false
			case lexicon.WeakCauseWords[word]:
				m = weakCause
			}
		}
		return m, false
	}
	if q.Want == qa.Person && len(statements) > 0 {
		// "who said …?": the speaker of the words; otherwise a sentence
		// that reports someone the article names is about a person.
		if q.Speech {
			return 1, false
		}
		if slices.ContainsFunc(statements, func(st Quote) bool { return st.Speaker.Named }) {
			m = statementMatch
		}
	}
	// predicate is whether the sentence holds any of what the question
	// says of the people it names, which a place must stand near.
	predicate := slices.Contains(isPredicate, true)
	focus := -1
	if q.Focus != "" {
		for i, w := range q.Words {
			if w.Fold == q.Focus && q.termAt[i] >= 0 {
				focus = q.termAt[i]
			}
		}
	}
	for _, sp := range a.tables().spansOf(c.sent) {
		km := kindMatch[q.Want][sp.Kind]
		if (q.Focus == "name" || q.Focus == "names") && sp.Kind != spans.Person {
			km = 0 // "the names of …": people, not bodies
		}
		if km == 0 {
			continue
		}
		// Words of the span, and whether any but a common word ("the
		// museum") is new to the question.
		lo, _ := slices.BinarySearchFunc(words, sp.Start, func(w sentWord, at int32) int { return cmp.Compare(w.start, at) })
		hi := lo
		fresh := false
		for hi < len(words) && words[hi].start < sp.End {
			fresh = fresh || !isHit[hi] && !text.IsStopWord(a.idx.Word(words[hi].id))
			hi++
		}
		if !fresh && hi > lo {
			continue
		}
		if q.Want == qa.Duration && sp.Kind == spans.Date && lo > 0 && untilWords[a.idx.Word(words[lo-1].id)] {
			km = untilDate // "until the end of the month" says how long
		}
		if focus >= 0 && q.Want == qa.Number && sp.Kind.IsQuantity() {
			switch counted := a.countedAfter(words, hi); {
			case a.countsFocus(lo, hi, c, focus):
				km, counts = 1, true
			case counted != "" && !(lexicon.IsRoleWord(q.Focus) && lexicon.IsRoleWord(counted)):
				// "120 new posts" for "how many people work there?":
				// the number counts something else.
				km = 0
			}
		}
		if q.Want == qa.Person && !near(isPredicate, lo, hi, nearWords) {
			km *= farSpan
		}
		if q.Want == qa.Place && predicate && !near(isPredicate, lo, hi, nearPlaceWords) {
			km *= farPlace
		}
		m = max(m, km)
	}
	return m, counts
}

// untilWords open a date that ends a span of time: "until the end of
// the month", "through March".
var untilWords = map[string]bool{"until": true, "till": true, "through": true, "throughout": true}

// near reports whether one of the words marked stands within width words
// of the span of words lo to hi-1, outside it.
func near(marked []bool, lo, hi, width int) bool {
	for k := max(lo-width, 0); k < min(hi+width, len(marked)); k++ {
		if (k < lo || k >= hi) && marked[k] {
			return true
		}
	}
	return false
}

// countedAfter returns the plural noun a number ending before the
// sentence's word i counts, directly or after one word that describes it
// ("450 jobs", "120 new posts"), or "" when none follows.
func (a *Article) countedAfter(words []sentWord, i int) string {
	for k := i; k < len(words) && k <= i+1; k++ {
		w := a.idx.Word(words[k].id)
		if text.IsStopWord(w) {
			return ""
		}
		if lexicon.IsPluralNoun(w) {
			return w
		}
	}
	return ""
}

// countsFocus reports whether the candidate's sentence holds the focus
// term in the span of words lo to hi-1, the word after it, or the word
// after that one when it is no common word ("50 states", "40 black men",
// "eighty-hour weeks"): the number counts what the question asks about.
func (a *Article) countsFocus(lo, hi int, c *askCand, focus int) bool {
	first := a.ask.first[c.sent]
	words := a.ask.sentenceWords(c.sent)
	for _, h := range c.hits {
		k := int(h.word - first)
		if int(h.term) != focus || k < lo || k > hi+1 {
			continue
		}
		if k == hi+1 && text.IsStopWord(a.idx.Word(words[hi].id)) {
			continue // "hundreds from homes" counts no homes
		}
		return true
	}
	return false
}

// bm25 returns the candidate's BM25 score over its sentence's words.
func (a *Article) bm25(q *question, c *askCand) float64 {
	n := len(a.sentence)
	avg := float64(len(a.ask.words)) / float64(max(n, 1))
	length := float64(len(a.ask.sentenceWords(c.sent)))
	var s float64
	for ti, t := range q.terms {
		if c.held[ti] > 0 {
			s += t.idf * index.TF(c.held[ti], length, avg)
		}
	}
	return s
}

// phraseShare returns the share of the question's content words, by
// weight, that the candidate holds in a run of consecutive words that are
// also consecutive in the question (see phraseRuns).
func (a *Article) phraseShare(q *question, c *askCand) float64 {
	words := a.ask.sentenceWords(c.sent)
	in := phraseRuns(q, a.tables().keys, words, a.Paragraphs[a.sentence[c.sent].Paragraph-1].Text)
	var got, all float64
	for ti, t := range q.terms {
		all += t.weight
		// A name is written the same wherever it stands: its words in a
		// row say nothing of the question's other words.
		if in[ti] && !t.name {
			got += t.weight
		}
	}
	if all == 0 {
		return 0
	}
	return got / all
}

// phraseRuns reports, for each term of q, whether the sentence holds it in
// a run of consecutive words that are also consecutive in the question,
// matched by stem: a run of two content words or more, or of three words
// or more with one content word ("has to go"). A content word after a
// common one ("the Pentagon") is not a run: any sentence may have that.
func phraseRuns(q *question, keys []string, words []sentWord, para string) []bool {
	in := make([]bool, len(q.terms))
	// cur[j+1] is the length of the common run ending at the question's
	// current word and the sentence's j-th word; prev is for the
	// question's previous word.
	prev := make([]int, len(words)+1)
	cur := make([]int, len(words)+1)
	for i, qk := range q.keys {
		for j, w := range words {
			cur[j+1] = 0
			if qk != keys[w.id] {
				continue
			}
			cur[j+1] = 1
			if i > 0 && j > 0 && q.Words[i].Adjacent && adjacent(para[words[j-1].end:words[j].start]) {
				cur[j+1] = prev[j] + 1
			}
			if n := cur[j+1]; n >= 2 {
				terms := 0
				for k := i - n + 1; k <= i; k++ {
					if q.termAt[k] >= 0 {
						terms++
					}
				}
				if terms >= 2 || terms == 1 && n >= 3 {
					for k := i - n + 1; k <= i; k++ {
						if t := q.termAt[k]; t >= 0 {
							in[t] = true
						}
					}
				}
			}
		}
		prev, cur = cur, prev
	}
	return in
}

// adjacent reports whether the text between two words of a sentence keeps
// them in one phrase: only spaces, hyphens or apostrophes, no punctuation
// that ends a clause.
func adjacent(between string) bool {
	for _, r := range between {
		if !unicode.IsSpace(r) && !isJoiner(r) && !text.IsApostrophe(r) {
			return false
		}
	}
	return true
}

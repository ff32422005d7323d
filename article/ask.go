package article

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/quote"
	"github.com/articlebot/articlebot/article/internal/text"
)

// MaxQuestionLen is the longest question, in characters, that [Article.Ask]
// accepts.
const MaxQuestionLen = 200

// Ask's parameters. Each is a property of questions and English prose, not of
// any one article.
const (
	// minCoverage is the share of a question's information that a sentence
	// must hold to answer it. A question's information is the sum of the
	// inverse sentence frequencies of its content words; a word the
	// article lacks weighs as much as the article's rarest word. So an
	// answer must hold the words that carry at least half of what the
	// question is about, rare words counting for more than common ones.
	minCoverage = 0.5
	// maxAnswerSentences is how many sentences an answer holds at most.
	maxAnswerSentences = 2
	// secondShare is the share of the best sentence's score that another
	// sentence needs to join the answer.
	secondShare = 0.75
	// cueBoost is how much more a sentence scores for each thing of the
	// kind the question asks for that it holds: a number for "how many",
	// a time for "when", a place for "where", a person or a speaker for
	// "who", a reason for "why", a statement for "what did X say".
	cueBoost = 1.0
	// phraseBoost is how much more a content word counts when the sentence
	// holds it in a run of the question's own words, in the question's
	// order ("who said Assad has to go?" and "we have said Assad has to
	// go"): see phraseRuns.
	phraseBoost = 1.0
	// questionPenalty scales the score of a sentence that is itself a
	// question: it asks rather than answers.
	questionPenalty = 0.5
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
	// Sentences holds one or two of the article's sentences that answer
	// the question, best first. It is empty when no sentence holds enough
	// of what the question is about: the article has no answer.
	Sentences []AnswerSentence
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
	// Score is how well the sentence answers the question; higher is
	// better. Scores compare sentences for one question only.
	Score float64
	// Coverage is the share of the question's information the sentence
	// holds, from 0 to 1: see [Article.Ask].
	Coverage float64
	// Spans locate the question's words in the paragraph's Text, in order
	// and without overlaps.
	Spans []Span
	// Speaker is who the sentence quotes or reports, if anyone.
	Speaker *Speaker
}

// Ask answers a question with the article's own sentences.
//
// The question's content words are what it is about: its words without
// question words ("who", "how"), common words ("the", "did") and words that
// only ask ("tell", "many"). Each is matched as [Article.Search] matches a
// free word (by stem, by prefix, by demonym) and through the forms of
// irregular verbs ("meet" finds "met"). The article's sentences are ranked
// with BM25, a content word counting double where the sentence has it in a
// run of the question's own words. A sentence answers only when it holds at
// least half of the question's information, each content word weighted by
// its inverse sentence frequency, so that a question about things the
// article does not mention ("what is the capital of France?") gets no answer
// rather than a poor one.
//
// The form of the question then re-ranks the sentences that answer: "who"
// prefers sentences that quote, report or name a person, "how many"
// sentences with numbers, "when" times, "where" places, "why" reasons, and
// a question about what someone said ("what did the Pentagon say?") that
// person's statements, which then answer for the name even where the
// sentence says only "he". A who-question about what was said or about who
// someone is also names the speaker in Answer.Speaker.
//
// An empty question, one longer than [MaxQuestionLen] characters, or one
// with no content words gives a *[InputError].
func (a *Article) Ask(question string) (Answer, error) {
	ans := Answer{Question: question}
	q, err := a.readQuestion(question)
	if err != nil {
		return ans, err
	}
	ans.Kind = q.kind
	for _, t := range q.terms {
		ans.Terms = append(ans.Terms, t.word)
		if len(t.forms) == 0 {
			ans.Missing = append(ans.Missing, t.word)
		}
	}
	if a.idx == nil || len(a.sentence) == 0 {
		return ans, nil
	}

	ranked := a.rankSentences(&q)
	for i, c := range ranked {
		if i == maxAnswerSentences || c.score < secondShare*ranked[0].score {
			break
		}
		ans.Sentences = append(ans.Sentences, c.answer(a))
	}
	if len(ans.Sentences) > 0 && q.kind == QuestionWho {
		switch {
		case q.identity && len(q.named) == 1:
			ans.Speaker = q.named[0]
		case q.speech:
			ans.Speaker = ans.Sentences[0].Speaker
		}
	}
	return ans, nil
}

// askTerm is one content word of a question.
type askTerm struct {
	word  string     // folded, without a possessive ending
	forms []int32    // ids of the article's words it matches
	hits  []int32    // where those words occur, as indices of the index's toks
	idf   float64    // inverse sentence frequency
	names []*Speaker // the speakers the word names, if any
	verb  bool       // a verb of speech: "warned", "claim"
}

// question is a question read for answering.
type question struct {
	kind     QuestionKind
	speech   bool       // asks what someone said
	identity bool       // "who is X?", "what is X?"
	keys     []string   // every word's stem, irregular verbs by their base form
	adjacent []bool     // word index -> the word follows the previous one within a phrase
	terms    []askTerm  // content words, each once
	termAt   []int      // word index -> term index, or -1
	named    []*Speaker // the speakers the question names
}

// readQuestion checks a question and reads its kind and content words.
func (a *Article) readQuestion(qtext string) (question, error) {
	var q question
	if n := utf8.RuneCountInString(qtext); n > MaxQuestionLen {
		return q, &InputError{Input: qtext, Reason: fmt.Sprintf(
			"The question is too long (%d characters; the limit is %d). Ask it in fewer words.", n, MaxQuestionLen)}
	}
	if strings.TrimSpace(qtext) == "" {
		return q, &InputError{Input: qtext, Reason: `Type a question about the article, such as "who said …?" or "how many … were there?"`}
	}
	toks := text.Words(qtext)
	shouting := !strings.ContainsFunc(qtext, func(r rune) bool { return r >= 'a' && r <= 'z' })

	q.keys = make([]string, len(toks))
	q.adjacent = make([]bool, len(toks))
	q.termAt = make([]int, len(toks))
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = text.TrimPossessive(t.Fold)
		q.keys[i] = text.Stem(lexicon.BaseForm(words[i]))
		q.termAt[i] = -1
		q.adjacent[i] = i > 0 && adjacent(qtext, toks[i-1], t)
	}

	// The question word decides the kind; a word after it may refine it
	// ("how many", "which year") and is then not content.
	cue := -1
	for i, w := range words {
		if !lexicon.QuestionWords[w] {
			continue
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch w {
		case "who", "whom", "whose":
			q.kind = QuestionWho
		case "when":
			q.kind = QuestionWhen
		case "where":
			q.kind = QuestionWhere
		case "why":
			q.kind = QuestionWhy
		case "how":
			q.kind = QuestionHow
			if lexicon.QuantityFollowers[next] {
				q.kind, cue = QuestionHowMany, i+1
			}
		case "what", "which":
			q.kind = QuestionWhat
			switch {
			case lexicon.TimeNouns[next]:
				q.kind, cue = QuestionWhen, i+1
			case lexicon.PlaceNouns[next]:
				q.kind, cue = QuestionWhere, i+1
			}
		}
		if (q.kind == QuestionWho || q.kind == QuestionWhat) && lexicon.BeForms[next] {
			q.identity = true
		}
		break
	}

	aux := false
	for i, t := range toks {
		w := words[i]
		raw := qtext[t.Span.Start:t.Span.End]
		aux = aux || lexicon.HaveForms[w] || lexicon.Modals[w]
		switch {
		case i == cue, lexicon.QuestionWords[w], lexicon.QuestionFillers[w]:
			continue
		case text.IsStopWord(w) && (shouting || !isAbbreviation(raw)):
			continue
		}
		if lexicon.GenericSpeechVerbs[w] {
			q.speech = true
			continue
		}
		verb := asksSpeech(w, aux)
		q.speech = q.speech || verb
		q.addTerm(a.idx, w, i, verb)
	}
	a.findNamedSpeakers(&q, words)
	if len(q.named) > 0 {
		// "what did Kerry claim?": the verb asks for the speaker's
		// statements, which the speaker's name finds.
		q.dropVerbs()
	}
	if len(q.terms) == 0 {
		return q, &InputError{Input: qtext, Reason: "The question does not say what it is about. " +
			"Name a person, a place, a thing or an event from the article, as in \"who said …?\" or \"how many … were there?\""}
	}
	for i := range q.terms {
		q.terms[i].hits = a.idx.HitsOf(q.terms[i].forms)
	}
	return q, nil
}

// asksSpeech reports whether the question's word w is a verb of speech used
// as a verb: a past form or participle ("warned", "testified"), or a base
// form after an auxiliary ("what did Kerry claim?"). A form that is also a
// plural noun ("reports", "states") and verbs that attribute only next to
// a quotation do not count.
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

// addTerm adds the content word w, the question's i-th word, unless a term
// already matches the same words of the article. verb marks a verb of
// speech.
func (q *question) addTerm(ix *index.Index, w string, i int, verb bool) {
	forms := askForms(ix, w)
	for k, t := range q.terms {
		if t.word == w || len(forms) > 0 && slices.Equal(t.forms, forms) {
			q.termAt[i] = k
			return
		}
	}
	q.termAt[i] = len(q.terms)
	q.terms = append(q.terms, askTerm{word: w, forms: forms, verb: verb})
}

// dropVerbs removes the verbs of speech from the content words, unless
// nothing else would be left.
func (q *question) dropVerbs() {
	if !slices.ContainsFunc(q.terms, func(t askTerm) bool { return !t.verb }) {
		return
	}
	renumber := make([]int, len(q.terms))
	kept := q.terms[:0]
	for k, t := range q.terms {
		renumber[k] = -1
		if !t.verb {
			renumber[k] = len(kept)
			kept = append(kept, t)
		}
	}
	q.terms = kept
	for i, k := range q.termAt {
		if k >= 0 {
			q.termAt[i] = renumber[k]
		}
	}
}

// askForms returns the ids of the article's words that a question's word
// matches, sorted: those a free search word matches (see index.forms), and
// the forms of an irregular verb ("meet" and "met").
func askForms(ix *index.Index, w string) []int32 {
	if ix == nil {
		return nil
	}
	forms := ix.Forms(w, true)
	for _, f := range lexicon.VerbForms(w) {
		if f != w {
			forms = append(forms, ix.Forms(f, false)...)
		}
	}
	slices.Sort(forms)
	return slices.Compact(forms)
}

// findNamedSpeakers finds the speakers the question names, by a whole
// alias ("the top US diplomat") or, for a named speaker, a word of the name
// ("Kerry"), and notes them on the content words that name them. When
// several speakers are named, those named by the most words win: "Luka
// Novak" names Luka Novak rather than his sister Elena Novak.
func (a *Article) findNamedSpeakers(q *question, words []string) {
	best := 0
	var named []*Speaker
	var by [][]int // the term indices that name each speaker in named
	for _, sp := range a.speakers {
		var terms []int
		covered := make([]bool, len(words))
		for _, k := range sp.keys {
			if k.tier < keyNamePart || k.tier == keyNamePart && !sp.Named {
				continue
			}
			kw := strings.Fields(k.key)
			for i := 0; i+len(kw) <= len(words); i++ {
				if !slices.Equal(words[i:i+len(kw)], kw) {
					continue
				}
				for j := i; j < i+len(kw); j++ {
					if t := q.termAt[j]; t >= 0 && !covered[j] {
						covered[j] = true
						if !slices.Contains(terms, t) {
							terms = append(terms, t)
						}
					}
				}
			}
		}
		n := 0
		for _, c := range covered {
			if c {
				n++
			}
		}
		switch {
		case n == 0 || n < best:
			continue
		case n > best:
			best, named, by = n, named[:0], by[:0]
		}
		named = append(named, sp)
		by = append(by, terms)
	}
	q.named = named
	for i, sp := range named {
		for _, t := range by[i] {
			q.terms[t].names = append(q.terms[t].names, sp)
		}
	}
}

// sentRef names a sentence by its paragraph's index and its index in the
// paragraph.
type sentRef struct{ para, idx int32 }

// askCand is a sentence that holds some of a question's content words, or
// the words of a speaker the question names.
type askCand struct {
	ref      sentRef
	sent     Sentence
	hits     []termHit
	spoken   []bool // term index -> the sentence holds the words of a speaker the term names, or says who they are
	coverage float64
	score    float64
	speaker  *Speaker
}

// holds reports whether the candidate's sentence holds term ti itself.
func (c *askCand) holds(ti int) bool {
	return slices.ContainsFunc(c.hits, func(h termHit) bool { return h.term == ti })
}

// termHit is an occurrence of a content word in a sentence.
type termHit struct {
	term int
	tok  int32
}

// rankSentences returns the sentences that answer q, best first.
func (a *Article) rankSentences(q *question) []*askCand {
	ix := a.idx
	cands := make(map[sentRef]*askCand)
	get := func(ref sentRef) *askCand {
		c := cands[ref]
		if c == nil {
			c = &askCand{ref: ref, sent: a.Paragraphs[ref.para].Sentences[ref.idx], spoken: make([]bool, len(q.terms))}
			cands[ref] = c
		}
		return c
	}

	// Sentence frequencies, and the sentences holding each word.
	n := float64(len(a.sentence))
	for ti := range q.terms {
		t := &q.terms[ti]
		df := 0
		last := sentRef{-1, -1}
		for _, h := range t.hits {
			ref := a.sentenceOf(h)
			if ref != last {
				df++
				last = ref
			}
			c := get(ref)
			c.hits = append(c.hits, termHit{ti, h})
		}
		t.idf = index.IDF(n, float64(max(df, 1)))
	}
	// A question about what someone said matches their statements by name.
	if q.speech {
		for ti, t := range q.terms {
			for _, sp := range t.names {
				for _, st := range sp.statements() {
					for _, ref := range a.sentencesIn(st.Paragraph-1, st.Span) {
						get(ref).spoken[ti] = true
					}
				}
			}
		}
	}

	// A question about who someone is matches the sentences that say so,
	// which stand beside the speaker's words.
	if q.identity {
		for ti, t := range q.terms {
			for _, sp := range t.names {
				seen := -1
				for _, st := range sp.statements() {
					if st.Paragraph == seen {
						continue
					}
					seen = st.Paragraph
					for j, sent := range a.Paragraphs[st.Paragraph-1].Sentences {
						if introduces(sent.Text, []*Speaker{sp}) {
							get(sentRef{int32(st.Paragraph - 1), int32(j)}).spoken[ti] = true
						}
					}
				}
			}
		}
	}

	var mass float64
	for _, t := range q.terms {
		mass += t.idf
	}
	avgLen := float64(ix.Len()) / n
	out := make([]*askCand, 0, len(cands))
	tf := make([]float64, len(q.terms))
	for _, c := range cands {
		clear(tf)
		for _, h := range c.hits {
			tf[h.term]++
		}
		var held float64
		for ti, t := range q.terms {
			if tf[ti] == 0 && c.spoken[ti] {
				tf[ti] = 1
			}
			if tf[ti] > 0 {
				held += t.idf
			}
		}
		c.coverage = held / mass
		if c.coverage < minCoverage {
			continue
		}
		a.scoreCandidate(q, c, tf, avgLen)
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y *askCand) int {
		if x.score != y.score {
			return cmp.Compare(y.score, x.score)
		}
		if x.ref.para != y.ref.para {
			return cmp.Compare(x.ref.para, y.ref.para)
		}
		return cmp.Compare(x.ref.idx, y.ref.idx)
	})
	return out
}

// scoreCandidate scores a sentence that holds enough of the question: BM25
// over its words, content words in a run of the question's words counting
// more, scaled by the cues of the question's form.
func (a *Article) scoreCandidate(q *question, c *askCand, tf []float64, avgLen float64) {
	sent := c.sent.Text
	toks := a.sentenceTokens(c)
	inRun := phraseRuns(q, toks, sent)
	length := float64(len(toks))
	var base float64
	for ti, t := range q.terms {
		if tf[ti] == 0 {
			continue
		}
		l := length
		if !c.holds(ti) {
			// The speaker's name is in the attribution, perhaps in
			// another sentence, so the sentence's length says nothing.
			l = avgLen
		}
		w := t.idf * index.TF(tf[ti], l, avgLen)
		if inRun[ti] {
			w *= 1 + phraseBoost
		}
		base += w
	}

	statements := a.statementsIn(c)
	c.speaker = bestSpeaker(statements, c.hits, a.idx)
	cues := 0
	switch q.kind {
	case QuestionWho:
		if len(statements) > 0 || a.namesPerson(c) {
			cues++
		}
	case QuestionHowMany:
		if hasNumber(toks, sent) {
			cues++
		}
	case QuestionWhen:
		if hasTime(toks, sent) {
			cues++
		}
	case QuestionWhere:
		if hasPlace(toks, sent) {
			cues++
		}
	case QuestionWhy:
		if hasCause(toks) {
			cues++
		}
	}
	if q.speech && q.kind != QuestionWho && saidBy(statements, q.named) {
		cues++
	}
	if q.identity && introduces(sent, q.named) {
		cues++
	}
	c.score = base * (1 + cueBoost*float64(cues))

	if isQuestion(sent) {
		c.score *= questionPenalty
	}
}

// sentenceTokens returns the words of the candidate's sentence as the index
// holds them, with spans in the sentence's text.
func (a *Article) sentenceTokens(c *askCand) []text.Token {
	ix := a.idx
	p := c.ref.para
	all := ix.ParaPostings(p)
	at := func(off int) int {
		i, _ := slices.BinarySearchFunc(all, off, func(t index.Posting, off int) int { return cmp.Compare(int(t.Start), off) })
		return i
	}
	words := all[at(c.sent.Span.Start):at(c.sent.Span.End)]
	toks := make([]text.Token, len(words))
	for i, t := range words {
		toks[i] = text.Token{
			Span: text.Span{Start: int(t.Start) - c.sent.Span.Start, End: int(t.End) - c.sent.Span.Start},
			Fold: ix.Word(t.Word),
			Kind: text.Word,
		}
	}
	return toks
}

// answer returns the candidate as part of an answer.
func (c *askCand) answer(a *Article) AnswerSentence {
	spans := make([]Span, 0, len(c.hits))
	for _, h := range c.hits {
		t := a.idx.Posting(h.tok)
		spans = append(spans, Span{Start: int(t.Start), End: int(t.End)})
	}
	return AnswerSentence{
		Sentence: c.sent,
		Score:    c.score,
		Coverage: c.coverage,
		Spans:    index.MergeSpans(spans),
		Speaker:  c.speaker,
	}
}

// sentenceOf returns the sentence holding the article's i-th word.
func (a *Article) sentenceOf(i int32) sentRef {
	t := a.idx.Posting(i)
	ss := a.Paragraphs[t.Para].Sentences
	j, _ := slices.BinarySearchFunc(ss, int(t.Start), func(s Sentence, off int) int {
		return cmp.Compare(s.Span.End, off+1)
	})
	return sentRef{t.Para, int32(min(j, len(ss)-1))}
}

// sentencesIn returns the sentences of paragraph p, counting from 0, that
// overlap span.
func (a *Article) sentencesIn(p int, span Span) []sentRef {
	if p < 0 || p >= len(a.Paragraphs) {
		return nil
	}
	var out []sentRef
	for j, s := range a.Paragraphs[p].Sentences {
		if s.Span.Start < span.End && span.Start < s.Span.End {
			out = append(out, sentRef{int32(p), int32(j)})
		}
	}
	return out
}

// statements returns the speaker's direct quotes and reported statements.
func (sp *Speaker) statements() []Quote {
	return append(slices.Clip(sp.Quotes), sp.Reported...)
}

// statementsIn returns the quotes and reported statements that overlap the
// candidate's sentence.
func (a *Article) statementsIn(c *askCand) []Quote {
	n := int(c.ref.para) + 1
	lo, _ := slices.BinarySearchFunc(a.quotes, n, func(q Quote, n int) int { return cmp.Compare(q.Paragraph, n) })
	var out []Quote
	for _, q := range a.quotes[lo:] {
		if q.Paragraph != n {
			break
		}
		if q.Span.Start < c.sent.Span.End && c.sent.Span.Start < q.Span.End {
			out = append(out, q)
		}
	}
	return out
}

// bestSpeaker returns the speaker of the statement that holds the most of
// the hits, a direct quote winning a tie with reported speech, or nil when
// there are no statements.
func bestSpeaker(statements []Quote, hits []termHit, ix *index.Index) *Speaker {
	var best *Speaker
	bestScore := -1
	for _, st := range statements {
		score := 0
		for _, h := range hits {
			t := ix.Posting(h.tok)
			if int(t.Start) >= st.Span.Start && int(t.End) <= st.Span.End {
				score += 2
			}
		}
		if st.Kind == Direct {
			score++
		}
		if score > bestScore {
			best, bestScore = st.Speaker, score
		}
	}
	return best
}

// saidBy reports whether a statement is by one of the speakers, or by anyone
// when speakers is empty.
func saidBy(statements []Quote, speakers []*Speaker) bool {
	if len(speakers) == 0 {
		return len(statements) > 0
	}
	return slices.ContainsFunc(statements, func(q Quote) bool { return slices.Contains(speakers, q.Speaker) })
}

// introduces reports whether a sentence says who one of the speakers is:
// it gives the speaker's description ("a former US diplomat and adviser to
// the Senate Republican leadership"), or, for a speaker with none, the full
// name.
func introduces(sent string, speakers []*Speaker) bool {
	t := Fold(sent)
	for _, sp := range speakers {
		what := sp.Description
		if what == "" {
			what = sp.Name
		}
		if strings.Contains(t, Fold(what)) {
			return true
		}
	}
	return false
}

// namesPerson reports whether the candidate's sentence names a person: a
// full name, or a name after a title ("Foreign Secretary Philip Hammond").
func (a *Article) namesPerson(c *askCand) bool {
	p := int(c.ref.para)
	i, _ := slices.BinarySearch(a.people, quote.At(p, c.sent.Span.Start))
	return i < len(a.people) && a.people[i] < quote.At(p, c.sent.Span.End)
}

// phraseRuns reports, for each term of q, whether the sentence holds it in
// a run of consecutive words that are also consecutive in the question,
// matched by stem: a run of two content words or more, or of three words
// or more with one content word ("has to go"). A content word after a
// common one ("the Pentagon") is not a run: any sentence may have that.
func phraseRuns(q *question, toks []text.Token, sent string) []bool {
	in := make([]bool, len(q.terms))
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = text.Stem(lexicon.BaseForm(text.TrimPossessive(t.Fold)))
	}
	// cur[j+1] is the length of the common run ending at the question's
	// current word and the sentence's j-th word; prev is for the
	// question's previous word.
	prev := make([]int, len(toks)+1)
	cur := make([]int, len(toks)+1)
	for i, qk := range q.keys {
		for j, sk := range keys {
			cur[j+1] = 0
			if qk != sk {
				continue
			}
			cur[j+1] = 1
			if i > 0 && j > 0 && q.adjacent[i] && adjacent(sent, toks[j-1], toks[j]) {
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

// adjacent reports whether two successive words of text stand next to each
// other in one phrase: only spaces, hyphens or apostrophes between them,
// no punctuation that ends a clause.
func adjacent(sent string, a, b text.Token) bool {
	for _, r := range sent[a.Span.End:b.Span.Start] {
		if !unicode.IsSpace(r) && !isJoiner(r) && !text.IsApostrophe(r) {
			return false
		}
	}
	return true
}

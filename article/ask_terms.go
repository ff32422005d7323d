package article

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/qa"
	"github.com/articlebot/articlebot/article/internal/text"
)

// How much a content word counts where a sentence holds it in a form
// other than its own.
const (
	// qualityExact is its stem's forms, and an irregular verb's forms.
	qualityExact = 1.0
	// qualityRelated is a word of its family (extortionist for
	// extortion), a word it is a prefix of, a demonym's country, a
	// number's other spelling, or, for a word the article lacks, the
	// article's word closest in spelling.
	qualityRelated = 0.8
	// qualitySynonym is a word that answers for it ("wife" for
	// "married").
	qualitySynonym = 0.6
	// lightWeight scales the information of a word that carries little
	// meaning on its own ("got", "makes").
	lightWeight = 0.3
	// nameContext is how much of a name a sentence holds when it lacks
	// the name but an earlier sentence of its paragraph has it: "She said
	// …" after "Jane Doe arrived".
	nameContext = 0.5
	// surnameCredit is how much of a name's other words a sentence holds
	// when it holds the name's last word: news names a person by surname
	// once it has introduced them.
	surnameCredit = 0.6
	// missingVerbWeight scales the information of a word the article
	// lacks that is most likely a verb ("expected", "suffering", "who
	// leads"): verbs are the words readers most often say otherwise. A
	// question for a number or a sum keeps it whole: what is counted
	// depends on its verb ("how many were arrested"); so does a
	// yes-or-no question, which asks whether the verb's deed was done
	// ("was anyone injured?").
	missingVerbWeight = 0.5
	// minTypoRunes is the shortest word the article lacks that is taken
	// for a misspelling of the article's closest word: shorter words are
	// more often other words ("greet" is not "great").
	minTypoRunes = 6
	// nounUse scales how much a word counts for a question's verb where
	// the article uses it as a noun (see demoteNounUses).
	nounUse = 0.5
	// prefaceWeight scales the information of a word in a clause set off
	// before the question word ("Before the assault, when …?"), which sets
	// the scene rather than saying what is asked.
	prefaceWeight = 0.5
)

// question is a question read for answering.
type question struct {
	qa.Question
	keys   []string   // each word's stem, irregular verbs by their base form
	termAt []int      // word index -> term index, or -1
	terms  []askTerm  // content words, each once
	named  []*Speaker // the speakers the question names
	// sayers are the stems of the words that say whose words "what did
	// X say?" asks for ("health", "secretary"), when it names no speaker
	// the article quotes; nil otherwise.
	sayers []string
	// namesOther reports that the question names someone by a fuller name
	// than a speaker's it shares a word with ("Dan Kovacs" beside the
	// quoted Marta Kovacs): that speaker is not the one asked about.
	namesOther bool
}

// askTerm is one content word of a question.
type askTerm struct {
	word    string     // folded, without a possessive ending
	hits    []termHit  // where the article holds it, in document order
	idf     float64    // inverse sentence frequency
	weight  float64    // its share of the question's information, before normalising
	names   []*Speaker // the speakers the word names, if any
	verb    bool       // a verb of speech: "warned", "claim"
	name    bool       // written as a name: "Kerry", "Surabaya"
	light   bool       // carries little meaning: "got"
	verbish bool       // most likely a verb: "expected", "leads"
	preface bool       // in a clause set off before the question word
	missing bool       // the article holds it in no form
}

// termHit is an occurrence of a content word, or of one of its forms or
// the words that answer for it, in the article.
type termHit struct {
	word    int32   // index of the first word in sentIndex.words
	n       int32   // how many words it covers
	quality float32 // how much it counts, from qualitySynonym to qualityExact
	term    int32   // the term's index, once gathered by sentence
}

// readQuestion reads a question's form and content words, and finds where
// the article holds each.
func (a *Article) readQuestion(qtext string) *question {
	q := &question{Question: qa.Analyze(qtext)}
	q.keys = make([]string, len(q.Words))
	q.termAt = make([]int, len(q.Words))
	for i, w := range q.Words {
		q.keys[i] = phraseKey(w.Fold)
		q.termAt[i] = -1
	}
	for _, i := range q.Content() {
		w := q.Words[i]
		q.addTerm(a, w, i)
	}
	if a.idx != nil && a.ask != nil {
		q.joinCompounds(a)
		q.phraseSynonyms(a)
	}
	words := make([]string, len(q.Words))
	for i, w := range q.Words {
		words[i] = w.Fold
	}
	a.findNamedSpeakers(q, words)
	if len(q.named) > 0 {
		// "what did Kerry claim?": the verb asks for the speaker's
		// statements, which the speaker's name finds.
		q.dropVerbs()
	} else {
		q.sayers = sayerStems(&q.Question)
	}
	return q
}

// sayerStems returns the stems of the content words of "what did X say?"
// between its auxiliary and its verb of speech: who it asks about. It
// returns nil for any other form.
func sayerStems(q *qa.Question) []string {
	if !q.Speech || q.Kind != qa.What || len(q.Words) < 4 || !lexicon.QuestionWords[q.Words[0].Fold] {
		return nil
	}
	var out []string
	for _, w := range q.Words[2:] {
		if w.SpeechVerb || w.Role == qa.Speech {
			return out
		}
		if w.Role == qa.Content {
			out = append(out, text.Stem(w.Fold))
		}
	}
	return nil
}

// addTerm adds the content word w, the question's i-th word, unless a term
// already stands for the same word.
func (q *question) addTerm(a *Article, w qa.Word, i int) {
	for k, t := range q.terms {
		if t.word == w.Fold {
			q.termAt[i] = k
			return
		}
	}
	t := askTerm{word: w.Fold, verb: w.SpeechVerb, name: w.Name, light: w.Light, verbish: w.Verb, preface: w.Preface}
	if q.Want == qa.Number && w.Fold == q.Focus && lexicon.IsRoleWord(w.Fold) {
		// "how many people": the noun counted, which the article may
		// name by a role ("212 passengers").
		t.light = true
	}
	if a.idx != nil && a.ask != nil {
		t.hits = a.termHits(w.Fold)
		// Two words that find the same words of the article are one
		// term: "negotiate negotiation".
		for k, prev := range q.terms {
			if len(t.hits) > 0 && slices.Equal(prev.hits, t.hits) {
				q.termAt[i] = k
				return
			}
		}
	}
	if t.verbish {
		a.demoteNounUses(w.Fold, t.hits)
	}
	t.missing = len(t.hits) == 0
	q.termAt[i] = len(q.terms)
	q.terms = append(q.terms, t)
}

// termHits returns where the article holds the folded word w in any of its
// forms, with how much each counts, in document order; a word held in
// several forms keeps its best.
func (a *Article) termHits(w string) []termHit {
	ix, at := a.idx, a.tables()
	var hits []termHit
	addWords := func(ids []int32, quality float32) {
		for _, id := range ids {
			for _, k := range at.occurrences(id) {
				hits = append(hits, termHit{word: k, n: 1, quality: quality})
			}
		}
	}
	exact := a.formsOf(w)
	addWords(exact, qualityExact)
	// An irregular verb's form other than its base is no stem to build
	// on: "found" (of find) does not find "founder", nor "fell" "fellow".
	free := lexicon.BaseForm(w) == w
	lemmas := lexicon.Lemmas(w)
	for _, id := range ix.Forms(w, free) {
		if !slices.Contains(exact, id) && !otherVerbsForm(ix.Word(id), w, lemmas) {
			addWords([]int32{id}, qualityRelated)
		}
	}
	hits = append(hits, a.synonymHits(append(lexicon.Related(w), lexicon.Synonyms(w)...))...)
	hits = append(hits, a.acronymHits(w)...)
	if len(hits) == 0 && utf8.RuneCountInString(w) >= minTypoRunes && !text.IsStopWord(w) {
		// A misspelt word: "sheffeild" for "Sheffield".
		if near := ix.Similar(w, 1); len(near) == 1 && !otherVerbsForm(ix.Word(near[0]), w, lemmas) {
			addWords(ix.StemForms(ix.StemOf(near[0])), qualityRelated)
		}
	}
	return byWord(hits)
}

// byWord returns hits in document order, one a word, a word held in
// several forms keeping its best.
func byWord(hits []termHit) []termHit {
	if len(hits) < 2 {
		return hits
	}
	slices.SortFunc(hits, func(x, y termHit) int {
		if x.word != y.word {
			return int(x.word - y.word)
		}
		return int(y.n - x.n)
	})
	out := hits[:1]
	for _, h := range hits[1:] {
		last := &out[len(out)-1]
		if h.word == last.word {
			last.quality = max(last.quality, h.quality)
			continue
		}
		out = append(out, h)
	}
	return out
}

// formsOf returns the ids of the article's words that are forms of the
// folded word w: its stem's words, and every form of an irregular verb w
// may be a form of ("leading" finds "led", "find" finds "found").
//
// A word of w's stem that is a form of another, irregular verb is none of
// w's: "founded" does not find "found" of "find", nor "felled" "fell" of
// "fall".
func (a *Article) formsOf(w string) []int32 {
	ix := a.idx
	lemmas := lexicon.Lemmas(w)
	ids := slices.DeleteFunc(ix.StemWords(w), func(id int32) bool { return otherVerbsForm(ix.Word(id), w, lemmas) })
	for _, l := range lemmas {
		forms := lexicon.VerbForms(l)
		if len(forms) == 0 || l != w && forms[0] != l {
			// "found" stripped from "founded" is no form of "find".
			continue
		}
		for _, f := range forms {
			if f != w {
				ids = append(ids, ix.StemWords(f)...)
			}
		}
	}
	return ids
}

// otherVerbsForm reports whether the article's word x is a form of an
// irregular verb that is none of the question's word w, whose dictionary
// forms are lemmas: "found" (of "find") for "founded".
func otherVerbsForm(x, w string, lemmas []string) bool {
	base := lexicon.BaseForm(x)
	return x != w && base != x && !slices.Contains(lemmas, base)
}

// joinCompounds lets a word the question writes with a hyphen find the
// article's word written solid: "pre-recession" finds "prerecession".
func (q *question) joinCompounds(a *Article) {
	for i := 1; i < len(q.Words); i++ {
		l, r := q.termAt[i-1], q.termAt[i]
		if l < 0 || r < 0 || l == r || q.Text[q.Words[i-1].Span.End:q.Words[i].Span.Start] != "-" {
			continue
		}
		joined := a.termHits(q.Words[i-1].Fold + q.Words[i].Fold)
		if len(joined) == 0 {
			continue
		}
		for _, k := range []int{l, r} {
			t := &q.terms[k]
			t.hits = mergeHits(t.hits, joined)
			t.missing = len(t.hits) == 0
		}
	}
}

// mergeHits returns the hits of a and b in document order, a word held in
// both keeping its best.
func mergeHits(a, b []termHit) []termHit {
	out := append(slices.Clone(a), b...)
	slices.SortFunc(out, func(x, y termHit) int {
		if x.word != y.word {
			return int(x.word - y.word)
		}
		return cmp.Compare(y.quality, x.quality)
	})
	return slices.CompactFunc(out, func(x, y termHit) bool { return x.word == y.word })
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
		if n > 0 && a.namesSomeoneElse(q, sp, covered) {
			// "what did Dan Kovacs say?" names no Marta Kovacs.
			q.namesOther = true
			continue
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

// idfOf returns the inverse sentence frequency of a word held in df of n
// sentences; a word the article lacks weighs as much as its rarest.
func idfOf(n, df int) float64 { return index.IDF(float64(n), float64(max(df, 1))) }

// Package quote finds who said what in an article: the direct quotations
// and reported statements of its paragraphs, the people and bodies they
// belong to, and the article's cast of everyone it names.
//
// It reads the paragraphs as the text package segments them, with each
// quotation as one token (view.go), so that the words around a quotation
// can be parsed: noun phrases (phrases.go), verbs of speech (verbs.go),
// their subjects and appositives (subjects.go) and reported clauses
// (clauses.go) make attributions (attributions.go). Names and the people,
// bodies and unnamed sources they stand for are tracked in document order
// (names.go, nicknames.go, entities.go, resolve.go), and make the cast
// (cast.go). Interviews printed as questions and answers are read as such
// (interview.go). Each quotation is then given a speaker by ordered sieves,
// precision first (judge.go for the attribution in its own sentence,
// sieves.go for the context); a quotation no sieve can decide stays
// unattributed, and one whose own sentence names no one clear is never
// given to someone nearby.
package quote

import (
	"slices"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// Kind tells a direct quotation from reported speech.
type Kind uint8

const (
	// Direct is a quotation: the speaker's own words between quotation marks.
	Direct Kind = iota + 1
	// Reported is indirect speech: what the article says someone said, in
	// its own words.
	Reported
)

// Quote is one statement of a speaker within one paragraph, as the
// article package's Quote describes it, with the speaker's index in
// Result.Speakers, the paragraph's index from 0, and in Span the words
// without quotation marks or the reported clause.
//
// Sieve names the rule that gave a direct quote its speaker: for the
// attribution in its own sentence, "said: " and the kind of its subject
// ("said: name", "said: pronoun", "said: description", "said: body",
// "said: one of"); otherwise the name of a context sieve (sieves.go). It is
// empty for reported speech.
//
// A quotation that its attribution splits (`"A," she said, "B."`) is one
// Quote: Span runs from the first part to the last, and Parts holds each
// part with the sieve that gave it its speaker.
type Quote struct {
	Kind               Kind
	Speaker, Para      int
	Span               text.Span
	Parts              []Part
	Partial, Continued bool
	Sieve              string
	// Unmarked marks an interview's answer given in no quotation marks.
	Unmarked bool
}

// Part is one part of a quotation its attribution splits: its words, and
// the sieve that gave it its speaker.
type Part struct {
	Span  text.Span
	Sieve string
}

// Speaker is someone, or some body, the article quotes or reports, as the
// article package's Speaker describes it, with how many quotes of each
// kind it has.
type Speaker struct {
	Name, Description string
	Aliases           []string
	Named             bool
	Direct, Reported  int
}

// Pos is a place in the article, in document order: a paragraph's index
// and a byte offset in its text.
type Pos int

// At returns the position of the byte at offset of paragraph para.
func At(para, offset int) Pos { return Pos(position(para, offset)) }

// Para returns the index of the paragraph holding the position.
func (p Pos) Para() int { return int(p >> 21) }

// Offset returns the position's byte offset in its paragraph's text.
func (p Pos) Offset() int { return int(p & (1<<21 - 1)) }

// Result is who said what in an article.
type Result struct {
	// Quotes holds every direct quote and reported statement that has a
	// speaker, in document order.
	Quotes []Quote
	// Speakers holds the speakers, most quoted first: by direct quotes,
	// then reported statements, then first appearance.
	Speakers []Speaker
	// Cast holds everyone, and every body, the article names or quotes,
	// in the order the text first names them.
	Cast []Member
	// Unattributed holds the direct quotations no sieve could give a
	// speaker, in document order, with Speaker -1: someone's words, but
	// the text does not make clear whose.
	Unattributed []Quote
}

// Attribute finds the quotes of an article's paragraphs and their speakers.
//
// It reads each paragraph in two steps. Each quotation becomes one token,
// so the words around it can be parsed: sentences, verbs of speech, their
// subjects and reported clauses. Then, in document order, subjects are
// resolved to speakers (names, pronouns, descriptions) and each quotation
// is given the attribution next to it, or the one whose clause holds it.
// Last, quotations with no attribution in their sentence take their speaker
// from the context, by the sieves of sieves.go.
func Attribute(segs []text.Paragraph) Result {
	return attribute(segs, nil)
}

// AttributeWithout is Attribute with the context sieves named left out, to
// measure what each of them adds.
func AttributeWithout(segs []text.Paragraph, sieves ...string) Result {
	return attribute(segs, sieves)
}

func attribute(segs []text.Paragraph, without []string) Result {
	var res Result
	ps := make([]paragraph, len(segs))
	singleVotes, doubleVotes := 0, 0
	size := 0
	for i := range segs {
		size += len(segs[i].Tokens)
	}
	buf := make([]text.Token, 0, size) // one token buffer for the article
	all := make([]mention, 0, len(segs)*2)
	names := nicknames(segs)
	for i := range segs {
		pq := &ps[i]
		pq.idx, pq.text, pq.spans = i, segs[i].Text, segs[i].Quotes
		from := len(buf)
		var nicks []int
		if names != nil {
			nicks = names[i]
		}
		buf = collapse(buf, &segs[i], nicks)
		pq.toks = buf[from:len(buf):len(buf)]
		pq.readSentences(&segs[i])
		pq.attrs = make([][]attribution, len(pq.sents))
		pq.leads = make([]*entity, len(pq.sents))
		for si := range pq.sents {
			s := &pq.sents[si]
			pq.attrs[si] = s.findAttributions()
			for _, at := range pq.attrs[si] {
				for _, k := range []int{at.start - 1, at.start - 2, at.end, at.end + 1, at.verbEnd, at.verbEnd + 1} {
					if k >= s.from && k < s.to && pq.toks[k].Kind == text.Quote {
						if pq.spans[pq.toks[k].Quote].Single {
							singleVotes++
						} else {
							doubleVotes++
						}
						break
					}
				}
			}
		}
		pq.mentions = pq.nameMentions()
		all = append(all, pq.mentions...)
	}
	british := singleVotes > 0 && singleVotes > doubleVotes
	if roles := interviewRoles(ps); roles != nil {
		for i := range ps {
			ps[i].role = roles[i]
			if roles[i] == roleQuestion {
				clear(ps[i].attrs) // the interviewer's words: no one else's statement
			}
		}
	}
	r := newResolver()
	r.registerPersons(all)

	var events []attrEvent
	for i := range ps {
		events = resolveParagraph(r, &ps[i], british, events)
	}
	linkRuns(ps)
	attributeFromContext(ps, r.persons, events, without)
	var rank []int
	res.Quotes, res.Speakers, rank, res.Unattributed = collectQuotes(ps)
	res.Cast = r.cast(rank)
	return res
}

// resolveParagraph resolves the speakers of a paragraph's attributions in
// document order and gives each quotation its attribution, if its sentence
// has one.
func resolveParagraph(r *resolver, pq *paragraph, british bool, events []attrEvent) []attrEvent {
	mi := 0
	for si := range pq.sents {
		s := &pq.sents[si]
		attrs := pq.attrs[si]
		if len(attrs) > 0 && attrs[0].subj.kind == npPronoun && attrs[0].start > s.from+1 && pq.toks[s.from].Kind == text.Word {
			// "Priya Sethi has spent ten years writing a book she says
			// she was afraid to finish": the pronoun may be the subject.
			from := position(pq.idx, pq.toks[s.from].Span.Start)
			for mi < len(pq.mentions) && pq.mentions[mi].pos < from {
				r.noteMention(pq.mentions[mi])
				mi++
			}
			if np := s.leadSubject(); np.kind == npName {
				if e := r.lookup(np, from); e != nil {
					e.becameSalient(from)
				}
			}
		}
		for ai := range attrs {
			at := &attrs[ai]
			pos := position(pq.idx, pq.toks[at.start].Span.Start)
			// The names inside the attribution are seen first, so that
			// "Mrs Hale" in "Mrs Hale's son, Peter Hale, said" is not
			// taken for the speaker resolved from it.
			subjEnd := position(pq.idx, pq.toks[max(at.end, at.start+1)-1].Span.End)
			for mi < len(pq.mentions) && pq.mentions[mi].pos < subjEnd {
				r.noteMention(pq.mentions[mi])
				mi++
			}
			if at.headline && at.subj.kind != npName {
				at.ent = r.personTitledAs(at.subj.text, true)
			}
			if at.ent == nil && at.subj.kind == npPronoun && at.start > s.from && pq.toks[at.start-1].Has(lexicon.Subordinator) {
				// "Eric Garner, a man choked to death as he pleaded"
				at.ent = r.namedBetween(position(pq.idx, pq.toks[s.from].Span.Start), pos, at.subj.text)
			}
			if at.ent == nil && !at.nobody {
				at.ent = r.resolve(at.subj, at.appos, pos)
			}
			if at.ent != nil {
				at.ent.spokeAt(pos)
				events = append(events, attrEvent{pos, at.ent})
			}
		}
		end := position(pq.idx, pq.toks[s.to-1].Span.End)
		for mi < len(pq.mentions) && pq.mentions[mi].pos < end {
			r.noteMention(pq.mentions[mi])
			mi++
		}
		if s.thingSubject() {
			// "The plane disappeared …": a thing the next "it" may mean.
			r.thingAt = position(pq.idx, pq.toks[s.from].Span.Start)
		}
		if len(attrs) > 0 && attrs[0].ent != nil {
			pq.leads[si] = attrs[0].ent
			if np := s.leadSubject(); np.kind == npBare && np.plural {
				// "Vice-chancellors reacted to what he called …": the
				// group is the sentence's subject all the same.
				if e := r.lookup(np, position(pq.idx, pq.toks[s.from].Span.Start)); e != nil {
					e.becameSalient(position(pq.idx, pq.toks[s.from].Span.Start))
				}
			}
		} else if e := r.lookup(s.leadSubject(), position(pq.idx, pq.toks[s.from].Span.Start)); e != nil {
			pq.leads[si] = e
			e.becameSalient(position(pq.idx, pq.toks[s.from].Span.Start))
		}
		for k := s.from; k < s.to; k++ {
			if pq.toks[k].Kind == text.Quote {
				fq := judgeQuote(pq, si, k, british)
				if pq.role == roleQuestion {
					fq.verdict = notSpeech // the interviewer quoting someone
				}
				pq.found = append(pq.found, fq)
			}
		}
	}
	if pq.role == roleAnswer && len(pq.sents) > 0 {
		if q, ok := answerSpan(pq); ok {
			// An answer in no quotation marks: the interviewee's words all
			// the same.
			pq.spans = append(slices.Clip(pq.spans), q)
			pq.found = append(pq.found, foundQuote{span: len(pq.spans) - 1, run: -1, attr: -1, verdict: needsOwner, unmarked: true})
		}
	}
	return events
}

// collectQuotes turns what was found into quotes and speakers, and the
// quotations left without one.
func collectQuotes(ps []paragraph) ([]Quote, []Speaker, []int, []Quote) {
	var quotes, unattributed []Quote
	var speakers []Speaker
	var first []int            // speaker index -> position of its first quote
	byName := map[string]int{} // one speaker per name, whatever its kind
	speaker := func(e *entity, pos int) int {
		if e.sp > 0 {
			return e.sp - 1
		}
		key := text.Fold(e.name)
		if i, ok := byName[key]; ok {
			e.sp = i + 1
			sp := &speakers[i]
			for _, a := range e.speakerAliases() {
				if !slices.ContainsFunc(sp.Aliases, func(b string) bool { return text.Fold(b) == text.Fold(a) }) && text.Fold(a) != key {
					sp.Aliases = append(sp.Aliases, a)
				}
			}
			return i
		}
		speakers = append(speakers, Speaker{
			Name:        e.name,
			Description: e.desc,
			Named:       e.kind == entPerson || e.kind == entProper || e.kind == entBody,
			Aliases:     e.speakerAliases(),
		})
		first = append(first, pos)
		byName[key] = len(speakers) - 1
		e.sp = len(speakers)
		return len(speakers) - 1
	}
	for i := range ps {
		pq := &ps[i]
		prev := -1 // the paragraph's last direct quote: its index in found and in quotes
		last := -1
		for fi, fq := range pq.found {
			if fq.verdict == unowned && !fq.partial {
				sp := pq.spans[fq.span]
				unattributed = append(unattributed, Quote{Kind: Direct, Speaker: -1, Para: i, Span: sp.Inner, Continued: fq.continued})
			}
			if fq.verdict != speech || fq.ent == nil {
				continue
			}
			sp := pq.spans[fq.span]
			if prev >= 0 && pq.continuesUtterance(pq.found[prev], fq) {
				q := &quotes[last]
				if len(q.Parts) == 0 {
					q.Parts = []Part{{q.Span, q.Sieve}}
				}
				q.Parts = append(q.Parts, Part{sp.Inner, fq.sieve})
				q.Span.End = sp.Inner.End
				prev = fi
				continue
			}
			prev, last = fi, len(quotes)
			quotes = append(quotes, Quote{
				Kind:      Direct,
				Speaker:   speaker(fq.ent, position(i, sp.Inner.Start)),
				Para:      i,
				Span:      sp.Inner,
				Partial:   fq.partial,
				Continued: fq.continued,
				Sieve:     fq.sieve,
				Unmarked:  fq.unmarked,
			})
		}
		for si := range pq.sents {
			for _, at := range pq.attrs[si] {
				if at.ent == nil || at.direct || at.clause.End <= at.clause.Start {
					continue
				}
				span := text.Span{Start: pq.toks[at.clause.Start].Span.Start, End: pq.toks[at.clause.End-1].Span.End}
				quotes = append(quotes, Quote{
					Kind:    Reported,
					Speaker: speaker(at.ent, position(i, span.Start)),
					Para:    i,
					Span:    span,
				})
			}
		}
	}
	slices.SortStableFunc(quotes, func(a, b Quote) int {
		if a.Para != b.Para {
			return a.Para - b.Para
		}
		return a.Span.Start - b.Span.Start
	})
	sorted, rank := rankSpeakers(speakers, first, quotes)
	return quotes, sorted, rank, unattributed
}

// continuesUtterance reports whether the quotation b goes on with the
// utterance of a, the quotation before it in the paragraph: both whole and
// the same speaker's, with nothing between them but a's attribution and
// punctuation: `"A," she said. "B."` and `"A," she said, "B."`, but not
// `"A," she said. "B," she added.`
func (p *paragraph) continuesUtterance(a, b foundQuote) bool {
	if a.ent != b.ent || a.partial || b.partial || b.continued || a.attr < 0 ||
		b.attr >= 0 && (b.sent != a.sent || b.attr != a.attr) {
		return false
	}
	at := p.attrs[a.sent][a.attr]
	if b.sent != a.sent && at.start > a.tok {
		// `"A," said X, who chairs the committee. "B."`: the rest of a's
		// sentence is its attribution; b opens its own sentence.
		if !(b.sent == a.sent+1 && p.onlyPunct(p.sents[b.sent].from, b.tok)) || p.hasQuote(a.tok+1, p.sents[a.sent].to) {
			return false
		}
		return true
	}
	for k := a.tok + 1; k < b.tok; k++ {
		inAttr := k >= at.start && k < max(at.end, at.verbEnd)
		if p.toks[k].Kind != text.Punct && !inAttr {
			return false
		}
	}
	return true
}

// onlyPunct reports whether the tokens from..to hold nothing but
// punctuation.
func (p *paragraph) onlyPunct(from, to int) bool {
	for k := from; k < to; k++ {
		if p.toks[k].Kind != text.Punct {
			return false
		}
	}
	return true
}

// rankSpeakers counts the quotes of each speaker and orders the speakers
// most quoted first: by direct quotes, then reported statements, then
// where they were first quoted. It renumbers the quotes' speakers to match,
// and returns each speaker's new index by its old one.
func rankSpeakers(speakers []Speaker, first []int, quotes []Quote) ([]Speaker, []int) {
	for _, q := range quotes {
		if q.Kind == Direct {
			speakers[q.Speaker].Direct++
		} else {
			speakers[q.Speaker].Reported++
		}
	}
	order := make([]int, len(speakers))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := speakers[b].Direct - speakers[a].Direct; d != 0 {
			return d
		}
		if d := speakers[b].Reported - speakers[a].Reported; d != 0 {
			return d
		}
		return first[a] - first[b]
	})
	sorted := make([]Speaker, len(speakers))
	rank := make([]int, len(speakers))
	for i, k := range order {
		sorted[i] = speakers[k]
		rank[k] = i
	}
	for i := range quotes {
		quotes[i].Speaker = rank[quotes[i].Speaker]
	}
	return sorted, rank
}

// speakerAliases returns the ways the text refers to e, its name first.
func (e *entity) speakerAliases() []string {
	if e.kind == entPerson && len(e.lows) > 1 {
		e.addAlias(surnameAsWritten(e.name))
	}
	return append([]string{e.name}, e.aliases...)
}

package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// paraQuotes is one paragraph as the quote extractor reads it.
type paraQuotes struct {
	idx      int // index in the article, from 0
	text     string
	spans    []text.Quotation
	toks     []qtok
	sents    []qsent
	attrs    [][]attribution // per sentence
	mentions []mention
	leads    []*entity    // per sentence: who the sentence is about, if anyone
	found    []foundQuote // the quotation tokens, in order
}

// quoteVerdict says what a quotation span turned out to be.
type quoteVerdict uint8

const (
	notSpeech  quoteVerdict = iota // a title, scare quotes, a heading
	speech                         // someone's words, with a speaker
	needsOwner                     // someone's words; the speaker comes from the context
)

// foundQuote is a quotation token of a paragraph and what became of it.
type foundQuote struct {
	span      int // index into the paragraph's spans
	tok       int // index into the paragraph's tokens
	sent      int // index into the paragraph's sentences
	verdict   quoteVerdict
	partial   bool
	continued bool
	run       int // the run of paragraphs the quotation spans, or -1
	ent       *entity
}

// attrEvent is an attribution in document order.
type attrEvent struct {
	pos int
	ent *entity
}

// extractQuotes finds the direct quotations and reported statements of the
// paragraphs and the speakers they belong to.
//
// It reads each paragraph in three steps. Quotation marks are paired
// (telling apostrophes from single quotes) and each quotation becomes one
// token, so the words around it can be parsed: sentences, verbs of speech,
// their subjects and reported clauses. Then, in document order, subjects
// are resolved to speakers (names, pronouns, descriptions) and each
// quotation is given the attribution next to it, or the one whose clause
// holds it. Last, quotations with no attribution in their sentence take
// their speaker from the context: the run of paragraphs a quotation spans,
// the paragraph, the sentence before, or the previous speaker.
//
// It also returns where the text names a person outside quotations (a full
// name, or a name after a title), as positions in document order.
func extractQuotes(paras []Paragraph, segs []text.Paragraph) (quotes []Quote, speakers []*Speaker, people []int) {
	ps := make([]paraQuotes, len(paras))
	singleVotes, doubleVotes := 0, 0
	outside := 0
	for i, p := range paras {
		ps[i].idx, ps[i].text = i, p.Text
		ps[i].spans = segs[i].Quotes
		outside += len(segs[i].Tokens)
	}
	buf := make([]qtok, 0, outside) // one token buffer for the article
	all := make([]mention, 0, len(paras)*2)
	for i, p := range paras {
		pq := &ps[i]
		from := len(buf)
		buf = collapse(buf, &segs[i])
		pq.toks = buf[from:len(buf):len(buf)]
		pq.sents = quotedSentences(&segs[i], pq.toks)
		pq.attrs = make([][]attribution, len(pq.sents))
		pq.leads = make([]*entity, len(pq.sents))
		for si, s := range pq.sents {
			pq.attrs[si] = findAttributions(pq.toks, s, p.Text)
			for _, at := range pq.attrs[si] {
				for _, k := range []int{at.start - 1, at.start - 2, at.end, at.end + 1, at.verbEnd, at.verbEnd + 1} {
					if k >= s.from && k < s.to && pq.toks[k].Kind == tkQuote {
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
		pq.mentions = nameMentions(pq.toks, p.Text, i)
		all = append(all, pq.mentions...)
	}
	british := singleVotes > 0 && singleVotes > doubleVotes
	for _, m := range all {
		if len(m.lows) >= 2 || m.role {
			people = append(people, m.pos)
		}
	}

	r := newResolver()
	r.registerPersons(all)

	var events []attrEvent
	for i := range ps {
		events = resolveParagraph(r, &ps[i], british, events)
	}
	linkRuns(ps)
	attributeFromContext(ps, events)
	quotes, speakers = collectQuotes(paras, ps, r)
	return quotes, speakers, people
}

// resolveParagraph resolves the speakers of a paragraph's attributions in
// document order and gives each quotation its attribution, if its sentence
// has one.
func resolveParagraph(r *resolver, pq *paraQuotes, british bool, events []attrEvent) []attrEvent {
	mi := 0
	for si, s := range pq.sents {
		attrs := pq.attrs[si]
		if len(attrs) > 0 && attrs[0].subj.kind == npPronoun && attrs[0].start > s.from+1 && pq.toks[s.from].Kind == tkWord {
			// "Priya Sethi has spent ten years writing a book she says
			// she was afraid to finish": the pronoun may be the subject.
			from := position(pq.idx, pq.toks[s.from].Span.Start)
			for mi < len(pq.mentions) && pq.mentions[mi].pos < from {
				r.noteMention(pq.mentions[mi])
				mi++
			}
			if np := leadSubject(pq.toks, s, pq.text); np.kind == npName {
				if e := r.lookup(np, from); e != nil && from > e.salient {
					e.salient = from
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
			if at.ent == nil {
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
		if len(attrs) > 0 && attrs[0].ent != nil {
			pq.leads[si] = attrs[0].ent
		} else if e := r.lookup(leadSubject(pq.toks, s, pq.text), position(pq.idx, pq.toks[s.from].Span.Start)); e != nil {
			pq.leads[si] = e
			if p := position(pq.idx, pq.toks[s.from].Span.Start); p > e.salient {
				e.salient = p
			}
		}
		for k := s.from; k < s.to; k++ {
			if pq.toks[k].Kind == tkQuote {
				pq.found = append(pq.found, judgeQuote(pq, si, k, british))
			}
		}
	}
	return events
}

// lookup returns the entity a sentence's subject refers to. It creates no
// person, only the bodies that a later "it" or "they" may refer to ("The
// rail workers' union blamed …").
func (r *resolver) lookup(np nounPhrase, pos int) *entity {
	switch np.kind {
	case npPronoun:
		return r.pronoun(np.text, pos)
	case npName:
		if len(np.names) >= 2 && !lexicon.NameParticles[np.names[0]] {
			e := r.byPerson[personKey(np.names)]
			if e != nil && e.gender == 0 {
				e.gender = np.gender
			}
			if e != nil && np.title != "" {
				e.addTitle(np.title, np.name)
			}
			return e
		}
		if len(np.names) > 0 {
			if e := mostRecent(r.personsNamed(strings.Join(np.names, " "), np.gender)); e != nil {
				return e
			}
			return r.byKey[Fold(np.name)]
		}
	case npBody:
		return r.keyed(np.text, entBody, np, pos)
	case npDefinite:
		return r.definite(np, pos)
	case npBare:
		if np.plural && lexicon.IsRoleWord(np.head) {
			return r.bare(np, pos) // "Officers from three forces closed roads. They …"
		}
	}
	return nil
}

// judgeQuote decides what the quotation at toks[k] of sentence si is, and
// whose, when its sentence attributes it.
func judgeQuote(pq *paraQuotes, si, k int, british bool) foundQuote {
	s := pq.sents[si]
	toks := pq.toks
	span := pq.spans[toks[k].Quote]
	fq := foundQuote{span: int(toks[k].Quote), tok: k, sent: si, run: -1}
	inner := pq.text[span.Inner.Start:span.Inner.End]

	ai, standalone := attributionOf(pq, si, k)
	fq.partial = !standalone
	if ai >= 0 && pq.attrs[si][ai].ent != nil {
		at := &pq.attrs[si][ai]
		if fq.partial && (namedNotQuoted(toks, s, k) || titleLike(inner)) {
			return fq
		}
		fq.verdict, fq.ent = speech, at.ent
		if standalone {
			at.direct = true
		}
		return fq
	}
	if fq.partial || (span.Single && !british) {
		return fq
	}
	if len(toks) == 1 && !endsSentence(inner) && countQuotedWords(inner) <= 12 {
		return fq // a heading between quotation marks
	}
	commaInside := span.Inner.End < len(pq.text) && pq.text[span.Inner.End] == ','
	if endsSentence(inner) || commaInside || countQuotedWords(inner) >= 6 || !span.Closed {
		fq.verdict = needsOwner
	}
	return fq
}

// attributionOf returns the index of the attribution of sentence si that
// the quotation at toks[k] belongs to (-1 when none), and whether the
// quotation stands on its own (a whole statement) rather than inside a
// sentence of the article's (a partial quote).
func attributionOf(pq *paraQuotes, si, k int) (int, bool) {
	s := pq.sents[si]
	toks := pq.toks
	attrs := pq.attrs[si]
	span := pq.spans[toks[k].Quote]
	first, _ := utf8.DecodeRuneInString(pq.text[span.Inner.Start:])
	startsUpper := unicode.IsUpper(first) || unicode.IsDigit(first) || first == '.' || first == '…'

	// "…," he said — the attribution follows the quotation.
	for ai, at := range attrs {
		if at.form == formParticiple && at.start != at.verb {
			continue
		}
		if at.start == k+1 || (at.start == k+2 && toks[k+1].IsPunct(",—")) ||
			(at.start == k+2 && toks[k+1].Is("as")) || (at.start == k+3 && toks[k+1].IsPunct(",") && toks[k+2].Is("as")) {
			// "…," he said; "…," as one organiser put it
			return ai, true
		}
	}
	// He said: "…" — the attribution introduces the quotation.
	for ai, at := range attrs {
		from := at.verbEnd
		if at.form == formInverted || at.form == formAccording {
			from = at.end
		}
		if from > k || k-from > 8 {
			continue
		}
		gap := toks[from:k]
		ok, punct := true, false
		for gi, t := range gap {
			if t.Kind == tkQuote || t.Is("that", "whether") {
				ok = false
			}
			if t.Kind == tkPunct {
				if gi != len(gap)-1 || !t.IsPunct(":,—") {
					ok = false
				}
				punct = true
			}
		}
		if ok && (len(gap) == 0 || punct) {
			return ai, punct || startsUpper
		}
	}
	// Otherwise the quotation stands inside a sentence. It is whole if
	// nothing of the sentence comes before it but punctuation or another
	// quotation, and nothing after it but punctuation.
	whole := (k == s.from || toks[k-1].Kind == tkQuote || toks[k-1].IsPunct(":;(")) &&
		(k+1 == s.to || toks[k+1].Kind == tkQuote || (toks[k+1].Kind == tkPunct && !toks[k+1].IsPunct(",")))
	for ai, at := range attrs {
		if at.clause.End > at.clause.Start && k >= at.clause.Start && k < at.clause.End {
			return ai, whole
		}
	}
	if len(attrs) == 1 && !attrs[0].info.Weak {
		return 0, whole
	}
	best, dist := -1, 0
	for ai, at := range attrs {
		d := at.verb - k
		if d < 0 {
			d = -d
		}
		if !at.info.Weak && (best < 0 || d < dist) {
			best, dist = ai, d
		}
	}
	return best, whole
}

// namedNotQuoted reports whether the quotation at toks[k] is a name or a
// title: it follows "so-called", "dubbed", "a film called", "known as".
func namedNotQuoted(toks []qtok, s qsent, k int) bool {
	if k-1 < s.from || toks[k-1].Kind != tkWord {
		return false
	}
	prev := toks[k-1].Fold
	if lexicon.NamingWords[prev] {
		return true
	}
	return prev == "as" && k-2 >= s.from && toks[k-2].Is("known", "billed", "styled", "dubbed", "referred")
}

// titleLike reports whether quoted words are capitalised like a title or a
// name ("The Godfather", "Casablanca") rather than like speech.
func titleLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && !lexicon.NameStopWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// linkRuns joins a quotation left open at the end of a paragraph to the
// quotation that opens the next paragraph: the convention for a quotation
// that runs on over several paragraphs.
func linkRuns(ps []paraQuotes) {
	runs := 0
	for i := 0; i+1 < len(ps); i++ {
		cur, next := &ps[i], &ps[i+1]
		if len(cur.found) == 0 || len(next.found) == 0 {
			continue
		}
		last := &cur.found[len(cur.found)-1]
		first := &next.found[0]
		ls, fs := cur.spans[last.span], next.spans[first.span]
		if !fs.Continued || ls.Closed || last.partial {
			continue
		}
		if last.run < 0 {
			last.run = runs
			runs++
		}
		first.run = last.run
		first.continued = true
		first.partial = false
		if first.verdict == notSpeech {
			first.verdict = needsOwner
		}
		if last.verdict == notSpeech {
			last.verdict = needsOwner
		}
	}
}

// attributeFromContext gives a speaker to the quotations whose sentence
// does not attribute them, in document order: the speaker of the run of
// paragraphs the quotation belongs to; of the nearest attributed quotation
// in its paragraph; the subject of the sentence before it; the speaker
// introduced at the end of the previous paragraph ("Kerry said:"); the
// interviewee, for an answer of a question-and-answer interview; the
// previous speaker of direct quotes, when no one else has spoken since and
// at most two paragraphs lie between; or, when there is no such speaker,
// the person the previous paragraph is about.
func attributeFromContext(ps []paraQuotes, events []attrEvent) {
	runSpeaker := map[int]*entity{}
	for i := range ps {
		for _, fq := range ps[i].found {
			if fq.run >= 0 && fq.verdict == speech && runSpeaker[fq.run] == nil {
				runSpeaker[fq.run] = fq.ent
			}
		}
	}
	var lastEnt *entity
	lastPos := -1
	for i := range ps {
		pq := &ps[i]
		for fi := range pq.found {
			fq := &pq.found[fi]
			pos := position(i, pq.spans[fq.span].Open)
			if fq.verdict == needsOwner {
				fq.ent = ownerFromContext(ps, i, fi, runSpeaker, lastEnt, lastPos, events)
				if fq.ent != nil {
					fq.verdict = speech
					if fq.run >= 0 && runSpeaker[fq.run] == nil {
						runSpeaker[fq.run] = fq.ent
					}
				} else {
					fq.verdict = notSpeech
				}
			}
			if fq.verdict == speech && !fq.partial {
				lastEnt, lastPos = fq.ent, pos
			}
		}
	}
}

// ownerFromContext returns the speaker of the quotation pq.found[fi] of
// paragraph i from its context, as attributeFromContext describes, or nil.
func ownerFromContext(ps []paraQuotes, i, fi int, runSpeaker map[int]*entity, lastEnt *entity, lastPos int, events []attrEvent) *entity {
	pq := &ps[i]
	fq := pq.found[fi]
	if fq.run >= 0 && runSpeaker[fq.run] != nil {
		return runSpeaker[fq.run]
	}
	for k := fi - 1; k >= 0; k-- {
		if o := pq.found[k]; o.verdict == speech && !o.partial && o.ent != nil {
			return o.ent
		}
	}
	for k := fi + 1; k < len(pq.found); k++ {
		if o := pq.found[k]; o.verdict == speech && !o.partial && o.ent != nil {
			return o.ent
		}
	}
	for si := fq.sent - 1; si >= 0; si-- {
		if pq.leads[si] != nil {
			return pq.leads[si]
		}
	}
	// “…” Raman said the market had lost patience.
	if si := fq.sent + 1; si < len(pq.sents) && len(pq.attrs[si]) > 0 && pq.attrs[si][0].ent != nil &&
		pq.toks[pq.attrs[si][0].start].Span.Start == pq.toks[pq.sents[si].from].Span.Start {
		return pq.attrs[si][0].ent
	}
	if i > 0 {
		prev := &ps[i-1]
		if n := len(prev.sents); n > 0 {
			s := prev.sents[n-1]
			if last := prev.toks[s.to-1]; last.Fold == ":" {
				for _, at := range prev.attrs[n-1] {
					if at.ent != nil {
						return at.ent
					}
				}
			}
		}
	}
	if e := interviewee(ps, i, fq); e != nil {
		return e
	}
	if lastEnt != nil && i-paraOf(lastPos) <= 2 {
		pos := position(i, pq.spans[fq.span].Open)
		for _, ev := range events {
			if ev.pos > lastPos && ev.pos < pos && ev.ent != lastEnt {
				return nil
			}
		}
		return lastEnt
	}
	return personBefore(ps, i, fq)
}

// interviewee returns the person a question-and-answer interview is with,
// for a quotation that opens an answer ("A: “…”"): the last person the
// paragraphs before the first question ("Q: …") were about.
func interviewee(ps []paraQuotes, i int, fq foundQuote) *entity {
	toks := ps[i].toks
	if fq.tok != 2 || !isInterviewMark(toks, "a") {
		return nil
	}
	first := -1
	for k := 0; k < i; k++ {
		if isInterviewMark(ps[k].toks, "q") {
			first = k
			break
		}
	}
	for k := first - 1; k >= 0; k-- {
		for si := len(ps[k].leads) - 1; si >= 0; si-- {
			if e := ps[k].leads[si]; e != nil && e.kind == entPerson {
				return e
			}
		}
	}
	return nil
}

// isInterviewMark reports whether a paragraph opens with a question or an
// answer mark: "Q:" or "A:".
func isInterviewMark(toks []qtok, mark string) bool {
	return len(toks) > 2 && toks[0].Kind == tkWord && toks[0].Fold == mark && toks[0].Upper && toks[1].Fold == ":"
}

// personBefore returns the person the previous paragraph is about when a
// quotation opens paragraph i and nobody has spoken since: a profile's
// "Morrow, who is 71, took the job in 1984." followed by her words.
func personBefore(ps []paraQuotes, i int, fq foundQuote) *entity {
	if i == 0 || ps[i].spans[fq.span].Open != 0 {
		return nil
	}
	prev := &ps[i-1]
	for si := range prev.sents {
		if len(prev.attrs[si]) > 0 {
			return nil
		}
	}
	for _, f := range prev.found {
		if f.verdict == speech {
			return nil
		}
	}
	for si := len(prev.leads) - 1; si >= 0; si-- {
		if e := prev.leads[si]; e != nil {
			if e.kind == entPerson {
				return e
			}
			return nil
		}
	}
	return nil
}

// collectQuotes turns what was found into Quote values and Speakers.
func collectQuotes(paras []Paragraph, ps []paraQuotes, r *resolver) ([]Quote, []*Speaker) {
	var quotes []Quote
	var order []*entity
	byName := map[string]*entity{} // one speaker per name, whatever its kind
	speaker := func(e *entity, pos int) *Speaker {
		if e.sp == nil {
			key := Fold(e.name)
			if same := byName[key]; same != nil {
				e.sp = same.sp
				for _, a := range newSpeaker(e).Aliases {
					if !slices.ContainsFunc(e.sp.Aliases, func(b string) bool { return Fold(b) == Fold(a) }) && Fold(a) != key {
						e.sp.Aliases = append(e.sp.Aliases, a)
					}
				}
				return e.sp
			}
			e.sp = newSpeaker(e)
			e.firstQuote = pos
			order = append(order, e)
			byName[key] = e
		}
		return e.sp
	}
	for i := range ps {
		pq := &ps[i]
		n := paras[i].N
		for _, fq := range pq.found {
			if fq.verdict != speech || fq.ent == nil {
				continue
			}
			sp := pq.spans[fq.span]
			quotes = append(quotes, Quote{
				Kind:      Direct,
				Speaker:   speaker(fq.ent, position(i, sp.Inner.Start)),
				Paragraph: n,
				Span:      sp.Inner,
				Text:      pq.text[sp.Inner.Start:sp.Inner.End],
				Partial:   fq.partial,
				Continued: fq.continued,
			})
		}
		for si := range pq.sents {
			for _, at := range pq.attrs[si] {
				if at.ent == nil || at.direct || at.clause.End <= at.clause.Start {
					continue
				}
				span := Span{Start: int(pq.toks[at.clause.Start].Span.Start), End: int(pq.toks[at.clause.End-1].Span.End)}
				quotes = append(quotes, Quote{
					Kind:      Reported,
					Speaker:   speaker(at.ent, position(i, span.Start)),
					Paragraph: n,
					Span:      span,
					Text:      pq.text[span.Start:span.End],
				})
			}
		}
	}
	slices.SortStableFunc(quotes, func(a, b Quote) int {
		if a.Paragraph != b.Paragraph {
			return a.Paragraph - b.Paragraph
		}
		return a.Span.Start - b.Span.Start
	})
	for _, q := range quotes {
		if q.Kind == Direct {
			q.Speaker.Quotes = append(q.Speaker.Quotes, q)
		} else {
			q.Speaker.Reported = append(q.Speaker.Reported, q)
		}
	}
	slices.SortStableFunc(order, func(a, b *entity) int {
		if d := len(b.sp.Quotes) - len(a.sp.Quotes); d != 0 {
			return d
		}
		if d := len(b.sp.Reported) - len(a.sp.Reported); d != 0 {
			return d
		}
		return a.firstQuote - b.firstQuote
	})
	speakers := make([]*Speaker, len(order))
	for i, e := range order {
		speakers[i] = e.sp
		e.sp.keys = lookupKeys(e.sp)
	}
	return quotes, speakers
}

// newSpeaker makes the public face of an entity.
func newSpeaker(e *entity) *Speaker {
	sp := &Speaker{
		Name:        e.name,
		Description: e.desc,
		Named:       e.kind == entPerson || e.kind == entProper || e.kind == entBody,
	}
	if e.kind == entPerson && len(e.lows) > 1 {
		e.addAlias(surnameAsWritten(e.name))
	}
	sp.Aliases = append([]string{e.name}, e.aliases...)
	return sp
}

// surnameAsWritten returns the surname of a full name as written: "Kerry"
// of "John Kerry", "al-Assad" of "Bashar al-Assad", "King" of "Martin
// Luther King Jr.".
func surnameAsWritten(name string) string {
	words := strings.Fields(name)
	for len(words) > 1 && lexicon.NameSuffixes[strings.Trim(strings.ToLower(words[len(words)-1]), ".,")] {
		words = words[:len(words)-1]
	}
	k := len(words) - 1
	for k > 1 && lexicon.NameParticles[strings.ToLower(words[k-1])] {
		k--
	}
	return strings.Join(words[k:], " ")
}

// countQuotedWords counts the words of quoted text.
func countQuotedWords(s string) int { return len(strings.Fields(s)) }

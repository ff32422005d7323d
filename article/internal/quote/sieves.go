package quote

import (
	"github.com/articlebot/articlebot/article/internal/text"
)

// attrEvent is an attribution in document order.
type attrEvent struct {
	pos int
	ent *entity
}

// linkRuns joins a quotation left open at the end of a paragraph to the
// quotation that opens the next paragraph: the convention for a quotation
// that runs on over several paragraphs.
func linkRuns(ps []paragraph) {
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
func attributeFromContext(ps []paragraph, events []attrEvent) {
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
func ownerFromContext(ps []paragraph, i, fi int, runSpeaker map[int]*entity, lastEnt *entity, lastPos int, events []attrEvent) *entity {
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
func interviewee(ps []paragraph, i int, fq foundQuote) *entity {
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
func isInterviewMark(toks []text.Token, mark string) bool {
	return len(toks) > 2 && toks[0].Kind == text.Word && toks[0].Fold == mark && toks[0].Upper && toks[1].Fold == ":"
}

// personBefore returns the person the previous paragraph is about when a
// quotation opens paragraph i and nobody has spoken since: a profile's
// "Morrow, who is 71, took the job in 1984." followed by her words.
func personBefore(ps []paragraph, i int, fq foundQuote) *entity {
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

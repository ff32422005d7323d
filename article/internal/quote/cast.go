package quote

import "slices"

// Member is someone, or some body, the article names or quotes: one of its
// cast, as the article package's Person describes it. Speaker is the index
// of what they said in Result.Speakers, or -1 when the article quotes
// nothing of theirs; Mentions holds where the text names them outside
// quotations, in document order.
type Member struct {
	Name, Description string
	Aliases           []string
	Named             bool
	// Person reports that the text names a person, not a body or a name
	// that may be either.
	Person   bool
	Mentions []Mention
	Speaker  int
}

// Mention is where the text names someone: the name, with any title before
// it, runs from At to End, a byte offset in the same paragraph.
type Mention struct {
	At  Pos
	End int
}

// cast returns the article's cast: every person and named body the
// resolver knows, and every unnamed source that speaks, each once, in the
// order the text first names them. rank maps the speakers as collectQuotes
// first numbered them to their index in the result.
func (r *resolver) cast(rank []int) []Member {
	var out []Member
	bySpeaker := map[int]int{} // speaker index -> index in out
	for _, e := range r.ents {
		sp := -1
		if e.sp > 0 {
			sp = rank[e.sp-1]
		}
		named := e.kind == entPerson || e.kind == entProper || e.kind == entBody
		if sp < 0 && (!named || len(e.mentionsAt) == 0) {
			continue // an unnamed source that says nothing, or a name only tried
		}
		if k, ok := bySpeaker[sp]; ok && sp >= 0 {
			m := &out[k]
			m.Person = m.Person || e.kind == entPerson
			m.Mentions = append(m.Mentions, mentionsOf(e)...)
			slices.SortFunc(m.Mentions, func(a, b Mention) int { return int(a.At - b.At) })
			m.Mentions = slices.CompactFunc(m.Mentions, func(a, b Mention) bool { return a.At == b.At })
			continue
		}
		if sp >= 0 {
			bySpeaker[sp] = len(out)
		}
		out = append(out, Member{
			Name:        e.name,
			Description: e.desc,
			Aliases:     e.speakerAliases(),
			Named:       named,
			Person:      e.kind == entPerson,
			Mentions:    mentionsOf(e),
			Speaker:     sp,
		})
	}
	slices.SortStableFunc(out, func(a, b Member) int { return firstPos(a) - firstPos(b) })
	return out
}

// firstPos returns where the text first names m, or after every position
// when it never does.
func firstPos(m Member) int {
	if len(m.Mentions) == 0 {
		return 1 << 62
	}
	return int(m.Mentions[0].At)
}

func mentionsOf(e *entity) []Mention {
	out := make([]Mention, len(e.mentionsAt))
	for i, p := range e.mentionsAt {
		out[i] = Mention{Pos(p), e.mentionEnd[i]}
	}
	return out
}

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
	Mentions          []Pos
	Speaker           int
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
			m.Mentions = append(m.Mentions, positions(e.mentionsAt)...)
			slices.Sort(m.Mentions)
			m.Mentions = slices.Compact(m.Mentions)
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
			Mentions:    positions(e.mentionsAt),
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
	return int(m.Mentions[0])
}

func positions(ps []int) []Pos {
	out := make([]Pos, len(ps))
	for i, p := range ps {
		out[i] = Pos(p)
	}
	return out
}

package quote

// recency keeps entities in the order a position of theirs was last
// noted, most recent last: their salience, when they last spoke, or when
// they were last mentioned. Salience and speech grow in document order, a
// paragraph at a time, so in those logs the entities stand in the order of
// the paragraphs that hold those positions, and the entity with the latest
// position before a given one is found by reading back from the end, never
// further than the paragraph of the best found so far (latestBefore).
type recency struct {
	ents  []*entity
	slot  func(*entity) *int // where an entity notes its index in ents, -1 for none
	stale int                // entries that a later one of the same entity replaced
}

// pronounReach bounds how many people and bodies a reader looks back over
// for the one a pronoun or a description refers to: far more than any
// article mentions between the two, and what keeps resolving a reference
// as cheap in a long article as in a short one.
const pronounReach = 1024

// touch records that the entity's position grew.
func (l *recency) touch(e *entity) {
	s := l.slot(e)
	if *s >= 0 {
		l.stale++
	}
	*s = len(l.ents)
	l.ents = append(l.ents, e)
	if l.stale > 64 && 2*l.stale > len(l.ents) {
		l.compact()
	}
}

// compact drops the entries that later ones replaced.
func (l *recency) compact() {
	kept := l.ents[:0]
	for i, e := range l.ents {
		if s := l.slot(e); *s == i {
			*s = len(kept)
			kept = append(kept, e)
		}
	}
	clear(l.ents[len(kept):])
	l.ents, l.stale = kept, 0
}

// latest calls f on the entities from the most recent back, each once and
// no more than pronounReach of them, until f returns false.
func (l *recency) latest(f func(e *entity) bool) {
	n := 0
	for i := len(l.ents) - 1; i >= 0 && n < pronounReach; i-- {
		e := l.ents[i]
		if *l.slot(e) != i {
			continue
		}
		n++
		if !f(e) {
			return
		}
	}
}

// only returns the one entity within reach that ok accepts, reading back
// from the most recent until done accepts one, or nil when there is none or
// more than one.
func (l *recency) only(done, ok func(*entity) bool) *entity {
	var found *entity
	several := false
	l.latest(func(e *entity) bool {
		switch {
		case done(e):
			return false
		case !ok(e):
			return true
		case found != nil:
			several = true
			return false
		}
		found = e
		return true
	})
	if several {
		return nil
	}
	return found
}

// latestBefore returns the entity that ok accepts with the greatest
// position before pos, as at gives it, among those within reach.
func (l *recency) latestBefore(pos int, at func(*entity) int, ok func(*entity) bool) *entity {
	var best *entity
	l.latest(func(e *entity) bool {
		p := at(e)
		if best != nil && paraOf(p) < paraOf(at(best)) {
			return false // every entity further back is earlier still
		}
		if p >= 0 && p < pos && ok(e) && (best == nil || p > at(best)) {
			best = e
		}
		return true
	})
	return best
}

func salientPos(e *entity) int { return e.salient }
func spokePos(e *entity) int   { return e.spoke }

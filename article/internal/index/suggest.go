package index

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/text"
)

// Similar returns the ids of up to max of the article's words within a
// small edit distance of the folded word w: one edit for a word of up to
// four letters, two for a longer one, and none for a word shorter than
// three letters. Closer words come first, then more frequent ones. Stop
// words are never suggested.
func (ix *Index) Similar(w string, max int) []int32 {
	n := utf8.RuneCountInString(w)
	if n < 3 {
		return nil
	}
	maxDist := 1
	if n > 4 {
		maxDist = 2
	}
	type candidate struct {
		id         int32
		dist, freq int
	}
	var cands []candidate
	set := letterSet(w)
	for id, v := range ix.words {
		if d := int(ix.length[id]) - n; d > maxDist || d < -maxDist || minEdits(set, ix.letters[id]) > maxDist || text.IsStopWord(v) {
			continue
		}
		if d := text.EditDistance(w, v); d <= maxDist {
			cands = append(cands, candidate{id: int32(id), dist: d, freq: ix.Freq(int32(id))})
		}
	}
	slices.SortFunc(cands, func(x, y candidate) int {
		switch {
		case x.dist != y.dist:
			return x.dist - y.dist
		case x.freq != y.freq:
			return y.freq - x.freq
		}
		return strings.Compare(ix.words[x.id], ix.words[y.id])
	})
	ids := make([]int32, 0, min(len(cands), max))
	for _, c := range cands[:min(len(cands), max)] {
		ids = append(ids, c.id)
	}
	return ids
}

// FirstPosting returns where word id first occurs.
func (ix *Index) FirstPosting(id int32) Posting { return ix.postings[ix.Occurrences(id)[0]] }

// letterSet returns the set of characters in w as bits: one for each of a to
// z and 0 to 9, and the other characters hashed onto the remaining bits.
func letterSet(w string) uint64 {
	var set uint64
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			set |= 1 << (r - 'a')
		case r >= '0' && r <= '9':
			set |= 1 << (26 + r - '0')
		default:
			set |= 1 << (36 + uint32(r)%28)
		}
	}
	return set
}

// minEdits returns a lower bound of the edit distance between two words from
// their letter sets: each character of one word that the other lacks must be
// deleted or replaced, and one edit removes at most one such character from
// each side.
func minEdits(x, y uint64) int {
	return max(bits.OnesCount64(x&^y), bits.OnesCount64(y&^x))
}

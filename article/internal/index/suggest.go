package index

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/text"
)

// trigrams indexes the vocabulary by its words' trigrams: their runs of
// three bytes, with a mark before the first byte and after the last, so
// that a word misspelled by an edit or two is found by the trigrams it
// still shares with the word meant, without reading the whole vocabulary.
// Stop words are left out, as they are never suggested.
type trigrams struct {
	keys  []uint32 // the distinct trigrams, sorted
	start []uint32 // the words of keys[i] are words[start[i]:start[i+1]]
	words []int32
}

const (
	markStart = 1 // before a word's first byte
	markEnd   = 2 // after its last byte
)

// appendTrigrams appends the distinct trigrams of w, with its marks, to
// dst.
func appendTrigrams(dst []uint32, w string) []uint32 {
	first := len(dst)
	at := func(i int) uint32 {
		switch {
		case i < 0:
			return markStart
		case i == len(w):
			return markEnd
		}
		return uint32(w[i])
	}
	for i := -1; i+2 <= len(w); i++ {
		dst = append(dst, at(i)<<16|at(i+1)<<8|at(i+2))
	}
	got := dst[first:]
	slices.Sort(got)
	return dst[:first+len(slices.Compact(got))]
}

func newTrigrams(v *vocab) *trigrams {
	type pair struct {
		key  uint32
		word int32
	}
	var pairs []pair
	var buf []uint32
	for id := range v.Vocabulary() {
		w := v.Word(int32(id))
		if text.IsStopWord(w) {
			continue
		}
		buf = appendTrigrams(buf[:0], w)
		for _, k := range buf {
			pairs = append(pairs, pair{k, int32(id)})
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := cmp.Compare(x.key, y.key); c != 0 {
			return c
		}
		return cmp.Compare(x.word, y.word)
	})
	t := &trigrams{words: make([]int32, len(pairs))}
	for i, p := range pairs {
		if i == 0 || p.key != pairs[i-1].key {
			t.keys = append(t.keys, p.key)
			t.start = append(t.start, uint32(i))
		}
		t.words[i] = p.word
	}
	t.start = append(t.start, uint32(len(pairs)))
	t.keys, t.start = slices.Clone(t.keys), slices.Clone(t.start) // of the exact size
	return t
}

// trigrams returns the index's trigrams, building them on first use.
func (ix *Index) trigrams() *trigrams {
	ix.trigramsOnce.Do(func() { ix.tri = newTrigrams(&ix.vocab) })
	return ix.tri
}

// wordsWith returns the ids of the words holding trigram k, ascending.
func (t *trigrams) wordsWith(k uint32) []int32 {
	i, found := slices.BinarySearch(t.keys, k)
	if !found {
		return nil
	}
	return t.words[t.start[i]:t.start[i+1]]
}

// Similar returns the ids of up to limit of the article's words within a
// small edit distance of the folded word w: one edit for a word of up to
// four letters, two for a longer one, and none for a word shorter than
// three letters. Closer words come first, then those in more paragraphs.
// Stop words are never suggested.
//
// The candidates are the words sharing enough of w's trigrams: an edit
// changes at most three of them, so a word within d edits shares all but
// 3d. Only the trigram lists of w are read, so the time taken depends on
// how common w's trigrams are, not on the size of the vocabulary.
func (ix *Index) Similar(w string, limit int) []int32 {
	n := utf8.RuneCountInString(w)
	if n < 3 {
		return nil
	}
	maxDist := 1
	if n > 4 {
		maxDist = 2
	}
	grams := appendTrigrams(nil, w)
	need := max(len(grams)-3*maxDist, 1)
	tri := ix.trigrams()
	var ids []int32
	for _, k := range grams {
		ids = append(ids, tri.wordsWith(k)...)
	}
	slices.Sort(ids)

	type candidate struct {
		id         int32
		dist, freq int
	}
	var cands []candidate
	set := letterSet(w)
	for lo := 0; lo < len(ids); {
		hi := lo + 1
		for hi < len(ids) && ids[hi] == ids[lo] {
			hi++
		}
		id, shared := ids[lo], hi-lo
		lo = hi
		if shared < need {
			continue
		}
		v := ix.Word(id)
		if d := utf8.RuneCountInString(v) - n; d > maxDist || d < -maxDist || minEdits(set, letterSet(v)) > maxDist {
			continue
		}
		if d := text.EditDistance(w, v); d <= maxDist {
			cands = append(cands, candidate{id: id, dist: d, freq: ix.DF(id)})
		}
	}
	slices.SortFunc(cands, func(x, y candidate) int {
		switch {
		case x.dist != y.dist:
			return x.dist - y.dist
		case x.freq != y.freq:
			return y.freq - x.freq
		}
		return strings.Compare(ix.Word(x.id), ix.Word(y.id))
	})
	out := make([]int32, 0, min(len(cands), limit))
	for _, c := range cands[:min(len(cands), limit)] {
		out = append(out, c.id)
	}
	return out
}

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

package index

import (
	"encoding/binary"
	"slices"
)

// The postings of a word list, for each paragraph holding it in document
// order, three things as unsigned variable-length integers (see
// encoding/binary): the paragraph's distance from the previous one (from
// -1 for the first), the number of times the word occurs there, and each
// occurrence's position among the paragraph's words, as its distance from
// the previous occurrence (from 0 for the first). Most of these are under
// 128 and take one byte: an article's postings take about three bytes a
// word, where byte offsets would take sixteen. The offsets of the words on
// a page shown are found again by reading those paragraphs (see Spans).

// encodePostings writes the postings of n words, given the length of each
// paragraph and the id of every word of the article in document order. It
// returns the postings, where each word's start, and how many paragraphs
// hold each word.
func encodePostings(n int, paraLen []int32, occWord []int32) (post []byte, start []uint32, df []int32) {
	// Group the occurrences by word, keeping document order.
	count := make([]int32, n+1)
	for _, w := range occWord {
		count[w+1]++
	}
	for w := range n {
		count[w+1] += count[w]
	}
	next := slices.Clone(count[:n])
	occ := make([]int32, len(occWord))
	for i, w := range occWord {
		occ[next[w]] = int32(i)
		next[w]++
	}
	// The paragraph and position of each occurrence.
	para := make([]int32, len(occWord))
	pos := make([]int32, len(occWord))
	i := 0
	for p, l := range paraLen {
		for k := range l {
			para[i], pos[i] = int32(p), k
			i++
		}
	}

	post = make([]byte, 0, len(occWord)*2)
	start = make([]uint32, n+1)
	df = make([]int32, n)
	for w := range n {
		start[w] = uint32(len(post))
		list := occ[count[w]:count[w+1]]
		prev := int32(-1)
		for lo := 0; lo < len(list); {
			p := para[list[lo]]
			hi := lo + 1
			for hi < len(list) && para[list[hi]] == p {
				hi++
			}
			post = binary.AppendUvarint(post, uint64(p-prev))
			post = binary.AppendUvarint(post, uint64(hi-lo))
			last := int32(0)
			for _, o := range list[lo:hi] {
				post = binary.AppendUvarint(post, uint64(pos[o]-last))
				last = pos[o]
			}
			df[w]++
			prev = p
			lo = hi
		}
	}
	start[n] = uint32(len(post))
	return slices.Clone(post), start, df // a copy of the exact size: append left room to spare
}

// cursor reads the postings of one word, a paragraph at a time.
type cursor struct {
	b    []byte
	i    int
	para int32 // the current paragraph, after next
	tf   int32 // how often the word occurs in it
	pos  int   // where its positions start in b
}

// cursor returns a cursor before the first paragraph holding word w.
func (ix *Index) cursor(w int32) cursor {
	return cursor{b: ix.post[ix.postStart[w]:ix.postStart[w+1]], para: -1}
}

// next moves to the next paragraph holding the word, skipping the
// positions of the current one, and reports whether there is one.
func (c *cursor) next() bool {
	if c.i >= len(c.b) {
		return false
	}
	d, n := uvarint(c.b[c.i:])
	c.i += n
	tf, n := uvarint(c.b[c.i:])
	c.i += n
	c.para += int32(d)
	c.tf = int32(tf)
	c.pos = c.i
	// Skip the positions: tf varints, each ending with a byte under 0x80.
	for k := int32(0); k < c.tf; c.i++ {
		if c.b[c.i] < 0x80 {
			k++
		}
	}
	return true
}

// positions appends the word's positions in the current paragraph to dst.
func (c *cursor) positions(dst []int32) []int32 {
	at := int32(0)
	i := c.pos
	for range c.tf {
		d, n := uvarint(c.b[i:])
		i += n
		at += int32(d)
		dst = append(dst, at)
	}
	return dst
}

// uvarint is binary.Uvarint for postings, which the index wrote itself and
// so are never malformed, with the one-byte case first.
func uvarint(b []byte) (uint64, int) {
	if b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	v, n := binary.Uvarint(b)
	return v, n
}

// FirstParagraph returns the index of the first paragraph holding word w.
func (ix *Index) FirstParagraph(w int32) int32 {
	c := ix.cursor(w)
	c.next()
	return c.para
}

package index

import "slices"

// group sorts the items 0..n-1 into buckets 0..buckets-1 by key, keeping
// their order within a bucket: bucket k holds items[start[k]:start[k+1]].
func group(buckets, n int, key func(int) int32) (start, items []int32) {
	start = make([]int32, buckets+1)
	for i := range n {
		start[key(i)+1]++
	}
	for k := range buckets {
		start[k+1] += start[k]
	}
	items = make([]int32, n)
	next := slices.Clone(start[:buckets])
	for i := range n {
		k := key(i)
		items[next[k]] = int32(i)
		next[k]++
	}
	return start, items
}

// Occurrences returns where word w occurs, as indices of postings in
// ascending order. The result shares memory with the index: do not modify
// it.
func (ix *Index) Occurrences(w int32) []int32 { return ix.occ[ix.occStart[w]:ix.occStart[w+1]] }

// Freq returns how many times word w occurs in the article.
func (ix *Index) Freq(w int32) int { return int(ix.occStart[w+1] - ix.occStart[w]) }

// HitsOf returns where any of the words occur, as ascending indices of
// postings. The result may share memory with the index: do not modify it.
func (ix *Index) HitsOf(words []int32) []int32 {
	if len(words) == 1 {
		return ix.Occurrences(words[0])
	}
	n := 0
	for _, w := range words {
		n += ix.Freq(w)
	}
	hits := make([]int32, 0, n)
	for _, w := range words {
		hits = append(hits, ix.Occurrences(w)...)
	}
	slices.Sort(hits)
	return hits
}

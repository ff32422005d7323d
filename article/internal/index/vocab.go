package index

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/text"
)

// PrefixMinRunes is the shortest free word that also matches the article's
// words starting with it ("russia" finds "Russian"); shorter words would
// match too much ("us" would find "used").
const PrefixMinRunes = 4

// strTable is a list of distinct strings kept in one string, with their
// byte order for lookup: a few bytes a string, where a map would take tens.
type strTable struct {
	chars  string   // the strings, one after another, by id
	start  []uint32 // string i is chars[start[i]:start[i+1]]
	sorted []int32  // ids in the byte order of their strings
}

func newStrTable(strs []string) strTable {
	var b strings.Builder
	n := 0
	for _, s := range strs {
		n += len(s)
	}
	b.Grow(n)
	t := strTable{start: make([]uint32, len(strs)+1), sorted: make([]int32, len(strs))}
	for i, s := range strs {
		t.start[i] = uint32(b.Len())
		b.WriteString(s)
		t.sorted[i] = int32(i)
	}
	t.start[len(strs)] = uint32(b.Len())
	t.chars = b.String()
	slices.SortFunc(t.sorted, func(x, y int32) int { return strings.Compare(t.at(x), t.at(y)) })
	return t
}

// at returns string i.
func (t *strTable) at(i int32) string { return t.chars[t.start[i]:t.start[i+1]] }

// len returns the number of strings.
func (t *strTable) len() int { return len(t.sorted) }

// lookup returns the id of s, if the table holds it.
func (t *strTable) lookup(s string) (int32, bool) {
	i, found := slices.BinarySearchFunc(t.sorted, s, func(id int32, s string) int { return strings.Compare(t.at(id), s) })
	if !found {
		return -1, false
	}
	return t.sorted[i], true
}

// withPrefix returns the ids of the strings that start with prefix, in byte
// order.
func (t *strTable) withPrefix(prefix string) []int32 {
	lo, _ := slices.BinarySearchFunc(t.sorted, prefix, func(id int32, p string) int { return strings.Compare(t.at(id), p) })
	hi := lo
	for hi < len(t.sorted) && strings.HasPrefix(t.at(t.sorted[hi]), prefix) {
		hi++
	}
	return t.sorted[lo:hi]
}

// vocab is an article's vocabulary: its folded words and their stems.
type vocab struct {
	words  strTable
	stems  strTable
	stemOf []int32 // word -> stem
	// The words of stem s are stemWords[stemStart[s]:stemStart[s+1]].
	stemStart, stemWords []int32
}

func newVocab(words []string) vocab {
	v := vocab{words: newStrTable(words)}
	var stems []string
	v.stemOf, stems = classes(len(words), func(w int) string { return text.Stem(words[w]) })
	v.stems = newStrTable(stems)
	v.stemStart, v.stemWords = group(len(stems), len(words), func(w int) int32 { return v.stemOf[w] })
	return v
}

// classes gives each of n items the id of its key, numbering the keys in
// the order they first appear, and returns the keys by id.
func classes(n int, key func(i int) string) (idOf []int32, keys []string) {
	ids := make(map[string]int32)
	idOf = make([]int32, n)
	for i := range n {
		k := key(i)
		id, ok := ids[k]
		if !ok {
			id = int32(len(keys))
			ids[k] = id
			keys = append(keys, k)
		}
		idOf[i] = id
	}
	return idOf, keys
}

// families groups the stems of a vocabulary by the root they derive from
// (see text.Root). Only a search or a question reads it, so an index
// builds it when one first does.
type families struct {
	roots  strTable
	rootOf []int32 // stem -> root
	// The stems of root r are rootStems[rootStart[r]:rootStart[r+1]].
	rootStart, rootStems []int32
}

func newFamilies(v *vocab) *families {
	f := &families{}
	var roots []string
	f.rootOf, roots = classes(v.stems.len(), func(s int) string { return text.RootOfStem(v.stems.at(int32(s))) })
	f.roots = newStrTable(roots)
	f.rootStart, f.rootStems = group(len(roots), len(f.rootOf), func(s int) int32 { return f.rootOf[s] })
	return f
}

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

// Vocabulary returns the number of distinct folded words; their ids are 0
// to Vocabulary()-1.
func (v *vocab) Vocabulary() int { return v.words.len() }

// Word returns the folded word with the given id.
func (v *vocab) Word(id int32) string { return v.words.at(id) }

// ID returns the id of the folded word w, if the article holds it.
func (v *vocab) ID(w string) (int32, bool) { return v.words.lookup(w) }

// StemForms returns the ids of the words whose stem has id s.
func (v *vocab) StemForms(s int32) []int32 { return v.stemWords[v.stemStart[s]:v.stemStart[s+1]] }

// StemOf returns the stem id of word w.
func (v *vocab) StemOf(w int32) int32 { return v.stemOf[w] }

// StemID returns the id of the stem of the folded word w, if any word of the
// article has that stem.
func (v *vocab) StemID(w string) (int32, bool) {
	if id, ok := v.words.lookup(w); ok {
		return v.stemOf[id], true
	}
	return v.stems.lookup(text.Stem(w))
}

// StemWords returns the ids of the article's words with the stem of the
// folded word w, sorted.
func (v *vocab) StemWords(w string) []int32 {
	sid, ok := v.StemID(w)
	if !ok {
		return nil
	}
	return slices.Sorted(slices.Values(v.StemForms(sid)))
}

// RootWords returns the ids of the article's words that derive from the
// same root as the folded word w (see text.Root), its stem's words
// included, sorted.
func (ix *Index) RootWords(w string) []int32 {
	f := ix.families()
	rid, ok := f.roots.lookup(text.Root(w))
	if !ok {
		return nil
	}
	var forms []int32
	for _, s := range f.rootStems[f.rootStart[rid]:f.rootStart[rid+1]] {
		forms = append(forms, ix.StemForms(s)...)
	}
	slices.Sort(forms)
	return forms
}

// families returns the index's families of stems, building them on first
// use.
func (ix *Index) families() *families {
	ix.familiesOnce.Do(func() { ix.fam = newFamilies(&ix.vocab) })
	return ix.fam
}

// Forms returns the ids of the article's words that the folded word w
// matches, sorted: the words with its stem and, for a free word (one outside
// a quoted phrase), the words of its family (extortion for extorting, see
// text.Root), the words that start with it when it has PrefixMinRunes
// letters or more ("russia" finds "Russian"), the forms of the place a
// demonym names ("iranians" finds "Iran"), and the other spelling of a
// number ("four" for "4").
func (ix *Index) Forms(w string, free bool) []int32 {
	forms := ix.StemWords(w)
	if !free {
		return forms
	}
	forms = append(forms, ix.RootWords(w)...)
	if utf8.RuneCountInString(w) >= PrefixMinRunes {
		forms = append(forms, ix.vocab.words.withPrefix(w)...)
	}
	for _, base := range DemonymBases(w) {
		forms = append(forms, ix.StemWords(base)...)
	}
	if twin, ok := text.NumberTwin(w); ok {
		forms = append(forms, ix.StemWords(twin)...)
	}
	slices.Sort(forms)
	return slices.Compact(forms)
}

// DemonymBases returns the place names that a folded demonym may come from,
// to be looked up among the article's words: "russians" gives "russia" and
// "russ", "iranian" gives "irania" and "iran". Words of fewer than six
// letters are left alone.
func DemonymBases(w string) []string {
	w = strings.TrimSuffix(w, "s")
	if utf8.RuneCountInString(w) < 6 || !strings.HasSuffix(w, "an") {
		return nil
	}
	bases := []string{w[:len(w)-1]}
	if strings.HasSuffix(w, "ian") && utf8.RuneCountInString(w) >= 7 {
		bases = append(bases, w[:len(w)-3])
	}
	return bases
}

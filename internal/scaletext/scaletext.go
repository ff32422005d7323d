// Package scaletext builds the text of the large articles that search is
// measured on: copies of a real article's paragraphs, so that costs can be
// compared at sizes no real article reaches.
package scaletext

import "fmt"

// Paragraphs returns copies of paragraphs one after another, each ending
// with a word of its own: a space, "w" and the paragraph's number in the
// result in seven digits, as in "… to quit his post. w0000003". Those words
// make the vocabulary grow with the article, as it does in real text, and
// give each paragraph a word found nowhere else.
func Paragraphs(paragraphs []string, copies int) []string {
	out := make([]string, 0, max(copies, 0)*len(paragraphs))
	for range copies {
		for _, p := range paragraphs {
			out = append(out, fmt.Sprintf("%s w%07d", p, len(out)+1))
		}
	}
	return out
}

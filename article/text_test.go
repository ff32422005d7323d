package article

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func lines(s []string) string {
	var b strings.Builder
	for i, l := range s {
		fmt.Fprintf(&b, "\t%d: %q\n", i+1, l)
	}
	return b.String()
}

// TestSeedSentences checks the seed's quoted paragraphs: the sentences of a
// quotation are InQuote, the narration is not. The headline of ¶10 stands in
// single quotation marks, so it is InQuote too.
func TestSeedSentences(t *testing.T) {
	a, err := Parse(bytes.NewReader(seedText))
	if err != nil {
		t.Fatal(err)
	}
	quoted := map[int]bool{4: true, 5: true, 8: true, 9: true, 10: true, 13: true, 14: true, 15: true}
	for _, p := range a.Paragraphs {
		for _, s := range p.Sentences {
			if s.InQuote != quoted[p.N] {
				t.Errorf("¶%d sentence %q: InQuote = %v, want %v", p.N, s.Text, s.InQuote, quoted[p.N])
			}
		}
	}
	if got := len(a.Paragraphs[4].Sentences); got != 3 {
		t.Errorf("¶5 has %d sentences, want 3", got)
	}
	if got := len(a.Paragraphs[7].Sentences); got != 1 {
		t.Errorf("¶8, whose quote holds an ellipsis, has %d sentences, want 1", got)
	}
}

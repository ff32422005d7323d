package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article/internal/text"
)

// seedWords returns the words of a short article, folded, without repeats.
func seedWords(t *testing.T) []string {
	t.Helper()
	ix := New(text.Segment([]string{
		"US Secretary of State John Kerry said that Assad has to go, Reuters reported.",
		"Russia has deployed heavy equipment to an airfield near Latakia, US officials said.",
	}))
	var words []string
	for id := range ix.Vocabulary() {
		words = append(words, ix.Word(int32(id)))
	}
	if len(words) < 20 || !slices.Contains(words, "latakia") {
		t.Fatalf("the index holds %q, want every word of the text", strings.Join(words, " "))
	}
	return words
}

func TestDemonymBases(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"russian", []string{"russia", "russ"}},
		{"russians", []string{"russia", "russ"}},
		{"iranian", []string{"irania", "iran"}},
		{"egyptians", []string{"egyptia", "egypt"}},
		{"plan", nil},
		{"human", nil},
		{"policy", nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := DemonymBases(tt.word); !slices.Equal(got, tt.want) {
				t.Errorf("DemonymBases(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

// TestMinEditsIsLowerBound checks minEdits against the edit distance for
// every pair of the seed's words and a few words with other characters.
func TestMinEditsIsLowerBound(t *testing.T) {
	words := append(seedWords(t), "zürich", "zurich", "straße", "δημοκρατία", "naïve", "2015", "w0000011", "")
	for _, x := range words {
		for _, y := range words {
			if lb, d := minEdits(letterSet(x), letterSet(y)), text.EditDistance(x, y); lb > d {
				t.Fatalf("minEdits(%q, %q) = %d, more than the edit distance %d", x, y, lb, d)
			}
		}
	}
}

// TestLazyTablesConcurrent reads the tables an index builds on first use,
// the families of words and the trigrams, from many goroutines at once:
// each gets what one goroutine alone gets.
func TestLazyTablesConcurrent(t *testing.T) {
	paras := text.Segment([]string{
		"The extortionist demanded money; extortion is a crime, and extorting is its verb.",
		"The suspension of the talks was announced after both sides suspended their offers.",
	})
	alone := New(paras)
	wantFamily := wordsOf(alone, alone.RootWords("extort"))
	wantSimilar := wordsOf(alone, alone.Similar("suspensoin", 3))
	if !slices.Contains(wantFamily, "extortionist") || !slices.Contains(wantSimilar, "suspension") {
		t.Fatalf("RootWords(extort) = %q, Similar(suspensoin) = %q; want extortionist and suspension among them", wantFamily, wantSimilar)
	}
	ix := New(paras)
	done := make(chan [2][]string)
	const readers = 16
	for range readers {
		go func() {
			done <- [2][]string{wordsOf(ix, ix.RootWords("extort")), wordsOf(ix, ix.Similar("suspensoin", 3))}
		}()
	}
	for range readers {
		got := <-done
		if !slices.Equal(got[0], wantFamily) || !slices.Equal(got[1], wantSimilar) {
			t.Errorf("RootWords, Similar = %q, %q; want %q, %q", got[0], got[1], wantFamily, wantSimilar)
		}
	}
}

// wordsOf returns the words with the given ids.
func wordsOf(ix *Index, ids []int32) []string {
	var out []string
	for _, id := range ids {
		out = append(out, ix.Word(id))
	}
	return out
}

package text

import (
	"slices"
	"testing"
)

// TestAppendPlainWords checks that appending a paragraph's plain words to a
// slice that holds others, with room to spare or none, keeps what the slice
// held and adds what PlainWords returns.
func TestAppendPlainWords(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"plain", "The talks went on."},
		{"split compounds", "al-Assad's 2002-2006 plan, U.S. and AT&T."},
		{"numbers", "4,500 fighters at 5.8 percent."},
		{"only punctuation", "— … !"},
		{"more words than tokens", "a-b-c-d-e-f-g-h"},
	}
	before := []Token{{Span: Span{0, 3}, Fold: "old", Kind: Word}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := PlainWords(tt.text)
			for _, room := range []int{0, 1, 64} {
				dst := append(make([]Token, 0, len(before)+room), before...)
				got := AppendPlainWords(dst, tt.text)
				if !slices.Equal(got[:len(before)], before) {
					t.Errorf("AppendPlainWords(%v, %q) changed the words it was given: %v", before, tt.text, got[:len(before)])
				}
				if !slices.Equal(got[len(before):], want) {
					t.Errorf("AppendPlainWords(_, %q) with room %d added %v, want %v", tt.text, room, got[len(before):], want)
				}
			}
		})
	}
}

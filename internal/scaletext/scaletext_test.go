package scaletext

import (
	"slices"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name       string
		paragraphs []string
		copies     int
		want       []string
	}{
		{"one copy", []string{"First.", "Second."}, 1, []string{"First. w0000001", "Second. w0000002"}},
		{"three copies", []string{"A.", "B."}, 3, []string{
			"A. w0000001", "B. w0000002", "A. w0000003", "B. w0000004", "A. w0000005", "B. w0000006",
		}},
		{"no copies", []string{"A."}, 0, []string{}},
		{"negative copies", []string{"A."}, -2, []string{}},
		{"no paragraphs", nil, 5, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Paragraphs(tt.paragraphs, tt.copies)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Paragraphs(%q, %d) = %q, want %q", tt.paragraphs, tt.copies, got, tt.want)
			}
		})
	}
}

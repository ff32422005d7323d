package main

import (
	"strings"
	"testing"
)

// TestMeasureMemory checks that the memory measurement sees each engine's
// index, and that the printed table has a row per size.
func TestMeasureMemory(t *testing.T) {
	rows, err := measureMemory([]int{1, 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("measureMemory gave %d rows, want 2", len(rows))
	}
	big := rows[1]
	if big.paragraphs != 100*rows[0].paragraphs {
		t.Errorf("the 100× article has %d paragraphs, want %d", big.paragraphs, 100*rows[0].paragraphs)
	}
	// Each index holds at least a few bytes per paragraph.
	for name, f := range map[string]footprint{"articlebot": big.articlebot, "bleve": big.bleve} {
		if f.built.live < int64(big.paragraphs)*8 {
			t.Errorf("%s's index at 100× measures %d bytes, want at least %d", name, f.built.live, big.paragraphs*8)
		}
	}
	var out strings.Builder
	if err := writeMemory(&out, rows); err != nil {
		t.Fatal(err)
	}
	for _, size := range []string{"1×", "100×"} {
		if !strings.Contains(out.String(), size) {
			t.Errorf("writeMemory output has no row for %s:\n%s", size, out.String())
		}
	}
}

func TestMegabytes(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{4_220_000, "4.22 MB"},
		{16_384_000, "16.38 MB"},
		{2_665, "2.7 kB"},
		{99_999, "100.0 kB"},
		{100_000, "0.10 MB"},
		{-5_000, "-5.0 kB"},
	}
	for _, tt := range tests {
		if got := megabytes(tt.n); got != tt.want {
			t.Errorf("megabytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

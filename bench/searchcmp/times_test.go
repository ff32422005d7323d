package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseFindName(t *testing.T) {
	tests := []struct {
		name string
		want findKey
		ok   bool
	}{
		{"BenchmarkFind/size=1000/query=russia/engine=bleve-2", findKey{"1000", "russia", "bleve"}, true},
		{"BenchmarkFind/size=1/query=no-match/engine=articlebot", findKey{"1", "no-match", "articlebot"}, true},
		{"BenchmarkFind/size=1/query=two-words/engine=articlebot-16", findKey{"1", "two-words", "articlebot"}, true},
		{"BenchmarkFind/engine=bleve/size=100/query=rare-2", findKey{"100", "rare", "bleve"}, true},
		{"BenchmarkFind/size=1/query=russia", findKey{}, false},
		{"BenchmarkFind/size=1/query=russia/engine=", findKey{}, false},
		{"BenchmarkFind/size=1/query=russia/colour=red/engine=bleve", findKey{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseFindName(tt.name)
			if got != tt.want || ok != tt.ok {
				t.Errorf("parseFindName(%q) = %v, %v, want %v, %v", tt.name, got, ok, tt.want, tt.ok)
			}
		})
	}
}

const benchOutput = `goos: linux
goarch: amd64
pkg: github.com/articlebot/articlebot/bench/searchcmp
BenchmarkFind/size=1000/query=russia/engine=articlebot-2         	     700	   1600000 ns/op	      7000 matches	  900000 B/op	    7100 allocs/op
BenchmarkFind/size=1000/query=russia/engine=bleve-2              	    3000	    400000 ns/op	      6000 matches	   50000 B/op	     300 allocs/op
BenchmarkFind/size=1000/query=russia/engine=articlebot-2         	     700	   1800000 ns/op	      7000 matches	  900000 B/op	    7100 allocs/op
BenchmarkFind/size=1000/query=russia/engine=bleve-2              	    3000	    380000 ns/op	      6000 matches	   50000 B/op	     300 allocs/op
BenchmarkFind/size=1000/query=russia/engine=articlebot-2         	     700	   1700000 ns/op	      7000 matches	  900000 B/op	    7100 allocs/op
BenchmarkFind/size=1000/query=russia/engine=bleve-2              	    3000	    420000 ns/op	      6000 matches	   50000 B/op	     300 allocs/op
BenchmarkFind/size=1/query=rare/engine=bleve-2                   	  100000	      9000 ns/op	         1 matches
PASS
ok  	github.com/articlebot/articlebot/bench/searchcmp	12.3s
`

func TestWriteTimes(t *testing.T) {
	runs, order, err := readFindRuns(strings.NewReader(benchOutput))
	if err != nil {
		t.Fatal(err)
	}
	russia := findKey{"1000", "russia", "articlebot"}
	if got := runs[russia].nsPerOp; !reflect.DeepEqual(got, []float64{1600000, 1800000, 1700000}) {
		t.Errorf("runs of %v = %v, want the three ns/op in order", russia, got)
	}
	if len(order) != 3 {
		t.Errorf("read %d cases, want 3: %v", len(order), order)
	}
	var out strings.Builder
	if err := writeTimes(&out, runs, order); err != nil {
		t.Fatal(err)
	}
	// The case with one engine only has no ratio and is left out.
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("writeTimes wrote %d lines, want a header and one row:\n%s", len(lines), out.String())
	}
	if got, want := strings.Fields(lines[1]), []string{"1000×", "russia", "1.70", "ms", "400", "µs", "4.25×", "3", "7000", "6000"}; !reflect.DeepEqual(got, want) {
		t.Errorf("writeTimes row = %q, want %q", got, want)
	}
}

func TestReadFindRunsRejectsBadNames(t *testing.T) {
	_, _, err := readFindRuns(strings.NewReader("BenchmarkFind/size=1/engine=bleve-2  10  100 ns/op\n"))
	if err == nil {
		t.Error("readFindRuns accepted a benchmark naming no query")
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		if got := median(tt.xs); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.xs, got, tt.want)
		}
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		ns   float64
		want string
	}{
		{380000, "380 µs"},
		{1600000, "1.60 ms"},
		{12345678, "12.3 ms"},
		{431, "431 ns"},
		{5.5, "5.50 ns"},
		{45600, "45.6 µs"},
	}
	for _, tt := range tests {
		if got := duration(tt.ns); got != tt.want {
			t.Errorf("duration(%v) = %q, want %q", tt.ns, got, tt.want)
		}
	}
}

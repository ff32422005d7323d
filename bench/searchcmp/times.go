package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// findKey names one case of BenchmarkFind.
type findKey struct {
	size, query, engine string
}

// findRuns is what the runs of one case of BenchmarkFind measured.
type findRuns struct {
	nsPerOp []float64
	matches float64 // the "matches" metric of the last run
}

// readFindRuns reads the output of go test -bench BenchmarkFind and
// returns the runs of each case, with the cases in order of first
// appearance. Lines that are not BenchmarkFind results are skipped.
func readFindRuns(r io.Reader) (map[findKey]*findRuns, []findKey, error) {
	runs := make(map[findKey]*findRuns)
	var order []findKey
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "BenchmarkFind/") {
			continue
		}
		key, ok := parseFindName(fields[0])
		if !ok {
			return nil, nil, fmt.Errorf("benchmark %q does not name a size, a query and an engine", fields[0])
		}
		run, ok := runs[key]
		if !ok {
			run = &findRuns{}
			runs[key] = run
			order = append(order, key)
		}
		// After the name and the iteration count come value-unit pairs.
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return nil, nil, fmt.Errorf("benchmark %s: value %q: %w", fields[0], fields[i], err)
			}
			switch fields[i+1] {
			case "ns/op":
				run.nsPerOp = append(run.nsPerOp, v)
			case "matches":
				run.matches = v
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	return runs, order, nil
}

// parseFindName reads a name such as
// "BenchmarkFind/size=1000/query=russia/engine=bleve-2", whose last element
// may end with the GOMAXPROCS suffix.
func parseFindName(name string) (findKey, bool) {
	parts := strings.Split(name, "/")[1:]
	if n := len(parts); n > 0 {
		last := parts[n-1]
		if i := strings.LastIndexByte(last, '-'); i >= 0 {
			if _, err := strconv.Atoi(last[i+1:]); err == nil {
				parts[n-1] = last[:i]
			}
		}
	}
	var k findKey
	for _, p := range parts {
		key, value, ok := strings.Cut(p, "=")
		if !ok || value == "" {
			return findKey{}, false
		}
		switch key {
		case "size":
			k.size = value
		case "query":
			k.query = value
		case "engine":
			k.engine = value
		default:
			return findKey{}, false
		}
	}
	if k.size == "" || k.query == "" || k.engine == "" {
		return findKey{}, false
	}
	return k, true
}

// median returns the median of xs, which must not be empty.
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// writeTimes prints, for each size and query, the median time per query of
// articlebot and of bleve, their ratio and the matches each found.
func writeTimes(w io.Writer, runs map[findKey]*findRuns, order []findKey) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "size\tquery\tarticlebot\tbleve\tarticlebot/bleve\truns\tmatches: articlebot\tbleve\t")
	seen := make(map[findKey]bool)
	for _, k := range order {
		k.engine = ""
		if seen[k] {
			continue
		}
		seen[k] = true
		ours, theirs := runs[findKey{k.size, k.query, "articlebot"}], runs[findKey{k.size, k.query, "bleve"}]
		if ours == nil || theirs == nil || len(ours.nsPerOp) == 0 || len(theirs.nsPerOp) == 0 {
			continue
		}
		a, b := median(ours.nsPerOp), median(theirs.nsPerOp)
		fmt.Fprintf(tw, "%s×\t%s\t%s\t%s\t%.2f×\t%d\t%.0f\t%.0f\t\n",
			k.size, k.query, duration(a), duration(b), a/b,
			min(len(ours.nsPerOp), len(theirs.nsPerOp)), ours.matches, theirs.matches)
	}
	return tw.Flush()
}

// duration writes ns nanoseconds with three significant digits.
func duration(ns float64) string {
	switch {
	case ns >= 1e6:
		return strconv.FormatFloat(ns/1e6, 'f', decimals(ns/1e6), 64) + " ms"
	case ns >= 1e3:
		return strconv.FormatFloat(ns/1e3, 'f', decimals(ns/1e3), 64) + " µs"
	default:
		return strconv.FormatFloat(ns, 'f', decimals(ns), 64) + " ns"
	}
}

// decimals returns how many decimals give x three significant digits.
func decimals(x float64) int {
	switch {
	case x >= 100:
		return 0
	case x >= 10:
		return 1
	default:
		return 2
	}
}

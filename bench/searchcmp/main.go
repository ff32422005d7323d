// Command searchcmp compares articlebot's search with bleve's on the same
// text: the embedded article repeated 1, 100 and 1,000 times, one bleve
// document per paragraph.
//
// The search times are Go benchmarks (BenchmarkFind, in this folder's
// tests); the command measures the memory each engine's index holds, and
// summarises benchmark output as medians per engine with their ratio.
//
// Usage:
//
//	go run . memory          # index memory at each size
//	go run . times FILE...   # medians and ratios from go test -bench output
//
// See README.md for the whole run and how to read it.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "searchcmp:", err)
		os.Exit(1)
	}
}

const usage = "usage: searchcmp memory | searchcmp times FILE [FILE]"

func run(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	switch args[0] {
	case "memory":
		if len(args) > 1 {
			return errors.New(usage)
		}
		rows, err := measureMemory(sizes)
		if err != nil {
			return err
		}
		return writeMemory(stdout, rows)
	case "times":
		if len(args) == 1 {
			return errors.New(usage)
		}
		return times(args[1:], stdout)
	default:
		return errors.New(usage)
	}
}

// times reads benchmark output from files and prints its medians.
func times(files []string, stdout io.Writer) error {
	var readers []io.Reader
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		readers = append(readers, f)
	}
	runs, order, err := readFindRuns(io.MultiReader(readers...))
	if err != nil {
		return err
	}
	if len(order) == 0 {
		return fmt.Errorf("no BenchmarkFind results in %v", files)
	}
	return writeTimes(stdout, runs, order)
}

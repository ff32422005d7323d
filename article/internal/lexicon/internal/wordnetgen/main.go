// Command wordnetgen writes the synonym table of the lexicon package
// (wordnet/synonyms.txt) from the WordNet 3.0 database, as Debian's
// wordnet-base package installs it:
//
//	go run ./internal/wordnetgen /usr/share/wordnet > wordnet/synonyms.txt
//
// The table holds the synsets that the common senses of common words
// belong to, one a line, their lemmas separated by spaces and the words of
// a lemma joined by "_" ("leave_office quit step_down"). A lemma counts a
// synset among its common senses when the synset is one of its first two
// senses that the WordNet sense-tagged corpus attests, or, for a lemma the
// corpus never tagged, its first sense; lemmas with digits, periods, apostrophes or
// more than two words are left out. A synset is kept when two of its
// lemmas or more count it and the corpus tagged one of them in it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Senses a lemma counts at most.
const (
	maxTaggedSenses   = 2
	maxUntaggedSenses = 1
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wordnetgen WORDNET-DIR > synonyms.txt")
		os.Exit(2)
	}
	lines, err := synsets(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "wordnetgen:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "# Synonyms from WordNet 3.0 (see LICENSE beside this file), written by")
	fmt.Fprintln(w, "# internal/wordnetgen: one synset a line, the words of a lemma joined by \"_\".")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "wordnetgen:", err)
		os.Exit(1)
	}
}

// synsets reads the index files of the database in dir and returns the
// table's lines, sorted.
func synsets(dir string) ([]string, error) {
	type key struct {
		pos    string
		offset string
	}
	members := make(map[key][]string)
	tagged := make(map[key]bool)
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "index."+pos))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, " ") {
				continue // the licence at the top of the file
			}
			// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
			f := strings.Fields(line)
			if len(f) < 6 {
				continue
			}
			lemma := f[0]
			pc, err := strconv.Atoi(f[3])
			if err != nil || len(f) < 6+pc {
				return nil, fmt.Errorf("index.%s: bad line %q", pos, line)
			}
			tag, err := strconv.Atoi(f[5+pc])
			if err != nil {
				return nil, fmt.Errorf("index.%s: bad line %q", pos, line)
			}
			offsets := f[6+pc:]
			if strings.ContainsAny(lemma, "0123456789.'") || strings.Count(lemma, "_") > 1 {
				continue
			}
			n := min(maxTaggedSenses, tag)
			if tag == 0 {
				n = maxUntaggedSenses
			}
			for i, off := range offsets[:min(n, len(offsets))] {
				k := key{pos, off}
				members[k] = append(members[k], lemma)
				if i < tag {
					tagged[k] = true
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	seen := make(map[string]bool)
	var lines []string
	for k, lemmas := range members {
		if len(lemmas) < 2 || !tagged[k] {
			continue
		}
		slices.Sort(lemmas)
		l := strings.Join(slices.Compact(lemmas), " ")
		if !seen[l] && strings.Contains(l, " ") {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	return lines, nil
}

package article

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLookupGolden looks up each name of testdata/lookup.txt in its
// article, with Speaker and with Person, and compares what they find with
// testdata/lookup.golden (rewritten by -update): the speaker or the person
// found, or the error and the people it offers instead.
func TestLookupGolden(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "lookup.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	articles := map[string]*Article{"seed": Default()}
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		file, query, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("lookup.txt: %q is not an article and a query", line)
		}
		a := articles[file]
		if a == nil {
			a = loadQuoteArticle(t, file)
			articles[file] = a
		}
		fmt.Fprintf(&b, "%s | %q\n", file, query)
		sp, err := a.Speaker(query)
		fmt.Fprintf(&b, "\tspeaker: %s\n", describeLookup(nameOf(sp), err))
		p, err := a.Person(query)
		found := ""
		if p != nil {
			found = fmt.Sprintf("%s, not quoted, named in ¶%v", p.Name, p.Paragraphs())
			if p.Speaker != nil {
				found = p.Name + ", quoted"
			}
		}
		fmt.Fprintf(&b, "\tperson: %s\n", describeLookup(found, err))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "lookup.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("lookups differ from %s:\n%s", golden, lineDiff(string(want), got))
	}
}

func nameOf(sp *Speaker) string {
	if sp == nil {
		return ""
	}
	return sp.Name
}

// describeLookup writes what a lookup found, or its error with the names
// it offers.
func describeLookup(found string, err error) string {
	var ie *InputError
	switch {
	case err == nil:
		return found
	case errors.As(err, &ie) && len(ie.Ambiguous) > 0:
		return "ambiguous: " + strings.Join(ie.Ambiguous, ", ")
	case errors.As(err, &ie) && ie.Suggestion != "":
		return "none; did you mean " + ie.Suggestion
	}
	return "none"
}

package article

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article/internal/quote"
	"github.com/articlebot/articlebot/article/internal/text"
)

// corpusDir is the annotated corpus of real articles beside the project.
const corpusDir = "../../shared/corpus"

// sieveFloors are the shares of the annotated direct quotes each sieve
// attributes in the corpus that go to the annotated speaker, as measured
// (rounded down): a sieve that falls below its floor misattributes more
// than it did. A quote counts as wrong when the annotated speaker's name
// finds no speaker, so the shares are lower bounds. Sieves that attribute
// fewer than five annotated quotes in the corpus have no floor.
var sieveFloors = map[string]float64{
	"sentence":          0.80, // 53 of 64
	"paragraph":         0.78, // 26 of 32
	"run":               0.75, // 8 of 10
	"previous sentence": 0.20, // 1 of 5
}

// TestSievesOnCorpus scores each sieve of quote attribution on the
// annotated corpus: of the direct quotes it gives a speaker that the
// corpus annotates, how many go to the annotated speaker. It logs the
// table, which says in what order the sieves should run and which to keep,
// and fails when a sieve falls below its floor.
func TestSievesOnCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.quotes.tsv"))
	if len(files) == 0 {
		t.Skipf("no annotated corpus at %s: it stands beside the project in ../shared, as in CI", corpusDir)
	}
	type tally struct{ right, wrong, unannotated int }
	bySieve := map[string]*tally{}
	for _, f := range files {
		a, err := Load(strings.TrimSuffix(f, ".quotes.tsv") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		notes := readQuoteNotes(t, f)
		res := quote.Attribute(segments(a))
		for _, q := range res.Quotes {
			if q.Kind != quote.Direct {
				continue
			}
			tl := bySieve[q.Sieve]
			if tl == nil {
				tl = &tally{}
				bySieve[q.Sieve] = tl
			}
			said := text.Fold(a.Paragraphs[q.Para].Text[q.Span.Start:q.Span.End])
			speaker, found := "", false
			for _, n := range notes {
				if strings.HasPrefix(said, n.opening) {
					speaker, found = n.speaker, true
					break
				}
			}
			switch sp, err := a.Speaker(speaker); {
			case !found:
				tl.unannotated++
			case err == nil && sp.Name == res.Speakers[q.Speaker].Name:
				tl.right++
			default:
				tl.wrong++
			}
		}
	}
	names := make([]string, 0, len(bySieve))
	for n := range bySieve {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%-18s %6s %6s %12s\n", "sieve", "right", "wrong", "unannotated")
	for _, n := range names {
		tl := bySieve[n]
		fmt.Fprintf(&b, "%-18s %6d %6d %12d\n", n, tl.right, tl.wrong, tl.unannotated)
		if floor, ok := sieveFloors[n]; ok {
			if got := float64(tl.right) / float64(max(1, tl.right+tl.wrong)); got < floor {
				t.Errorf("sieve %q attributes %.2f of its annotated quotes rightly, below its floor %.2f", n, got, floor)
			}
		}
	}
	t.Logf("direct quotes of the corpus by the sieve that attributed them:\n%s", b.String())
}

// quoteNote is one line of a corpus's quotes.tsv: the opening words of a
// direct quote, folded, and who said it.
type quoteNote struct{ opening, speaker string }

func readQuoteNotes(t *testing.T, path string) []quoteNote {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var notes []quoteNote
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		opening, speaker, ok := strings.Cut(sc.Text(), "\t")
		if ok {
			notes = append(notes, quoteNote{text.Fold(opening), speaker})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return notes
}

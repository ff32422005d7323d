package article

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with what the package gives")

// goldenArticles returns the test articles that have a golden file: the
// seed and every article in testdata/quotes and testdata/summary, as the
// name of the golden file mapped to the article's path ("" for the seed).
func goldenArticles(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{filepath.Join("testdata", "seed.golden"): ""}
	for _, dir := range []string{"quotes", "summary"} {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no articles in testdata/%s: %v", dir, err)
		}
		for _, f := range files {
			out[strings.TrimSuffix(f, ".txt")+".golden"] = f
		}
	}
	return out
}

// TestGolden compares what the package reads from each test article with
// its golden file: every sentence (opened with "»" when InQuote), every
// quote with its speaker and kind, the quotations left unattributed, every
// speaker with its description and aliases, the cast with where the text
// names each, and the summary. Run with -update to rewrite the files, then read the diff.
func TestGolden(t *testing.T) {
	for golden, path := range goldenArticles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(golden), ".golden"), func(t *testing.T) {
			a := Default()
			if path != "" {
				var err error
				if a, err = Load(path); err != nil {
					t.Fatalf("Load(%q): %v", path, err)
				}
			}
			got := goldenReport(a)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("what the package reads from %s differs from %s:\n%s", path, golden, lineDiff(string(want), got))
			}
		})
	}
}

// goldenReport writes what a test's golden file holds.
func goldenReport(a *Article) string {
	var b strings.Builder
	b.WriteString("# sentences (» marks a sentence that is InQuote)\n")
	for _, p := range a.Paragraphs {
		for _, s := range p.Sentences {
			mark := " "
			if s.InQuote {
				mark = "»"
			}
			fmt.Fprintf(&b, "¶%d %s %s\n", p.N, mark, s.Text)
		}
	}
	b.WriteString("\n# quotes: paragraph, kind, speaker, text\n")
	for _, q := range a.Quotes() {
		kind := q.Kind.String()
		if q.Partial {
			kind += " partial"
		}
		if q.Continued {
			kind += " continued"
		}
		fmt.Fprintf(&b, "¶%d %s | %s | %s\n", q.Paragraph, kind, q.Speaker.Name, q.Text)
	}
	if un := a.Unattributed(); len(un) > 0 {
		b.WriteString("\n# unattributed quotes: paragraph, text\n")
		for _, q := range un {
			fmt.Fprintf(&b, "¶%d | %s\n", q.Paragraph, q.Text)
		}
	}
	b.WriteString("\n# speakers, most quoted first\n")
	for _, sp := range a.Speakers() {
		named := "unnamed"
		if sp.Named {
			named = "named"
		}
		fmt.Fprintf(&b, "%s (%s; %d direct, %d reported)\n", sp.Name, named, len(sp.Quotes), len(sp.Reported))
		fmt.Fprintf(&b, "\tdescription: %s\n", sp.Description)
		fmt.Fprintf(&b, "\taliases: %s\n", strings.Join(sp.Aliases, " | "))
	}
	b.WriteString("\n# cast: who the article names, where, and whether it quotes them\n")
	for _, p := range a.Cast() {
		quoted := "not quoted"
		if p.Speaker != nil {
			quoted = "quoted"
		}
		fmt.Fprintf(&b, "%s (%s) ¶%v\n", p.Name, quoted, p.Paragraphs())
	}
	sum := a.Summary()
	fmt.Fprintf(&b, "\n# summary (extractive: %v)\n", sum.Extractive)
	for _, p := range sum.Points {
		fmt.Fprintf(&b, "%v %s\n", p.Paragraphs, p.Text)
	}
	return b.String()
}

// lineDiff lists the lines of want that got lacks ("-") and the lines of got
// that want lacks ("+"), in order: enough to read what changed.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	// The longest common subsequence of lines, by dynamic programming.
	lcs := make([][]int, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			i++
			j++
		case j < len(g) && (i == len(w) || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&b, "+ %s\n", g[j])
			j++
		default:
			fmt.Fprintf(&b, "- %s\n", w[i])
			i++
		}
	}
	return b.String()
}

// TestInQuoteAgreesWithQuotes checks, over every test article under
// testdata/ and the seed, that a sentence is InQuote exactly when it opens
// inside or with a quotation the engine reads (an interview's answer in no
// quotation marks counts as one), and so that every sentence opening inside
// a direct quote that Quotes gives is InQuote.
func TestInQuoteAgreesWithQuotes(t *testing.T) {
	articles := map[string]*Article{"seed": Default()}
	err := filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".txt" {
			return err
		}
		if a, err := Load(path); err == nil {
			articles[path] = a
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) < 40 {
		t.Fatalf("found %d test articles, want 40 or more", len(articles))
	}
	for name, a := range articles {
		segs := segments(a)
		for i, p := range a.Paragraphs {
			quotes := segs[i].Quotes
			for _, q := range a.Quotes() {
				// An interview's answer in no quotation marks is read as a
				// quotation too.
				if q.Paragraph == p.N && q.Kind == Direct && !slices.ContainsFunc(quotes, func(t text.Quotation) bool {
					return t.Open <= q.Span.Start && q.Span.End <= t.End
				}) {
					open := q.Span.Start // from the start of its sentence: "A: Six weeks."
					for _, s := range p.Sentences {
						if s.Span.Start <= open && open < s.Span.End {
							open = s.Span.Start
						}
					}
					quotes = append(slices.Clip(quotes), text.Quotation{Open: open, End: q.Span.End})
				}
			}
			for _, s := range p.Sentences {
				inside := false
				for _, q := range quotes {
					inside = inside || q.Open <= s.Span.Start && s.Span.Start < q.End
				}
				if s.InQuote != inside {
					t.Errorf("%s ¶%d %q: InQuote = %v, but the sentence opens inside a quotation: %v", name, p.N, s.Text, s.InQuote, inside)
				}
			}
		}
		for _, q := range a.Quotes() {
			if q.Kind != Direct {
				continue
			}
			p, _ := a.Paragraph(q.Paragraph)
			for _, s := range p.Sentences {
				if s.Span.Start > q.Span.Start && s.Span.Start < q.Span.End && !s.InQuote {
					t.Errorf("%s ¶%d %q opens inside %s's quote %q, but is not InQuote", name, p.N, s.Text, q.Speaker.Name, q.Text)
				}
			}
		}
	}
}

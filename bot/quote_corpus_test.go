package bot

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// quoteCorpusDir is the annotated corpus of real articles beside the
// project, as in CI.
var quoteCorpusDir = filepath.Join("..", "..", "shared", "corpus")

// The levels /quote reaches on the annotated corpus: the test fails below
// them. They are what the engine measures, rounded down, so that a change
// that loses a quote, or shows one under the wrong speaker, is seen.
const (
	corpusQuoteRecall    = 0.96
	corpusQuotePrecision = 1.00
)

// corpusQuote is one line of a corpus's NAME.quotes.tsv: the opening words
// of a direct quotation and who said it, as the annotator wrote them.
type corpusQuote struct{ opening, speaker string }

// corpusScore counts, over the annotated quotes, those shown under the
// annotated speaker (found) and the answers of other annotated speakers
// that show them too (wrong).
type corpusScore struct{ found, wrong, quotes int }

func (s corpusScore) recall() float64 { return float64(s.found) / float64(max(1, s.quotes)) }
func (s corpusScore) precision() float64 {
	return float64(s.found) / float64(max(1, s.found+s.wrong))
}

// TestQuoteCorpus asks /quote for every speaker the corpus annotates, with
// the speaker's name as the annotator wrote it, and scores the answers as
// ../shared/tools/score-corpus does: an annotated quote is found when its
// opening words appear in the answer about its speaker, and counts against
// precision for every other annotated speaker whose answer shows it. It
// logs the score of each article and the quotes missed, and fails when
// recall or precision falls below the level the engine reaches.
func TestQuoteCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(quoteCorpusDir, "*.quotes.tsv"))
	if len(files) == 0 {
		if inCI() {
			t.Fatalf("no annotated corpus at %s: in CI, ../shared must stand beside the project", quoteCorpusDir)
		}
		t.Skipf("skipping: no annotated corpus at %s (../shared beside the project, as in CI)", quoteCorpusDir)
	}
	var total corpusScore
	var table, misses strings.Builder
	fmt.Fprintf(&table, "%-30s %7s %6s %7s\n", "article", "found", "wrong", "quotes")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".quotes.tsv")
		a, err := article.Load(strings.TrimSuffix(f, ".quotes.tsv") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		s := scoreQuotes(mustNew(a), readCorpusQuotes(t, f), func(q corpusQuote, under []string) {
			fmt.Fprintf(&misses, "  %s: %q by %s, shown under %q\n", name, q.opening, q.speaker, under)
		})
		fmt.Fprintf(&table, "%-30s %7d %6d %7d\n", name, s.found, s.wrong, s.quotes)
		total.found += s.found
		total.wrong += s.wrong
		total.quotes += s.quotes
	}
	fmt.Fprintf(&table, "%-30s %7d %6d %7d\n", "total", total.found, total.wrong, total.quotes)
	t.Logf("/quote on the annotated corpus: recall %.3f, precision %.3f\n%s\nmisses:\n%s",
		total.recall(), total.precision(), table.String(), misses.String())
	if r := total.recall(); r < corpusQuoteRecall {
		t.Errorf("recall %.3f on the corpus, below the level reached, %.2f", r, corpusQuoteRecall)
	}
	if p := total.precision(); p < corpusQuotePrecision {
		t.Errorf("precision %.3f on the corpus, below the level reached, %.2f", p, corpusQuotePrecision)
	}
}

// scoreQuotes asks b's /quote about each annotated speaker and scores the
// annotated quotes, calling miss for each one not shown under its speaker
// alone, with the speakers it is shown under.
func scoreQuotes(b *Bot, quotes []corpusQuote, miss func(q corpusQuote, under []string)) corpusScore {
	shown := map[string]string{}
	for _, q := range quotes {
		if _, ok := shown[q.speaker]; ok {
			continue
		}
		r := b.Respond(context.Background(), slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, q.speaker)))
		if r != nil && r.Data != nil && r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
			shown[q.speaker] = foldAnswer(answerText(r))
		} else {
			shown[q.speaker] = ""
		}
	}
	speakers := make([]string, 0, len(shown))
	for sp := range shown {
		speakers = append(speakers, sp)
	}
	slices.Sort(speakers)
	s := corpusScore{quotes: len(quotes)}
	for _, q := range quotes {
		key := strings.TrimRight(foldAnswer(q.opening), ",;: ")
		var under []string
		for _, sp := range speakers {
			if strings.Contains(shown[sp], key) {
				under = append(under, sp)
			}
		}
		right := slices.Contains(under, q.speaker)
		if right {
			s.found++
		}
		s.wrong += len(under) - btoi(right)
		if !right || len(under) > 1 {
			miss(q, under)
		}
	}
	return s
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// answerText returns the text of an answer that the corpus's scorer reads:
// the content, and each embed's author, title, description, fields and
// footer.
func answerText(r *discordgo.InteractionResponse) string {
	d := r.Data
	parts := []string{d.Content}
	for _, e := range d.Embeds {
		if e.Author != nil {
			parts = append(parts, e.Author.Name)
		}
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	return strings.Join(parts, "\n")
}

var (
	answerMarkup = regexp.MustCompile("[*_>`\\\\]")
	answerSpace  = regexp.MustCompile(`\s+`)
)

// foldAnswer folds text as the corpus's scorer does: straight quotation
// marks, no soft hyphens, no markdown, single spaces, lower case.
func foldAnswer(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u00ad", "").Replace(s)
	s = answerMarkup.ReplaceAllString(s, "")
	return strings.ToLower(strings.TrimSpace(answerSpace.ReplaceAllString(s, " ")))
}

// readCorpusQuotes reads a NAME.quotes.tsv: "opening<TAB>speaker" lines.
func readCorpusQuotes(t *testing.T, path string) []corpusQuote {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusQuote
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) == 2 && !strings.HasPrefix(fields[0], "#") {
			out = append(out, corpusQuote{fields[0], fields[1]})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

package bot

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// readerCorpusDir is the annotated corpus of real articles beside the
// project, as in CI: its NAME.ask.tsv holds reader questions and
// NAME.find.tsv search queries, each with the paragraphs that answer.
var readerCorpusDir = filepath.Join("..", "..", "shared", "corpus")

// The shares of the corpus's questions and queries that /ask and /find get
// right, as measured and rounded down: the tests fail below them.
const (
	corpusAskLevel  = 0.85 // 51 of 60
	corpusFindLevel = 1.00 // 36 of 36
)

// corpusLine is a line of NAME.ask.tsv or NAME.find.tsv: a question or a
// query, and the paragraphs that answer it ("3", "2,7", "*6,9,11", or
// "none").
type corpusLine struct{ text, want string }

// readCorpusLines reads the lines of a corpus file of two columns.
func readCorpusLines(t *testing.T, path string) []corpusLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		q, want, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(q, "#") {
			continue
		}
		out = append(out, corpusLine{q, want})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// corpusArticles returns the corpus's articles that have a file with the
// given suffix, skipping the test where the corpus is absent (failing in
// CI, where it must be there).
func corpusArticles(t *testing.T, suffix string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(readerCorpusDir, "*"+suffix))
	if len(files) == 0 {
		if inCI() {
			t.Fatalf("no annotated corpus at %s: in CI, ../shared must stand beside the project", readerCorpusDir)
		}
		t.Skipf("skipping: no annotated corpus at %s (../shared beside the project, as in CI)", readerCorpusDir)
	}
	return files
}

// citeMark finds the paragraphs a rendered answer cites.
var citeMark = regexp.MustCompile(`¶\s?(\d+)`)

// citedParagraphs returns the paragraphs a response cites, in order, each
// once, from its content and embeds as Discord shows them.
func citedParagraphs(r *discordgo.InteractionResponse) []int {
	if r == nil || r.Data == nil {
		return nil
	}
	parts := []string{r.Data.Content}
	for _, e := range r.Data.Embeds {
		parts = append(parts, e.Title, e.Description)
		if e.Author != nil {
			parts = append(parts, e.Author.Name)
		}
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	var out []int
	for _, m := range citeMark.FindAllStringSubmatch(strings.Join(parts, "\n"), -1) {
		n, _ := strconv.Atoi(m[1])
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// wantedParagraphs reads a corpus line's paragraphs, and the one that must
// come first (marked "*"), if any.
func wantedParagraphs(want string) (paras []int, first int) {
	for _, f := range strings.Split(want, ",") {
		star := strings.HasPrefix(f, "*")
		n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(f), "*"))
		if err != nil {
			continue
		}
		paras = append(paras, n)
		if star {
			first = n
		}
	}
	return paras, first
}

// TestAskCorpus asks /ask each question of the corpus, as
// ../shared/tools/score-corpus does: an answer holds when the first
// paragraph it cites is one that answers, or, for a question the article
// does not answer ("none"), when it cites none. It logs each article's
// score and the misses, and fails below the level reached.
func TestAskCorpus(t *testing.T) {
	held, all := 0, 0
	var log strings.Builder
	for _, f := range corpusArticles(t, ".ask.tsv") {
		name := strings.TrimSuffix(filepath.Base(f), ".ask.tsv")
		a, err := article.Load(strings.TrimSuffix(f, ".ask.tsv") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		b := mustNew(a)
		ok := 0
		lines := readCorpusLines(t, f)
		for _, l := range lines {
			r := b.Respond(context.Background(), slash("ask", opt("question", discordgo.ApplicationCommandOptionString, l.text)))
			got := citedParagraphs(r)
			want, _ := wantedParagraphs(l.want)
			good := len(got) == 0
			if l.want != "none" {
				good = len(got) > 0 && slices.Contains(want, got[0])
			}
			if good {
				ok++
			} else {
				log.WriteString("  miss " + name + ": " + l.text + " -> cited " + sprintInts(got) + ", want " + l.want + "\n")
			}
		}
		log.WriteString("  " + name + ": " + strconv.Itoa(ok) + "/" + strconv.Itoa(len(lines)) + "\n")
		held += ok
		all += len(lines)
	}
	score := float64(held) / float64(all)
	t.Logf("/ask on the corpus: %d of %d (%.3f)\n%s", held, all, score, log.String())
	if score < corpusAskLevel {
		t.Errorf("/ask holds for %d of %d corpus questions (%.3f), below the level reached, %.2f", held, all, score, corpusAskLevel)
	}
}

// sprintInts writes numbers as "[1 2 3]".
func sprintInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(s, " ") + "]"
}

// TestFindCorpus searches with /find for each query of the corpus, reading
// its first two pages as ../shared/tools/score-corpus does: a search holds
// when the first k paragraphs cited (k the number that answer, at most the
// six of two pages) all answer, and the one marked to come first does.
func TestFindCorpus(t *testing.T) {
	held, all := 0, 0
	var log strings.Builder
	for _, f := range corpusArticles(t, ".find.tsv") {
		name := strings.TrimSuffix(filepath.Base(f), ".find.tsv")
		a, err := article.Load(strings.TrimSuffix(f, ".find.tsv") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		b := mustNew(a)
		for _, l := range readCorpusLines(t, f) {
			var got []int
			for page := 1; page <= 2; page++ {
				r, err := b.findPage(l.text, page, page > 1)
				if err != nil || r == nil || r.Data == nil || r.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
					break
				}
				for _, n := range citedParagraphs(r) {
					if !slices.Contains(got, n) {
						got = append(got, n)
					}
				}
			}
			want, first := wantedParagraphs(l.want)
			k := min(len(want), 2*resultsPerPage)
			good := len(got) >= k && (first == 0 || got[0] == first)
			for _, n := range got[:min(k, len(got))] {
				good = good && slices.Contains(want, n)
			}
			all++
			if good {
				held++
			} else {
				log.WriteString("  miss " + name + ": " + l.text + " -> " + sprintInts(got) + ", want " + l.want + "\n")
			}
		}
	}
	score := float64(held) / float64(all)
	t.Logf("/find on the corpus: %d of %d (%.3f)\n%s", held, all, score, log.String())
	if score < corpusFindLevel {
		t.Errorf("/find holds for %d of %d corpus queries (%.3f), below the level reached, %.2f", held, all, score, corpusFindLevel)
	}
}

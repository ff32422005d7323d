package article

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestAskThresholds works out, for the reader questions of the annotated
// corpus, what Ask would do at each threshold of confidence in place of
// MinConfidence: answer right, answer wrong (a paragraph that does not
// answer, or any answer to a question the article does not answer), or
// refuse (rightly or not). It logs the table, the trade-off that
// MinConfidence is chosen on, and checks that Ask does what the table
// says at MinConfidence.
func TestAskThresholds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.ask.tsv"))
	if len(files) == 0 {
		t.Skipf("no annotated corpus at %s: it stands beside the project in ../shared, as in CI", corpusDir)
	}
	type outcome struct {
		conf     float64 // the best sentence's confidence, 0 for none
		right    bool    // the best sentence answers
		none     bool    // the article does not answer the question
		answered bool    // Ask answered
		firstOK  bool    // Ask's first sentence is one that answers
	}
	var outs []outcome
	for _, f := range files {
		a, err := Load(strings.TrimSuffix(f, ".ask.tsv") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			question, want, ok := strings.Cut(sc.Text(), "\t")
			if !ok {
				continue
			}
			var paras []int
			for _, w := range strings.Split(want, ",") {
				if n, err := strconv.Atoi(strings.TrimSpace(w)); err == nil {
					paras = append(paras, n)
				}
			}
			o := outcome{none: want == "none"}
			ans, err := a.Ask(question)
			if err == nil && ans.Found() {
				o.answered = true
				o.firstOK = slices.Contains(paras, ans.Sentences[0].Paragraph)
			}
			q := a.readQuestion(question)
			if len(q.terms) > 0 {
				if ranked := a.rankSentences(q); len(ranked) > 0 {
					o.conf = ranked[0].confidence
					o.right = slices.Contains(paras, a.sentence[ranked[0].sent].Paragraph)
				}
			}
			outs = append(outs, o)
		}
		fh.Close()
	}

	var table strings.Builder
	fmt.Fprintf(&table, "%9s %6s %6s %13s %14s %6s\n", "threshold", "right", "wrong", "refused right", "refused wrong", "score")
	for th := 0.30; th <= 0.701; th += 0.05 {
		var right, wrong, refusedRight, refusedWrong int
		for _, o := range outs {
			switch {
			case o.conf >= th && o.right && !o.none:
				right++
			case o.conf >= th:
				wrong++
			case o.none:
				refusedRight++
			default:
				refusedWrong++
			}
		}
		fmt.Fprintf(&table, "%9.2f %6d %6d %13d %14d %6.3f\n", th, right, wrong, refusedRight, refusedWrong,
			float64(right+refusedRight)/float64(len(outs)))
	}
	t.Logf("the corpus's %d questions by the best sentence's confidence:\n%s", len(outs), table.String())

	for i, o := range outs {
		if want := o.conf >= MinConfidence; o.answered != want {
			t.Errorf("question %d: Ask answered = %v, but its best sentence has confidence %.3f (MinConfidence %v)", i, o.answered, o.conf, MinConfidence)
		}
		if o.answered && o.firstOK != o.right {
			t.Errorf("question %d: Ask's first sentence answers = %v, but the best sentence's = %v", i, o.firstOK, o.right)
		}
	}
}

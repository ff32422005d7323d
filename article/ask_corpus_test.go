package article

import (
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
	// ranked is a candidate sentence in rank order: its confidence, and
	// whether it answers.
	type ranked struct {
		conf  float64
		right bool
	}
	type outcome struct {
		ranked   []ranked // the candidate sentences, best first
		none     bool     // the article does not answer the question
		answered bool     // Ask answered
		firstOK  bool     // Ask's first sentence is one that answers
	}
	var outs []outcome
	for _, f := range files {
		a, err := Load(strings.TrimSuffix(f, ".ask.tsv") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		for _, tq := range readQuestionTSV(t, f) {
			question, paras := tq.text, tq.paras
			o := outcome{none: len(paras) == 0}
			ans, err := a.Ask(question)
			if err == nil && ans.Found() {
				o.answered = true
				o.firstOK = slices.Contains(paras, ans.Sentences[0].Paragraph)
			}
			q := a.readQuestion(question)
			if len(q.terms) > 0 {
				for _, c := range a.rankSentences(q) {
					o.ranked = append(o.ranked, ranked{c.confidence, slices.Contains(paras, a.sentence[c.sent].Paragraph)})
				}
			}
			outs = append(outs, o)
		}
	}

	// first returns the first candidate with a confidence of at least th:
	// the sentence Ask would answer with first at that threshold.
	first := func(o outcome, th float64) (ranked, bool) {
		for _, r := range o.ranked {
			if r.conf >= th {
				return r, true
			}
		}
		return ranked{}, false
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%9s %6s %6s %13s %14s %6s\n", "threshold", "right", "wrong", "refused right", "refused wrong", "score")
	for th := 0.30; th <= 0.701; th += 0.05 {
		var right, wrong, refusedRight, refusedWrong int
		for _, o := range outs {
			r, ok := first(o, th)
			switch {
			case ok && r.right && !o.none:
				right++
			case ok:
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
	t.Logf("the corpus's %d questions by the confidence of the best sentence that reaches the threshold:\n%s", len(outs), table.String())

	for i, o := range outs {
		r, ok := first(o, MinConfidence)
		if o.answered != ok {
			t.Errorf("question %d: Ask answered = %v, but a sentence reaching MinConfidence %v = %v", i, o.answered, MinConfidence, ok)
		}
		if o.answered && o.firstOK != r.right {
			t.Errorf("question %d: Ask's first sentence answers = %v, but the best sentence reaching MinConfidence's = %v", i, o.firstOK, r.right)
		}
	}
}

// tsvQuestion is a reader's question of a question file, and the
// paragraphs that answer it: none when the article does not.
type tsvQuestion struct {
	text  string
	paras []int
}

// readQuestionTSV reads a question file: a question, a tab, and the
// paragraphs that answer it separated by commas or "none", a line each.
func readQuestionTSV(t *testing.T, path string) []tsvQuestion {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []tsvQuestion
	for line := range strings.SplitSeq(string(body), "\n") {
		question, want, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		q := tsvQuestion{text: question}
		for _, w := range strings.Split(want, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(w)); err == nil {
				q.paras = append(q.paras, n)
			}
		}
		out = append(out, q)
	}
	return out
}

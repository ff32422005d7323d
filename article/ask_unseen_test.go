package article

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// unseenSet is a set of articles in testdata/ask/unseen and the level
// TestAskUnseen holds on it: at least level of its questions right or
// rightly refused, and at most maxWrong answered wrong.
type unseenSet struct {
	dir             string
	level, maxWrong int
}

var unseenSets = []unseenSet{
	{"first", 26, 3},   // of 48
	{"second", 35, 10}, // of 64
}

// TestAskUnseen asks the questions of the sets in testdata/ask/unseen
// (see its README), logs how many /ask answers right, answers wrong, or
// refuses rightly or wrongly, and fails below the level reached.
func TestAskUnseen(t *testing.T) {
	for _, set := range unseenSets {
		t.Run(set.dir, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join("testdata", "ask", "unseen", set.dir, "*.tsv"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no question files in testdata/ask/unseen/%s: %v", set.dir, err)
			}
			var right, wrong, refusedRight, refusedWrong int
			var table strings.Builder
			for _, f := range files {
				a, err := Load(strings.TrimSuffix(f, ".tsv") + ".txt")
				if err != nil {
					t.Fatal(err)
				}
				for _, tq := range readQuestionTSV(t, f) {
					question, paras := tq.text, tq.paras
					ans, err := a.Ask(question)
					if err != nil {
						t.Fatalf("Ask(%q) error: %v", question, err)
					}
					verdict := ""
					switch {
					case !ans.Found() && len(paras) == 0:
						refusedRight++
						verdict = "refused, rightly"
					case !ans.Found():
						refusedWrong++
						verdict = "refused, wrongly"
					case slices.Contains(paras, ans.Sentences[0].Paragraph):
						right++
						verdict = "right"
					default:
						wrong++
						verdict = "WRONG ¶" + strconv.Itoa(ans.Sentences[0].Paragraph)
					}
					table.WriteString(filepath.Base(f) + "\t" + question + "\t" + verdict + "\n")
				}
			}
			t.Logf("right %d, wrong %d, rightly refused %d, wrongly refused %d:\n%s", right, wrong, refusedRight, refusedWrong, table.String())
			if right+refusedRight < set.level || wrong > set.maxWrong {
				t.Errorf("right and rightly refused %d, wrong %d; want at least %d and at most %d", right+refusedRight, wrong, set.level, set.maxWrong)
			}
		})
	}
}

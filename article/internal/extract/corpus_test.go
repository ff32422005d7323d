package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpusDir holds real news pages beside the clean text of each article,
// in ../shared beside the project. It is not part of the project.
var corpusDir = filepath.Join("..", "..", "..", "..", "shared", "corpus")

// scoreFold puts a paragraph in the form the corpus is scored in: curly
// quotes straightened, markdown marks and soft hyphens removed, white space
// collapsed, lower case.
func scoreFold(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u00ad", "").Replace(s)
	s = scoreMarks.ReplaceAllString(s, "")
	return strings.ToLower(collapse(s))
}

var scoreMarks = regexp.MustCompile("[*_>`\\\\]")

// TestCorpusExtraction scores the extraction of the real pages in
// ../shared/corpus/html against the clean text of each article:
// paragraph recall and precision must both reach 0.95. The pages are used
// to measure, never to write rules.
func TestCorpusExtraction(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join(corpusDir, "html", "*.html"))
	if len(pages) == 0 {
		t.Skipf("no pages in %s: the shared corpus is not beside the project", filepath.Join(corpusDir, "html"))
	}
	const target = 0.95
	found, want, right, got := 0, 0, 0, 0
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		body, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		clean, err := os.ReadFile(filepath.Join(corpusDir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		d, err := HTML(body, "", "")
		if err != nil {
			t.Fatalf("HTML(%s) = %v", name, err)
		}
		truth := map[string]bool{}
		var truthList []string
		for p := range strings.SplitSeq(string(clean), "\n\n") {
			if strings.TrimSpace(p) != "" {
				truth[scoreFold(p)] = true
				truthList = append(truthList, scoreFold(p))
			}
		}
		extracted := map[string]bool{}
		pf, pr := 0, 0
		for _, p := range d.Paragraphs {
			f := scoreFold(p)
			extracted[f] = true
			if truth[f] {
				pr++
			} else {
				t.Logf("%s: extra %q", name, p)
			}
		}
		for _, p := range truthList {
			if extracted[p] {
				pf++
			} else {
				t.Logf("%s: missing %q", name, p)
			}
		}
		t.Logf("%s: recall %d/%d, precision %d/%d", name, pf, len(truthList), pr, len(d.Paragraphs))
		found, want, right, got = found+pf, want+len(truthList), right+pr, got+len(d.Paragraphs)
	}
	recall, precision := float64(found)/float64(want), float64(right)/float64(max(got, 1))
	t.Logf("%d pages: paragraph recall %.3f, precision %.3f", len(pages), recall, precision)
	if recall < target || precision < target {
		t.Errorf("extraction from %d real pages: recall %.3f, precision %.3f; want both at least %.2f", len(pages), recall, precision, target)
	}
}

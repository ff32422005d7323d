package article

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/articlebot/articlebot/article/internal/text"
)

// parseText parses an article held in a string, failing the test on error.
func parseText(t testing.TB, text string) *Article {
	t.Helper()
	a, err := Parse(strings.NewReader(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return a
}

// summaryCorpus lists the articles the extractive summary is tried on: the
// seed without its metadata, and the varied articles in testdata/summary.
// points is how many points each must get; the brief article has only two
// sentences a summary may use.
var summaryCorpus = []struct {
	name   string
	file   string // in testdata/summary; "" for the seed
	points int
}{
	{"seed without metadata", "", 3},
	{"transit vote", "transit.txt", 3},
	{"wildfire, wrapped paragraphs and curly quotes", "wildfire.txt", 3},
	{"earnings, front matter without a summary", "earnings.txt", 3},
	{"court ruling, quote over several paragraphs", "court.txt", 3},
	{"science discovery", "science.txt", 3},
	{"election, headline and byline", "election.txt", 3},
	{"three-paragraph brief", "brief.txt", 2},
}

func corpusArticle(t testing.TB, file string) *Article {
	t.Helper()
	body := seedText
	if file != "" {
		var err error
		if body, err = os.ReadFile(filepath.Join("testdata", "summary", file)); err != nil {
			t.Fatal(err)
		}
	}
	a, err := parse(body, nil, "")
	if err != nil {
		t.Fatalf("parse(%s): %v", file, err)
	}
	if len(a.Meta.Summary) > 0 {
		t.Fatalf("%s has an editor's summary; the corpus is for extractive ones", file)
	}
	return a
}

func TestExtractiveSummary(t *testing.T) {
	leads := 0
	for _, tc := range summaryCorpus {
		t.Run(tc.name, func(t *testing.T) {
			a := corpusArticle(t, tc.file)
			sum := a.Summary()
			if !sum.Extractive {
				t.Error("Summary().Extractive = false for an article without an editor's summary")
			}
			if len(sum.Points) != tc.points {
				t.Errorf("Summary() has %d points, want %d: %+v", len(sum.Points), tc.points, sum.Points)
			}
			checkExtractive(t, a, sum)
			if !slices.EqualFunc(sum.Points, extractiveSummary(segments(a), a.Sentences(), summarySentences).Points, samePoint) {
				t.Error("Summary() differs from extractiveSummary(segments(a), a.Sentences(), summarySentences)")
			}
			// Asked for one sentence, the summary should usually give the lead.
			if one := extractiveSummary(segments(a), a.Sentences(), 1); len(one.Points) == 1 && one.Points[0].Text == firstPlainSentence(a) {
				leads++
			}
		})
	}
	// News puts its key facts first, and the blend with position makes the
	// lead the best single sentence of nearly every article.
	if least := len(summaryCorpus) * 3 / 4; leads < least {
		t.Errorf("the lead sentence is the one-sentence summary of %d of %d articles, want at least %d",
			leads, len(summaryCorpus), least)
	}
}

func samePoint(x, y SummaryPoint) bool {
	return x.Text == y.Text && slices.Equal(x.Paragraphs, y.Paragraphs)
}

// firstPlainSentence returns the article's first sentence that states
// something in the article's own words: it ends with a period and opens
// with a capital letter.
func firstPlainSentence(a *Article) string {
	for _, s := range a.Sentences() {
		first := []rune(s.Text)[0]
		if unicode.IsUpper(first) && strings.HasSuffix(s.Text, ".") && len(strings.Fields(s.Text)) > 4 {
			return s.Text
		}
	}
	return ""
}

// testPronouns are words that must not open a summary point, because the
// reader of a summary cannot see what they refer to. The list is the test's
// own, kept apart from the package's.
var testPronouns = []string{
	"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
	"his", "her", "its", "their", "our", "him", "them", "it's", "they're", "he's", "she's",
}

// checkExtractive checks the promises of an extractive summary: each point
// is a sentence of the article, cites its paragraph, comes in document order,
// opens with no pronoun, is not a quotation or a piece of one, and repeats
// no other point.
func checkExtractive(t *testing.T, a *Article, sum Summary) {
	t.Helper()
	last := -1
	for i, p := range sum.Points {
		at := slices.IndexFunc(a.Sentences(), func(s Sentence) bool { return s.Text == p.Text })
		if at < 0 {
			t.Errorf("point %d %q is not a sentence of the article", i+1, p.Text)
			continue
		}
		s := a.Sentences()[at]
		if !slices.Equal(p.Paragraphs, []int{s.Paragraph}) {
			t.Errorf("point %d cites %v, want [%d], the paragraph of %q", i+1, p.Paragraphs, s.Paragraph, p.Text)
		}
		if at <= last {
			t.Errorf("point %d %q comes before point %d in the article, want document order", i+1, p.Text, i)
		}
		last = at

		opener := strings.ToLower(strings.TrimLeftFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) }))
		opener, _, _ = strings.Cut(opener, " ")
		opener = strings.Trim(strings.ReplaceAll(opener, "’", "'"), ",;:")
		if slices.Contains(testPronouns, opener) && !strings.HasPrefix(p.Text, strings.ToUpper(opener)+" ") {
			t.Errorf("point %d opens with the pronoun %q: %q", i+1, opener, p.Text)
		}

		if s.InQuote {
			t.Errorf("point %d is InQuote: %q", i+1, p.Text)
		}
		first := []rune(p.Text)[0]
		if strings.ContainsRune("\"“‘'", first) {
			t.Errorf("point %d opens with a quotation mark: %q", i+1, p.Text)
		}
		if strings.Count(p.Text, "“") != strings.Count(p.Text, "”") || strings.Count(p.Text, `"`)%2 != 0 {
			t.Errorf("point %d holds part of a quotation: %q", i+1, p.Text)
		}
		if strings.HasSuffix(strings.TrimRight(p.Text, `"”’)`), "?") {
			t.Errorf("point %d is a question: %q", i+1, p.Text)
		}
		for j := range i {
			if sim := jaccard(sum.Points[j].Text, p.Text); sim >= 0.5 {
				t.Errorf("points %d and %d share %.0f%% of their words: %q, %q", j+1, i+1, 100*sim, sum.Points[j].Text, p.Text)
			}
		}
	}
}

// jaccard returns the Jaccard similarity of the sets of words, less stop
// words, of two sentences.
func jaccard(x, y string) float64 {
	words := func(s string) map[string]bool {
		set := make(map[string]bool)
		for _, t := range text.Words(s) {
			if !text.IsStopWord(t.Fold) {
				set[t.Fold] = true
			}
		}
		return set
	}
	a, b := words(x), words(y)
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	union := len(a) + len(b) - both
	if union == 0 {
		return 0
	}
	return float64(both) / float64(union)
}

func TestExtractiveSummaryRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		n    int
		want []string // the points' texts, in order; nil for none
	}{
		{
			name: "near-duplicate sentences give one point",
			text: "The river burst its banks on Monday and flooded the lower town.\n" +
				"On Monday the river burst its banks, flooding the lower town.\n" +
				"Schools in the valley will stay closed until Thursday.\n" +
				"The army sent boats to help residents reach higher ground.\n",
			n: 3,
			want: []string{
				"The river burst its banks on Monday and flooded the lower town.",
				"Schools in the valley will stay closed until Thursday.",
				"The army sent boats to help residents reach higher ground.",
			},
		},
		{
			name: "sentences opening with pronouns are left out",
			text: "The finance minister resigned on Friday after a row over the budget.\n" +
				"He had held the post for three years.\n" +
				"They said the budget would be delayed.\n" +
				"This was the third resignation this year.\n" +
				"But she still hopes to run for office.\n" +
				"It’s unclear who will replace him.\n" +
				"The prime minister will name a successor next week.\n",
			n: 3,
			want: []string{
				"The finance minister resigned on Friday after a row over the budget.",
				"The prime minister will name a successor next week.",
			},
		},
		{
			name: "quotations and their pieces are left out",
			text: "\"We will not give up,\" the coach said after the match.\n" +
				"The team lost the final 2-1 in extra time on Sunday.\n" +
				"The captain said: \"It hurts. We were so close.\"\n" +
				"Fans had travelled from across the country to watch the game.\n",
			n: 3,
			want: []string{
				"The team lost the final 2-1 in extra time on Sunday.",
				"Fans had travelled from across the country to watch the game.",
			},
		},
		{
			name: "headlines, bylines and questions are left out",
			text: "Port strike enters second week\nBy a staff reporter\n\n" +
				"Dock workers at the port extended their strike into a second week on Monday.\n" +
				"Will shops run out of goods before it ends?\n" +
				"Hundreds of containers are waiting to be unloaded.\n",
			n: 3,
			want: []string{
				"Dock workers at the port extended their strike into a second week on Monday.",
				"Hundreds of containers are waiting to be unloaded.",
			},
		},
		{
			name: "a capitalized US is not the pronoun",
			text: "US officials said the embassy would reopen next month after repairs.\n",
			n:    3,
			want: []string{"US officials said the embassy would reopen next month after repairs."},
		},
		{
			name: "nothing qualifies",
			text: "\"We won,\" she said.\nHe smiled.\n",
			n:    3,
			want: nil,
		},
		{
			name: "no points asked for",
			text: "The bridge reopened on Saturday after two years of repairs.\n",
			n:    0,
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := parseText(t, tc.text)
			sum := extractiveSummary(segments(a), a.Sentences(), tc.n)
			var got []string
			for _, p := range sum.Points {
				got = append(got, p.Text)
			}
			if !sum.Extractive {
				t.Error("extractiveSummary(...).Extractive = false, want true")
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("extractiveSummary(%d) =\n%s\nwant\n%s", tc.n, lines(got), lines(tc.want))
			}
			checkExtractive(t, a, sum)
		})
	}
}

func TestExtractiveSummaryLength(t *testing.T) {
	a := corpusArticle(t, "")
	for n := range 8 {
		sum := extractiveSummary(segments(a), a.Sentences(), n)
		if len(sum.Points) > n {
			t.Errorf("extractiveSummary(seed, %d) has %d points, want at most %d", n, len(sum.Points), n)
		}
		if n <= 3 && len(sum.Points) != n {
			t.Errorf("extractiveSummary(seed, %d) has %d points, want %d", n, len(sum.Points), n)
		}
		checkExtractive(t, a, sum)
	}
	// A longer summary keeps the sentences of a shorter one, since both are
	// chosen best first.
	short, long := extractiveSummary(segments(a), a.Sentences(), 2), extractiveSummary(segments(a), a.Sentences(), 4)
	for _, p := range short.Points {
		if !slices.ContainsFunc(long.Points, func(q SummaryPoint) bool { return samePoint(p, q) }) {
			t.Errorf("extractiveSummary(seed, 4) lacks %q, chosen for 2", p.Text)
		}
	}
}

// TestExtractiveSummaryLongArticle checks that an article longer than the
// ranked part still gets a summary, from its start.
func TestExtractiveSummaryLongArticle(t *testing.T) {
	var b strings.Builder
	topics := []string{"harbour", "railway", "school", "hospital", "market", "library", "stadium"}
	for i := range 3 * maxRankedSentences {
		topic := topics[i%len(topics)]
		b.WriteString("The city will spend more on the " + topic + " next year, officials said in report " +
			strings.Repeat("x", i%5+1) + ".\n")
	}
	a := parseText(t, b.String())
	sum := a.Summary()
	if len(sum.Points) == 0 {
		t.Fatal("Summary() of a long article has no points")
	}
	checkExtractive(t, a, sum)
	for _, p := range sum.Points {
		if p.Paragraphs[0] > maxRankedSentences {
			t.Errorf("Summary() cites ¶%d, beyond the first %d sentences", p.Paragraphs[0], maxRankedSentences)
		}
	}
}

func TestLexRank(t *testing.T) {
	const tol = 1e-6
	tests := []struct {
		name string
		sim  [][]float64
		want []float64
	}{
		{"one node", [][]float64{{0}}, []float64{1}},
		{"no edges", [][]float64{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}},
		{"complete graph", [][]float64{{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}},
		// r_c = 0.05 + 0.85(r_1 + r_2); r_i = 0.05 + 0.85 r_c / 2.
		{"star", [][]float64{{0, 1, 1}, {1, 0, 0}, {1, 0, 0}}, []float64{0.135 / 0.2775, 0.05 + 0.425*0.135/0.2775, 0.05 + 0.425*0.135/0.2775}},
		// An isolated node spreads its rank evenly: r_3 = 0.05 + 0.85 r_3 / 3,
		// and the pair shares the rest.
		{"isolated node", [][]float64{{0, 1, 0}, {1, 0, 0}, {0, 0, 0}}, []float64{
			(1 - 0.05/(1-0.85/3)) / 2, (1 - 0.05/(1-0.85/3)) / 2, 0.05 / (1 - 0.85/3),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := len(tc.sim)
			var flat []float64
			for _, row := range tc.sim {
				flat = append(flat, row...)
			}
			got := lexRank(flat, n)
			if !slices.EqualFunc(got, tc.want, func(x, y float64) bool { return math.Abs(x-y) <= tol }) {
				t.Errorf("lexRank(%v) = %v, want %v", tc.sim, got, tc.want)
			}
			sum := 0.0
			for _, r := range got {
				sum += r
			}
			if math.Abs(sum-1) > tol {
				t.Errorf("lexRank(%v) sums to %v, want 1", tc.sim, sum)
			}
		})
	}
}

func TestCosine(t *testing.T) {
	a := parseText(t, "Russian jets landed in Syria.\nRussian jets landed in Syria.\n"+
		"The harvest was poor this autumn.\nJets landed near the harvest.")
	c := summaryCandidates(segments(a), a.Sentences())
	if got := cosine(&c[0], &c[1]); math.Abs(got-1) > 1e-9 {
		t.Errorf("cosine(same sentence) = %v, want 1", got)
	}
	if got := cosine(&c[0], &c[2]); got != 0 {
		t.Errorf("cosine(no shared word) = %v, want 0", got)
	}
	if got := cosine(&c[0], &c[3]); got <= 0 || got >= 1 {
		t.Errorf("cosine(some shared words) = %v, want between 0 and 1", got)
	}
	if got := sharedTerms(&c[0], &c[1]); got != 1 {
		t.Errorf("sharedTerms(same sentence) = %v, want 1", got)
	}
	if got := sharedTerms(&c[0], &c[2]); got != 0 {
		t.Errorf("sharedTerms(no shared word) = %v, want 0", got)
	}
	// "jets" and "landed" are shared; "russian", "syria", "near" and
	// "harvest" are not.
	if got := sharedTerms(&c[0], &c[3]); math.Abs(got-2.0/6) > 1e-9 {
		t.Errorf("sharedTerms(some shared words) = %v, want 2/6", got)
	}
}

// TestSummaryConcurrent asks for the summary of a freshly parsed article,
// which the first call writes, from many goroutines at once: each gets the
// summary of the same article read from the start. An article of ForSearch
// has none.
func TestSummaryConcurrent(t *testing.T) {
	want := extractiveSummary(segments(Default()), Default().Sentences(), summarySentences)
	a, err := Parse(bytes.NewReader(seedText))
	if err != nil {
		t.Fatal(err)
	}
	got := make([]Summary, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = a.Summary() })
	}
	wg.Wait()
	for i, s := range got {
		if !reflect.DeepEqual(s, want) {
			t.Errorf("Summary() in goroutine %d = %+v, want %+v", i, s, want)
		}
	}
	if s := ForSearch([]string{"One paragraph."}).Summary(); s.Extractive || len(s.Points) > 0 {
		t.Errorf("ForSearch(…).Summary() = %+v, want none", s)
	}
}

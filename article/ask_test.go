package article

import (
	"bufio"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/spans"
)

// askCase is one question of a file in testdata/ask.
type askCase struct {
	line     int
	question string
	paras    []int // any of these may answer first; none means no answer
	speaker  string
}

// readAskCases reads a file of questions: an "article:" line naming the
// article ("default" or a path relative to the file), then one question a
// line as "question | paragraphs | speaker", where the paragraphs are the
// numbers that may answer first, or "none" when the article has no answer.
func readAskCases(t *testing.T, path string) (*Article, []askCase) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var a *Article
	var cases []askCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if name, ok := strings.CutPrefix(line, "article:"); ok {
			name = strings.TrimSpace(name)
			if name == "default" {
				a = Default()
				continue
			}
			if a, err = Load(filepath.Join(filepath.Dir(path), name)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		fields := strings.Split(line, "|")
		if len(fields) < 2 || len(fields) > 3 {
			t.Fatalf("%s:%d: want \"question | paragraphs [| speaker]\", got %q", path, n, line)
		}
		c := askCase{line: n, question: strings.TrimSpace(fields[0])}
		if want := strings.TrimSpace(fields[1]); want != "none" {
			for _, p := range strings.Fields(want) {
				v, err := strconv.Atoi(p)
				if err != nil {
					t.Fatalf("%s:%d: paragraph %q: %v", path, n, p, err)
				}
				c.paras = append(c.paras, v)
			}
		}
		if len(fields) == 3 {
			c.speaker = strings.TrimSpace(fields[2])
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if a == nil {
		t.Fatalf("%s: no \"article:\" line", path)
	}
	return a, cases
}

// TestAskQuestions asks the questions in testdata/ask about the seed and
// the package's other test articles, and checks which paragraph answers
// first and, for who-questions about speakers, whom the answer names.
func TestAskQuestions(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "ask", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no question files in testdata/ask: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			a, cases := readAskCases(t, file)
			for _, c := range cases {
				t.Run(c.question, func(t *testing.T) {
					ans, err := a.Ask(c.question)
					if err != nil {
						t.Fatalf("%s:%d: Ask(%q) error: %v", file, c.line, c.question, err)
					}
					checkAnswer(t, a, ans)
					if len(c.paras) == 0 {
						if ans.Found() {
							t.Errorf("Ask(%q) = ¶%d %q, want no answer", c.question, ans.Sentences[0].Paragraph, ans.Sentences[0].Text)
						}
						return
					}
					if !ans.Found() {
						t.Fatalf("Ask(%q) found no answer, want ¶%v", c.question, c.paras)
					}
					if got := ans.Sentences[0].Paragraph; !slices.Contains(c.paras, got) {
						t.Errorf("Ask(%q) answers first with ¶%d %q, want ¶%v", c.question, got, ans.Sentences[0].Text, c.paras)
					}
					if c.speaker != "" {
						got := "<nil>"
						if ans.Speaker != nil {
							got = ans.Speaker.Name
						}
						if got != c.speaker {
							t.Errorf("Ask(%q).Speaker = %s, want %s", c.question, got, c.speaker)
						}
					}
				})
			}
		})
	}
}

// checkAnswer checks what holds for any answer: at most two sentences, each
// the article's own sentence at its own place, best first, holding enough
// of the question, with highlights inside the sentence.
func checkAnswer(t *testing.T, a *Article, ans Answer) {
	t.Helper()
	if len(ans.Sentences) > maxAnswerSentences {
		t.Errorf("Ask(%q) has %d sentences, want at most %d", ans.Question, len(ans.Sentences), maxAnswerSentences)
	}
	for i, s := range ans.Sentences {
		p, ok := a.Paragraph(s.Paragraph)
		if !ok {
			t.Fatalf("Ask(%q): sentence %d cites ¶%d, which the article does not have", ans.Question, i, s.Paragraph)
		}
		if s.Span.Start < 0 || s.Span.End > len(p.Text) || s.Span.Start >= s.Span.End {
			t.Fatalf("Ask(%q): sentence %d has span %v outside ¶%d (%d bytes)", ans.Question, i, s.Span, s.Paragraph, len(p.Text))
		}
		if got := p.Text[s.Span.Start:s.Span.End]; got != s.Text {
			t.Errorf("Ask(%q): sentence %d is %q, but its span in ¶%d holds %q", ans.Question, i, s.Text, s.Paragraph, got)
		}
		if !slices.ContainsFunc(p.Sentences, func(ps Sentence) bool { return ps == s.Sentence }) {
			t.Errorf("Ask(%q): sentence %d %q is not one of ¶%d's sentences", ans.Question, i, s.Text, s.Paragraph)
		}
		if s.Confidence < MinConfidence || s.Confidence > 1+1e-9 || s.Coverage > 1+1e-9 || s.Coverage < 0 {
			t.Errorf("Ask(%q): sentence %d has confidence %v and coverage %v, want confidence from %v to 1 and coverage from 0 to 1",
				ans.Question, i, s.Confidence, s.Coverage, MinConfidence)
		}
		if math.IsNaN(s.Score) || math.IsInf(s.Score, 0) || s.Score <= 0 {
			t.Errorf("Ask(%q): sentence %d has score %v, want a positive number", ans.Question, i, s.Score)
		}
		if i > 0 && s.Score > ans.Sentences[i-1].Score {
			t.Errorf("Ask(%q): sentence %d scores %v, more than the one before it (%v)", ans.Question, i, s.Score, ans.Sentences[i-1].Score)
		}
		for k, sp := range s.Spans {
			if sp.Start < s.Span.Start || sp.End > s.Span.End || sp.Start >= sp.End {
				t.Errorf("Ask(%q): highlight %v of sentence %d lies outside the sentence %v", ans.Question, sp, i, s.Span)
			}
			if k > 0 && sp.Start <= s.Spans[k-1].End-1 {
				t.Errorf("Ask(%q): highlights %v and %v of sentence %d overlap or are out of order", ans.Question, s.Spans[k-1], sp, i)
			}
			if !utf8.ValidString(p.Text[sp.Start:sp.End]) {
				t.Errorf("Ask(%q): highlight %v splits a character", ans.Question, sp)
			}
		}
	}
	if ans.Speaker != nil && ans.Kind != QuestionWho {
		t.Errorf("Ask(%q).Speaker = %s for a %v-question, want nil", ans.Question, ans.Speaker.Name, ans.Kind)
	}
}

func TestAskErrors(t *testing.T) {
	a := Default()
	tests := []struct {
		name, question string
		reason         string // a part of the reason
	}{
		{"empty", "", "Type a question"},
		{"space", " \t\n", "Type a question"},
		{"too long", strings.Repeat("why ", 50) + "x?", "too long"},
		{"too long in characters", strings.Repeat("é", MaxQuestionLen+1), "201 characters"},
		{"question words only", "who? what? where?", "does not say what it is about"},
		{"stop words only", "what is it?", "does not say what it is about"},
		{"a verb of speech only", "who said that?", "does not say what it is about"},
		{"punctuation", "?!…", "does not say what it is about"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := a.Ask(tt.question)
			var qe *InputError
			if !errors.As(err, &qe) {
				t.Fatalf("Ask(%q) error = %v, want an *InputError", tt.question, err)
			}
			if qe.Input != tt.question {
				t.Errorf("Ask(%q): InputError.Input = %q, want the question", tt.question, qe.Input)
			}
			if !strings.Contains(qe.Reason, tt.reason) {
				t.Errorf("Ask(%q): Reason = %q, want it to say %q", tt.question, qe.Reason, tt.reason)
			}
			if !strings.Contains(err.Error(), qe.Reason) {
				t.Errorf("Ask(%q): Error() = %q, want it to hold the reason", tt.question, err.Error())
			}
			if ans.Found() {
				t.Errorf("Ask(%q) found an answer with an error", tt.question)
			}
		})
	}
}

func TestAskLengthLimit(t *testing.T) {
	a := Default()
	// Exactly MaxQuestionLen characters, many of them two bytes long.
	q := "who said Assad has to go? " + strings.Repeat("é", MaxQuestionLen-len("who said Assad has to go? "))
	if n := utf8.RuneCountInString(q); n != MaxQuestionLen {
		t.Fatalf("the test question has %d characters, want %d", n, MaxQuestionLen)
	}
	if _, err := a.Ask(q); err != nil {
		t.Errorf("Ask(a question of %d characters) = %v, want no error", MaxQuestionLen, err)
	}
}

func TestAskKind(t *testing.T) {
	a := Default()
	tests := []struct {
		question string
		want     QuestionKind
	}{
		{"who said Assad has to go?", QuestionWho},
		{"Whom did Kerry meet?", QuestionWho},
		{"whose forces are in Syria?", QuestionWho},
		{"what did the Pentagon say?", QuestionWhat},
		{"which equipment did Russia deploy?", QuestionWhat},
		{"when did the jets arrive?", QuestionWhen},
		{"what day did the jets arrive?", QuestionWhen},
		{"in which year did Kerry speak?", QuestionWhen},
		{"where did Kerry meet Hammond?", QuestionWhere},
		{"which city did Kerry visit?", QuestionWhere},
		{"why is Washington talking to Moscow?", QuestionWhy},
		{"how will Russia help?", QuestionHow},
		{"how many fighters were trained?", QuestionHowMany},
		{"how much money was spent?", QuestionHowMany},
		{"how long has the US said Assad must go?", QuestionHowMany},
		{"Kerry Hammond London", QuestionOther},
		{"and who spoke to Press TV?", QuestionWho},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Ask(tt.question)
			if err != nil {
				t.Fatalf("Ask(%q) error: %v", tt.question, err)
			}
			if ans.Kind != tt.want {
				t.Errorf("Ask(%q).Kind = %v, want %v", tt.question, ans.Kind, tt.want)
			}
		})
	}
}

// TestAskTerms checks which words of a question count as content: not
// question words, common words, words that only ask, or a verb of speech
// that asks for a named speaker's words.
func TestAskTerms(t *testing.T) {
	a := Default()
	tests := []struct {
		question     string
		want, absent []string
	}{
		{"what is the capital of France?", []string{"capital", "france"}, []string{"capital", "france"}},
		{"who said Assad has to go?", []string{"assad", "go"}, nil},
		{"what did Kerry claim?", []string{"kerry"}, nil},
		{"who testified?", []string{"testified"}, nil},
		{"how many fighters were trained?", []string{"fighters", "trained"}, nil},
		{"what year did the jets arrive?", []string{"jets", "arrive"}, nil},
		{"what does the article tell us about US policy?", []string{"us", "policy"}, nil},
		{"Kerry's talks", []string{"kerry", "talks"}, nil},
		{"where did Kerry meet Hammond?", []string{"kerry", "meet", "hammond"}, []string{"meet"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Ask(tt.question)
			if err != nil {
				t.Fatalf("Ask(%q) error: %v", tt.question, err)
			}
			if !slices.Equal(ans.Terms, tt.want) {
				t.Errorf("Ask(%q).Terms = %q, want %q", tt.question, ans.Terms, tt.want)
			}
			if !slices.Equal(ans.Missing, tt.absent) {
				t.Errorf("Ask(%q).Missing = %q, want %q", tt.question, ans.Missing, tt.absent)
			}
		})
	}
}

// TestAskIrregularVerbs checks that a verb in the question finds its
// irregular forms in the article, and the other way round.
func TestAskIrregularVerbs(t *testing.T) {
	a := mustParse(t, "The two ministers met in Vienna on Monday.\nThe delegates will go home on Friday.\n")
	tests := []struct {
		question string
		want     int
	}{
		{"where did the ministers meet?", 1},
		{"when do the delegates leave? when did the delegates go?", 2},
		{"when have the delegates gone home?", 2},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) { checkFirstAnswer(t, a, tt.question, tt.want) })
	}
}

// checkFirstAnswer checks that a answers question first with paragraph want.
func checkFirstAnswer(t *testing.T, a *Article, question string, want int) {
	t.Helper()
	ans, err := a.Ask(question)
	if err != nil {
		t.Fatalf("Ask(%q) error: %v", question, err)
	}
	if got := 0; !ans.Found() || ans.Sentences[0].Paragraph != want {
		if ans.Found() {
			got = ans.Sentences[0].Paragraph
		}
		t.Errorf("Ask(%q) answers with ¶%d, want ¶%d", question, got, want)
	}
}

// TestAskCoverage checks a keyword question's coverage against the
// inverse sentence frequencies worked out by hand: ¶1 holds "alpha" only,
// less than half of the question's information, so only ¶2, which holds
// both words, answers, with all of it.
func TestAskCoverage(t *testing.T) {
	a := mustParse(t, bm25Article)
	ans, err := a.Ask("delta alpha")
	if err != nil {
		t.Fatalf("Ask(%q) error: %v", "delta alpha", err)
	}
	checkAnswer(t, a, ans)
	if len(ans.Sentences) != 1 || ans.Sentences[0].Paragraph != 2 || ans.Sentences[0].Coverage != 1 || ans.Sentences[0].Confidence != 1 {
		t.Fatalf("Ask(%q) = %+v, want ¶2 alone with coverage and confidence 1", "delta alpha", ans.Sentences)
	}
	q := a.readQuestion("delta alpha")
	var cov float64
	for _, c := range a.rankSentences(q) {
		if c.sent == 0 {
			cov = c.coverage
		}
	}
	idfAlpha := math.Log(1 + (3-2+0.5)/(2+0.5))
	idfDelta := math.Log(1 + (3-1+0.5)/(1+0.5))
	if want := idfAlpha / (idfAlpha + idfDelta); math.Abs(cov-want) > 1e-12 {
		t.Errorf("coverage of ¶1 for %q = %v, want %v", "delta alpha", cov, want)
	}
}

// TestAskCues checks that the form of a question chooses, among sentences
// that hold its words equally, the one holding what it asks for.
func TestAskCues(t *testing.T) {
	a := mustParse(t, strings.Join([]string{
		"The committee approved the new stadium plan after a long debate.",
		"The committee approved the new stadium plan on Thursday.",
		"The committee approved the new stadium plan in Riverton.",
		"The committee approved the new stadium plan by nine votes to four.",
		"The committee approved the new stadium plan because the old ground is unsafe.",
		`"We approved the new stadium plan," said Mayor Joan Okafor.`,
	}, "\n")+"\n")
	tests := []struct {
		question string
		want     int
	}{
		{"when did the committee approve the stadium plan?", 2},
		{"where did the committee approve the stadium plan?", 3},
		{"by how many votes did the committee approve the stadium plan?", 4},
		{"why did the committee approve the stadium plan?", 5},
		{"who approved the stadium plan?", 6},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) { checkFirstAnswer(t, a, tt.question, tt.want) })
	}
}

func TestAskSpeakerAnswer(t *testing.T) {
	a := Default()
	ans, err := a.Ask("who said Assad has to go?")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Speaker == nil || ans.Speaker.Name != "John Kerry" {
		t.Fatalf("Ask(%q).Speaker = %v, want John Kerry", ans.Question, ans.Speaker)
	}
	for _, s := range ans.Sentences {
		if s.Speaker != ans.Speaker {
			t.Errorf("Ask(%q): ¶%d's Speaker = %v, want John Kerry, whose words it holds", ans.Question, s.Paragraph, s.Speaker)
		}
		if !strings.Contains(s.Text, "Assad has to go") {
			t.Errorf("Ask(%q): ¶%d = %q, want Kerry's words", ans.Question, s.Paragraph, s.Text)
		}
	}

	// A who-question that does not ask who said something names no speaker,
	// even when its answer is someone's reported words.
	ans, err = a.Ask("who must step down?")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Speaker != nil {
		t.Errorf("Ask(%q).Speaker = %s, want nil: the United States said it, but is not who must step down", ans.Question, ans.Speaker.Name)
	}
}

func TestAskHighlights(t *testing.T) {
	a := Default()
	ans, err := a.Ask("what equipment did Russia deploy?")
	if err != nil || !ans.Found() {
		t.Fatalf("Ask: %v, %+v", err, ans)
	}
	s := ans.Sentences[0]
	p, _ := a.Paragraph(s.Paragraph)
	var got []string
	for _, sp := range s.Spans {
		got = append(got, p.Text[sp.Start:sp.End])
	}
	want := []string{"Russia", "deployed", "equipment"}
	if !slices.Equal(got, want) {
		t.Errorf("Ask(%q) highlights %q, want %q", ans.Question, got, want)
	}
}

func TestAskEmptyIndex(t *testing.T) {
	// An article always has an index once parsed; a zero Article must not
	// panic either.
	var a Article
	if _, err := a.Ask("who said the war was lost?"); err != nil {
		t.Fatalf("Ask on an empty article: %v", err)
	}
}

func TestQuestionKindString(t *testing.T) {
	for k, want := range map[QuestionKind]string{
		QuestionOther: "other", QuestionWho: "who", QuestionHowMany: "how many", QuestionKind(42): "QuestionKind(42)",
	} {
		if got := k.String(); got != want {
			t.Errorf("QuestionKind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

// TestSentenceKinds checks the typed spans Ask reads in the sentences of
// an article: whether each holds a number, a time and a place.
func TestSentenceKinds(t *testing.T) {
	tests := []struct {
		text                string
		number, time, place bool
	}{
		{"On Friday, a US official said four jets had arrived near Latakia.", true, true, true},
		{"They trained precisely four or five fighters.", true, false, false},
		{"He spent tens of millions of dollars.", true, false, false},
		{"The talks resumed last year.", false, true, false},
		{"The vote was held in May 2015.", false, true, false},
		{"Protesters gathered outside the embassy.", false, false, true},
		{"They met in London.", false, false, true},
		{"He said it may rain.", false, false, false},
		{"She arrived three weeks ago.", false, true, false},
		{"The deal was signed at a military base.", false, false, true},
		{"In March the plant opened.", false, true, true},
		{"Gusts reached 50 miles per hour.", true, false, false},
		{"They argued about the policy.", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			a := mustParse(t, tt.text)
			var number, time, place bool
			for _, sp := range a.tables().spansOf(0) {
				number = number || sp.Kind.IsQuantity() && sp.Kind != spans.Date && sp.Kind != spans.Clock
				time = time || sp.Kind == spans.Date || sp.Kind == spans.Clock
				place = place || sp.Kind == spans.Place
			}
			if number != tt.number || time != tt.time || place != tt.place {
				t.Errorf("spans of %q: number %v, time %v, place %v; want %v, %v, %v",
					tt.text, number, time, place, tt.number, tt.time, tt.place)
			}
		})
	}
}

// FuzzAsk checks that no question makes Ask panic or answer with anything
// but the article's own sentences.
func FuzzAsk(f *testing.F) {
	for _, q := range []string{
		"who said Assad has to go?", "how many fighters were trained?", "", "?", "what is it",
		`"dead end"`, "WHO SAID", "Kerry's", "é́́", "who who who who", "how many how much",
		"where\x00", strings.Repeat("a", 300),
	} {
		f.Add(q)
	}
	a := Default()
	f.Fuzz(func(t *testing.T, q string) {
		ans, err := a.Ask(q)
		if err != nil {
			var qe *InputError
			if !errors.As(err, &qe) {
				t.Fatalf("Ask(%q) error = %v, want an *InputError", q, err)
			}
			return
		}
		checkAnswer(t, a, ans)
	})
}

// TestBalance checks the quotation marks an answer sentence is shown with,
// so that its marks pair.
func TestBalance(t *testing.T) {
	tests := []struct {
		name, para, sentence string
		open, close          string
	}{
		{"inside a quotation opened before", `"The bridge is closed. Nobody may cross it until Monday," the mayor said.`,
			`Nobody may cross it until Monday," the mayor said.`, `"`, ""},
		{"opening a quotation that closes later", `“The pier will be rebuilt. It will take two years,” she said.`,
			`“The pier will be rebuilt.`, "", "”"},
		{"in the middle of a quotation", `‘One. Two. Three,’ he counted.`, `Two.`, "‘", "’"},
		{"a whole quotation", `"We are ready," he said. Then he left.`, `"We are ready," he said.`, "", ""},
		{"no quotation", `The council met. It voted.`, `It voted.`, "", ""},
		{"a quotation that runs on into the next paragraph", `“The pipe was never sealed. Anyone upstairs was at risk.`,
			`Anyone upstairs was at risk.`, "“", "”"},
		{"a whole paragraph of a quotation that runs on", `“The pipe was never sealed.`, `“The pipe was never sealed.`, "", "”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.para, tt.sentence)
			open, close := balance(tt.para, Span{Start: start, End: start + len(tt.sentence)})
			if open != tt.open || close != tt.close {
				t.Errorf("balance(%q, %q) = %q, %q, want %q, %q", tt.para, tt.sentence, open, close, tt.open, tt.close)
			}
		})
	}
}

// TestAskAnswerMarks checks that an answer taken from inside a quotation
// of several sentences carries the mark that opened it.
func TestAskAnswerMarks(t *testing.T) {
	a := mustParse(t, `"The bridge is closed. Nobody may cross the river until Monday," Mayor Lena Ortiz said.`+"\n")
	ans, err := a.Ask("when can people cross the river?")
	if err != nil || !ans.Found() {
		t.Fatalf("Ask = %+v, %v, want an answer", ans, err)
	}
	s := ans.Sentences[0]
	if got := s.Open + s.Text + s.Close; got != `"Nobody may cross the river until Monday," Mayor Lena Ortiz said.` {
		t.Errorf("Ask(%q) shows %q, want its quotation marks paired", ans.Question, got)
	}
}

// TestAskAnswerMarksRunOn checks that an answer from a paragraph of a
// quotation that runs on into the next paragraph, as long quotations in
// news do, is shown with the closing mark the paragraph leaves out.
func TestAskAnswerMarksRunOn(t *testing.T) {
	a := mustParse(t, "Inspector Ruth Okoye told the hearing: “The flue pipe was never sealed to the boiler.\n\n"+
		"“Anyone asleep upstairs that night was breathing the fumes.”\n")
	ans, err := a.Ask("was the flue pipe sealed to the boiler?")
	if err != nil || !ans.Found() {
		t.Fatalf("Ask = %+v, %v, want an answer", ans, err)
	}
	s := ans.Sentences[0]
	if got, want := s.Open+s.Text+s.Close, "Inspector Ruth Okoye told the hearing: “The flue pipe was never sealed to the boiler.”"; got != want {
		t.Errorf("Ask(%q) shows %q, want %q", ans.Question, got, want)
	}
}

// TestAskInterviewReply checks the whole answer from an interview: a
// bare reply with the sentence after it that says what it means, and not
// the interviewer's question; and no reply to a yes-or-no question for a
// question that asks when, though the reply holds a date.
func TestAskInterviewReply(t *testing.T) {
	a, err := Load(filepath.Join("testdata", "ask", "articles", "lighthouse.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		question string
		want     []string
	}{
		{"will she miss the lighthouse?", []string{"A: Yes.",
			"I have climbed those hundred and twelve steps twice a night since 2006, and my knees will not miss them, but I will."}},
		{"when will the light be automated?", []string{"The Post asked her about the job before the light is automated on April 1."}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Ask(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range ans.Sentences {
				got = append(got, s.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Ask(%q) = %q, want %q", tt.question, got, tt.want)
			}
		})
	}
}

// TestAskUnquoted checks the answer to "what did X say?" when the article
// names X but quotes nothing of theirs: no sentence, and the people the
// name may mean, whose mentions say where the article names them.
func TestAskUnquoted(t *testing.T) {
	a, err := Load(filepath.Join("testdata", "ask", "articles", "orchard.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		question string
		want     []string // the people named but not quoted
		paras    []int    // where the first of them is named
	}{
		{"what did Colm Farrow say?", []string{"Colm Farrow"}, []int{6, 7}},
		{"What did the minister Farrow say about the relief fund?", []string{"Colm Farrow"}, []int{6, 7}},
		{"What has the minister said about the frost?", []string{"Colm Farrow"}, []int{6, 7}},
		{"what did Reinholt say?", []string{"Tomas Reinholt", "Alma Reinholt"}, []int{2, 3, 4}},
		// Quoted people, and a person named after the verb of speech.
		{"what did Quist say?", nil, nil},
		{"what did Petra Lind say?", nil, nil},
		{"what did the growers say about Colm Farrow?", nil, nil},
		{"who met Colm Farrow?", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Ask(tt.question)
			if err != nil {
				t.Fatalf("Ask(%q) error: %v", tt.question, err)
			}
			got := unquotedNames(ans)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("Ask(%q).Unquoted = %q, want %q", tt.question, got, tt.want)
			}
			if len(tt.want) == 0 {
				return
			}
			if ans.Found() {
				t.Errorf("Ask(%q) answers with %q, want no sentence", tt.question, ans.Sentences[0].Text)
			}
			if got := ans.Unquoted[0].Paragraphs(); !slices.Equal(got, tt.paras) {
				t.Errorf("Ask(%q).Unquoted[0].Paragraphs() = %v, want %v", tt.question, got, tt.paras)
			}
		})
	}
}

// TestAskNamesake checks "what did X say?" when X shares a word of the
// name with a quoted speaker but is someone else: the speaker's words are
// no answer; the person named is, when the article names them, mentioned
// but not quoted.
func TestAskNamesake(t *testing.T) {
	a, err := Load(filepath.Join("testdata", "ask", "articles", "bakehouse.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		question string
		unquoted []string // the people named but not quoted
		para     int      // the paragraph the first answer sentence cites, 0 for none
	}{
		{"namesake mentioned", "what did Dan Kovacs say?", []string{"Dan Kovacs"}, 0},
		{"namesake mentioned, lower case", "what did dan kovacs say?", []string{"Dan Kovacs"}, 0},
		{"namesake not in the article", "what did Lena Kovacs say?", nil, 0},
		{"surname of the one quoted", "what did Kovacs say?", nil, 3},
		{"full name of the one quoted", "what did Marta Kovacs say?", nil, 3},
		{"first name of the one quoted", "what did Marta say?", nil, 3},
		{"title and surname", "what did Ms Kovacs say about the floor?", nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := a.Ask(tt.question)
			if err != nil {
				t.Fatalf("Ask(%q) error: %v", tt.question, err)
			}
			got := unquotedNames(ans)
			if !slices.Equal(got, tt.unquoted) {
				t.Errorf("Ask(%q).Unquoted = %q, want %q", tt.question, got, tt.unquoted)
			}
			para := 0
			if ans.Found() {
				para = ans.Sentences[0].Paragraph
			}
			if para != tt.para {
				t.Errorf("Ask(%q) cites ¶%d first, want ¶%d (0: no sentence)", tt.question, para, tt.para)
			}
		})
	}
}

// TestAnswerLabel checks which openings of a sentence are an interview
// answer's label, left out of the text shown.
func TestAnswerLabel(t *testing.T) {
	tests := []struct {
		name, sentence string
		want           int
	}{
		{"label and space", "A: Perhaps a third.", 3},
		{"label and two spaces", "A:  Perhaps a third.", 4},
		{"no label", "Perhaps a third.", 0},
		{"label alone", "A:", 0},
		{"no space after the colon", "A:B roads were shut.", 0},
		{"a word that starts with A", "Apples: a third were lost.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := answerLabel(tt.sentence); got != tt.want {
				t.Errorf("answerLabel(%q) = %d, want %d", tt.sentence, got, tt.want)
			}
		})
	}
}

// TestAskAnswerLabel checks that an interview's answer cited by /ask
// carries the length of its "A:" label, and that the rest is its words.
func TestAskAnswerLabel(t *testing.T) {
	a, err := Load(filepath.Join("testdata", "ask", "articles", "orchard.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ans, err := a.Ask("how much of the crop can still be saved?")
	if err != nil || !ans.Found() {
		t.Fatalf("Ask found no answer: %v", err)
	}
	s := ans.Sentences[0]
	if got, want := s.Text[s.Label:], "Perhaps a third of the late varieties, if the nights stay mild until June."; got != want {
		t.Errorf("answer without its label = %q, want %q", got, want)
	}
}

// unquotedNames returns the names of the people an answer says the
// article names but does not quote.
func unquotedNames(ans Answer) []string {
	var names []string
	for _, p := range ans.Unquoted {
		names = append(names, p.Name)
	}
	return names
}

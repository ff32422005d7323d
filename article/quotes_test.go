package article

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// quoteFact is one line of what an article says who said: "Speaker ¶N
// kind", with "partial" or "continued" after a direct quote that is one.
func quoteFact(q Quote) string {
	f := fmt.Sprintf("%s ¶%d %s", q.Speaker.Name, q.Paragraph, q.Kind)
	if q.Partial {
		f += " partial"
	}
	if q.Continued {
		f += " continued"
	}
	return f
}

func quoteFacts(a *Article) []string {
	var facts []string
	for _, q := range a.Quotes() {
		facts = append(facts, quoteFact(q))
	}
	return facts
}

func directParagraphs(sp *Speaker) []int {
	var ns []int
	for _, q := range sp.Quotes {
		ns = append(ns, q.Paragraph)
	}
	return ns
}

func mustSpeaker(t *testing.T, a *Article, name string) *Speaker {
	t.Helper()
	sp, err := a.Speaker(name)
	if err != nil {
		t.Fatalf("Speaker(%q) error: %v", name, err)
	}
	return sp
}

func TestSeedDirectQuotes(t *testing.T) {
	a := Default()
	tests := []struct {
		speaker string
		want    []int
	}{
		{"John Kerry", []int{4, 5, 8, 9}},
		{"James George Jatras", []int{13, 14, 15}},
		{"US officials", []int{6}},
	}
	for _, tt := range tests {
		t.Run(tt.speaker, func(t *testing.T) {
			sp := mustSpeaker(t, a, tt.speaker)
			if sp.Name != tt.speaker {
				t.Errorf("Speaker(%q).Name = %q, want %q", tt.speaker, sp.Name, tt.speaker)
			}
			if got := directParagraphs(sp); !slices.Equal(got, tt.want) {
				t.Errorf("direct quotes of %s are in ¶%v, want ¶%v", tt.speaker, got, tt.want)
			}
		})
	}
	t.Run("no other paragraph", func(t *testing.T) {
		allowed := map[int]bool{4: true, 5: true, 6: true, 8: true, 9: true, 13: true, 14: true, 15: true}
		for _, q := range a.Quotes() {
			if q.Kind == Direct && !allowed[q.Paragraph] {
				t.Errorf("¶%d holds a direct quote %q by %s; no such quote is there", q.Paragraph, q.Text, q.Speaker.Name)
			}
		}
	})
	t.Run("partial in reported speech", func(t *testing.T) {
		sp := mustSpeaker(t, a, "US officials")
		if len(sp.Quotes) != 1 {
			t.Fatalf("US officials have %d direct quotes, want 1", len(sp.Quotes))
		}
		q := sp.Quotes[0]
		if !q.Partial || q.Text != "an imminent enhanced Russian military buildup" {
			t.Errorf("US officials' quote = %q (partial %v), want the partial quote \"an imminent enhanced Russian military buildup\"", q.Text, q.Partial)
		}
		if sp.Named {
			t.Errorf("US officials.Named = true, want false: an unnamed source")
		}
	})
	t.Run("whole quotes are not partial", func(t *testing.T) {
		for _, name := range []string{"kerry", "jatras"} {
			for _, q := range mustSpeaker(t, a, name).Quotes {
				if q.Partial || q.Continued {
					t.Errorf("¶%d quote of %s: partial %v, continued %v; want a whole quote", q.Paragraph, name, q.Partial, q.Continued)
				}
			}
		}
	})
}

func TestSeedReportedSpeech(t *testing.T) {
	a := Default()
	tests := []struct {
		speaker   string
		paragraph int
		contains  string
	}{
		{"John Kerry", 2, "Assad has to go"},
		{"John Kerry", 3, "Russia and Iran to use their influence"},
		{"US military official", 7, "four Russian fighter jets had arrived"},
		{"the Pentagon", 11, "Washington and Moscow have resumed"},
		{"US officials", 6, "Russia has deployed heavy equipment"},
		{"American foreign policy analyst", 12, "the failure of US policy in Syria"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s ¶%d", tt.speaker, tt.paragraph), func(t *testing.T) {
			sp := mustSpeaker(t, a, tt.speaker)
			for _, q := range sp.Reported {
				if q.Paragraph == tt.paragraph && strings.Contains(q.Text, tt.contains) {
					if q.Kind != Reported {
						t.Errorf("Kind = %v, want reported", q.Kind)
					}
					return
				}
			}
			t.Errorf("%s has no reported statement in ¶%d containing %q; has %v", tt.speaker, tt.paragraph, tt.contains, sp.Reported)
		})
	}
	t.Run("no reported twin of a direct quote", func(t *testing.T) {
		for _, q := range a.Quotes() {
			if q.Kind == Reported && (q.Paragraph == 4 || q.Paragraph == 5 || q.Paragraph == 8 || q.Paragraph >= 13) {
				t.Errorf("¶%d has a reported statement %q by %s beside its direct quote", q.Paragraph, q.Text, q.Speaker.Name)
			}
		}
	})
}

func TestSeedSpeakers(t *testing.T) {
	a := Default()
	tests := []struct {
		query       string
		name        string
		description string
		aliases     []string
		named       bool
	}{
		{"kerry", "John Kerry", "US Secretary of State", []string{"Kerry", "US Secretary of State", "the top US diplomat"}, true},
		{"jatras", "James George Jatras", "former US diplomat and adviser to the Senate Republican leadership", []string{"Jatras", "the analyst"}, true},
		{"pentagon", "the Pentagon", "", nil, true},
		{"military official", "US military official", "who spoke on condition of anonymity", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := mustSpeaker(t, a, tt.query)
			if sp.Name != tt.name {
				t.Errorf("Speaker(%q).Name = %q, want %q", tt.query, sp.Name, tt.name)
			}
			if sp.Description != tt.description {
				t.Errorf("%s.Description = %q, want %q", tt.name, sp.Description, tt.description)
			}
			for _, alias := range tt.aliases {
				if !slices.Contains(sp.Aliases, alias) {
					t.Errorf("%s.Aliases = %q, want it to hold %q", tt.name, sp.Aliases, alias)
				}
			}
			if sp.Named != tt.named {
				t.Errorf("%s.Named = %v, want %v", tt.name, sp.Named, tt.named)
			}
		})
	}
	t.Run("most quoted first", func(t *testing.T) {
		sps := a.Speakers()
		if len(sps) < 3 || sps[0].Name != "John Kerry" || sps[1].Name != "James George Jatras" || sps[2].Name != "US officials" {
			var names []string
			for _, sp := range sps {
				names = append(names, sp.Name)
			}
			t.Errorf("Speakers() = %q, want John Kerry, James George Jatras, US officials first", names)
		}
	})
}

// quoteArticleFiles returns the names of the articles in testdata/quotes.
func quoteArticleFiles(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles in testdata/quotes: %v", err)
	}
	files := make([]string, len(paths))
	for i, p := range paths {
		files[i] = filepath.Base(p)
	}
	return files
}

func loadQuoteArticle(t testing.TB, file string) *Article {
	t.Helper()
	a, err := Load(filepath.Join("testdata", "quotes", file))
	if err != nil {
		t.Fatalf("Load(%q): %v", file, err)
	}
	return a
}

// TestQuoteInvariants checks what must hold of any article: quotes in
// document order with their speaker, text that is what the span locates,
// speakers' own lists and their order.
func TestQuoteInvariants(t *testing.T) {
	articles := map[string]*Article{"seed": Default()}
	for _, file := range quoteArticleFiles(t) {
		articles[file] = loadQuoteArticle(t, file)
	}
	for name, a := range articles {
		t.Run(name, func(t *testing.T) {
			checkQuoteInvariants(t, a)
		})
	}
}

func checkQuoteInvariants(t *testing.T, a *Article) {
	t.Helper()
	prev := Quote{Paragraph: 1}
	counts := map[*Speaker][2]int{}
	for _, q := range a.Quotes() {
		if q.Speaker == nil {
			t.Fatalf("¶%d quote %q has no speaker", q.Paragraph, q.Text)
		}
		p, ok := a.Paragraph(q.Paragraph)
		if !ok {
			t.Fatalf("quote %q cites ¶%d, which does not exist", q.Text, q.Paragraph)
		}
		if q.Span.Start < 0 || q.Span.End > len(p.Text) || q.Span.Start >= q.Span.End {
			t.Fatalf("¶%d quote %q: span %v is not in the paragraph", q.Paragraph, q.Text, q.Span)
		}
		within := p.Text[q.Span.Start:q.Span.End]
		switch {
		case q.Parts == nil && within != q.Text:
			t.Errorf("¶%d quote %q: span %v does not locate its text", q.Paragraph, q.Text, q.Span)
		case q.Parts != nil && (len(q.Parts) < 2 || strings.Join(q.Parts, " … ") != q.Text ||
			!strings.HasPrefix(within, q.Parts[0]) || !strings.HasSuffix(within, q.Parts[len(q.Parts)-1])):
			t.Errorf("¶%d quote %q: parts %q are not the parts of its span %q", q.Paragraph, q.Text, q.Parts, within)
		}
		if q.Paragraph < prev.Paragraph || (q.Paragraph == prev.Paragraph && q.Span.Start < prev.Span.Start) {
			t.Errorf("quote ¶%d@%d comes after ¶%d@%d: not in document order", q.Paragraph, q.Span.Start, prev.Paragraph, prev.Span.Start)
		}
		if q.Kind == Reported && (q.Partial || q.Continued) {
			t.Errorf("¶%d reported statement %q is marked partial or continued", q.Paragraph, q.Text)
		}
		c := counts[q.Speaker]
		if q.Kind == Direct {
			c[0]++
		} else {
			c[1]++
		}
		counts[q.Speaker] = c
		prev = q
	}
	sps := a.Speakers()
	if len(sps) != len(counts) {
		t.Errorf("Speakers() has %d speakers, but %d speakers have quotes", len(sps), len(counts))
	}
	for i, sp := range sps {
		c := counts[sp]
		if len(sp.Quotes) != c[0] || len(sp.Reported) != c[1] {
			t.Errorf("%s lists %d direct and %d reported, Quotes() gives %d and %d", sp.Name, len(sp.Quotes), len(sp.Reported), c[0], c[1])
		}
		for _, q := range sp.Quotes {
			if q.Kind != Direct || q.Speaker != sp {
				t.Errorf("%s.Quotes holds %v by %s", sp.Name, q.Kind, q.Speaker.Name)
			}
		}
		for _, q := range sp.Reported {
			if q.Kind != Reported || q.Speaker != sp {
				t.Errorf("%s.Reported holds %v by %s", sp.Name, q.Kind, q.Speaker.Name)
			}
		}
		if i > 0 {
			p := sps[i-1]
			if len(p.Quotes) < len(sp.Quotes) || (len(p.Quotes) == len(sp.Quotes) && len(p.Reported) < len(sp.Reported)) {
				t.Errorf("%s (%d/%d) is listed before %s (%d/%d): not most quoted first",
					p.Name, len(p.Quotes), len(p.Reported), sp.Name, len(sp.Quotes), len(sp.Reported))
			}
		}
		if got, err := a.Speaker(sp.Name); err != nil || got != sp {
			t.Errorf("Speaker(%q) = %v, %v; want the speaker itself", sp.Name, got, err)
		}
		if len(sp.Aliases) == 0 || sp.Aliases[0] != sp.Name {
			t.Errorf("%s.Aliases = %q, want the name first", sp.Name, sp.Aliases)
		}
	}
}

// FuzzQuotes checks that any paragraph text yields quotes that satisfy the
// invariants, without a panic.
func FuzzQuotes(f *testing.F) {
	for _, file := range quoteArticleFiles(f) {
		body, err := os.ReadFile(filepath.Join("testdata", "quotes", file))
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(body), "\n") {
			if line != "" {
				f.Add(line)
			}
		}
	}
	f.Add(`"unclosed 'single "double' mixed” “ ” ' ’ ‘`)
	f.Add(`', said, "," said ,: "`)
	f.Fuzz(func(t *testing.T, text string) {
		a, err := Parse(strings.NewReader(text))
		if err != nil {
			return
		}
		checkQuoteInvariants(t, a)
		for _, q := range []string{"", "a", "said", text} {
			a.Speaker(q)
		}
	})
}

// TestSpeechVerbs checks that the verbs of speech news uses attribute
// words in each position: after a quotation, before its speaker, before a
// colon and a quotation, and before a reported clause.
func TestSpeechVerbs(t *testing.T) {
	// The list, each in every form.
	everyForm := strings.Fields("said says asked added stated noted told explained warned argued insisted tweeted wrote")
	// More verbs, in the forms that fit all of them.
	usual := strings.Fields("claimed replied declared announced remarked suggested acknowledged admitted conceded " +
		"confirmed denied stressed observed commented responded recalled predicted maintained asserted complained " +
		"cautioned testified revealed reiterated")
	type form struct{ name, text, want string }
	forms := func(v string, all bool) []form {
		fs := []form{
			{"after a quotation", `"The bridge is safe," Maria Lopez ` + v + `.`, "Maria Lopez ¶1 direct"},
			{"before a colon", `Maria Lopez ` + v + `: "The bridge is safe."`, "Maria Lopez ¶1 direct"},
			{"before a clause", `Maria Lopez ` + v + ` that the bridge was safe.`, "Maria Lopez ¶1 reported"},
		}
		if all {
			fs = append(fs, form{"before its speaker", `"The bridge is safe," ` + v + ` Maria Lopez.`, "Maria Lopez ¶1 direct"})
		}
		return fs
	}
	for _, v := range append(everyForm, usual...) {
		for _, f := range forms(v, slices.Contains(everyForm, v)) {
			t.Run(v+"/"+f.name, func(t *testing.T) {
				a := mustParse(t, f.text)
				if got := quoteFacts(a); !slices.Equal(got, []string{f.want}) {
					t.Errorf("quotes of %q = %q, want %q", f.text, got, f.want)
				}
			})
		}
	}
}

// factCase is a short article with every quote and reported statement it
// holds, as facts: "Speaker ¶N kind", with "partial" or "continued" after
// a direct quote that is one.
type factCase struct {
	name string
	text string
	want []string
}

func checkFactCases(t *testing.T, tests []factCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.text)
			if got := quoteFacts(a); !slices.Equal(got, tt.want) {
				t.Errorf("quotes of %q:\n got  %q\n want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestPronouns checks whom he, she, they and it refer to in short articles.
func TestPronouns(t *testing.T) {
	tests := []factCase{
		{"he is the unnamed source who just spoke",
			"Minister Jane Cole said the talks would continue.\n" +
				"A senior official, speaking on condition of anonymity, said the talks had stalled. \"We are nowhere,\" he said.",
			[]string{"Jane Cole ¶1 reported", "senior official ¶2 reported", "senior official ¶2 direct"}},
		{"he skips an unnamed source two paragraphs back",
			"\"We will not resign,\" Mr Tom Reyes said.\n" +
				"A police officer said the crowd had dispersed.\n" +
				"The square was quiet by midnight.\n" +
				"\"It is over,\" he said.",
			[]string{"Tom Reyes ¶1 direct", "police officer ¶2 reported", "Tom Reyes ¶4 direct"}},
		{"she skips the man who spoke last",
			"\"We are ready,\" said Mrs Ada Lund.\n" +
				"\"So are we,\" said Mr Piet Lund.\n" +
				"\"Then we start tomorrow,\" she said.",
			[]string{"Ada Lund ¶1 direct", "Piet Lund ¶2 direct", "Ada Lund ¶3 direct"}},
		{"a pronoun settles a gender",
			"\"Yes,\" said Kim Ode. \"Of course,\" she added.\n" +
				"\"No,\" said Sam Ode. \"Never,\" he added.\n" +
				"\"Why not?\" she asked.",
			[]string{"Kim Ode ¶1 direct", "Kim Ode ¶1 direct", "Sam Ode ¶2 direct", "Sam Ode ¶2 direct", "Kim Ode ¶3 direct"}},
		{"they is a group",
			"US officials claim that Russia has moved troops. They say that the build-up began in May.",
			[]string{"US officials ¶1 reported", "US officials ¶1 reported"}},
		{"it is a body",
			"The ministry said the border was closed. It added that it would reopen on Monday.",
			[]string{"the ministry ¶1 reported", "the ministry ¶1 reported"}},
	}
	checkFactCases(t, tests)
}

// TestQuoteContext checks attributions that need more than one sentence:
// who a name, a title or a pronoun stands for, and whose words an
// unattributed quotation is.
func TestQuoteContext(t *testing.T) {
	tests := []factCase{
		{"a name in the subject's description is not the subject",
			"One resident, Doris Hale, lost her savings.\n" +
				"Mrs Hale's son, Peter Hale, said the family had trusted the home. \"We were wrong,\" he said.\n" +
				"\"Not for a car,\" Mr Hale replied.",
			[]string{"Peter Hale ¶2 reported", "Peter Hale ¶2 direct", "Peter Hale ¶3 direct"}},
		{"a gendered description settles the gender",
			"Tom Ash said the roof had held.\n" +
				"His neighbour's wife, Sam Reed, said it had leaked. \"It held,\" he said.",
			[]string{"Tom Ash ¶1 reported", "Sam Reed ¶2 reported", "Tom Ash ¶2 direct"}},
		{"a nationality stands for the person just written about",
			"Kingsbridge manager Steve Cullen was furious with the decision.\n" +
				"\"What's the point?\" the Scot said.",
			[]string{"Steve Cullen ¶2 direct"}},
		{"a headline title is the person who holds it",
			"Finance Minister: \"We will not raise income tax\"\n" +
				"Finance Minister Clara Voss ruled out a rise on Sunday.",
			[]string{"Clara Voss ¶1 direct"}},
		{"a quotation over paragraphs after one about a person",
			"Edith Morrow, who is 71, took the job in 1984.\n" +
				"\"I walked in thinking I'd stay a year.\n" +
				"\"But I stayed forty.\"",
			[]string{"Edith Morrow ¶2 direct", "Edith Morrow ¶3 direct continued"}},
		{"a quotation after someone else spoke is not the subject's",
			"Edith Morrow took the job in 1984. Her manager said she was a natural.\n" +
				"\"I walked in thinking I'd stay a year.\"",
			[]string{"Her manager ¶1 reported"}},
		{"a pronoun before the sentence's own subject is done",
			"The novelist Priya Sethi has spent ten years writing a book she says she was afraid to finish.",
			[]string{"Priya Sethi ¶1 reported"}},
		{"a middle name the person is known by",
			"Brazilian President Luiz Inácio Lula da Silva hosted the summit. Lula said the pledge was historic.",
			[]string{"Luiz Inácio Lula da Silva ¶1 reported"}},
		{"they after a plural description",
			"Police said the man was stable.\n" +
				"Officers from three forces closed the roads. They urged drivers to stay at home.",
			[]string{"police ¶1 reported", "officers ¶2 reported"}},
		{"answers of a question-and-answer interview, and no statement in its questions",
			"Dr Amara Osei has led the team for six years. She spoke to the Courier.\n" +
				"Q: What will the cuts mean?\n" +
				"A: \"Fewer people knocking on doors.\"\n" +
				"Q: The council says the cuts are unavoidable. Do you agree?\n" +
				"A: \"I accept the council has no money.\"",
			[]string{"Amara Osei ¶3 direct", "Amara Osei ¶5 direct"}},
		{"Ms and Mrs tell two women who share a surname apart",
			"Anna Berg ran the shop for forty years.\n" +
				"Her granddaughter, Lisa Berg, said she was strict. \"She was fair,\" Ms Berg said.\n" +
				"In 2002, Mrs Berg was honoured. She told the paper: \"I only sold stamps.\"",
			[]string{"Lisa Berg ¶2 reported", "Lisa Berg ¶2 direct", "Anna Berg ¶3 direct"}},
		{"abbreviated titles before a name",
			"\"We will find him,\" said Det. Supt. Rachel Hughes.\n" +
				"Fr. John Smith said the church would stay open.\n" +
				"Sens. Joni Ernst and Gary Peters said the bill would pass.",
			[]string{"Rachel Hughes ¶1 direct", "John Smith ¶2 reported", "Joni Ernst and Gary Peters ¶3 reported"}},
		{"the statement is whoever issued it",
			"The family said in a statement that they were heartbroken. \"He should have come home,\" the statement said.",
			[]string{"the family ¶1 reported", "the family ¶1 direct"}},
	}
	checkFactCases(t, tests)
}

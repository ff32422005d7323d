package article

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
)

// sharedSeed is the seed article of the checkout, beside the module.
var sharedSeed = filepath.Join("..", "..", "shared", "seed", "article.txt")

func TestEmbeddedSeedIsTheSharedSeed(t *testing.T) {
	want, err := os.ReadFile(sharedSeed)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent (a clone without ../shared beside it): cannot compare the embedded seed with it", sharedSeed)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(seedText, want) {
		t.Errorf("the embedded seed/article.txt (%d bytes) differs from %s (%d bytes); copy it again",
			len(seedText), sharedSeed, len(want))
	}
}

func TestDefault(t *testing.T) {
	a := Default()
	if a != Default() {
		t.Error("Default() returned a different article on its second call; want it parsed once")
	}
	if got, want := len(a.Paragraphs), 15; got != want {
		t.Fatalf("len(Default().Paragraphs) = %d, want %d", got, want)
	}
	checkNumbering(t, a)
	// The subheading counts as a paragraph of its own.
	if p, _ := a.Paragraph(10); !strings.Contains(p.Text, "US policy in Syria hits dead end") {
		t.Errorf("Default().Paragraph(10).Text = %q, want the subheading", p.Text)
	}
	if a.Meta.Title == "" || a.Meta.Publication == "" || a.Meta.Date == "" {
		t.Errorf("Default().Meta = %+v, want a title, publication and date", a.Meta)
	}
	if got := a.WordCount(); got < 400 || got > 600 {
		t.Errorf("Default().WordCount() = %d, want the seed's 450 words or so", got)
	}
}

// TestSeedEditorSummary checks the shape of the editor's summary written for
// the seed: three to five short points, each citing paragraphs that exist.
func TestSeedEditorSummary(t *testing.T) {
	a := Default()
	sum := a.Summary()
	if sum.Extractive {
		t.Error("Default().Summary().Extractive = true, want the editor's summary")
	}
	if n := len(sum.Points); n < 3 || n > 5 {
		t.Errorf("len(Default().Summary().Points) = %d, want 3 to 5", n)
	}
	if !slices.EqualFunc(sum.Points, a.Meta.Summary, func(x, y SummaryPoint) bool {
		return x.Text == y.Text && slices.Equal(x.Paragraphs, y.Paragraphs)
	}) {
		t.Error("Default().Summary().Points differ from Default().Meta.Summary")
	}
	for i, p := range sum.Points {
		if words := len(strings.Fields(p.Text)); words > 35 {
			t.Errorf("point %d has %d words, want a short point: %q", i+1, words, p.Text)
		}
		if len(p.Paragraphs) == 0 {
			t.Errorf("point %d cites no paragraph: %q", i+1, p.Text)
		}
		if !slices.IsSorted(p.Paragraphs) {
			t.Errorf("point %d cites %v, want paragraphs in order", i+1, p.Paragraphs)
		}
	}
}

// checkNumbering checks what every parsed article promises: paragraphs
// numbered 1..N, sentences that lie inside their paragraph, in order, and
// the article's sentence list made of the paragraphs' sentences.
func checkNumbering(t *testing.T, a *Article) {
	t.Helper()
	var all []Sentence
	for i, p := range a.Paragraphs {
		if p.N != i+1 {
			t.Errorf("Paragraphs[%d].N = %d, want %d", i, p.N, i+1)
		}
		if got, ok := a.Paragraph(i + 1); !ok || got.N != i+1 {
			t.Errorf("Paragraph(%d) = ¶%d, %v, want ¶%d, true", i+1, got.N, ok, i+1)
		}
		if p.Text == "" || p.Text != strings.TrimSpace(p.Text) {
			t.Errorf("¶%d.Text = %q, want trimmed non-empty text", p.N, p.Text)
		}
		if len(p.Sentences) == 0 {
			t.Errorf("¶%d has no sentences", p.N)
		}
		end := 0
		for _, s := range p.Sentences {
			if s.Paragraph != p.N {
				t.Errorf("a sentence of ¶%d says it is in ¶%d", p.N, s.Paragraph)
			}
			if s.Span.Start < end || s.Span.End > len(p.Text) || s.Span.Start >= s.Span.End {
				t.Errorf("¶%d: sentence span %v is out of order or out of range (text %d bytes)", p.N, s.Span, len(p.Text))
				continue
			}
			if got := p.Text[s.Span.Start:s.Span.End]; got != s.Text {
				t.Errorf("¶%d: text at span %v = %q, want the sentence %q", p.N, s.Span, got, s.Text)
			}
			end = s.Span.End
		}
		all = append(all, p.Sentences...)
	}
	for _, n := range []int{0, -1, len(a.Paragraphs) + 1} {
		if _, ok := a.Paragraph(n); ok {
			t.Errorf("Paragraph(%d) found a paragraph, want none", n)
		}
	}
	if !slices.Equal(a.Sentences(), all) {
		t.Errorf("Sentences() holds %d sentences, want the paragraphs' %d in order", len(a.Sentences()), len(all))
	}
}

// TestConcurrentUse asks one article the questions the bot asks, from
// several goroutines at once, as an Article promises to allow; run it with
// -race. Every answer must equal the one given alone.
func TestConcurrentUse(t *testing.T) {
	a := Default()
	calls := []struct {
		name string
		call func() any
	}{
		{"Search", func() any { r, err := a.Search(`russia "dead end" negotiatoin`, Page{}); return []any{r, err} }},
		{"Ask", func() any { r, err := a.Ask("who said Assad has to go?"); return []any{r, err} }},
		{"Ask/no answer", func() any { r, err := a.Ask("what is the capital of France?"); return []any{r, err} }},
		{"Speaker", func() any { sp, err := a.Speaker("kery"); return []any{sp, err} }},
		{"Speaker/unknown", func() any { sp, err := a.Speaker("lavrov"); return []any{sp, err} }},
		{"Summary", func() any { return a.Summary() }},
		{"Quotes", func() any { return a.Quotes() }},
	}
	want := make([]any, len(calls))
	for i, c := range calls {
		want[i] = c.call()
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				for i, c := range calls {
					if got := c.call(); !reflect.DeepEqual(got, want[i]) {
						t.Errorf("concurrent %s = %v, want %v", c.name, got, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// loadCases are well-formed articles in testdata/load, with what parsing
// them must give.
var loadCases = []struct {
	name  string
	file  string
	paras []string // every paragraph, or a prefix of each
	title string
	// raw is a byte sequence the file must hold, so that a checkout that
	// rewrites line endings or drops a byte order mark fails loudly.
	raw string
}{
	{
		name: "one paragraph per line, no metadata",
		file: "oneline.txt",
		paras: []string{
			"The harbour authority closed the eastern pier",
			`"We will not take chances`,
			"Ferries that normally dock",
			"Fishing crews said",
		},
	},
	{
		name: "paragraphs separated by blank lines, lines wrapped",
		file: "blocks.txt",
		paras: []string{
			"The regional library will stay open until midnight during the exam season, the library board decided",
			`"Students have nowhere quiet to work after ten o'clock," said Tomas Berg, who organized`,
			"The board said the extra hours",
			"The late opening starts on May 2 and runs for six weeks.",
		},
	},
	{
		name: "a headline set apart, then one paragraph per line",
		file: "headline.txt",
		paras: []string{
			"Bridge reopens after two years of repairs",
			"The Old Mill bridge reopened",
			"Engineers replaced both piers",
			`"It is stronger now`,
			"Cyclists will have a marked lane",
		},
	},
	{
		name:  "CRLF line endings",
		file:  "crlf.txt",
		paras: []string{"Rail workers will strike on Friday, their union said.", "Talks with the operator broke down late on Tuesday."},
		raw:   "\r\n",
	},
	{
		name:  "CR line endings",
		file:  "cr.txt",
		paras: []string{"Talks ended without a deal.", "Both sides will meet again next week."},
		raw:   "\r",
	},
	{
		name:  "byte order mark",
		file:  "bom.txt",
		paras: []string{"The museum will reopen in April.", "Its new wing holds the city’s maritime collection."},
		raw:   "\ufeff",
	},
	{
		name:  "byte order mark before front matter",
		file:  "bom-front.txt",
		paras: []string{"The museum will reopen in April."},
		title: "Museum reopens",
		raw:   "\ufeff---",
	},
	{
		name: "curly quotes and apostrophes",
		file: "curly.txt",
		paras: []string{
			"“We don’t expect the road to reopen before the weekend,” the mayor’s spokesman said on Thursday.",
			"Crews cleared the ’91 landslide",
			"The city’s buses",
		},
	},
	{
		name:  "front matter",
		file:  "front.txt",
		paras: []string{"The city council approved plans", "The park will cost", "A state grant"},
		title: "Council approves a new park",
	},
	{
		name:  "metadata in a .yaml file beside the article",
		file:  "sidecar.txt",
		paras: []string{"The town's only cinema", "Its owner said"},
		title: "Town cinema to close",
	},
	{
		name:  "metadata in a .yml file beside the article",
		file:  "ymlside.txt",
		paras: []string{"The ferry service to the island"},
		title: "Ferry adds a daily crossing",
	},
	{
		name:  "front matter wins over a file beside the article",
		file:  "front-and-sidecar.txt",
		paras: []string{"The front matter of this article wins"},
		title: "Title from the front matter",
	},
}

func TestLoad(t *testing.T) {
	for _, tc := range loadCases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join("testdata", "load", tc.file)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(raw, []byte(tc.raw)) {
				t.Fatalf("%s does not hold %q: the checkout changed the file", path, tc.raw)
			}
			a, err := Load(path)
			if err != nil {
				t.Fatalf("Load(%q) error: %v", path, err)
			}
			checkArticle(t, a, tc.paras, tc.title)
		})
	}
}

// TestParse reads the same files through Parse, which never looks for a
// metadata file beside the text.
func TestParse(t *testing.T) {
	for _, tc := range loadCases {
		t.Run(tc.name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "load", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("Parse(%s) error: %v", tc.file, err)
			}
			title := tc.title
			if !bytes.HasPrefix(bytes.TrimPrefix(raw, []byte("\ufeff")), []byte("---")) {
				title = ""
			}
			checkArticle(t, a, tc.paras, title)
		})
	}
}

func checkArticle(t *testing.T, a *Article, paras []string, title string) {
	t.Helper()
	if len(a.Paragraphs) != len(paras) {
		var got []string
		for _, p := range a.Paragraphs {
			got = append(got, p.Text)
		}
		t.Fatalf("got %d paragraphs %q, want %d", len(got), got, len(paras))
	}
	for i, want := range paras {
		if got := a.Paragraphs[i].Text; !strings.HasPrefix(got, want) {
			t.Errorf("¶%d = %q, want it to start %q", i+1, got, want)
		}
	}
	if a.Meta.Title != title {
		t.Errorf("Meta.Title = %q, want %q", a.Meta.Title, title)
	}
	checkNumbering(t, a)
}

func TestLoadMetadata(t *testing.T) {
	a, err := Load(filepath.Join("testdata", "load", "front.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := Meta{
		Title:       "Council approves a new park",
		Publication: "The Example Gazette",
		URL:         "https://example.com/park",
		Date:        "2026-04-01", // unquoted in the YAML, so a timestamp to YAML
		Summary: []SummaryPoint{
			{Text: "The council approved a park on the site of the old bus depot.", Paragraphs: []int{1}},
			{Text: "Building it will cost $4 million, paid for by a state grant.", Paragraphs: []int{2, 3}},
		},
	}
	if a.Meta.Title != want.Title || a.Meta.Publication != want.Publication || a.Meta.URL != want.URL || a.Meta.Date != want.Date {
		t.Errorf("Meta = %+v, want %+v", a.Meta, want)
	}
	got := a.Summary()
	if got.Extractive || !slices.EqualFunc(got.Points, want.Summary, func(x, y SummaryPoint) bool {
		return x.Text == y.Text && slices.Equal(x.Paragraphs, y.Paragraphs)
	}) {
		t.Errorf("Summary() = %+v, want the editor's %+v", got, want.Summary)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		err  error
		msg  []string // fragments the message must hold
	}{
		{"empty", "empty.txt", ErrEmpty, []string{"empty.txt", "empty"}},
		{"white space only", "blank.txt", ErrEmpty, []string{"white space"}},
		{"Latin-1, not UTF-8", "latin1.txt", ErrNotUTF8, []string{"0xe9", "offset 7", "line 1"}},
		{"UTF-16", "utf16.txt", ErrNotUTF8, []string{"NUL", "offset 1", "UTF-16"}},
		{"front matter only", "frontonly.txt", ErrNoParagraphs, []string{"front matter"}},
		{"front matter that is not YAML", "badyaml.txt", ErrFrontMatter, []string{"front matter", "line 2: did not find expected"}},
		{"front matter with an unknown key", "unknownkey.txt", ErrFrontMatter, []string{"line 2: unknown key titel", "the keys are title"}},
		{"front matter with no closing line", "noclose.txt", ErrFrontMatter, []string{"no closing"}},
		{"summary citing a paragraph that does not exist", "badcite.txt", ErrFrontMatter, []string{"summary point 1 cites paragraph 4", "has 3"}},
		{"summary point citing nothing", "nocite.txt", ErrFrontMatter, []string{"summary point 1 cites no paragraph"}},
		{"metadata file that is not YAML", "badside.txt", ErrFrontMatter, []string{"badside.yaml", "line 1: found unexpected end of stream"}},
		{"no such file", "missing.txt", fs.ErrNotExist, []string{"missing.txt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join("testdata", "load", tc.file)
			a, err := Load(path)
			if !errors.Is(err, tc.err) {
				t.Fatalf("Load(%q) = %v, %v, want error %v", path, a, err, tc.err)
			}
			if a != nil {
				t.Errorf("Load(%q) returned an article with its error", path)
			}
			for _, m := range tc.msg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("Load(%q) error %q, want it to mention %q", path, err, m)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	readErr := errors.New("the disk is on fire")
	tests := []struct {
		name string
		in   string
		err  error
	}{
		{"empty", "", ErrEmpty},
		{"byte order mark only", "\ufeff", ErrEmpty},
		{"white space only", " \n\r\n\t\u00a0\n", ErrEmpty},
		{"invalid byte", "Assad\xff must go", ErrNotUTF8},
		{"truncated sequence", "Kerry said \xe2\x80", ErrNotUTF8},
		{"NUL byte", "text\x00", ErrNotUTF8},
		{"empty front matter and no text", "---\n---\n", ErrNoParagraphs},
		{"front matter then blank lines", "---\ntitle: x\n---\n\n \n", ErrNoParagraphs},
		{"unknown key in a summary point", "---\nsummary:\n  - text: x\n    paragraph: [1]\n---\nText.\n", ErrFrontMatter},
		{"summary point without text", "---\nsummary:\n  - paragraphs: [1]\n---\nText.\n", ErrFrontMatter},
		{"summary citing paragraph 0", "---\nsummary:\n  - text: x\n    paragraphs: [0]\n---\nText.\n", ErrFrontMatter},
		{"front matter that is a list", "---\n- a\n- b\n---\nText.\n", ErrFrontMatter},
		{"only an opening fence", "---\n", ErrFrontMatter},
		{"size over the limit", strings.Repeat("word ", MaxSize/5) + "more", ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse(strings.NewReader(tc.in))
			if !errors.Is(err, tc.err) {
				t.Errorf("Parse(%.40q) = %v, %v, want error %v", tc.in, a, err, tc.err)
			}
		})
	}
	t.Run("reader fails", func(t *testing.T) {
		if _, err := Parse(iotest.ErrReader(readErr)); !errors.Is(err, readErr) {
			t.Errorf("Parse(failing reader) error = %v, want %v", err, readErr)
		}
	})
}

func TestParseSizeLimit(t *testing.T) {
	line := strings.Repeat("Word ", 19) + "end.\n" // 100 bytes
	exact := strings.Repeat(line, MaxSize/len(line))
	exact += strings.Repeat("x", MaxSize-len(exact))
	if len(exact) != MaxSize {
		t.Fatalf("built %d bytes, want %d", len(exact), MaxSize)
	}
	if _, err := Parse(strings.NewReader(exact)); err != nil {
		t.Errorf("Parse(%d bytes) error: %v, want it accepted", MaxSize, err)
	}
	if _, err := Parse(strings.NewReader(exact + "x")); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Parse(%d bytes) error = %v, want %v", MaxSize+1, err, ErrTooLarge)
	}

	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(exact+"x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.txt") {
		t.Errorf("Load(%d bytes) error = %v, want %v naming the file", MaxSize+1, err, ErrTooLarge)
	}

	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte("A short article.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "small.yaml"), []byte("# "+exact), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(small); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "small.yaml") {
		t.Errorf("Load(article with a %d-byte metadata file) error = %v, want %v naming the metadata file", MaxSize+2, err, ErrTooLarge)
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"one per line", "One.\nTwo.\nThree.", []string{"One.", "Two.", "Three."}},
		{"blank lines and indentation", "\n\n  One.  \n\n\tTwo.\n\n", []string{"One.", "Two."}},
		{"wrapped blocks", "One and\nits end.\n\nTwo and\nits end.", []string{"One and its end.", "Two and its end."}},
		{"single-line blocks", "One.\n\nTwo.\n\n\nThree.", []string{"One.", "Two.", "Three."}},
		{
			"headline, blank line, one per line",
			"Headline\n\nFirst paragraph.\nSecond, with a quote,” he said.\nThird!\nFourth?",
			[]string{"Headline", "First paragraph.", "Second, with a quote,” he said.", "Third!", "Fourth?"},
		},
		{
			"a wrapped line that happens to end a sentence",
			"The council met on\nTuesday. It voted\nto close the pool\nfor the summer.\n\nThe pool opens\nagain in September.",
			[]string{"The council met on Tuesday. It voted to close the pool for the summer.", "The pool opens again in September."},
		},
		{"subheading among one-per-line paragraphs", "Title\n\nOne.\nTwo.\nA subheading\nThree.\nFour.", []string{"Title", "One.", "Two.", "A subheading", "Three.", "Four."}},
		{"nothing", "\n \n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := splitParagraphs(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("splitParagraphs(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzParseInvariants parses arbitrary input: it must never panic, and a
// parsed article must keep the promises of checkNumbering and cite only its
// own paragraphs in its summary.
func FuzzParseInvariants(f *testing.F) {
	f.Add(seedText)
	for _, dir := range []string{"load", "summary"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := Parse(bytes.NewReader(in))
		if err != nil {
			if a != nil {
				t.Fatal("Parse returned an article with its error")
			}
			return
		}
		checkNumbering(t, a)
		for _, p := range a.Summary().Points {
			for _, n := range p.Paragraphs {
				if _, ok := a.Paragraph(n); !ok {
					t.Fatalf("the summary cites ¶%d of %d", n, len(a.Paragraphs))
				}
			}
		}
	})
}

package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
)

// startUpShapes returns articles to start the bot on: the embedded one at
// 1×, 10× and 100× its length, and three shapes near the 1 MiB limit that
// once made start-up slow: one huge paragraph with no title, tens of
// thousands of tiny paragraphs, and paragraphs whose quotation marks never
// close.
func startUpShapes(tb testing.TB) []struct {
	name string
	text string
} {
	tb.Helper()
	var paras []string
	for _, p := range article.Default().Paragraphs {
		paras = append(paras, p.Text)
	}
	seed := strings.Join(paras, "\n") + "\n"
	fill := func(unit string) string {
		n := (article.MaxSize - 1024) / len(unit)
		return strings.Repeat(unit, n)
	}
	words := []string{"talks", "Geneva", "ceasefire", "minister", "said", "Tuesday", "convoy", "border", "aid", "vote"}
	var tiny strings.Builder
	for i := 0; tiny.Len() < article.MaxSize-1024; i++ {
		fmt.Fprintf(&tiny, "%s %s %d.\n", words[i%len(words)], words[(i*7)%len(words)], i)
	}
	return []struct {
		name string
		text string
	}{
		{"seed-1x", seed},
		{"seed-10x", strings.Repeat(seed, 10)},
		{"seed-100x", strings.Repeat(seed, 100)},
		{"1MiB-one-paragraph", strings.TrimSpace(fill(strings.ReplaceAll(seed, "\n", " "))) + "\n"},
		{"1MiB-tiny-paragraphs", tiny.String()},
		{"1MiB-unclosed-quotes", fill(strings.Repeat(`The minister said "the talks will go on and the convoy must move `, 20) + "\n")},
	}
}

// BenchmarkNew measures the bot's start-up on a parsed article: building
// its commands, with their examples, for each shape of article.
func BenchmarkNew(b *testing.B) {
	for _, s := range startUpShapes(b) {
		a, err := article.Parse(strings.NewReader(s.text))
		if err != nil {
			b.Fatalf("%s: %v", s.name, err)
		}
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := New(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStartUp measures start-up as the bot pays it on an article just
// loaded: each operation parses the article ("parse") or parses it and
// builds the bot's commands over it ("parse+new"). Building the commands
// is the first use of the article's summary, /ask and search, whose
// examples they show, so it costs the difference from "parse" alone, the
// parts of the article built on first use included; BenchmarkNew, on an
// article already used, leaves those out.
func BenchmarkStartUp(b *testing.B) {
	for _, s := range startUpShapes(b) {
		parse := func(b *testing.B) *article.Article {
			a, err := article.Parse(strings.NewReader(s.text))
			if err != nil {
				b.Fatalf("%s: %v", s.name, err)
			}
			return a
		}
		b.Run(s.name+"/parse", func(b *testing.B) {
			for b.Loop() {
				parse(b)
			}
		})
		b.Run(s.name+"/parse+new", func(b *testing.B) {
			for b.Loop() {
				if _, err := New(parse(b)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestExampleQueryTriesAFewWords checks that the example of /find comes
// from the first words of an untitled article's first paragraph, so that
// choosing it costs a few searches however long the paragraph.
func TestExampleQueryTriesAFewWords(t *testing.T) {
	var first strings.Builder
	for i := range exampleCandidates {
		fmt.Fprintf(&first, "Word%c%c ", 'a'+i/26, 'a'+i%26)
	}
	// "frequent" finds every paragraph, but comes after the words tried.
	text := first.String() + "frequent.\nA frequent sight.\nAnother frequent sight.\n"
	a, err := article.Parse(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	b := mustNew(a)
	if got := b.exampleQuery(); got == "frequent" || !strings.HasPrefix(got, "word") {
		t.Errorf("exampleQuery() = %q, want one of the first %d words", got, exampleCandidates)
	}
	a, err = article.Parse(strings.NewReader("Frequent words. Words.\nA frequent sight.\nAnother frequent sight.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := mustNew(a).exampleQuery(); got != "frequent" {
		t.Errorf("exampleQuery() = %q, want %q, the word that finds the most", got, "frequent")
	}
}

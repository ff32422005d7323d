package article

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article/internal/quote"
	"github.com/articlebot/articlebot/article/internal/text"
)

// BenchmarkExtractQuotes measures finding and attributing the quotes of the
// embedded article, which parse does once, from the paragraphs' text: the
// segmentation they need included.
func BenchmarkExtractQuotes(b *testing.B) {
	seed := Default()
	b.ReportAllocs()
	for b.Loop() {
		a := &Article{Paragraphs: seed.Paragraphs}
		a.extractQuotes(segments(seed))
	}
}

// wordsOfTestArticles returns the test articles of testdata/quotes, one
// paragraph a line, up to the paragraph that brings them to n words: real
// news prose of every shape attribution meets, at the length of a long
// article.
func wordsOfTestArticles(tb testing.TB, n int) []byte {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no articles in testdata/quotes: %v", err)
	}
	var out bytes.Buffer
	words := 0
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(body), "\n") {
			if line = strings.TrimSpace(line); line == "" || line == "---" || strings.Contains(line, ": ") && !strings.ContainsAny(line, `"“`) && len(strings.Fields(line)) < 4 {
				continue
			}
			out.WriteString(line)
			out.WriteByte('\n')
			if words += len(strings.Fields(line)); words >= n {
				return out.Bytes()
			}
		}
	}
	tb.Fatalf("the test articles hold %d words, fewer than %d", words, n)
	return nil
}

// BenchmarkAttribution measures, on the seed and on an article of 2,000
// words made of the test articles, parsing as a whole and quote
// attribution alone (from segmented paragraphs). Besides the time, it
// reports the CPU time of the whole process per operation (cpu-ns/op),
// which a machine busy with other work does not inflate.
func BenchmarkAttribution(b *testing.B) {
	for _, in := range []struct {
		name string
		body []byte
	}{
		{"seed", seedText},
		{"2000-words", wordsOfTestArticles(b, 2000)},
	} {
		b.Run(in.name+"/parse", func(b *testing.B) {
			b.ReportAllocs()
			cpu, ok := processCPU()
			for b.Loop() {
				a, err := Parse(bytes.NewReader(in.body))
				if err != nil {
					b.Fatal(err)
				}
				sinkArticle = a
			}
			if end, ok2 := processCPU(); ok && ok2 {
				b.ReportMetric(float64(end-cpu)/float64(b.N), "cpu-ns/op")
			}
		})
		a, err := Parse(bytes.NewReader(in.body))
		if err != nil {
			b.Fatal(err)
		}
		segs := segments(a)
		b.Run(in.name+"/attribute", func(b *testing.B) {
			b.ReportAllocs()
			cpu, ok := processCPU()
			for b.Loop() {
				sinkQuotes = quote.Attribute(segs)
			}
			if end, ok2 := processCPU(); ok && ok2 {
				b.ReportMetric(float64(end-cpu)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

var sinkQuotes quote.Result

// TestTestArticlesMakeTwoThousandWords checks that the article
// BenchmarkAttribution times at 2,000 words is one: the words of the test
// articles, quotations and all.
func TestTestArticlesMakeTwoThousandWords(t *testing.T) {
	body := wordsOfTestArticles(t, 2000)
	a, err := Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if n := text.CountWords(string(body)); n < 2000 || n > 2100 {
		t.Errorf("the benchmark's article has %d words, want 2,000 to 2,100", n)
	}
	if len(a.Quotes()) < 50 {
		t.Errorf("the benchmark's article has %d quotes, want the many of real news", len(a.Quotes()))
	}
}

// BenchmarkSpeakerLookupForms measures lookup by surname, full name,
// alias, a typo and an unknown name.
func BenchmarkSpeakerLookupForms(b *testing.B) {
	a := Default()
	for _, query := range []string{"kerry", "John Kerry", "the analyst", "kery", "putin"} {
		b.Run(query, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a.Speaker(query)
			}
		})
	}
}

// BenchmarkFirstUse measures what parsing leaves for the first use of an
// article, on the articles BenchmarkAttribution parses: each operation
// parses the article and then asks its first question (which builds the
// tables only Ask reads), runs its first search (which builds the index's
// families of words and trigrams) or writes its summary (which reads the
// paragraphs again). The first use costs the difference from "parse"
// alone; "warm" is the same call on an article already used. Besides the
// time, it reports the CPU time of the process per operation (cpu-ns/op).
func BenchmarkFirstUse(b *testing.B) {
	const question, query = "who said they would stay?", "police"
	uses := []struct {
		name string
		use  func(a *Article)
	}{
		{"ask", func(a *Article) { sinkAnswer, _ = a.Ask(question) }},
		{"find", func(a *Article) { sinkResults, _ = a.Search(query, firstPage) }},
		{"summary", func(a *Article) { sinkSummary = a.Summary() }},
	}
	for _, in := range []struct {
		name string
		body []byte
	}{
		{"seed", seedText},
		{"2000-words", wordsOfTestArticles(b, 2000)},
	} {
		parse := func(b *testing.B) *Article {
			a, err := Parse(bytes.NewReader(in.body))
			if err != nil {
				b.Fatal(err)
			}
			return a
		}
		// timed runs the operation that setup returns, untimed.
		timed := func(name string, setup func(b *testing.B) func()) {
			b.Run(in.name+"/"+name, func(b *testing.B) {
				op := setup(b)
				b.ReportAllocs()
				cpu, ok := processCPU()
				for b.Loop() {
					op()
				}
				if end, ok2 := processCPU(); ok && ok2 {
					b.ReportMetric(float64(end-cpu)/float64(b.N), "cpu-ns/op")
				}
			})
		}
		timed("parse", func(b *testing.B) func() { return func() { sinkArticle = parse(b) } })
		for _, u := range uses {
			timed("parse+"+u.name, func(b *testing.B) func() { return func() { u.use(parse(b)) } })
			timed(u.name+"-warm", func(b *testing.B) func() {
				a := parse(b)
				u.use(a)
				return func() { u.use(a) }
			})
		}
	}
}

package article

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/articlebot/articlebot/article/internal/text"
)

var sinkAnswer Answer

// BenchmarkAsk measures answering a question about the embedded article:
// reading the question, ranking the sentences and choosing the answer.
func BenchmarkAsk(b *testing.B) {
	benchmarkAsk(b, Default(), []askBench{
		{"who-said", "who said Assad has to go?"},
		{"how-many", "how many fighters were trained?"},
		{"what-did-say", "what did Kerry say about Russia?"},
		{"no-answer", "what is the capital of France?"},
	})
}

// askBench is a question to answer in a benchmark, and its name.
type askBench struct{ name, question string }

// benchmarkAsk measures answering each question about a.
func benchmarkAsk(b *testing.B, a *Article, questions []askBench) {
	for _, bm := range questions {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ans, err := a.Ask(bm.question)
				if err != nil {
					b.Fatal(err)
				}
				sinkAnswer = ans
			}
		})
	}
}

// askScaled is an article of a thousand copies of the seed, as
// scaledArticle builds it, with its sentences and quotes too.
var askScaled = sync.OnceValue(func() *Article {
	a := &Article{}
	a.compute(a.read(paragraphTexts(scaledArticle(1000))))
	return a
})

// BenchmarkAskLarge asks about an article 1,000 times the seed's size, to
// show that the cost grows with the sentences holding the question's
// words, not with the article: a question whose words are in one copy
// costs what it costs on the seed.
func BenchmarkAskLarge(b *testing.B) {
	benchmarkAsk(b, askScaled(), []askBench{
		{"one-copy", "what did w0000011 say?"},
		{"every-copy", "where did Kerry meet Hammond?"},
	})
}

// longArticle is an article of about 2,000 words: the package's test
// articles one after another, until they hold that many.
var longArticle = sync.OnceValues(func() (*Article, error) {
	body, err := longArticleText()
	if err != nil {
		return nil, err
	}
	return Parse(strings.NewReader(body))
})

// longArticleText is the text of longArticle, one paragraph after another
// with blank lines between them.
var longArticleText = sync.OnceValues(func() (string, error) {
	var files []string
	for _, dir := range []string{"testdata/summary", "testdata/quotes"} {
		names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			return "", err
		}
		files = append(files, names...)
	}
	var b strings.Builder
	for _, f := range files {
		a, err := Load(f)
		if err != nil {
			return "", err
		}
		for _, p := range a.Paragraphs {
			b.WriteString(p.Text + "\n\n")
		}
		if text.CountWords(b.String()) >= 2000 {
			break
		}
	}
	return b.String(), nil
})

// BenchmarkAskLong asks about an article of about 2,000 words.
func BenchmarkAskLong(b *testing.B) {
	a, err := longArticle()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(a.WordCount()), "words")
	benchmarkAsk(b, a, []askBench{
		{"how-many", "how many acres has the blaze burned?"},
		{"who", "who declared a state of emergency?"},
		{"when", "when will Moreno be sworn in?"},
		{"no-answer", "how much did the rescue cost?"},
	})
}

package article

import (
	"sync"
	"testing"

	"github.com/articlebot/articlebot/article/internal/index"
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
	paras := a.read(paragraphTexts(scaledArticle(1000)))
	a.idx = index.New(paras)
	a.extractQuotes(paras)
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

package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
)

// BenchmarkDecodeInteraction measures reading an interaction as the HTTP
// endpoint does, on the interactions loadgen sends.
func BenchmarkDecodeInteraction(b *testing.B) {
	for _, name := range []string{"find.json", "quote.json", "autocomplete.json"} {
		body := fixture(b, name)
		b.Run(strings.TrimSuffix(name, ".json"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := decodeInteraction(body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMarshalResponse measures writing the answers to those
// interactions as JSON.
func BenchmarkMarshalResponse(b *testing.B) {
	bot := mustNew(article.Default())
	for _, name := range []string{"find.json", "quote.json", "autocomplete.json"} {
		in, err := decodeInteraction(fixture(b, name))
		if err != nil {
			b.Fatal(err)
		}
		resp := bot.Respond(context.Background(), in)
		b.Run(strings.TrimSuffix(name, ".json"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e := getEncoder()
				if _, err := e.response(resp); err != nil {
					b.Fatal(err)
				}
				putEncoder(e)
			}
		})
	}
}

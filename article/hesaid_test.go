package article

import (
	"bytes"
	"testing"
)

func BenchmarkHeSaidSmall(b *testing.B) {
	body := repeatTo(`He said "`, "", 100<<10)
	for b.Loop() {
		a, err := Parse(bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		sinkArticle = a
	}
}

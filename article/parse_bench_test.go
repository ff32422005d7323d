package article

import (
	"bytes"
	"strings"
	"testing"
)

// repeatTo returns copies of unit, joined by sep, as many as fit in size
// bytes, and at least one.
func repeatTo(unit, sep string, size int) []byte {
	var b bytes.Buffer
	for b.Len() == 0 || b.Len()+len(sep)+len(unit) <= size {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(unit)
	}
	return b.Bytes()
}

// seedCopies returns the seed's text repeated n times, one paragraph a line.
func seedCopies(n int) []byte {
	unit := strings.TrimSpace(string(seedText))
	return repeatTo(unit, "\n", n*(len(unit)+1))
}

// parseInputs are articles of growing size and of shapes that stress the
// parser: the largest are at the limit Parse accepts.
var parseInputs = []struct {
	name string
	body func() []byte
}{
	{"seed-x1", func() []byte { return seedCopies(1) }},
	{"seed-x10", func() []byte { return seedCopies(10) }},
	{"seed-x100", func() []byte { return seedCopies(100) }},
	{"seed-1MiB", func() []byte { return repeatTo(strings.TrimSpace(string(seedText)), "\n", MaxSize) }},
	// The seed's paragraphs run together into one paragraph of 1 MiB.
	{"one-paragraph-1MiB", func() []byte {
		return repeatTo(strings.Join(strings.Fields(string(seedText)), " "), " ", MaxSize)
	}},
	// Tens of thousands of paragraphs of a few words.
	{"tiny-paragraphs-1MiB", func() []byte { return repeatTo("Kerry said no.", "\n", MaxSize) }},
	// Quotation marks that open and never close, straight, curly and single.
	{"unbalanced-quotes-1MiB", func() []byte {
		return repeatTo(`“We will win, Kerry said. "They will not, ‘said Lavrov. 'Nobody knows.`, " ", MaxSize)
	}},
	// Repeated `He said "`: every other mark opens a quotation that the
	// next attribution follows.
	{"he-said-quote-1MiB", func() []byte { return repeatTo(`He said "`, "", MaxSize) }},
	// Names and attributions in every sentence, many people.
	{"many-speakers-1MiB", func() []byte {
		var b bytes.Buffer
		first := []string{"Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"}
		last := []string{"Marsh", "Okafor", "Novak", "Reid", "Shaw", "Patel", "Chen", "Lopez", "Berg", "Hale"}
		for i := 0; b.Len() < MaxSize-200; i++ {
			f, l := first[i%len(first)], last[(i/len(first))%len(last)]
			b.WriteString(`"We will not give up," said ` + f + " " + l + ", a local resident. The official said the plan had failed, and " + l + " agreed.\n")
		}
		return b.Bytes()
	}},
}

// BenchmarkParseSize measures Parse on articles of growing size and of
// pathological shapes, up to the 1 MiB limit: parsing, quote attribution,
// the search index and the summary.
func BenchmarkParseSize(b *testing.B) {
	for _, in := range parseInputs {
		body := in.body()
		if len(body) > MaxSize {
			b.Fatalf("%s is %d bytes, over the limit", in.name, len(body))
		}
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				a, err := Parse(bytes.NewReader(body))
				if err != nil {
					b.Fatal(err)
				}
				sinkArticle = a
			}
		})
	}
}

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
	// The package's test articles one after another, about 2,000 words:
	// a long news article.
	{"testdata-2000-words", func() []byte {
		body, err := longArticleText()
		if err != nil {
			return nil
		}
		return []byte(body)
	}},
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
	// A different person in every paragraph, named in full, then by
	// surname and by pronoun, as a long list of tributes would.
	{"many-people-1MiB", func() []byte {
		var b bytes.Buffer
		for i := 0; b.Len() < MaxSize-200; i++ {
			first, last := syllables(i, "Ka"), syllables(i, "Vo")
			b.WriteString("Councillor " + first + " " + last + " opened the hall. " + last +
				" said the roof was sound. \"It will last,\" she said.\n")
		}
		return b.Bytes()
	}},
	// Many people who share a surname, each named in full and then by
	// the surname alone.
	{"one-surname-1MiB", func() []byte {
		var b bytes.Buffer
		for i := 0; b.Len() < MaxSize-200; i++ {
			b.WriteString(syllables(i, "Ka") + " Smith joined the club in May. Smith said the dues were fair.\n")
		}
		return b.Bytes()
	}},
}

// syllables returns a made-up name for n: prefix followed by syllables
// that spell n, so that every n has its own.
func syllables(n int, prefix string) string {
	const sy = "bacedifogumalenirosutava"
	var b strings.Builder
	b.WriteString(prefix)
	for {
		k := n % (len(sy) / 2)
		b.WriteString(sy[2*k : 2*k+2])
		n /= len(sy) / 2
		if n == 0 {
			return b.String()
		}
	}
}

// BenchmarkParseSize measures Parse on articles of growing size and of
// pathological shapes, up to the 1 MiB limit: parsing, quote attribution
// and the search index. Besides the time, it reports the CPU
// time of the whole process per parse (cpu-ns/op), garbage collection
// included, which a machine busy with other work does not inflate.
func BenchmarkParseSize(b *testing.B) {
	for _, in := range parseInputs {
		body := in.body()
		if len(body) > MaxSize || len(body) == 0 {
			b.Fatalf("%s is %d bytes, not within 1 and the limit", in.name, len(body))
		}
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			cpu, ok := processCPU()
			for b.Loop() {
				a, err := Parse(bytes.NewReader(body))
				if err != nil {
					b.Fatal(err)
				}
				sinkArticle = a
			}
			if end, ok2 := processCPU(); ok && ok2 {
				b.ReportMetric(float64(end-cpu)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

package article

import "testing"

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

package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzHTML checks that any page extracts without panicking, into
// paragraphs that are valid UTF-8, on one line and not blank.
func FuzzHTML(f *testing.F) {
	for _, name := range []string{"news.html", "jsonld.html", "amp.html", "bare.html"} {
		b, err := readFixtureFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<p>a<br><br>b</p><script type=application/ld+json>[[[[{}]]]]</script>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		d, err := HTML(page, "", "")
		if err != nil {
			return
		}
		for _, p := range d.Paragraphs {
			if !utf8.ValidString(p) || strings.ContainsAny(p, "\n\r") || strings.TrimSpace(p) == "" {
				t.Errorf("HTML(%q) has paragraph %q", page, p)
			}
		}
	})
}

// BenchmarkHTML measures the extraction of the fixture news page.
func BenchmarkHTML(b *testing.B) {
	page, err := readFixtureFile("news.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := HTML(page, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}

package article

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/text"
)

// FuzzParseAndSearch parses arbitrary bytes as an article and, when they
// parse, searches for words, a phrase and a prefix taken from the article
// itself. Every search must keep the invariants of checkResults, and a word
// of the article must find the paragraph it comes from.
func FuzzParseAndSearch(f *testing.F) {
	f.Add(seedText)
	f.Add([]byte("Russia and Iran.\nThe Russians came.\n"))
	f.Add([]byte("---\ntitle: T\n---\nCafé “dead end” don’t U.S. al-Assad\n\nSão Paulo\n"))
	f.Add([]byte("***\n\n— — —\n\nhigh-level talks\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parse(data, nil, "")
		if err != nil {
			return
		}
		for _, p := range a.Paragraphs {
			toks := text.Words(p.Text)
			if len(toks) == 0 {
				continue
			}
			word := func(i int) string { return p.Text[toks[i].Span.Start:toks[i].Span.End] }
			queries := []string{word(0), `"` + word(0) + `"`, p.Text}
			if len(toks) > 1 {
				queries = append(queries, `"`+word(0)+" "+word(1)+`"`, word(0)+" "+word(len(toks)-1))
			}
			if w := word(0); utf8.RuneCountInString(w) > 5 {
				_, size := utf8.DecodeLastRuneInString(w)
				queries = append(queries, w[:len(w)-size], w+"x")
			}
			for _, q := range queries {
				r, err := a.Search(q, Page{})
				var qe *InputError
				if errors.As(err, &qe) {
					if qe.Reason == "" {
						t.Errorf("Search(%q) gave an InputError with no reason", q)
					}
					continue
				}
				if err != nil {
					t.Fatalf("Search(%q) error = %v, want an *InputError or none", q, err)
				}
				checkResults(t, a, r)
			}
			// The paragraph's first word, unless it is too common to search
			// for, must find the paragraph.
			r, err := a.Search(word(0), Page{})
			if err == nil && !containsParagraph(r, p.N) {
				t.Errorf("Search(%q) = %v, want ¶%d, where the word is", word(0), paragraphs(r), p.N)
			}
			break // one paragraph's worth of queries is enough per input
		}
	})
}

// FuzzSearch searches the embedded article for arbitrary queries.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{
		"russia", "negotiation", `"dead end"`, `“dead end”`, "russia negotiation iran",
		"latakya", "the", "", `"`, "high-level", "don’t", "São Paulo", "US", "U.S.",
		strings.Repeat("x", MaxQueryLen+1),
	} {
		f.Add(q)
	}
	a := Default()
	f.Fuzz(func(t *testing.T, q string) {
		r, err := a.Search(q, Page{})
		var qe *InputError
		switch {
		case errors.As(err, &qe):
			if qe.Reason == "" || qe.Input != q {
				t.Errorf("Search(%q) = %#v, want the query and a reason", q, qe)
			}
			return
		case err != nil:
			t.Fatalf("Search(%q) error = %v, want an *InputError or none", q, err)
		case len(q) > MaxQueryLen:
			t.Fatalf("Search of %d bytes succeeded, want an *InputError over %d", len(q), MaxQueryLen)
		}
		if r.Query != q {
			t.Errorf("Search(%q).Query = %q, want the query", q, r.Query)
		}
		checkResults(t, a, r)
		if len(r.Matches) > 0 && len(r.Suggestions) > 0 && len(text.Words(q)) == 1 {
			t.Errorf("Search(%q) matched and suggested %q, though it has one word", q, r.Suggestions)
		}
	})
}

func containsParagraph(r Results, n int) bool {
	for _, m := range r.Matches {
		if m.Paragraph == n {
			return true
		}
	}
	return false
}

package text

import (
	"slices"
	"testing"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"decimal point", "It fell 5.8% in May.", []string{"It", "fell", "5.8", "in", "May", "."}},
		{"thousands", "It burned 4,500 acres, officials said.", []string{"It", "burned", "4,500", "acres", ",", "officials", "said", "."}},
		{"comma after a number", "In 2019, he left.", []string{"In", "2019", ",", "he", "left", "."}},
		{"compounds", "al-Assad's AT&T rock 'n' roll", []string{"al-Assad's", "AT&T", "rock", "n", "roll"}},
		{"periods of names", "Mr. Kerry, J. Smith Jr. and the U.S. said", []string{"Mr.", "Kerry", ",", "J.", "Smith", "Jr.", "and", "the", "U.S.", "said"}},
		{"a period after a word ends it", "He left. Then", []string{"He", "left", ".", "Then"}},
		{"dashes and ellipses", "Kyiv - then -- now — and… so...", []string{"Kyiv", "-", "then", "--", "now", "—", "and", "…", "so", "..."}},
		{"quotation marks are no tokens", `“Yes,” he said. 'No.'`, []string{"Yes", ",", "he", "said", ".", "No", "."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range Tokenize(tt.text) {
				got = append(got, tt.text[tk.Span.Start:tk.Span.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenFields(t *testing.T) {
	text := "Mr. Kerry’s aides said -- officials..."
	toks := Tokenize(text)
	want := []struct {
		fold  string
		kind  Kind
		upper bool
		class lexicon.Class
	}{
		{"mr", Word, true, lexicon.Honorific},
		{"kerry's", Word, true, 0},
		{"aides", Word, false, lexicon.RolePlural},
		{"said", Word, false, lexicon.Speech},
		{"—", Punct, false, 0},
		{"officials", Word, false, lexicon.RolePlural},
		{"…", Punct, false, 0},
	}
	if len(toks) != len(want) {
		t.Fatalf("Tokenize(%q) gave %d tokens, want %d", text, len(toks), len(want))
	}
	for i, w := range want {
		tk := toks[i]
		if tk.Fold != w.fold || tk.Kind != w.kind || tk.Upper != w.upper || tk.Class&w.class != w.class {
			t.Errorf("Tokenize(%q)[%d] = %+v, want fold %q, kind %v, upper %v, class %b", text, i, tk, w.fold, w.kind, w.upper, w.class)
		}
	}
}

// FuzzSegment checks what must hold of any paragraphs: tokens in order
// within the text, quotations within it, sentences in order that cover
// their tokens, and InQuote true exactly where a quotation holds a
// sentence's start.
func FuzzSegment(f *testing.F) {
	f.Add(`"We're prepared to negotiate. Is Assad prepared?" he asked.`, `"Then ten.`)
	f.Add(`‘It breaks our hearts.’ Mr. Pugh said.`, `'Cause it's the U.S. Then "more`)
	f.Add(`"unclosed 'single "double' mixed” “ ” ' ’ ‘`, `He said "He said "He said "`)
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, p := range Segment([]string{a, b}) {
			last := 0
			for _, tk := range p.Tokens {
				if tk.Span.Start < last || tk.Span.End > len(p.Text) || tk.Span.Start >= tk.Span.End {
					t.Fatalf("token %+v of %q out of order or range", tk, p.Text)
				}
				last = tk.Span.End
			}
			for _, q := range p.Quotes {
				if q.Open < 0 || q.End > len(p.Text) || q.Inner.Start < q.Open || q.Inner.End > q.End || q.Inner.Start > q.Inner.End {
					t.Fatalf("quotation %+v of %q out of range", q, p.Text)
				}
			}
			end, tok := 0, 0
			for _, s := range p.Sentences {
				if s.Span.Start < end || s.Span.End > len(p.Text) || s.From < tok || s.To < s.From || s.To > len(p.Tokens) {
					t.Fatalf("sentence %+v of %q out of order or range", s, p.Text)
				}
				for _, tk := range p.Tokens[s.From:s.To] {
					if tk.Span.Start < s.Span.Start || tk.Span.End > s.Span.End {
						t.Fatalf("sentence %+v of %q holds token %+v outside it", s, p.Text, tk)
					}
				}
				inside := false
				for _, q := range p.Quotes {
					inside = inside || q.Open <= s.Span.Start && s.Span.Start < q.End
				}
				if s.InQuote != inside {
					t.Fatalf("sentence %q of %q: InQuote = %v, want %v", p.Text[s.Span.Start:s.Span.End], p.Text, s.InQuote, inside)
				}
				end, tok = s.Span.End, s.To
			}
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := `Speaking after talks with British Foreign Secretary Philip Hammond in London on Saturday, US Secretary of State John Kerry said that Assad has to go but the timing of his removal should be decided through negotiation, Reuters reported.`
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokenize(text)
	}
}

package text

import (
	"slices"
	"testing"
)

// quotedTexts returns the words inside each top-level quotation of text.
func quotedTexts(text string) []string {
	var out []string
	for _, s := range ScanQuotes(text) {
		if !s.Nested {
			out = append(out, text[s.Inner.Start:s.Inner.End])
		}
	}
	return out
}

var quoteMarkTests = []struct {
	name string
	text string
	want []string
}{
	{"straight double", `"We need to get to the negotiation," he said.`, []string{"We need to get to the negotiation"}},
	{"curly double", `“Clearly what’s motivating is that,” said Jatras.`, []string{"Clearly what’s motivating is that"}},
	{"split quote", `"I understand," Becker said, "but somebody has to pay."`, []string{"I understand", "but somebody has to pay."}},
	{"nested single stays inside", `"I was told, 'You cannot cut your way to growth,' again," she said.`,
		[]string{"I was told, 'You cannot cut your way to growth,' again"}},
	{"apostrophes only", `Rock ’n’ roll in the ’50s, the '70s and ’91; 'Cause it's the city’s music, don't you know.`, nil},
	{"plural possessive is not a quote", `The officials’ plan and the Johnsons' shop stayed open.`, nil},
	{"elision opens nothing", `'Em and 'em, 'til the '80s.`, nil},
	{"decade words are elisions", `In the 'Sixties, doctors' strikes were rare.`, nil},
	{"british single quotes", `'We've made a fair offer,' Mrs Pike told MPs.`, []string{"We've made a fair offer"}},
	{"british with plural possessive inside", `'It's the doctors' leaders who walked away,' she said.`,
		[]string{"It's the doctors' leaders who walked away"}},
	{"single-quoted headline", `'US policy in Syria hits dead end'`, []string{"US policy in Syria hits dead end"}},
	{"scare quotes", `the so-called "smart corridor" project`, []string{"smart corridor"}},
	{"unclosed runs to the end", `"When I took this job, the country was borrowing.`, []string{"When I took this job, the country was borrowing."}},
	{"mistyped opening mark", `”Nobody wants the stock,” one trader said.`, []string{"Nobody wants the stock"}},
	{"inch mark", `a 12" pipe and a "real" problem`, []string{"real"}},
	{"doubles inside british quote are nested", `'He said "never", and left,' she said.`, []string{`He said "never", and left`}},
	{"empty marks", `"" and '' and “ ”`, nil},
	{"guillemets", `«Nous sommes prêts», a-t-il dit.`, []string{"Nous sommes prêts"}},
}

func TestScanQuotes(t *testing.T) {
	for _, tt := range quoteMarkTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quotedTexts(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("ScanQuotes(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanQuotesClosed(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		closed bool
	}{
		{"closed", `"We won," she said.`, true},
		{"open at the end", `"We won. And we will win again.`, false},
		{"single open at the end", `'Our members are short of patience.`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := ScanQuotes(tt.text)
			if len(spans) == 0 {
				t.Fatalf("ScanQuotes(%q) found no quotation", tt.text)
			}
			if got := spans[len(spans)-1].Closed; got != tt.closed {
				t.Errorf("ScanQuotes(%q): last closed = %v, want %v", tt.text, got, tt.closed)
			}
		})
	}
}

func TestSegmentContinuedQuotes(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []bool // Continued of each paragraph's first quotation
	}{
		{"run over three paragraphs", []string{`"I stayed a year.`, `"Then ten.`, `"Then forty," she said.`}, []bool{false, true, true}},
		{"closed quotation", []string{`"I stayed," she said.`, `"Then I left."`}, []bool{false, false}},
		{"not at the start", []string{`She said: "I stayed.`, `Then "I left."`}, []bool{false, false}},
		{"single after double", []string{`"I stayed.`, `'Then I left.'`}, []bool{false, false}},
		{"british", []string{`‘I stayed a year.`, `‘Then forty,’ she said.`}, []bool{false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []bool
			for _, p := range Segment(tt.paras) {
				got = append(got, len(p.Quotes) > 0 && p.Quotes[0].Continued)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Segment(%q): Continued = %v, want %v", tt.paras, got, tt.want)
			}
		})
	}
}

// TestInQuoteSingleMarks checks that a sentence inside single quotation
// marks is InQuote, as inside double ones.
func TestInQuoteSingleMarks(t *testing.T) {
	text := "A spokesman said: ‘Both sites were suitable. We remain happy to talk.’ The council agreed."
	p := Segment([]string{text})[0]
	var got []bool
	for _, s := range p.Sentences {
		got = append(got, s.InQuote)
	}
	if want := []bool{false, true, false}; !slices.Equal(got, want) {
		t.Errorf("Sentences(%q): InQuote = %v, want %v", text, got, want)
	}
}

package text

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// word is a token as the tests write it: the text at its span, and its
// folded form.
type word struct{ text, fold string }

func (w word) String() string { return w.text + "→" + w.fold }

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []word
	}{
		{"empty", "", nil},
		{"punctuation only", " — … “”, ", nil},
		{"plain words", "Kerry said", []word{{"Kerry", "kerry"}, {"said", "said"}}},
		{"hyphen splits", "al-Assad's high-level", []word{{"al", "al"}, {"Assad's", "assad's"}, {"high", "high"}, {"level", "level"}}},
		{"curly apostrophe inside a word", "don’t Syria’s", []word{{"don’t", "don't"}, {"Syria’s", "syria's"}}},
		{"modifier letter apostrophe", "Hawaiʻi donʼt", []word{{"Hawaiʻi", "hawaiʻi"}, {"donʼt", "don't"}}},
		{"apostrophes at the edges are not the word's", "’91 'Cause Jones' rock 'n' roll", []word{
			{"91", "91"}, {"Cause", "cause"}, {"Jones", "jones"}, {"rock", "rock"}, {"n", "n"}, {"roll", "roll"},
		}},
		{"quotation marks", `"We're prepared," he said.`, []word{{"We're", "we're"}, {"prepared", "prepared"}, {"he", "he"}, {"said", "said"}}},
		{"initialism", "the U.S. and U.K. said", []word{{"the", "the"}, {"U.S", "us"}, {"and", "and"}, {"U.K", "uk"}, {"said", "said"}}},
		{"initialism at the end without its period", "in the U.S", []word{{"in", "in"}, {"the", "the"}, {"U.S", "us"}}},
		{"initialism before a hyphen", "U.S.-led talks", []word{{"U.S", "us"}, {"led", "led"}, {"talks", "talks"}}},
		{"three-letter initialism", "J.R.R. Tolkien", []word{{"J.R.R", "jrr"}, {"Tolkien", "tolkien"}}},
		{"an initial is not an initialism", "James G. Jatras", []word{{"James", "james"}, {"G", "g"}, {"Jatras", "jatras"}}},
		{"a capital after a period is not an initialism", "X.Org and A. B. Smith", []word{
			{"X", "x"}, {"Org", "org"}, {"and", "and"}, {"A", "a"}, {"B", "b"}, {"Smith", "smith"},
		}},
		{"capitals without periods", "US USA", []word{{"US", "us"}, {"USA", "usa"}}},
		{"lower-case abbreviation", "e.g. 5 p.m.", []word{{"e", "e"}, {"g", "g"}, {"5", "5"}, {"p", "p"}, {"m", "m"}}},
		{"composed diacritics", "Zürich São Ñandú naïve", []word{{"Zürich", "zurich"}, {"São", "sao"}, {"Ñandú", "nandu"}, {"naïve", "naive"}}},
		{"decomposed diacritics", "cafe\u0301 Jose\u0301", []word{{"cafe\u0301", "cafe"}, {"Jose\u0301", "jose"}}},
		{"digits", "4 Russian jets, 1,000 troops", []word{{"4", "4"}, {"Russian", "russian"}, {"jets", "jets"}, {"1,000", "1000"}, {"troops", "troops"}}},
		{"numbers stay whole", "18,442 cases, 5.8% and 2002-2006", []word{{"18,442", "18442"}, {"cases", "cases"}, {"5.8", "5.8"}, {"and", "and"}, {"2002", "2002"}, {"2006", "2006"}}},
		{"a number before letters", "the 1990s and 3D", []word{{"the", "the"}, {"1990s", "1990s"}, {"and", "and"}, {"3D", "3d"}}},
		{"other scripts", "Путин 北京", []word{{"Путин", "путин"}, {"北京", "北京"}}},
		{"invalid UTF-8 is skipped", "a\xffb", []word{{"a", "a"}, {"b", "b"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []word
			for _, tok := range Words(tc.in) {
				if tok.Span.Start < 0 || tok.Span.End > len(tc.in) || tok.Span.Start >= tok.Span.End {
					t.Fatalf("Words(%q) gave span %v, out of range", tc.in, tok.Span)
				}
				got = append(got, word{tc.in[tok.Span.Start:tok.Span.End], tok.Fold})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Words(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kerry", "kerry"},
		{"DON’T", "don't"},
		{"‘quoted’", "'quoted'"},
		{"Latakia", "latakia"},
		{"Lataķia", "latakia"},
		{"İstanbul", "istanbul"},
		{"U.S", "us"},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.want {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		same  bool
	}{
		{"inflections meet", []string{"negotiate", "negotiation", "negotiations", "negotiating"}, true},
		{"possessive", []string{"syria's", "syria"}, true},
		{"plural", []string{"fighters", "fighter"}, true},
		{"different words stay apart", []string{"russia", "russian"}, false},
		{"stop words stay as they are", []string{"the", "the"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stems []string
			for _, w := range tc.words {
				stems = append(stems, Stem(w))
			}
			allSame := !slices.ContainsFunc(stems, func(s string) bool { return s != stems[0] })
			if allSame != tc.same {
				t.Errorf("stems of %q = %q, want all the same: %v", tc.words, stems, tc.same)
			}
		})
	}
	if got := Stem("the"); got != "the" {
		t.Errorf("Stem(%q) = %q, want it unchanged", "the", got)
	}
	// The cache gives the same answer as stemming afresh.
	for range 2 {
		if got := Stem("negotiations"); got != "negoti" {
			t.Errorf("Stem(%q) = %q, want %q", "negotiations", got, "negoti")
		}
	}
}

func TestIsStopWord(t *testing.T) {
	for _, w := range []string{"the", "and", "he", "they", "was"} {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"russia", "us", "negotiation", "said", "dead"} {
		if IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true, want false", w)
		}
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"One", 1},
		{"Kerry’s talks don't end — yet.", 5},
		{`"We're prepared," he said.`, 4},
		{"al-Assad", 2},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := CountWords(tc.in); got != tc.want {
				t.Errorf("CountWords(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "»" opens a sentence that must be InQuote
	}{
		{"one sentence", "Kerry spoke.", []string{"Kerry spoke."}},
		{"no final punctuation", "US policy hits dead end", []string{"US policy hits dead end"}},
		{"two sentences", "Kerry spoke. Lavrov listened.", []string{"Kerry spoke.", "Lavrov listened."}},
		{"question and exclamation", "Is it over? No! It goes on.", []string{"Is it over?", "No!", "It goes on."}},
		{"lower case after a period does not start a sentence", "It fell by 3.5 percent. then rose.", []string{"It fell by 3.5 percent. then rose."}},
		{"a number starts one", "Talks ended in 2015. 2016 was quieter.", []string{"Talks ended in 2015.", "2016 was quieter."}},
		{"titles", "Mr. Kerry met Dr. Lavrov and Gen. Dunford. They spoke.", []string{"Mr. Kerry met Dr. Lavrov and Gen. Dunford.", "They spoke."}},
		{"ranks and plural titles", "Det. Insp. Ann Cole, Fr. Tom Hart and Sens. Ernst and Peters spoke.", []string{"Det. Insp. Ann Cole, Fr. Tom Hart and Sens. Ernst and Peters spoke."}},
		{"initials", "James G. Jatras and J. K. Rowling spoke.", []string{"James G. Jatras and J. K. Rowling spoke."}},
		{"initialism before a name", "The U.S. State Department said so.", []string{"The U.S. State Department said so."}},
		{"initialism ending a sentence", "He flew to the U.S. The talks began.", []string{"He flew to the U.S.", "The talks began."}},
		{"initialism before a pronoun", "They met in Washington, D.C. He left on Friday.", []string{"They met in Washington, D.C.", "He left on Friday."}},
		{"initial ending a sentence", "They chose plan B. It failed.", []string{"They chose plan B.", "It failed."}},
		{"abbreviation before a number", "The vote is on Jan. 5 in Room No. 3.", []string{"The vote is on Jan. 5 in Room No. 3."}},
		{"company abbreviation ending a sentence", "He works for Acme Inc. The firm is small.", []string{"He works for Acme Inc.", "The firm is small."}},
		{"'no' that is a word", "He said no. Talks ended.", []string{"He said no.", "Talks ended."}},
		{"ellipsis without a space", `how long ...that's a decision.`, []string{`how long ...that's a decision.`}},
		{"ellipsis before lower case", "on day one ... there is a process.", []string{"on day one ... there is a process."}},
		{"ellipsis before a capital", "He waited… Then he left.", []string{"He waited…", "Then he left."}},
		{"question mark and ellipsis", "Why?… Nobody knows.", []string{"Why?…", "Nobody knows."}},
		{
			"quote of several sentences, attribution after",
			`"We're prepared to negotiate. Is Assad prepared? Is Russia?" he asked.`,
			[]string{`»"We're prepared to negotiate.`, "»Is Assad prepared?", `»Is Russia?" he asked.`},
		},
		{
			"closing quote followed by lower-case attribution",
			"“It doesn’t have to be on day one,” he added. Talks go on.",
			[]string{"»“It doesn’t have to be on day one,” he added.", "Talks go on."},
		},
		{
			"quote closing after the period",
			`He said: "It is over." Then he left.`,
			[]string{`He said: "It is over."`, "Then he left."},
		},
		{
			"quote after a period",
			`Kerry spoke. "We need to talk," he said.`,
			[]string{"Kerry spoke.", `»"We need to talk," he said.`},
		},
		{
			"partial quote in reported speech",
			`Officials claim "an imminent buildup" in Syria. They say so.`,
			[]string{`Officials claim "an imminent buildup" in Syria.`, "They say so."},
		},
		{
			"quote that does not close in the paragraph",
			"“There was panic. They trained four fighters.",
			[]string{"»“There was panic.", "»They trained four fighters."},
		},
		{
			"guillemets",
			"Il a dit : «Nous sommes prêts. Allons-y.» Puis il est parti.",
			[]string{"Il a dit : «Nous sommes prêts.", "»Allons-y.»", "Puis il est parti."},
		},
		{
			"reversed guillemets",
			"Sie sagte: »Wir schaffen das.« Dann ging sie.",
			[]string{"Sie sagte: »Wir schaffen das.«", "Dann ging sie."},
		},
		{"brackets", "He left (for now.) Then he came back.", []string{"He left (for now.)", "Then he came back."}},
		{"single quotes close a sentence", "It was called ‘a dead end.’ Talks resumed.", []string{"It was called ‘a dead end.’", "Talks resumed."}},
		{"several spaces", "One.   Two.", []string{"One.", "Two."}},
		{"no-break space", "One.\u00a0Two.", []string{"One.", "Two."}},
		{"period at the very end with space", "One. ", []string{"One."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			p := Segment([]string{tc.in})[0]
			for _, s := range p.Sentences {
				text := tc.in[s.Span.Start:s.Span.End]
				if s.InQuote {
					text = "»" + text
				}
				got = append(got, text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Sentences(%q) =\n%s\nwant\n%s", tc.in, lines(got), lines(tc.want))
			}
		})
	}
}

func lines(s []string) string {
	var b strings.Builder
	for i, l := range s {
		fmt.Fprintf(&b, "\t%d: %q\n", i+1, l)
	}
	return b.String()
}

func TestCapitals(t *testing.T) {
	tests := []struct {
		name   string
		w      string
		want   int
		abbrev bool
	}{
		{"two capitals", "US", 2, true},
		{"with periods", "U.S.", 2, true},
		{"four capitals", "NATO", 4, true},
		{"with an ampersand", "AT&T", 3, true},
		{"five capitals", "FIFAS", 5, false},
		{"one capital", "A", 1, false},
		{"a capitalised word", "Us", 0, false},
		{"lower case", "us", 0, false},
		{"a digit", "G7", 0, false},
		{"accented capitals", "ÉU", 2, true},
		{"empty", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Capitals(tt.w); got != tt.want {
				t.Errorf("Capitals(%q) = %d, want %d", tt.w, got, tt.want)
			}
			if got := IsAbbreviation(tt.w); got != tt.abbrev {
				t.Errorf("IsAbbreviation(%q) = %v, want %v", tt.w, got, tt.abbrev)
			}
		})
	}
}

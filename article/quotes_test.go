package article

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// quoteFact is one line of what an article says who said: "Speaker ¶N
// kind", with "partial" or "continued" after a direct quote that is one.
func quoteFact(q Quote) string {
	f := fmt.Sprintf("%s ¶%d %s", q.Speaker.Name, q.Paragraph, q.Kind)
	if q.Partial {
		f += " partial"
	}
	if q.Continued {
		f += " continued"
	}
	return f
}

func quoteFacts(a *Article) []string {
	var facts []string
	for _, q := range a.Quotes() {
		facts = append(facts, quoteFact(q))
	}
	return facts
}

func directParagraphs(sp *Speaker) []int {
	var ns []int
	for _, q := range sp.Quotes {
		ns = append(ns, q.Paragraph)
	}
	return ns
}

func mustSpeaker(t *testing.T, a *Article, name string) *Speaker {
	t.Helper()
	sp, err := a.Speaker(name)
	if err != nil {
		t.Fatalf("Speaker(%q) error: %v", name, err)
	}
	return sp
}

func TestSeedDirectQuotes(t *testing.T) {
	a := Default()
	tests := []struct {
		speaker string
		want    []int
	}{
		{"John Kerry", []int{4, 5, 8, 9}},
		{"James George Jatras", []int{13, 14, 15}},
		{"US officials", []int{6}},
	}
	for _, tt := range tests {
		t.Run(tt.speaker, func(t *testing.T) {
			sp := mustSpeaker(t, a, tt.speaker)
			if sp.Name != tt.speaker {
				t.Errorf("Speaker(%q).Name = %q, want %q", tt.speaker, sp.Name, tt.speaker)
			}
			if got := directParagraphs(sp); !slices.Equal(got, tt.want) {
				t.Errorf("direct quotes of %s are in ¶%v, want ¶%v", tt.speaker, got, tt.want)
			}
		})
	}
	t.Run("no other paragraph", func(t *testing.T) {
		allowed := map[int]bool{4: true, 5: true, 6: true, 8: true, 9: true, 13: true, 14: true, 15: true}
		for _, q := range a.Quotes() {
			if q.Kind == Direct && !allowed[q.Paragraph] {
				t.Errorf("¶%d holds a direct quote %q by %s; no such quote is there", q.Paragraph, q.Text, q.Speaker.Name)
			}
		}
	})
	t.Run("partial in reported speech", func(t *testing.T) {
		sp := mustSpeaker(t, a, "US officials")
		if len(sp.Quotes) != 1 {
			t.Fatalf("US officials have %d direct quotes, want 1", len(sp.Quotes))
		}
		q := sp.Quotes[0]
		if !q.Partial || q.Text != "an imminent enhanced Russian military buildup" {
			t.Errorf("US officials' quote = %q (partial %v), want the partial quote \"an imminent enhanced Russian military buildup\"", q.Text, q.Partial)
		}
		if sp.Named {
			t.Errorf("US officials.Named = true, want false: an unnamed source")
		}
	})
	t.Run("whole quotes are not partial", func(t *testing.T) {
		for _, name := range []string{"kerry", "jatras"} {
			for _, q := range mustSpeaker(t, a, name).Quotes {
				if q.Partial || q.Continued {
					t.Errorf("¶%d quote of %s: partial %v, continued %v; want a whole quote", q.Paragraph, name, q.Partial, q.Continued)
				}
			}
		}
	})
}

func TestSeedReportedSpeech(t *testing.T) {
	a := Default()
	tests := []struct {
		speaker   string
		paragraph int
		contains  string
	}{
		{"John Kerry", 2, "Assad has to go"},
		{"John Kerry", 3, "Russia and Iran to use their influence"},
		{"US military official", 7, "four Russian fighter jets had arrived"},
		{"the Pentagon", 11, "Washington and Moscow have resumed"},
		{"US officials", 6, "Russia has deployed heavy equipment"},
		{"American foreign policy analyst", 12, "the failure of US policy in Syria"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s ¶%d", tt.speaker, tt.paragraph), func(t *testing.T) {
			sp := mustSpeaker(t, a, tt.speaker)
			for _, q := range sp.Reported {
				if q.Paragraph == tt.paragraph && strings.Contains(q.Text, tt.contains) {
					if q.Kind != Reported {
						t.Errorf("Kind = %v, want reported", q.Kind)
					}
					return
				}
			}
			t.Errorf("%s has no reported statement in ¶%d containing %q; has %v", tt.speaker, tt.paragraph, tt.contains, sp.Reported)
		})
	}
	t.Run("no reported twin of a direct quote", func(t *testing.T) {
		for _, q := range a.Quotes() {
			if q.Kind == Reported && (q.Paragraph == 4 || q.Paragraph == 5 || q.Paragraph == 8 || q.Paragraph >= 13) {
				t.Errorf("¶%d has a reported statement %q by %s beside its direct quote", q.Paragraph, q.Text, q.Speaker.Name)
			}
		}
	})
}

func TestSeedSpeakers(t *testing.T) {
	a := Default()
	tests := []struct {
		query       string
		name        string
		description string
		aliases     []string
		named       bool
	}{
		{"kerry", "John Kerry", "US Secretary of State", []string{"Kerry", "US Secretary of State", "the top US diplomat"}, true},
		{"jatras", "James George Jatras", "former US diplomat and adviser to the Senate Republican leadership", []string{"Jatras", "the analyst"}, true},
		{"pentagon", "the Pentagon", "", nil, true},
		{"military official", "US military official", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := mustSpeaker(t, a, tt.query)
			if sp.Name != tt.name {
				t.Errorf("Speaker(%q).Name = %q, want %q", tt.query, sp.Name, tt.name)
			}
			if sp.Description != tt.description {
				t.Errorf("%s.Description = %q, want %q", tt.name, sp.Description, tt.description)
			}
			for _, alias := range tt.aliases {
				if !slices.Contains(sp.Aliases, alias) {
					t.Errorf("%s.Aliases = %q, want it to hold %q", tt.name, sp.Aliases, alias)
				}
			}
			if sp.Named != tt.named {
				t.Errorf("%s.Named = %v, want %v", tt.name, sp.Named, tt.named)
			}
		})
	}
	t.Run("most quoted first", func(t *testing.T) {
		sps := a.Speakers()
		if len(sps) < 3 || sps[0].Name != "John Kerry" || sps[1].Name != "James George Jatras" || sps[2].Name != "US officials" {
			var names []string
			for _, sp := range sps {
				names = append(names, sp.Name)
			}
			t.Errorf("Speakers() = %q, want John Kerry, James George Jatras, US officials first", names)
		}
	})
}

// articleQuoteTests are articles written for these tests, each with every
// quote and reported statement it holds, in document order. They are
// built to trip naive rules: apostrophes, scare quotes and titles that are
// not quotes, pronouns and descriptions whose nearest candidate is wrong,
// two people sharing a surname, quotations running over paragraphs.
var articleQuoteTests = []struct {
	file  string
	facts []string
}{
	{"council.txt", []string{
		// said X, a second quote, X told reporters:, a split quote, she added.
		"Maria Delgado ¶2 direct",
		"Maria Delgado ¶2 direct",
		"Tom Becker ¶3 direct",
		"Tom Becker ¶4 direct",
		"Tom Becker ¶4 direct",
		"Maria Delgado ¶5 reported",
		"Maria Delgado ¶6 direct",
		"the transit authority ¶7 reported",
		// "According to the authority's own figures" names no speaker; "Delgado laughed." attributes nothing.
		"Maria Delgado ¶9 direct",
		"Maria Delgado ¶9 direct",
		"Tom Becker ¶10 reported",
		"Tom Becker ¶10 direct",
	}},
	{"speech.txt", []string{
		// A quotation over two paragraphs attributed in the second, with a
		// nested single-quoted quote; another attributed in the first.
		"Helen Marsh ¶2 direct",
		"Helen Marsh ¶3 direct continued",
		"Helen Marsh ¶4 direct",
		"Helen Marsh ¶4 direct",
		"Helen Marsh ¶5 direct continued",
		// "he" is Okafor, named in an appositive; Marsh is a she by now.
		"David Okafor ¶6 reported",
		"David Okafor ¶6 direct partial",
		"David Okafor ¶7 direct",
		// "Today" is a programme's title; "He told …:" introduces ¶9.
		"Peter Lyle ¶9 direct",
	}},
	{"derailment.txt", []string{
		"the national rail operator ¶1 reported",
		"the national rail operator ¶2 reported",
		"Local officials ¶3 reported",
		"one passenger ¶4 direct",
		"one passenger ¶4 direct",
		// "the minister" is Yusuf by her title, not Rowe who spoke last.
		"Mark Rowe ¶5 direct partial",
		"Amina Yusuf ¶5 direct",
		// "the official" is the unnamed official who just spoke.
		"senior rail official ¶6 reported",
		"senior rail official ¶6 direct",
		// "It" is the union, not the rail operator.
		"the rail workers' union ¶7 reported",
		"Amina Yusuf ¶8 reported",
	}},
	{"siblings.txt", []string{
		// "Ms Novak" is Elena, not Luka who was named last.
		"Elena Novak ¶2 direct",
		"Luka Novak ¶3 direct",
		"Luka Novak ¶3 direct",
		// A bare "Novak" is the Novak mentioned last.
		"Luka Novak ¶4 reported",
		"Stefan Brandt ¶5 reported",
		"Stefan Brandt ¶5 direct",
		"Elena Novak ¶6 direct",
		"Elena Novak ¶6 direct",
	}},
	{"strike.txt", []string{
		// British style: single quotation marks among apostrophes
		// (doctors' leaders, isn't, 'Sixties, '80s); the headline's
		// 'will not be bullied' is no one's attributed words.
		"Sarah Pike ¶2 reported",
		"Sarah Pike ¶3 direct",
		"Sarah Pike ¶3 direct",
		"Raj Patel ¶4 reported",
		"Raj Patel ¶4 direct partial",
		"Raj Patel ¶5 direct",
		"Raj Patel ¶5 direct",
		"Raj Patel ¶6 direct continued",
		"Hospital managers' representatives ¶7 reported",
		"NHS Providers ¶7 reported",
	}},
	{"memphis.txt", nil},
	{"traffic.txt", []string{
		// A quoted title, "go-slow", so-called "smart corridor" and a
		// documentary titled "Gridlock" are not quotes.
		"critics ¶3 direct partial",
		"Funmi Adebayo ¶5 reported",
		"Funmi Adebayo ¶5 direct partial",
		"Funmi Adebayo ¶6 direct",
		"Kunle Martins ¶7 direct partial",
	}},
	{"mining.txt", []string{
		"Lars Eklund ¶2 direct",
		"Lars Eklund ¶2 direct",
		"Priya Raman ¶3 direct",
		"Lars Eklund ¶3 reported",
		"Priya Raman ¶4 direct",
		"Priya Raman ¶4 reported",
		// ¶5 is a quoted subheading.
		"the company ¶6 reported",
		"people familiar with the matter ¶7 reported",
		"people familiar with the matter ¶7 reported",
		"one fund manager ¶8 direct",
		// ¶9 "Raman wrote:" introduces ¶10.
		"Priya Raman ¶10 direct",
	}},
	{"trial.txt", []string{
		"Anne Whitfield ¶2 reported",
		"Anne Whitfield ¶3 direct",
		// "he" is the barrister who spoke last, not Mr Holt named in his words.
		"Simon Achebe ¶4 reported",
		"Simon Achebe ¶5 direct",
		"Simon Achebe ¶5 direct",
		"Patricia Moran ¶6 reported",
		"Patricia Moran ¶6 direct",
		// The daughter speaks, not Mr Holt.
		"Mr Holt's daughter ¶7 reported",
	}},
	{"border.txt", []string{
		// A headline "Name: quote"; "he" after "But Merkel's deputy,
		// Sigmar Gabriel, disagreed."; a description and a name before
		// "said" after a quote; "according to" after a quote; an aside in
		// brackets that holds full stops.
		"Angela Merkel ¶1 direct",
		"Angela Merkel ¶3 direct",
		"Angela Merkel ¶3 direct",
		"U.S. officials ¶4 reported",
		"U.S. officials ¶4 reported",
		"Viktor Orban ¶5 reported",
		"Viktor Orban ¶6 direct",
		"Viktor Orban ¶6 direct",
		"Critics of Orban ¶7 reported",
		"Sigmar Gabriel ¶7 direct",
		"Sigmar Gabriel ¶8 direct",
		"police ¶9 reported",
		"statement from the Bavarian interior ministry ¶10 direct",
		"Ron Tillis ¶11 reported",
		"Ron Tillis ¶11 direct partial",
	}},
	{"football.txt", []string{
		// "Ten Hag" is Erik ten Hag; "he" follows the sentence subjects
		// (Postecoglou, then Ten Hag); "the Dutchman" and "the Portuguese
		// midfielder" are the people just written about, not the last to
		// speak.
		"Erik ten Hag ¶1 reported",
		"Erik ten Hag ¶1 direct partial",
		"Erik ten Hag ¶2 direct",
		"Erik ten Hag ¶2 direct",
		"Ange Postecoglou ¶3 direct",
		"Erik ten Hag ¶4 reported",
		"Erik ten Hag ¶5 direct",
		"Erik ten Hag ¶6 direct",
		"Bruno Fernandes ¶7 direct",
	}},
	{"flood.txt", []string{
		// Paragraphs separated by blank lines; a quotation over three
		// paragraphs attributed in its last; she and he alternating; two
		// partial quotes after "called".
		"the Environment Agency ¶1 reported",
		"Margaret Finch ¶2 direct",
		"Margaret Finch ¶3 direct continued",
		"Margaret Finch ¶4 direct continued",
		"Tom Ashworth ¶5 reported",
		"Tom Ashworth ¶5 direct",
		"Tom Ashworth ¶5 direct",
		"Margaret Finch ¶6 direct",
		"Margaret Finch ¶6 direct",
		"Tom Ashworth ¶7 direct partial",
		"Tom Ashworth ¶7 direct partial",
		"Claire Dunmore ¶8 direct",
		"Claire Dunmore ¶8 direct",
		"Claire Dunmore ¶9 direct",
	}},
	{"march.txt", []string{
		// "One of the organisers" is one person; "the 76-year-old" is the
		// person just written about; "as X put it" attributes a quote on
		// either side of it.
		"organisers ¶1 reported",
		"One of the organisers ¶1 reported",
		"Maria Lopez ¶2 direct",
		"Maria Lopez ¶3 direct",
		"one organiser ¶4 direct",
	}},
	{"shipyard.txt", []string{
		"Ruth Callander ¶2 direct",
		"Ruth Callander ¶2 reported",
		"spokeswoman for the company ¶3 direct",
		"Gordon Reid and Fiona Shaw ¶4 reported",
		"Gordon Reid and Fiona Shaw ¶4 direct partial",
		"Gordon Reid ¶5 reported",
		"Gordon Reid ¶6 direct",
		"Gordon Reid ¶6 direct",
		"Alan Greer ¶7 direct",
		"the Scottish government ¶8 reported",
		"the Scottish government ¶8 reported",
	}},
	{"buslanes.txt", []string{
		// Front matter; "called the vote "…"" is a partial quote; a
		// relative clause inside the appositive between name and verb; a
		// name tied to a body by "of" is the speaker, not the body.
		"Linda Okafor ¶2 direct partial",
		"Linda Okafor ¶3 direct",
		"Linda Okafor ¶3 direct",
		"Derek Hale ¶4 reported",
		"Derek Hale ¶5 direct",
		"Derek Hale ¶5 direct",
		"spokeswoman for the transit authority ¶7 reported",
		"Maria Chen ¶8 reported",
		"Maria Chen ¶9 direct",
		"Maria Chen ¶9 direct",
		"Maria Chen ¶10 reported",
	}},
	{"northwind.txt", []string{
		// "According to the company, the … farm will …": the words after
		// the comma are the statement, not an appositive of the company.
		"Tomás Alvarez ¶2 reported",
		"Tomás Alvarez ¶2 direct partial",
		"Tomás Alvarez ¶3 direct",
		"Tomás Alvarez ¶3 direct",
		"the company ¶4 reported",
		"Priya Natarajan ¶5 direct",
		"Priya Natarajan ¶5 direct",
		"Helen Forsyth ¶6 reported",
		"the company ¶7 reported",
		"spokesman ¶8 direct",
	}},
	{"wildfire.txt", []string{
		// "Officials said no deaths had …" reports a statement; two
		// Kowalskis who are no relation.
		"Robert Mendez ¶2 reported",
		"Robert Mendez ¶3 direct",
		"Robert Mendez ¶3 direct",
		"officials ¶4 reported",
		"Anna Kowalski ¶5 reported",
		"Anna Kowalski ¶6 direct",
		"Anna Kowalski ¶6 direct",
		"John Kowalski ¶7 reported",
		"John Kowalski ¶8 direct",
		"John Kowalski ¶8 direct",
		"the state forestry department ¶9 reported",
		"the state forestry department ¶9 direct partial",
	}},
	{"wire.txt", []string{
		// Wire copy: a dateline; "…, the people said, speaking on
		// condition of anonymity"; "did not respond to a request for
		// comment" and "declined to comment" say nothing; "told state
		// media that"; "according to X and Y"; "said in a statement it
		// …"; a reporting credit in brackets.
		"three people familiar with the plan ¶1 reported",
		"three people familiar with the plan ¶2 reported",
		"senior Treasury official ¶3 direct",
		"Nasser Kanani ¶5 reported",
		"Nasser Kanani ¶5 direct partial",
		"Kyiv and Western governments ¶6 reported",
		"Tehran ¶6 reported",
		"Lindsey Marsh ¶7 reported",
		"Lindsey Marsh ¶7 direct partial",
		"Lindsey Marsh ¶8 direct",
		"the company ¶9 reported",
		"the company ¶9 direct partial",
	}},
	{"court.txt", []string{
		// A court report: "KC" after a name; "Mrs Hale's son, Peter
		// Hale" is not Mrs Hale; "Mr Hale" and "he" are the son; "told
		// the jury her client …".
		"Nicholas Fenn KC ¶3 reported",
		"Nicholas Fenn KC ¶3 direct partial",
		"Nicholas Fenn KC ¶4 reported",
		"Nicholas Fenn KC ¶5 direct",
		"Nicholas Fenn KC ¶5 direct",
		"Peter Hale ¶7 reported",
		"Peter Hale ¶7 direct",
		"Peter Hale ¶7 direct",
		"Amira Shah ¶8 reported",
		"Peter Hale ¶9 direct",
		"Peter Hale ¶9 direct",
		"Amira Shah ¶10 reported",
		"Amira Shah ¶10 direct partial",
		"Rebecca Ward ¶11 reported",
	}},
	{"derby.txt", []string{
		// A match report: "the Scot" and "the Portuguese" are the
		// managers just written about.
		"Marcus Reid ¶3 direct",
		"Marcus Reid ¶3 direct",
		"Steve Cullen ¶6 direct",
		"Steve Cullen ¶6 direct",
		"Steve Cullen ¶7 direct",
		"Dani Ferreira ¶9 direct",
		"Dani Ferreira ¶9 direct",
		"Dani Ferreira ¶10 reported",
		"Ollie Brandt ¶11 reported",
		"Ollie Brandt ¶11 direct partial",
		"Ollie Brandt ¶12 direct",
		"Ollie Brandt ¶12 direct",
	}},
	{"study.txt", []string{
		// A science piece: "according to a … study published on Monday"
		// names no speaker; "Professor X of the University of Y".
		"Hannah Lindqvist ¶3 direct",
		"the researchers ¶4 reported",
		"Samuel Adeyemi ¶5 reported",
		"Samuel Adeyemi ¶6 direct",
		"Samuel Adeyemi ¶6 direct",
		"Rachel Moore ¶7 reported",
		"Rachel Moore ¶7 direct partial",
		"Rachel Moore ¶8 direct",
		"Rachel Moore ¶8 direct",
		"Two of the authors ¶9 reported",
	}},
	{"profile.txt", []string{
		// A profile: a quotation over three paragraphs with no
		// attribution, after a paragraph about its speaker; present-tense
		// "says" and "recalls".
		"the council ¶2 direct partial",
		"Edith Morrow ¶4 direct",
		"Edith Morrow ¶5 direct continued",
		"Edith Morrow ¶6 direct continued",
		"Edith Morrow ¶7 direct",
		"Graham Tait ¶8 reported",
		"Graham Tait ¶8 direct partial",
		"Graham Tait ¶9 direct",
		"Graham Tait ¶9 direct",
		"Edith Morrow ¶10 direct",
		"Edith Morrow ¶10 direct",
		"Edith Morrow ¶11 direct",
	}},
	{"budget.txt", []string{
		// Politics: a headline "Title: quote"; ", who said last week
		// that"; "wrote on X"; "according to figures published by …";
		// "in a statement".
		"Clara Voss ¶1 direct",
		"Clara Voss ¶3 direct",
		"Clara Voss ¶3 direct",
		"Henrik Sand ¶4 reported",
		"Henrik Sand ¶4 direct partial",
		"Henrik Sand ¶4 direct partial",
		"Mark Danner ¶5 direct partial",
		"Mark Danner ¶5 reported",
		"Mark Danner ¶5 direct partial",
		"the Fiscal Council ¶6 reported",
		"finance ministry official ¶7 reported",
		"finance ministry official ¶7 direct partial",
		"Ingrid Holm ¶8 direct",
		"Tomas Berg ¶9 direct",
		"Tomas Berg ¶10 direct",
	}},
	{"chipmaker.txt", []string{
		// Business: "Chipmaker X" is a body with its description; "as
		// demand … remains weak" is no attribution; a split quote around
		// "O'Neill said"; "wrote in a memo" and "In a LinkedIn post, X
		// wrote:".
		"Veridian Semiconductor ¶1 reported",
		"Jean-Marc Dufresne ¶3 direct",
		"Sarah O'Neill ¶4 reported",
		"Sarah O'Neill ¶4 direct partial",
		"Sarah O'Neill ¶5 direct",
		"Sarah O'Neill ¶5 direct",
		"analysts ¶6 reported",
		"Kenji Watanabe ¶6 direct",
		"Jean-Marc Dufresne ¶9 direct",
	}},
	{"festival.txt", []string{
		// British style with curly single quotes among apostrophes
		// (year’s, ’80s, ’Eighties); "Mr Pugh, 67, who founded the festival
		// with his late wife, Ann, said" is Mr Pugh's.
		"the festival’s board ¶2 reported",
		"the festival’s board ¶2 direct partial",
		"Gareth Pugh ¶3 direct",
		"Gareth Pugh ¶3 direct",
		"Gareth Pugh ¶4 reported",
		"Gareth Pugh ¶4 direct partial",
		"the council ¶5 reported",
		"spokesman ¶5 direct",
		"Dai Rees ¶6 direct",
		"Martha Quayle ¶7 reported",
		"Martha Quayle ¶7 direct partial",
		"Martha Quayle ¶8 direct",
		"Martha Quayle ¶8 direct",
		"Huw Jenkins ¶9 reported",
		"Huw Jenkins ¶9 direct partial",
	}},
	{"interview.txt", []string{
		// A feature in the present tense: "she says", "she recalls",
		// "she laughs"; "The novelist Priya Sethi" is a name with its title;
		// a quoted book title is not a quote.
		"Priya Sethi ¶1 reported",
		"Priya Sethi ¶2 direct",
		"Priya Sethi ¶2 direct",
		"the Guardian ¶3 direct partial",
		"Priya Sethi ¶5 direct",
		"Priya Sethi ¶5 direct",
		"Priya Sethi ¶6 direct",
		"Tom Harlow ¶7 reported",
		"Tom Harlow ¶8 direct",
		"Tom Harlow ¶8 direct",
		"Priya Sethi ¶10 direct",
		"Priya Sethi ¶10 direct",
	}},
	{"senate.txt", []string{
		// US wire style: "Sen. X, R-Iowa, who wrote the bill, called …";
		// "D-Mich."; "Drone maker DJI"; "told reporters Thursday that".
		"Joni Ernst ¶2 direct partial",
		"Joni Ernst ¶3 direct",
		"Joni Ernst ¶3 direct",
		"Democrats ¶4 reported",
		"Gary Peters ¶5 reported",
		"Gary Peters ¶6 direct",
		"Gary Peters ¶6 direct",
		"Karine Jean-Pierre ¶7 reported",
		"Karine Jean-Pierre ¶7 direct partial",
		"DJI ¶8 reported",
		"DJI ¶8 direct partial",
		"DJI ¶8 direct partial",
		"person familiar with the negotiations ¶9 reported",
		"Joni Ernst ¶10 direct",
		"Joni Ernst ¶10 direct",
	}},
	{"summit.txt", []string{
		// Names from many languages: "Lula" for Luiz Inácio Lula da Silva,
		// "von der Leyen", "Recep Tayyip Erdoğan"; ", who said in a speech
		// that" after the name that ends a clause.
		"Luiz Inácio Lula da Silva ¶2 direct partial",
		"Luiz Inácio Lula da Silva ¶3 direct",
		"Li Qiang ¶4 reported",
		"Li Qiang ¶4 direct partial",
		"Ursula von der Leyen ¶5 reported",
		"Ursula von der Leyen ¶5 direct",
		"Recep Tayyip Erdoğan ¶6 reported",
		"Recep Tayyip Erdoğan ¶6 direct partial",
		"Brazilian official ¶7 reported",
		"Amitabh Behar ¶8 reported",
		"Amitabh Behar ¶8 direct partial",
		"Amitabh Behar ¶9 direct",
	}},
	{"storm.txt", []string{
		// Local news: "says X, a forecaster"; "who asked not to be named"
		// is no statement; "They" after a plural description.
		"Jane Whitaker ¶2 direct",
		"Jane Whitaker ¶2 direct",
		"spokesperson for the network operator ¶3 reported",
		"spokesperson for the network operator ¶3 direct partial",
		"police ¶4 reported",
		"officers ¶5 reported",
		"Brenda Cole ¶6 direct",
		"Brenda Cole ¶6 direct",
		"the Met Office ¶7 reported",
		"Jane Whitaker ¶7 direct",
		"Jane Whitaker ¶7 direct",
		"the Environment Agency ¶8 reported",
	}},
	{"qa.txt", []string{
		// A question-and-answer interview: the answers ("A: “…”") are
		// the interviewee's.
		"Amara Osei ¶3 direct",
		"the council ¶4 reported",
		"Amara Osei ¶5 direct",
		"Pete Marsh ¶7 direct",
		"Pete Marsh ¶7 direct",
		"Sue Ingram ¶8 reported",
		"Sue Ingram ¶8 direct partial",
	}},
	{"obituary.txt", []string{
		// An obituary: a nickname in quotes inside a name; three Aldens;
		// "Ms Alden" is the granddaughter just named, "Mrs Alden" the
		// woman the article is about; "Born in Leeds, she …".
		"Michael Alden ¶2 reported",
		"Michael Alden ¶3 direct",
		"Michael Alden ¶3 direct",
		"Sophie Alden ¶5 direct",
		"Margaret Alden ¶6 direct",
		"Derek Holt ¶8 reported",
		"Derek Holt ¶8 direct partial",
		"Derek Holt ¶9 direct",
	}},
	{"crime.txt", []string{
		// A police report: rank abbreviations ("Det Insp"); "The
		// victim's family" speaks, not the victim; "the statement said"
		// is the family that issued it.
		"Avon and Somerset Police ¶2 reported",
		"Rachel Hughes ¶4 reported",
		"Rachel Hughes ¶5 direct",
		"Rachel Hughes ¶5 direct",
		"the victim's family ¶6 reported",
		"the victim's family ¶6 direct partial",
		"the victim's family ¶7 direct",
		"the victim's family ¶7 direct",
		"Sarah Crew ¶8 reported",
	}},
	{"music.txt", []string{
		// Entertainment: "Singer-songwriter Lena Marsh", "The
		// 32-year-old told her followers on Instagram that"; a fan's words
		// ("one wrote") have no named speaker. A promoter named like a
		// person ("Live Arc") is taken for one.
		"Lena Marsh ¶2 reported",
		"Lena Marsh ¶2 direct partial",
		"Lena Marsh ¶3 direct",
		"Lena Marsh ¶3 direct",
		"Live Arc ¶4 reported",
		"Theo Grant ¶6 reported",
		"Theo Grant ¶6 direct partial",
		"Theo Grant ¶7 direct",
		"Theo Grant ¶7 direct",
	}},
}

func loadQuoteArticle(t testing.TB, file string) *Article {
	t.Helper()
	a, err := Load(filepath.Join("testdata", "quotes", file))
	if err != nil {
		t.Fatalf("Load(%q): %v", file, err)
	}
	return a
}

func TestArticleQuotes(t *testing.T) {
	for _, tt := range articleQuoteTests {
		t.Run(strings.TrimSuffix(tt.file, ".txt"), func(t *testing.T) {
			a := loadQuoteArticle(t, tt.file)
			got := quoteFacts(a)
			if !slices.Equal(got, tt.facts) {
				t.Errorf("quotes of %s:\n got  %s\n want %s", tt.file, strings.Join(got, "\n      "), strings.Join(tt.facts, "\n      "))
			}
		})
	}
}

func TestArticleSpeakers(t *testing.T) {
	tests := []struct {
		file, query string
		name        string
		description string
		aliases     []string
		named       bool
		notAliases  []string // forms the text never uses
	}{
		{"council.txt", "delgado", "Maria Delgado", "council's transport chair", []string{"Delgado"}, true, nil},
		{"derailment.txt", "yusuf", "Amina Yusuf", "Transport Minister", []string{"the minister", "Yusuf"}, true, nil},
		{"derailment.txt", "passenger", "one passenger", "nurse travelling to work", nil, false, nil},
		{"derailment.txt", "operator", "the national rail operator", "", []string{"the operator"}, false, nil},
		{"siblings.txt", "elena", "Elena Novak", "", []string{"Ms Novak"}, true, nil},
		{"siblings.txt", "brandt", "Stefan Brandt", "coach", nil, true, nil},
		{"strike.txt", "pike", "Sarah Pike", "Health Secretary", []string{"Mrs Pike"}, true, nil},
		{"strike.txt", "patel", "Raj Patel", "British Medical Association's chairman", []string{"Dr Patel"}, true, nil},
		{"mining.txt", "raman", "Priya Raman", "analyst at Halvorsen Bank", []string{"Raman"}, true, nil},
		{"mining.txt", "eklund", "Lars Eklund", "chief executive", nil, true, nil},
		{"shipyard.txt", "shaw", "Gordon Reid and Fiona Shaw", "Union leaders", nil, true, nil},
		{"trial.txt", "ms whitfield", "Anne Whitfield", "Prosecutor", []string{"Ms Whitfield"}, true, nil},
		{"flood.txt", "finch", "Margaret Finch", "retired teacher from the village of Naburn", nil, true, nil},
		{"flood.txt", "ashworth", "Tom Ashworth", "neighbour", nil, true, nil},
		{"buslanes.txt", "chen", "Maria Chen", "Transport analyst", []string{"the analyst"}, true, nil},
		{"buslanes.txt", "hale", "Derek Hale", "Councilman", nil, true, nil},
		{"northwind.txt", "forsyth", "Helen Forsyth", "Northwind's chairwoman", []string{"Forsyth"}, true, []string{"Dame Forsyth"}},
		{"northwind.txt", "alvarez", "Tomás Alvarez", "Chief executive", []string{"Mr Alvarez"}, true, nil},
		{"northwind.txt", "the company", "the company", "", nil, false, nil},
		{"wildfire.txt", "john kowalski", "John Kowalski", "neighbour", nil, true, nil},
		{"wildfire.txt", "officials", "officials", "", nil, false, nil},
		{"court.txt", "mr fenn", "Nicholas Fenn KC", "", []string{"Fenn", "Mr Fenn"}, true, nil},
		{"court.txt", "peter", "Peter Hale", "Mrs Hale's son", []string{"Mr Hale"}, true, []string{"Mrs Hale"}},
		{"derby.txt", "cullen", "Steve Cullen", "Kingsbridge manager", []string{"the Scot"}, true, nil},
		{"derby.txt", "ferreira", "Dani Ferreira", "Ashford boss", []string{"the Portuguese"}, true, nil},
		{"budget.txt", "sand", "Henrik Sand", "central bank governor", nil, true, nil},
		{"budget.txt", "fiscal council", "the Fiscal Council", "", nil, true, nil},
		{"wire.txt", "people", "three people familiar with the plan", "", []string{"the people"}, false, nil},
		{"chipmaker.txt", "veridian", "Veridian Semiconductor", "Chipmaker", nil, true, []string{"Semiconductor"}},
		{"senate.txt", "dji", "DJI", "Drone maker", nil, true, nil},
		{"festival.txt", "rees", "Dai Rees", "Retired postman", nil, true, nil},
		{"interview.txt", "sethi", "Priya Sethi", "novelist", nil, true, nil},
		{"summit.txt", "lula", "Luiz Inácio Lula da Silva", "Brazilian President", []string{"Lula", "da Silva"}, true, nil},
		{"summit.txt", "von der leyen", "Ursula von der Leyen", "European Commission President", []string{"von der Leyen"}, true, []string{"Leyen"}},
		{"summit.txt", "li qiang", "Li Qiang", "Premier", nil, true, nil},
		{"qa.txt", "osei", "Amara Osei", "", []string{"Dr Osei"}, true, nil},
		{"obituary.txt", "sophie", "Sophie Alden", "granddaughter", []string{"Ms Alden"}, true, []string{"Mrs Alden"}},
		{"obituary.txt", "mrs alden", "Margaret Alden", "", []string{"Mrs Alden"}, true, []string{"Ms Alden"}},
		{"speech.txt", "lyle", "Peter Lyle", "Marsh's former chancellor", nil, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.query, func(t *testing.T) {
			sp := mustSpeaker(t, loadQuoteArticle(t, tt.file), tt.query)
			if sp.Name != tt.name {
				t.Errorf("Speaker(%q).Name = %q, want %q", tt.query, sp.Name, tt.name)
			}
			if sp.Description != tt.description {
				t.Errorf("%s.Description = %q, want %q", tt.name, sp.Description, tt.description)
			}
			for _, alias := range tt.aliases {
				if !slices.Contains(sp.Aliases, alias) {
					t.Errorf("%s.Aliases = %q, want it to hold %q", tt.name, sp.Aliases, alias)
				}
			}
			for _, alias := range tt.notAliases {
				if slices.Contains(sp.Aliases, alias) {
					t.Errorf("%s.Aliases = %q, want no %q: the text never uses it", tt.name, sp.Aliases, alias)
				}
			}
			if sp.Named != tt.named {
				t.Errorf("%s.Named = %v, want %v", tt.name, sp.Named, tt.named)
			}
		})
	}
}

// TestQuoteInvariants checks what must hold of any article: quotes in
// document order with their speaker, text that is what the span locates,
// speakers' own lists and their order.
func TestQuoteInvariants(t *testing.T) {
	articles := map[string]*Article{"seed": Default()}
	for _, tt := range articleQuoteTests {
		articles[tt.file] = loadQuoteArticle(t, tt.file)
	}
	for name, a := range articles {
		t.Run(name, func(t *testing.T) {
			checkQuoteInvariants(t, a)
		})
	}
}

func checkQuoteInvariants(t *testing.T, a *Article) {
	t.Helper()
	prev := Quote{Paragraph: 1}
	counts := map[*Speaker][2]int{}
	for _, q := range a.Quotes() {
		if q.Speaker == nil {
			t.Fatalf("¶%d quote %q has no speaker", q.Paragraph, q.Text)
		}
		p, ok := a.Paragraph(q.Paragraph)
		if !ok {
			t.Fatalf("quote %q cites ¶%d, which does not exist", q.Text, q.Paragraph)
		}
		if q.Span.Start < 0 || q.Span.End > len(p.Text) || q.Span.Start >= q.Span.End || p.Text[q.Span.Start:q.Span.End] != q.Text {
			t.Errorf("¶%d quote %q: span %v does not locate its text", q.Paragraph, q.Text, q.Span)
		}
		if q.Paragraph < prev.Paragraph || (q.Paragraph == prev.Paragraph && q.Span.Start < prev.Span.Start) {
			t.Errorf("quote ¶%d@%d comes after ¶%d@%d: not in document order", q.Paragraph, q.Span.Start, prev.Paragraph, prev.Span.Start)
		}
		if q.Kind == Reported && (q.Partial || q.Continued) {
			t.Errorf("¶%d reported statement %q is marked partial or continued", q.Paragraph, q.Text)
		}
		c := counts[q.Speaker]
		if q.Kind == Direct {
			c[0]++
		} else {
			c[1]++
		}
		counts[q.Speaker] = c
		prev = q
	}
	sps := a.Speakers()
	if len(sps) != len(counts) {
		t.Errorf("Speakers() has %d speakers, but %d speakers have quotes", len(sps), len(counts))
	}
	for i, sp := range sps {
		c := counts[sp]
		if len(sp.Quotes) != c[0] || len(sp.Reported) != c[1] {
			t.Errorf("%s lists %d direct and %d reported, Quotes() gives %d and %d", sp.Name, len(sp.Quotes), len(sp.Reported), c[0], c[1])
		}
		for _, q := range sp.Quotes {
			if q.Kind != Direct || q.Speaker != sp {
				t.Errorf("%s.Quotes holds %v by %s", sp.Name, q.Kind, q.Speaker.Name)
			}
		}
		for _, q := range sp.Reported {
			if q.Kind != Reported || q.Speaker != sp {
				t.Errorf("%s.Reported holds %v by %s", sp.Name, q.Kind, q.Speaker.Name)
			}
		}
		if i > 0 {
			p := sps[i-1]
			if len(p.Quotes) < len(sp.Quotes) || (len(p.Quotes) == len(sp.Quotes) && len(p.Reported) < len(sp.Reported)) {
				t.Errorf("%s (%d/%d) is listed before %s (%d/%d): not most quoted first",
					p.Name, len(p.Quotes), len(p.Reported), sp.Name, len(sp.Quotes), len(sp.Reported))
			}
		}
		if got, err := a.Speaker(sp.Name); err != nil || got != sp {
			t.Errorf("Speaker(%q) = %v, %v; want the speaker itself", sp.Name, got, err)
		}
		if len(sp.Aliases) == 0 || sp.Aliases[0] != sp.Name {
			t.Errorf("%s.Aliases = %q, want the name first", sp.Name, sp.Aliases)
		}
	}
}

// FuzzQuotes checks that any paragraph text yields quotes that satisfy the
// invariants, without a panic.
func FuzzQuotes(f *testing.F) {
	for _, tt := range articleQuoteTests {
		body, err := os.ReadFile(filepath.Join("testdata", "quotes", tt.file))
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(body), "\n") {
			if line != "" {
				f.Add(line)
			}
		}
	}
	f.Add(`"unclosed 'single "double' mixed” “ ” ' ’ ‘`)
	f.Add(`', said, "," said ,: "`)
	f.Fuzz(func(t *testing.T, text string) {
		a, err := Parse(strings.NewReader(text))
		if err != nil {
			return
		}
		checkQuoteInvariants(t, a)
		for _, q := range []string{"", "a", "said", text} {
			a.Speaker(q)
		}
	})
}

// TestSpeechVerbs checks that the verbs of speech news uses attribute
// words in each position: after a quotation, before its speaker, before a
// colon and a quotation, and before a reported clause.
func TestSpeechVerbs(t *testing.T) {
	// The list, each in every form.
	everyForm := strings.Fields("said says asked added stated noted told explained warned argued insisted tweeted wrote")
	// More verbs, in the forms that fit all of them.
	usual := strings.Fields("claimed replied declared announced remarked suggested acknowledged admitted conceded " +
		"confirmed denied stressed observed commented responded recalled predicted maintained asserted complained " +
		"cautioned testified revealed reiterated")
	type form struct{ name, text, want string }
	forms := func(v string, all bool) []form {
		fs := []form{
			{"after a quotation", `"The bridge is safe," Maria Lopez ` + v + `.`, "Maria Lopez ¶1 direct"},
			{"before a colon", `Maria Lopez ` + v + `: "The bridge is safe."`, "Maria Lopez ¶1 direct"},
			{"before a clause", `Maria Lopez ` + v + ` that the bridge was safe.`, "Maria Lopez ¶1 reported"},
		}
		if all {
			fs = append(fs, form{"before its speaker", `"The bridge is safe," ` + v + ` Maria Lopez.`, "Maria Lopez ¶1 direct"})
		}
		return fs
	}
	for _, v := range append(everyForm, usual...) {
		for _, f := range forms(v, slices.Contains(everyForm, v)) {
			t.Run(v+"/"+f.name, func(t *testing.T) {
				a := mustParse(t, f.text)
				if got := quoteFacts(a); !slices.Equal(got, []string{f.want}) {
					t.Errorf("quotes of %q = %q, want %q", f.text, got, f.want)
				}
			})
		}
	}
}

// factCase is a short article with every quote and reported statement it
// holds, as facts in the form of articleQuoteTests.
type factCase struct {
	name string
	text string
	want []string
}

func checkFactCases(t *testing.T, tests []factCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.text)
			if got := quoteFacts(a); !slices.Equal(got, tt.want) {
				t.Errorf("quotes of %q:\n got  %q\n want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestPronouns checks whom he, she, they and it refer to in short articles.
func TestPronouns(t *testing.T) {
	tests := []factCase{
		{"he is the unnamed source who just spoke",
			"Minister Jane Cole said the talks would continue.\n" +
				"A senior official, speaking on condition of anonymity, said the talks had stalled. \"We are nowhere,\" he said.",
			[]string{"Jane Cole ¶1 reported", "senior official ¶2 reported", "senior official ¶2 direct"}},
		{"he skips an unnamed source two paragraphs back",
			"\"We will not resign,\" Mr Tom Reyes said.\n" +
				"A police officer said the crowd had dispersed.\n" +
				"The square was quiet by midnight.\n" +
				"\"It is over,\" he said.",
			[]string{"Tom Reyes ¶1 direct", "police officer ¶2 reported", "Tom Reyes ¶4 direct"}},
		{"she skips the man who spoke last",
			"\"We are ready,\" said Mrs Ada Lund.\n" +
				"\"So are we,\" said Mr Piet Lund.\n" +
				"\"Then we start tomorrow,\" she said.",
			[]string{"Ada Lund ¶1 direct", "Piet Lund ¶2 direct", "Ada Lund ¶3 direct"}},
		{"a pronoun settles a gender",
			"\"Yes,\" said Kim Ode. \"Of course,\" she added.\n" +
				"\"No,\" said Sam Ode. \"Never,\" he added.\n" +
				"\"Why not?\" she asked.",
			[]string{"Kim Ode ¶1 direct", "Kim Ode ¶1 direct", "Sam Ode ¶2 direct", "Sam Ode ¶2 direct", "Kim Ode ¶3 direct"}},
		{"they is a group",
			"US officials claim that Russia has moved troops. They say that the build-up began in May.",
			[]string{"US officials ¶1 reported", "US officials ¶1 reported"}},
		{"it is a body",
			"The ministry said the border was closed. It added that it would reopen on Monday.",
			[]string{"the ministry ¶1 reported", "the ministry ¶1 reported"}},
	}
	checkFactCases(t, tests)
}

// TestQuoteContext checks attributions that need more than one sentence:
// who a name, a title or a pronoun stands for, and whose words an
// unattributed quotation is.
func TestQuoteContext(t *testing.T) {
	tests := []factCase{
		{"a name in the subject's description is not the subject",
			"One resident, Doris Hale, lost her savings.\n" +
				"Mrs Hale's son, Peter Hale, said the family had trusted the home. \"We were wrong,\" he said.\n" +
				"\"Not for a car,\" Mr Hale replied.",
			[]string{"Peter Hale ¶2 reported", "Peter Hale ¶2 direct", "Peter Hale ¶3 direct"}},
		{"a gendered description settles the gender",
			"Tom Ash said the roof had held.\n" +
				"His neighbour's wife, Sam Reed, said it had leaked. \"It held,\" he said.",
			[]string{"Tom Ash ¶1 reported", "Sam Reed ¶2 reported", "Tom Ash ¶2 direct"}},
		{"a nationality stands for the person just written about",
			"Kingsbridge manager Steve Cullen was furious with the decision.\n" +
				"\"What's the point?\" the Scot said.",
			[]string{"Steve Cullen ¶2 direct"}},
		{"a headline title is the person who holds it",
			"Finance Minister: \"We will not raise income tax\"\n" +
				"Finance Minister Clara Voss ruled out a rise on Sunday.",
			[]string{"Clara Voss ¶1 direct"}},
		{"a quotation over paragraphs after one about a person",
			"Edith Morrow, who is 71, took the job in 1984.\n" +
				"\"I walked in thinking I'd stay a year.\n" +
				"\"But I stayed forty.\"",
			[]string{"Edith Morrow ¶2 direct", "Edith Morrow ¶3 direct continued"}},
		{"a quotation after someone else spoke is not the subject's",
			"Edith Morrow took the job in 1984. Her manager said she was a natural.\n" +
				"\"I walked in thinking I'd stay a year.\"",
			[]string{"Her manager ¶1 reported"}},
		{"a pronoun before the sentence's own subject is done",
			"The novelist Priya Sethi has spent ten years writing a book she says she was afraid to finish.",
			[]string{"Priya Sethi ¶1 reported"}},
		{"a middle name the person is known by",
			"Brazilian President Luiz Inácio Lula da Silva hosted the summit. Lula said the pledge was historic.",
			[]string{"Luiz Inácio Lula da Silva ¶1 reported"}},
		{"they after a plural description",
			"Police said the man was stable.\n" +
				"Officers from three forces closed the roads. They urged drivers to stay at home.",
			[]string{"police ¶1 reported", "officers ¶2 reported"}},
		{"answers of a question-and-answer interview",
			"Dr Amara Osei has led the team for six years. She spoke to the Courier.\n" +
				"Q: What will the cuts mean?\n" +
				"A: \"Fewer people knocking on doors.\"\n" +
				"Q: The council says the cuts are unavoidable. Do you agree?\n" +
				"A: \"I accept the council has no money.\"",
			[]string{"Amara Osei ¶3 direct", "the council ¶4 reported", "Amara Osei ¶5 direct"}},
		{"Ms and Mrs tell two women who share a surname apart",
			"Anna Berg ran the shop for forty years.\n" +
				"Her granddaughter, Lisa Berg, said she was strict. \"She was fair,\" Ms Berg said.\n" +
				"In 2002, Mrs Berg was honoured. She told the paper: \"I only sold stamps.\"",
			[]string{"Lisa Berg ¶2 reported", "Lisa Berg ¶2 direct", "Anna Berg ¶3 direct"}},
		{"abbreviated titles before a name",
			"\"We will find him,\" said Det. Supt. Rachel Hughes.\n" +
				"Fr. John Smith said the church would stay open.\n" +
				"Sens. Joni Ernst and Gary Peters said the bill would pass.",
			[]string{"Rachel Hughes ¶1 direct", "John Smith ¶2 reported", "Joni Ernst and Gary Peters ¶3 reported"}},
		{"the statement is whoever issued it",
			"The family said in a statement that they were heartbroken. \"He should have come home,\" the statement said.",
			[]string{"the family ¶1 reported", "the family ¶1 direct"}},
	}
	checkFactCases(t, tests)
}

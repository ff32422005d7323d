package quote

import (
	"github.com/articlebot/articlebot/article/internal/text"
	"slices"
	"strings"
	"testing"
)

func TestSplitTitle(t *testing.T) {
	tests := []struct {
		name   string
		phrase string
		title  string
		person string
	}{
		{"secretary of state", "US Secretary of State John Kerry", "US Secretary of State", "John Kerry"},
		{"nationality and role", "Syrian President Bashar al-Assad", "Syrian President", "Bashar al-Assad"},
		{"portfolio", "British Foreign Secretary Philip Hammond", "British Foreign Secretary", "Philip Hammond"},
		{"three names", "James George Jatras", "", "James George Jatras"},
		{"honorific", "Mrs Pike", "Mrs", "Pike"},
		{"abbreviated honorific", "Dr. Raj Patel", "Dr.", "Raj Patel"},
		{"lower-case role", "chief executive Lars Eklund", "chief executive", "Lars Eklund"},
		{"organisation before role", "Pentagon spokesman John Kirby", "Pentagon spokesman", "John Kirby"},
		{"particles", "Commission President Ursula von der Leyen", "Commission President", "Ursula von der Leyen"},
		{"initial", "George W. Bush", "", "George W. Bush"},
		{"suffix", "Martin Luther King Jr.", "", "Martin Luther King Jr."},
		{"acronym only", "Press TV", "Press TV", ""},
		{"body", "United States", "United States", ""},
		{"diacritics", "President Recep Tayyip Erdoğan", "President", "Recep Tayyip Erdoğan"},
		{"surname that is a portfolio word", "Housing Minister Rachel Green", "Housing Minister", "Rachel Green"},
		{"particles alone", "von der Leyen", "", "von der Leyen"},
		{"abbreviated ranks", "Det Insp Rachel Hughes", "Det Insp", "Rachel Hughes"},
		{"compound role", "Singer-songwriter Lena Marsh", "Singer-songwriter", "Lena Marsh"},
		{"hyphenated surname ending in a role word", "Anna Lloyd-King", "", "Anna Lloyd-King"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := readParagraph(tt.phrase)
			toks := p.toks
			raws := make([]string, len(toks))
			for i, tk := range toks {
				raws[i] = tt.phrase[tk.Span.Start:tk.Span.End]
			}
			start := p.splitTitle(toks)
			title := strings.Join(raws[:start], " ")
			person := strings.Join(raws[start:], " ")
			if title != tt.title || person != tt.person {
				t.Errorf("splitTitle(%q) = %q + %q, want %q + %q", tt.phrase, title, person, tt.title, tt.person)
			}
		})
	}
}

func TestSurnameKeys(t *testing.T) {
	tests := []struct {
		name string
		full string
		want []string
	}{
		{"plain", "John Kerry", []string{"kerry"}},
		{"hyphenated particle", "Bashar al-Assad", []string{"al-assad", "assad"}},
		{"separate particles", "Ursula von der Leyen", []string{"leyen", "von der leyen"}},
		{"suffix", "Martin Luther King Jr", []string{"king"}},
		{"letters after a name", "Nicholas Fenn KC", []string{"fenn"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := surnameKeys(strings.Fields(text.Fold(tt.full))); !slices.Equal(got, tt.want) {
				t.Errorf("surnameKeys(%q) = %q, want %q", tt.full, got, tt.want)
			}
		})
	}
}

func TestNameMentions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "title|name"
	}{
		{"seed paragraph", "Speaking after talks with British Foreign Secretary Philip Hammond in London on Saturday, US Secretary of State John Kerry said that Assad has to go.",
			[]string{"British Foreign Secretary|Philip Hammond", "|London", "US Secretary of State|John Kerry", "|Assad"}},
		{"lower-case title", "Former prime minister Helen Marsh spoke.", []string{"Former prime minister|Helen Marsh"}},
		{"sentence-initial adverb", "Yesterday John Smith resigned.", []string{"|John Smith"}},
		{"possessive", "Kerry's spokesman declined.", []string{"|Kerry"}},
		{"place is no name", "Residents of New York and Hong Kong agreed.", nil},
		{"organisation", "Press TV and Norrland Mining reported it.", nil},
		{"body after its description", "They sold logistics firm Al Noor Freight and chipmaker Veridian.", nil},
		{"title that opens with a body", "Bank of England Governor Andrew Bailey spoke.", []string{"Bank of England Governor|Andrew Bailey"}},
		{"specialist by suffix", "The virologist Jane Doe and retired postman Dai Rees spoke.", []string{"virologist|Jane Doe", "retired postman|Dai Rees"}},
		{"particles before a surname", "Later von der Leyen left.", []string{"|von der Leyen"}},
		{"nickname in quotes", `Margaret "Peggy" Alden, who ran the shop, has died.`, []string{"|Margaret Alden"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range readParagraph(tt.text).nameMentions() {
				got = append(got, m.title+"|"+m.name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("nameMentions(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

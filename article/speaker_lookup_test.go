package article

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestSpeakerLookup(t *testing.T) {
	a := Default()
	tests := []struct {
		name  string
		query string
		want  string
	}{
		{"surname", "kerry", "John Kerry"},
		{"upper case", "KERRY", "John Kerry"},
		{"full name with spaces", "  john   kerry ", "John Kerry"},
		{"typo", "kery", "John Kerry"},
		{"typo in full name", "jon kery", "John Kerry"},
		{"prefix", "ker", "John Kerry"},
		{"title and surname", "Mr Kerry", "John Kerry"},
		{"title alias", "US Secretary of State", "John Kerry"},
		{"description alias", "the top US diplomat", "John Kerry"},
		{"word of a title", "secretary", "John Kerry"},
		{"first name", "james", "James George Jatras"},
		{"middle name", "George", "James George Jatras"},
		{"typo in surname", "jatraz", "James George Jatras"},
		{"alias beats a word of another name", "analyst", "James George Jatras"},
		{"alias with article", "The Analyst", "James George Jatras"},
		{"body without article", "pentagon", "the Pentagon"},
		{"body with article", "the pentagon", "the Pentagon"},
		{"unnamed group", "us officials", "US officials"},
		{"plural word", "officials", "US officials"},
		{"singular word", "official", "US military official"},
		{"curly apostrophe", "Kerry’s", "John Kerry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, err := a.Speaker(tt.query)
			if err != nil {
				t.Fatalf("Speaker(%q) error: %v", tt.query, err)
			}
			if sp.Name != tt.want {
				t.Errorf("Speaker(%q) = %q, want %q", tt.query, sp.Name, tt.want)
			}
		})
	}
}

func TestSpeakerLookupErrors(t *testing.T) {
	seed := Default()
	siblings := loadQuoteArticle(t, "siblings.txt")
	known := func(a *Article) []string {
		var names []string
		for _, sp := range a.Speakers() {
			names = append(names, sp.Name)
		}
		return names
	}
	tests := []struct {
		name       string
		a          *Article
		query      string
		ambiguous  []string
		suggestion string
	}{
		{"unknown", seed, "putin", nil, ""},
		{"empty", seed, "   ", nil, ""},
		{"too far for a typo, close for a suggestion", seed, "jtrs", nil, "James George Jatras"},
		{"shared surname", siblings, "novak", []string{"Elena Novak", "Luka Novak"}, ""},
		{"typo of a shared surname", siblings, "novac", []string{"Elena Novak", "Luka Novak"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, err := tt.a.Speaker(tt.query)
			var se *InputError
			if !errors.As(err, &se) {
				t.Fatalf("Speaker(%q) = %v, %v; want an *InputError", tt.query, sp, err)
			}
			if sp != nil {
				t.Errorf("Speaker(%q) returned %q with its error", tt.query, sp.Name)
			}
			if se.Input != tt.query {
				t.Errorf("Speaker(%q): Input = %q", tt.query, se.Input)
			}
			if !slices.Equal(se.Ambiguous, tt.ambiguous) {
				t.Errorf("Speaker(%q): Ambiguous = %q, want %q", tt.query, se.Ambiguous, tt.ambiguous)
			}
			if se.Suggestion != tt.suggestion {
				t.Errorf("Speaker(%q): Suggestion = %q, want %q", tt.query, se.Suggestion, tt.suggestion)
			}
			if want := known(tt.a); !slices.Equal(se.Speakers, want) {
				t.Errorf("Speaker(%q): Speakers = %q, want %q", tt.query, se.Speakers, want)
			}
			if se.Reason == "" || !strings.HasPrefix(se.Error(), se.Reason) {
				t.Errorf("Speaker(%q): Reason = %q, Error() = %q; want a reason that opens the message", tt.query, se.Reason, se.Error())
			}
		})
	}
	t.Run("the two are found by full name", func(t *testing.T) {
		for _, name := range []string{"Elena Novak", "luka novak", "luka", "ms novak"} {
			sp, err := siblings.Speaker(name)
			if err != nil || !slices.Contains([]string{"Elena Novak", "Luka Novak"}, sp.Name) {
				t.Errorf("Speaker(%q) = %v, %v; want one of the Novaks", name, sp, err)
			}
		}
	})
}

func TestInputErrorMessage(t *testing.T) {
	seed, siblings := Default(), loadQuoteArticle(t, "siblings.txt")
	empty := mustParse(t, "The council met on Monday.")
	tests := []struct {
		name  string
		a     *Article
		input string
		want  string
	}{
		{"ambiguous", siblings, "novak",
			"Type more of the name: “novak” names more than one person the article quotes. It could mean Elena Novak or Luka Novak."},
		{"suggestion", seed, "jtrs", "The article quotes nobody called “jtrs”. Did you mean James George Jatras?"},
		{"no speakers", empty, "kerry", "The article quotes nobody called “kerry”: it quotes nobody at all."},
		{"empty", seed, " ", "Say whose words you want: type the name of someone the article quotes."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.a.Speaker(tt.input)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Speaker(%q) error = %v, want %q", tt.input, err, tt.want)
			}
		})
	}
}

// TestPersonLookupNamesake checks that a full name that is no one in the
// article finds no one, though it differs from someone's name by no more
// than a typo of its length allows: "Lena Kovacs" is not Dan Kovacs.
func TestPersonLookupNamesake(t *testing.T) {
	a, err := Load("testdata/ask/articles/bakehouse.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		query string
		want  string // "" for no one
	}{
		{"another first name", "Lena Kovacs", ""},
		{"typo in the first name", "Dann Kovacs", "Dan Kovacs"},
		{"typo in the surname", "Dan Kovac", "Dan Kovacs"},
		{"full name", "Dan Kovacs", "Dan Kovacs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := a.Person(tt.query)
			got := ""
			if err == nil {
				got = p.Name
			}
			if got != tt.want {
				t.Errorf("Person(%q) = %q (error %v), want %q", tt.query, got, err, tt.want)
			}
		})
	}
	if _, err := a.Speaker("Lena Kovacs"); err == nil {
		t.Errorf("Speaker(%q) found someone, want an error", "Lena Kovacs")
	}
}

package article

import (
	"errors"
	"slices"
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
			var se *SpeakerError
			if !errors.As(err, &se) {
				t.Fatalf("Speaker(%q) = %v, %v; want a *SpeakerError", tt.query, sp, err)
			}
			if sp != nil {
				t.Errorf("Speaker(%q) returned %q with its error", tt.query, sp.Name)
			}
			if se.Query != tt.query {
				t.Errorf("Speaker(%q): Query = %q", tt.query, se.Query)
			}
			if !slices.Equal(se.Ambiguous, tt.ambiguous) {
				t.Errorf("Speaker(%q): Ambiguous = %q, want %q", tt.query, se.Ambiguous, tt.ambiguous)
			}
			if se.Suggestion != tt.suggestion {
				t.Errorf("Speaker(%q): Suggestion = %q, want %q", tt.query, se.Suggestion, tt.suggestion)
			}
			if want := known(tt.a); !slices.Equal(se.Known, want) {
				t.Errorf("Speaker(%q): Known = %q, want %q", tt.query, se.Known, want)
			}
			if se.Error() == "" {
				t.Errorf("Speaker(%q): the error has no message", tt.query)
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

func TestSpeakerErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *SpeakerError
		want string
	}{
		{"ambiguous", &SpeakerError{Query: "novak", Ambiguous: []string{"Elena Novak", "Luka Novak"}},
			`"novak" could be Elena Novak or Luka Novak`},
		{"suggestion", &SpeakerError{Query: "jtrs", Suggestion: "James George Jatras", Known: []string{"John Kerry", "James George Jatras"}},
			`no speaker matches "jtrs" (did you mean James George Jatras?); the article quotes John Kerry, James George Jatras`},
		{"no speakers", &SpeakerError{Query: "kerry"}, `no speaker matches "kerry"; the article quotes no one`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

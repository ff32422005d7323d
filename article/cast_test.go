package article

import (
	"strings"
	"testing"
)

// TestPersonDescriptions checks the description the cast gives a person
// the article describes beside the name.
func TestPersonDescriptions(t *testing.T) {
	tests := []struct {
		name string
		text string
		who  string
		want string
	}{
		{"title before the name", "Judge Amara Quist closed the case.", "Amara Quist", "Judge"},
		{"appositive after the name", "Teo Marlow, a ferry engineer, stayed aboard.", "Teo Marlow", "ferry engineer"},
		{"object of a verb before the name", "The same jury found his deputy, Owen Baird, not guilty.", "Owen Baird", "deputy"},
		{"object after a regular past", "The board sacked its treasurer, Imogen Sallis, on Friday.", "Imogen Sallis", "treasurer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(strings.NewReader("Title\n\n" + tt.text + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			p, err := a.Person(tt.who)
			if err != nil {
				t.Fatalf("Person(%q) error: %v", tt.who, err)
			}
			if p.Description != tt.want {
				t.Errorf("Person(%q).Description = %q, want %q", tt.who, p.Description, tt.want)
			}
		})
	}
}

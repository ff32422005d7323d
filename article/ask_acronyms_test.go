package article

import (
	"slices"
	"strings"
	"testing"
)

func TestFindAcronyms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // each acronym with its name: "ppp=people power party"
	}{
		{"initials", "The People Power Party (PPP) walked out.", []string{"ppp=people power party"}},
		{"small word skipped", "The Federal Bureau of Investigation (FBI) said so.", []string{"fbi=federal bureau of investigation"}},
		{"small word counted", "The Department of Energy (DOE) said so.", []string{"doe=department of energy"}},
		{"two in a paragraph", "The Coastal Ferries Authority (CFA) and the Island Pilots Union (IPU) met.", []string{"cfa=coastal ferries authority", "ipu=island pilots union"}},
		{"letters do not match", "The harbour trust, Calder Marine (NHS), met.", nil},
		{"lower case before", "He joined the board (BDA) last year.", nil},
		{"not in capitals", "The People Power Party (Ppp) walked out.", nil},
		{"a place in brackets", "She lives in Leith (UK) now.", nil},
		{"at the start of a paragraph", "(PPP) is a party.", nil},
		{"empty brackets", "The People Power Party () met.", nil},
		{"one letter", "The Authority (A) met.", nil},
		{"unclosed", "The People Power Party (PPP met.", nil},
		{"at the end of a paragraph", "They joined the People Power Party (PPP)", []string{"ppp=people power party"}},
		{"name across a sentence", "The crew met the Pilots. Union (PU) leaders spoke.", nil},
		{"too long", "The North Atlantic Fisheries Organisation Board Secretariat Office (NAFOBSO) met.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(strings.NewReader("Title\n\n" + tt.text + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ac := range a.tables().acronyms {
				got = append(got, a.idx.Word(ac.id)+"="+strings.Join(ac.name, " "))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("acronyms of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

package article

import "testing"

func TestSpokenFor(t *testing.T) {
	tests := []struct {
		desc, want string
	}{
		{"Brightwater spokesman", "Brightwater"},
		{"a Brightwater spokesman", "Brightwater"},
		{"spokeswoman for Hull City Council", "Hull City Council"},
		{"spokesperson at the Ministry of Health", "the Ministry of Health"},
		{"the Prime Minister's spokesman", "the Prime Minister"},
		{"Treasury spokeswoman", "Treasury"},
		{"spokeswoman for the company", ""}, // no name
		{"company spokesman", ""},
		{"spokesman", ""},
		{"Hull City Council", ""}, // no spokesperson
		{"former spokesman turned novelist", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := spokenFor(tt.desc); got != tt.want {
			t.Errorf("spokenFor(%q) = %q, want %q", tt.desc, got, tt.want)
		}
	}
}

// TestSpeaksFor checks that a spokesperson is linked to the body the
// article names, by the name the cast gives it, and that no one else is.
func TestSpeaksFor(t *testing.T) {
	a := loadQuoteArticle(t, "brightwater.txt")
	want := map[string]string{
		"Brightwater spokesman":             "Brightwater Energy",
		"spokeswoman for Hull City Council": "Hull City Council",
	}
	for _, sp := range a.Speakers() {
		if sp.SpeaksFor != want[sp.Name] {
			t.Errorf("%s.SpeaksFor = %q, want %q", sp.Name, sp.SpeaksFor, want[sp.Name])
		}
		delete(want, sp.Name)
	}
	for name := range want {
		t.Errorf("no speaker %q in brightwater.txt", name)
	}
}

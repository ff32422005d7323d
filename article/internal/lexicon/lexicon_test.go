package lexicon

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestListsAreFolded checks every list file: it says what it is for, it
// holds words, and every word is folded (lower case, no periods), as the
// engine looks words up.
func TestListsAreFolded(t *testing.T) {
	names, err := fs.Glob(files, "lists/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no list files: %v", err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			body, _ := files.ReadFile(name)
			if !strings.HasPrefix(string(body), "# ") {
				t.Errorf("%s does not open with a comment saying what the list is for", name)
			}
			ws := words(strings.TrimSuffix(path.Base(name), ".txt"))
			for _, w := range ws {
				if strings.ContainsFunc(w, unicode.IsUpper) || strings.Contains(w, ".") {
					t.Errorf("%s holds %q, which is not folded", name, w)
				}
			}
			if len(ws) == 0 {
				t.Errorf("%s holds no words", name)
			}
		})
	}
}

func TestSpeechVerb(t *testing.T) {
	tests := []struct {
		word  string
		lemma string
		base  bool
		ing   bool
		noun  bool
	}{
		{"said", "say", false, false, false},
		{"say", "say", true, false, false},
		{"saying", "say", false, true, false},
		{"states", "state", false, false, true},
		{"labeled", "label", false, false, false},
	}
	for _, tt := range tests {
		v := SpeechVerb(tt.word)
		if v == nil {
			t.Errorf("SpeechVerb(%q) = nil, want the verb %q", tt.word, tt.lemma)
			continue
		}
		if v.Lemma != tt.lemma || v.Base != tt.base || v.Ing != tt.ing || v.Noun != tt.noun {
			t.Errorf("SpeechVerb(%q) = %+v, want lemma %q, base %v, ing %v, noun %v", tt.word, *v, tt.lemma, tt.base, tt.ing, tt.noun)
		}
	}
	if v := SpeechVerb("according"); v != nil {
		t.Errorf("SpeechVerb(%q) = %+v, want nil: it is a verb only with \"to\"", "according", *v)
	}
	multi := map[string]string{"according": "according to", "quoted": "quoted as saying", "put": "put it"}
	for first, lemma := range multi {
		var found *Verb
		for _, m := range MultiWordVerbs(first) {
			if m.Verb.Lemma == lemma {
				found = m.Verb
			}
		}
		if found == nil {
			t.Errorf("MultiWordVerbs(%q) lacks %q", first, lemma)
			continue
		}
		if found.Base {
			t.Errorf("%q is marked a base form, want not: its base and past forms are alike or missing", lemma)
		}
		if Of(first)&Speech == 0 {
			t.Errorf("Of(%q) lacks Speech", first)
		}
	}
}

func TestOf(t *testing.T) {
	tests := []struct {
		word string
		has  Class
		not  Class
	}{
		{"minister", Role, RolePlural},
		{"officials", RolePlural, Role},
		{"virologist", Role, 0},
		{"syria's", 0, Role},
		{"the", Determiner | NameStop | PreNoun, Pronoun},
		{"said", Speech | NPStop, 0},
		{"mr", Honorific | Role, 0},
	}
	for _, tt := range tests {
		if got := Of(tt.word); got&tt.has != tt.has || got&tt.not != 0 {
			t.Errorf("Of(%q) = %b, want %b set and %b clear", tt.word, got, tt.has, tt.not)
		}
	}
}

func TestVerbForms(t *testing.T) {
	if got := BaseForm("met"); got != "meet" {
		t.Errorf("BaseForm(%q) = %q, want %q", "met", got, "meet")
	}
	if got := BaseForm("walked"); got != "walked" {
		t.Errorf("BaseForm(%q) = %q, want it unchanged", "walked", got)
	}
	if got := Gender["mrs"]; got != 'f' {
		t.Errorf("Gender[%q] = %q, want 'f'", "mrs", got)
	}
}

func TestIsRoleWord(t *testing.T) {
	for _, w := range []string{"analyst", "officials", "76-year-old", "singer-songwriter", "epidemiologists", "spokeswomen"} {
		if !IsRoleWord(w) {
			t.Errorf("IsRoleWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"family", "plan", "russia"} {
		if IsRoleWord(w) {
			t.Errorf("IsRoleWord(%q) = true, want false", w)
		}
	}
}

func TestLemmas(t *testing.T) {
	for w, want := range map[string]string{"leading": "lead", "found": "find", "bodies": "body", "watches": "watch", "vanished": "vanish", "stepped": "step", "quitting": "quit", "filled": "fill", "dying": "die"} {
		if got := Lemmas(w); !slices.Contains(got, want) || got[0] != w {
			t.Errorf("Lemmas(%q) = %q, want %q first and %q among them", w, got, w, want)
		}
	}
}

package lexicon

import (
	"slices"
	"strings"
	"testing"
)

// nearSynonymsFile is the table of near-synonym groups, one group a line,
// members separated by commas.
const nearSynonymsFile = "lists/near-synonyms.txt"

// twoSenseMembers are the members the table lists in two groups, one for
// each of two senses news uses often. Any other member shared by two
// groups is a mistake.
var twoSenseMembers = []string{
	"decline", // a fall in numbers; a refusal ("declined to comment")
	"launch",  // the start of something; putting a product on the market
	"release", // setting a prisoner free; putting out a record or film
}

// readNearSynonyms parses the embedded table, failing the test on a bad
// line.
func readNearSynonyms(t *testing.T) [][]string {
	t.Helper()
	body, err := files.ReadFile(nearSynonymsFile)
	if err != nil {
		t.Fatalf("read %s: %v", nearSynonymsFile, err)
	}
	groups, err := parseNearSynonyms(string(body))
	if err != nil {
		t.Fatalf("%s: %v", nearSynonymsFile, err)
	}
	return groups
}

func TestParseNearSynonymsRejectsBadLines(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string // part of the error
	}{
		{"one member", "quit", "at least two members"},
		{"trailing comma", "quit, resign,", "trailing comma"},
		{"doubled comma", "quit,, resign", "stray or trailing comma"},
		{"upper case", "Quit, resign", "not lower case"},
		{"short member", "go, leave", "fewer than 3 letters"},
		{"long phrase", "quit, step down from office", "at most 3"},
		{"member twice", "quit, resign, quit", "listed twice"},
		{"group twice", "quit, resign\nresign, quit", "the same group as line 1"},
		{"hyphen", "walk-out, strike", "folded words"},
		{"period", "govt., government", "folded words"},
		{"doubled space", "step  down, quit", "doubled space"},
		{"bad line after good", "# c\nquit, resign\n\nhire", "line 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			groups, err := parseNearSynonyms(tt.body)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseNearSynonyms(%q) = %q, %v, want an error with %q", tt.body, groups, err, tt.want)
			}
		})
	}
}

func TestParseNearSynonymsReadsGroups(t *testing.T) {
	body := "# A comment, with commas.\n\nquit, resign, step down\n  en route, bound for  \n"
	want := [][]string{{"quit", "resign", "step down"}, {"en route", "bound for"}}
	got, err := parseNearSynonyms(body)
	if err != nil || !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("parseNearSynonyms(%q) = %q, %v, want %q, nil", body, got, err, want)
	}
}

// TestNearSynonymsTable checks the table itself: every line is a good
// group, and the table is large enough to be worth loading.
func TestNearSynonymsTable(t *testing.T) {
	groups := readNearSynonyms(t)
	if len(groups) < 250 {
		t.Errorf("%s holds %d groups, want at least 250", nearSynonymsFile, len(groups))
	}
}

// TestNearSynonymsSharedMembers checks that a member stands in two groups
// only where it has two senses, and that each two-sense member does.
func TestNearSynonymsSharedMembers(t *testing.T) {
	count := make(map[string]int)
	for _, g := range readNearSynonyms(t) {
		for _, m := range g {
			count[m]++
		}
	}
	for m, n := range count {
		if n > 1 && !slices.Contains(twoSenseMembers, m) {
			t.Errorf("%q is in %d groups, want 1: a word shares groups only for two senses", m, n)
		}
	}
	for _, m := range twoSenseMembers {
		if count[m] != 2 {
			t.Errorf("%q is in %d groups, want 2, one for each sense", m, count[m])
		}
	}
}

// TestNearSynonymsLeaveOutLightVerbs checks that no verb of many senses
// ("get", "take", "make") stands alone as a member; it may only be part of
// a fixed phrase ("take office").
func TestNearSynonymsLeaveOutLightVerbs(t *testing.T) {
	for _, g := range readNearSynonyms(t) {
		for _, m := range g {
			if LightVerbs.Has(m) {
				t.Errorf("group %q holds the light verb %q alone", g, m)
			}
		}
	}
}

// TestNearSynonymsGroups checks what the precision rule asks of the
// table: words a reader and an article use for one thing share a group,
// and words that only look alike (a general word and a narrow one, a
// cause and its effect, opposites) do not.
func TestNearSynonymsGroups(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"quit", "step down", true},
		{"illness", "disease", true},
		{"find", "discover", true},
		{"jail", "sentence", true},
		{"bound for", "en route", true},
		{"postpone", "put off", true},
		{"arrest", "take into custody", true},
		{"convict", "find guilty", true},
		{"afraid", "frightened", true},
		{"defence", "defense", true},
		{"die", "kill", false},
		{"illness", "condition", false},
		{"car", "vehicle", false},
		{"minister", "official", false},
		{"rise", "fall", false},
		{"win", "lose", false},
		{"fire", "blaze", false},
	}
	groupsOf := make(map[string][]int)
	for i, g := range readNearSynonyms(t) {
		for _, m := range g {
			groupsOf[m] = append(groupsOf[m], i)
		}
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			same := slices.ContainsFunc(groupsOf[tt.a], func(i int) bool { return slices.Contains(groupsOf[tt.b], i) })
			if same != tt.same {
				t.Errorf("%q and %q share a group = %v, want %v", tt.a, tt.b, same, tt.same)
			}
			if tt.same && len(groupsOf[tt.a]) == 0 {
				t.Errorf("%q is in no group", tt.a)
			}
		})
	}
}

func TestSynonyms(t *testing.T) {
	tests := []struct {
		name    string
		word    string
		want    []string // among what Synonyms returns
		notWant []string
	}{
		{"base form", "quit", []string{"resign", "step down"}, []string{"quit"}},
		{"inflection", "quitting", []string{"resign", "step down"}, []string{"quit"}},
		{"irregular past", "found", []string{"discover"}, nil},
		{"no group", "kerry", nil, nil},
		{"no opposite", "rise", nil, []string{"fall"}},
		{"a word of two senses has none", "decline", nil, nil},
		{"no word of two senses among them", "refuse", nil, []string{"decline"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Synonyms(tt.word)
			if tt.want == nil && tt.notWant == nil && got != nil {
				t.Errorf("Synonyms(%q) = %q, want nil", tt.word, got)
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Synonyms(%q) = %q, want it to hold %q", tt.word, got, w)
				}
			}
			for _, w := range tt.notWant {
				if slices.Contains(got, w) {
					t.Errorf("Synonyms(%q) = %q, want it without %q", tt.word, got, w)
				}
			}
		})
	}
}

func TestPhraseSynonyms(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		want  string // among what PhraseSynonyms returns; "" for none
	}{
		{"verb and particle", []string{"stepped", "down"}, "resign"},
		{"plural head", []string{"members", "of", "parliament"}, "lawmaker"},
		{"one word", []string{"quit"}, "resign"},
		{"no such phrase", []string{"stepped", "up"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PhraseSynonyms(tt.words)
			if tt.want == "" && got != nil || tt.want != "" && !slices.Contains(got, tt.want) {
				t.Errorf("PhraseSynonyms(%q) = %q, want it to hold %q", tt.words, got, tt.want)
			}
		})
	}
}

// TestMayStartPhrase checks that every form of a first word of a phrase
// of the table that a question may write is let through to the lookup.
func TestMayStartPhrase(t *testing.T) {
	for _, w := range []string{"step", "steps", "stepped", "stepping", "find", "found", "finding", "members", "member", "dying", "died"} {
		if !MayStartPhrase(w) {
			t.Errorf("MayStartPhrase(%q) = false, want true", w)
		}
	}
	for _, g := range readNearSynonyms(t) {
		for _, m := range g {
			if f, _, ok := strings.Cut(m, " "); ok && !MayStartPhrase(f) {
				t.Errorf("MayStartPhrase(%q) = false for the phrase %q", f, m)
			}
		}
	}
	if MayStartPhrase("kerry") {
		t.Errorf("MayStartPhrase(%q) = true, want false", "kerry")
	}
}

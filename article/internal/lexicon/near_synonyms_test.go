package lexicon

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
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

// parseNearSynonyms reads the near-synonym table and returns its groups.
// It fails on the first line that breaks the table's format, naming the
// line: a group needs two members or more, each a folded word or a phrase
// of up to three, of three letters or more, none listed twice, and no
// group may repeat another.
func parseNearSynonyms(body string) ([][]string, error) {
	var groups [][]string
	seen := make(map[string]int)
	for i, line := range strings.Split(body, "\n") {
		n := i + 1
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		group, err := parseNearSynonymGroup(line)
		if err != nil {
			return nil, fmt.Errorf("line %d %q: %w", n, line, err)
		}
		key := slices.Clone(group)
		sort.Strings(key)
		k := strings.Join(key, ",")
		if first, ok := seen[k]; ok {
			return nil, fmt.Errorf("line %d %q: the same group as line %d", n, line, first)
		}
		seen[k] = n
		groups = append(groups, group)
	}
	return groups, nil
}

// parseNearSynonymGroup reads one line of the table into its members.
func parseNearSynonymGroup(line string) ([]string, error) {
	var members []string
	for part := range strings.SplitSeq(line, ",") {
		m := strings.TrimSpace(part)
		if err := checkNearSynonymMember(m); err != nil {
			return nil, err
		}
		if slices.Contains(members, m) {
			return nil, fmt.Errorf("%q is listed twice", m)
		}
		members = append(members, m)
	}
	if len(members) < 2 {
		return nil, errors.New("a group needs at least two members")
	}
	return members, nil
}

// checkNearSynonymMember reports what is wrong with one member, or nil.
func checkNearSynonymMember(m string) error {
	if m == "" {
		return errors.New("an empty member: a stray or trailing comma")
	}
	if strings.ContainsFunc(m, unicode.IsUpper) {
		return fmt.Errorf("%q is not lower case", m)
	}
	words := strings.Split(m, " ")
	if len(words) > 3 {
		return fmt.Errorf("%q is a phrase of %d words, want at most 3", m, len(words))
	}
	letters := 0
	for _, w := range words {
		if w == "" {
			return fmt.Errorf("%q has a doubled space", m)
		}
		for _, r := range w {
			if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '\'' {
				return fmt.Errorf("%q holds %q: a member is folded words of letters, digits and apostrophes", m, r)
			}
			if r >= 'a' && r <= 'z' {
				letters++
			}
		}
	}
	if letters < 3 {
		return fmt.Errorf("%q has fewer than 3 letters", m)
	}
	return nil
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

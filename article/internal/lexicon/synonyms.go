package lexicon

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// nearSynonyms maps each member of a group of near-synonyms (a word or a
// phrase of words, folded) to the groups it belongs to.
var nearSynonyms = readSynonymGroups("near-synonyms")

// phraseStarts holds the forms a first word of a phrase of the groups may
// take in a question: its base form, the inflections English builds on
// it by rule ("step", "steps", "stepped", "stepping", "tie", "tying")
// and an irregular verb's forms ("find", "found"). It holds more forms
// than there are, so that a lookup it lets through may find nothing.
var phraseStarts = inflectedStarts(nearSynonyms)

// inflectedStarts returns the forms the first words of the phrases among
// groups may take.
func inflectedStarts(groups map[string][][]string) map[string]bool {
	out := make(map[string]bool)
	for m := range groups {
		f, _, ok := strings.Cut(m, " ")
		if !ok {
			continue
		}
		forms := []string{f, f + "s", f + "es", f + "d", f + "ed", f + "ing"}
		if n := len(f); n > 1 {
			last := f[n-1 : n]
			forms = append(forms, f+last+"ed", f+last+"ing", f[:n-1]+"ing", f[:n-1]+"ies", f[:n-1]+"ied")
		}
		if base, ok := strings.CutSuffix(f, "ie"); ok {
			forms = append(forms, base+"ying") // "tie" gives "tying"
		}
		forms = append(forms, VerbForms(f)...)
		for _, x := range forms {
			out[x] = true
		}
	}
	return out
}

// MayStartPhrase reports whether the folded word w may be the first word
// of a phrase that has near-synonyms, in some form: PhraseSynonyms finds
// nothing for a phrase whose first word it is not.
func MayStartPhrase(w string) bool { return phraseStarts[w] }

// Synonyms returns the words and phrases that say what the folded word w
// says in nearly every use news makes of them ("resign" and "step down" for
// "quit"), looked up by w and by the dictionary forms it may be an
// inflection of ("quitting" finds the group of "quit"). A phrase is
// returned with its words separated by single spaces. The list holds no
// form of w itself.
//
// A word of two senses ("decline": fall, or refuse) answers for no other
// and has none: which sense a question or a sentence means is not known.
func Synonyms(w string) []string {
	lemmas := Lemmas(w)
	var out []string
	for _, l := range lemmas {
		if len(nearSynonyms[l]) > 1 {
			return nil
		}
		for _, g := range nearSynonyms[l] {
			out = appendMembers(out, g, lemmas)
		}
	}
	return out
}

// appendMembers appends to out the members of a group that are of one
// sense and none of skip, once each.
func appendMembers(out, group, skip []string) []string {
	for _, m := range group {
		if len(nearSynonyms[m]) == 1 && !slices.Contains(skip, m) && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// PhraseSynonyms returns the words and phrases that say what the phrase of
// folded words says ("lawmakers" for "members of parliament", "resign" for
// "stepped down"), looked up with its first and its last word in each of
// their dictionary forms, or nil. A phrase of one word is looked up as
// Synonyms does.
func PhraseSynonyms(words []string) []string {
	if len(words) == 1 {
		return Synonyms(words[0])
	}
	if !phraseStarts[words[0]] {
		return nil
	}
	last := len(words) - 1
	mid := strings.Join(words[1:last], " ")
	var out []string
	for _, f := range Lemmas(words[0]) {
		for _, l := range Lemmas(words[last]) {
			key := strings.Join(slices.DeleteFunc([]string{f, mid, l}, func(s string) bool { return s == "" }), " ")
			if len(nearSynonyms[key]) > 1 {
				continue
			}
			for _, g := range nearSynonyms[key] {
				out = appendMembers(out, g, []string{key})
			}
		}
	}
	return out
}

// readSynonymGroups reads a list of near-synonym groups into a map from
// each member to its groups.
func readSynonymGroups(name string) map[string][][]string {
	body, err := files.ReadFile("lists/" + name + ".txt")
	if err == nil {
		var groups [][]string
		if groups, err = parseNearSynonyms(string(body)); err == nil {
			m := make(map[string][][]string)
			for _, g := range groups {
				for _, w := range g {
					m[w] = append(m[w], g)
				}
			}
			return m
		}
	}
	// The lists are embedded at build time and checked by the package's
	// tests, so this cannot happen in a tested build.
	panic(fmt.Sprintf("lexicon: %s.txt: %v", name, err))
}

// parseNearSynonyms reads a table of near-synonyms and returns its groups.
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

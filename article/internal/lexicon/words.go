package lexicon

import (
	"slices"
	"strings"
)

// IsRoleWord reports whether the folded word names a person's role,
// including its plural ("officials", "witnesses").
func IsRoleWord(w string) bool {
	if RoleWords[w] || strings.HasSuffix(w, "-year-old") || HasRoleSuffix(w) {
		return true // "analyst", "the 76-year-old", "virologist"
	}
	if s, ok := Singular(w); ok {
		return RoleWords[s]
	}
	return false
}

// HasRoleSuffix reports whether a folded word, or its plural, ends like a
// word for a specialist, or is a compound whose last part is a role
// ("singer-songwriter", "ex-minister").
func HasRoleSuffix(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i > 0 && i+1 < len(w) && !strings.HasSuffix(w, "-old") {
		first, last := w[:strings.IndexByte(w, '-')], w[i+1:]
		if (RoleWords[last] || RoleWords[strings.TrimSuffix(last, "s")]) && (RoleWords[first] || PortfolioWords[first] || first == "co") {
			return true
		}
	}
	w = strings.TrimSuffix(w, "s")
	for _, suf := range RoleSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// IsDemonym reports whether the folded word can name a person by
// nationality: "the Scot", "the Portuguese".
func IsDemonym(w string) bool { return NationalityWords[w] || DemonymNouns[w] }

// Singular returns the folded word without a plural ending, and whether it
// had one.
func Singular(w string) (string, bool) {
	switch {
	case w == "people" || w == "police" || w == "staff" || w == "media":
		return w, true
	case w == "men":
		return "man", true
	case strings.HasSuffix(w, "men") && len(w) > 4:
		return w[:len(w)-3] + "man", true
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y", true
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes"):
		return w[:len(w)-2], true
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "'s") && len(w) > 3:
		return w[:len(w)-1], true
	}
	return w, false
}

// IsPluralNoun reports whether the folded noun is plural.
func IsPluralNoun(w string) bool {
	_, ok := Singular(w)
	return ok
}

var roleFamilies = readRoleFamilies()

// readRoleFamilies maps each word or phrase of role-families.txt to the
// families, numbered from 1, it belongs to.
func readRoleFamilies() map[string][]int {
	m := make(map[string][]int)
	for i, line := range lines("role-families") {
		for _, w := range strings.Fields(line) {
			w = strings.ReplaceAll(w, "_", " ")
			m[w] = append(m[w], i+1)
		}
	}
	return m
}

// SameRoleLine reports whether the folded role word w and the folded
// title or description title belong to one line of work, so that news may
// call one person by both: "diplomat" and "US Secretary of State",
// "defender" and "captain". A word of title, or a phrase of it, must be in
// a family of w.
func SameRoleLine(w, title string) bool {
	fams := roleFamilies[w]
	if len(fams) == 0 {
		return false
	}
	words := strings.Fields(title)
	for i := range words {
		for j := i + 1; j <= len(words) && j <= i+3; j++ {
			for _, f := range roleFamilies[strings.Join(words[i:j], " ")] {
				if slices.Contains(fams, f) {
					return true
				}
			}
		}
	}
	return false
}

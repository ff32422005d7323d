package text

import (
	"strconv"
	"strings"
)

// suffixRule turns the stem of a derived word into the stem of the word it
// derives from: the stem ending in suffix, with at least minBase letters
// before it, ends in replace instead, and is stemmed again.
type suffixRule struct {
	suffix, replace string
	minBase         int
}

// rootRules are the derivations of English that the snowball stemmer
// leaves apart, most specific first. The stemmer already joins most
// inflections and many derivations (negotiate and negotiation, employ and
// employment, ill and illness); these join an agent or a follower to its
// action (extortionist and extortion, investor and invest, leader and
// lead), a noun in -sion or -se to its verb (suspension and suspend,
// decision and decide, explosion and explode, response and respond), an
// adjective in -ey to its noun (cringey and cringe), a noun in -y to its
// adjective (economy and economic), and nouns of state to their base
// (leadership and leader, freedom and free).
var rootRules = []suffixRule{
	{"ship", "", 4},
	{"hood", "", 4},
	{"dom", "", 4},
	{"ist", "", 4},
	{"ey", "e", 4},
	{"e", "", 5},
	{"ns", "nd", 4},
	{"is", "id", 3},
	{"us", "ud", 3},
	{"os", "od", 3},
	{"as", "ad", 3},
	{"or", "", 4},
	{"er", "", 4},
	{"i", "", 6},
}

// Root returns the stem of the word a folded word derives from, as far as
// English suffixes show it: words with one Root belong to one family
// (extortion, extorting, extortionist; suspend, suspension; response,
// responded). It never joins words the stemmer keeps apart for their
// meaning alone; it only undoes the suffixes of rootRules, and leaves a
// stem of fewer than the rule's letters alone, so that short words (sense,
// send; party, part) stay apart. A word with no derivational suffix is its
// own stem.
func Root(w string) string { return RootOfStem(Stem(w)) }

// RootOfStem returns the Root of the words whose stem is s.
func RootOfStem(s string) string {
	for range 3 {
		next, ok := stripSuffix(s)
		if !ok {
			break
		}
		s = next
	}
	return s
}

// stripSuffix applies the first rule that fits the stem s.
func stripSuffix(s string) (string, bool) {
	for _, r := range rootRules {
		base, ok := strings.CutSuffix(s, r.suffix)
		if !ok || len(base) < r.minBase || !hasVowel(base) {
			continue
		}
		if r.suffix == "er" && strings.HasSuffix(base, "th") {
			continue // mother, weather, rather: no agent nouns
		}
		next := Stem(base + r.replace)
		if next == s {
			continue
		}
		return next, true
	}
	return s, false
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// numberWords are the words for numbers that have a one-word name, with
// their values.
var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
	"dozen": 12,
}

// numberNames maps the values of numberWords to their words.
var numberNames = func() map[int]string {
	m := make(map[int]string, len(numberWords))
	for w, n := range numberWords {
		if w != "dozen" { // twelve is the name of 12
			m[n] = w
		}
	}
	return m
}()

// NumberValue returns the value of a folded word that spells a number:
// digits with an optional decimal part ("4", "18442", "5.8") or a word for
// a number ("four", "twenty", "dozen").
func NumberValue(w string) (float64, bool) {
	if n, ok := numberWords[w]; ok {
		return float64(n), true
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(w, 64)
	return v, err == nil
}

// NumberTwin returns the other spelling of a folded number word, if it has
// one: "four" for "4" and "4" for "four", "12" for "dozen". Numbers with no
// one-word name have none.
func NumberTwin(w string) (string, bool) {
	if n, ok := numberWords[w]; ok {
		return strconv.Itoa(n), true
	}
	if w == "" || w[0] < '0' || w[0] > '9' || len(w) > 4 {
		return "", false
	}
	n, err := strconv.Atoi(w)
	if err != nil {
		return "", false
	}
	name, ok := numberNames[n]
	return name, ok
}

package spans

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// magnitudes are the words that multiply a number before them, or stand
// for a vague number on their own ("millions", "dozens").
var magnitudes = map[string]bool{
	"hundred": true, "hundreds": true, "thousand": true, "thousands": true,
	"million": true, "millions": true, "billion": true, "billions": true,
	"trillion": true, "trillions": true, "dozen": true, "dozens": true,
	"tens": true,
}

// durationUnits are the units of time that make a number before them a
// duration: the time units without the seasons and the parts of a day.
var durationUnits = map[string]bool{
	"second": true, "seconds": true, "minute": true, "minutes": true,
	"hour": true, "hours": true, "day": true, "days": true, "week": true,
	"weeks": true, "fortnight": true, "month": true, "months": true,
	"year": true, "years": true, "decade": true, "decades": true,
	"century": true, "centuries": true,
}

// isNumber reports whether token i is a number: digits, or a word for a
// number or a magnitude.
func (r *reader) isNumber(i int) bool {
	w := r.word(i)
	if w == "" {
		return false
	}
	if _, ok := text.NumberValue(w); ok {
		return true
	}
	if magnitudes[w] {
		return true
	}
	return isDigits(r.raw(i)) || isDigits(trimMagnitude(r.raw(i)))
}

// trimMagnitude returns a number written with a letter for its magnitude
// without the letter: "300" of "300m", "1.5" of "1.5bn", "20" of "20k".
func trimMagnitude(s string) string {
	for _, suf := range []string{"bn", "tn", "m", "k", "b"} {
		if t, ok := strings.CutSuffix(s, suf); ok && t != "" {
			return t
		}
	}
	return s
}

// isDigits reports whether s is digits with separators between them.
func isDigits(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// value returns the value of the digits of token i, if it is digits.
func (r *reader) value(i int) (float64, bool) {
	raw := strings.ReplaceAll(r.raw(i), ",", "")
	v, err := strconv.ParseFloat(raw, 64)
	return v, err == nil
}

// quantities finds the numbers, sums, shares, dates, times of day,
// durations, ages, measures and scores. At each word, the readers are tried
// in order, the more specific first (a time of day or a date before a bare
// number); the first that reads something there takes its tokens.
func (r *reader) quantities() {
	readers := [...]func(int) int{r.clock, r.date, r.fraction, r.compound, r.glued, r.number}
	for i := 0; i < len(r.toks); {
		n := 0
		if r.toks[i].Kind == text.Word {
			for _, read := range readers {
				if n = read(i); n > 0 {
					break
				}
			}
		}
		i += max(n, 1)
	}
}

// fraction reads a share of a whole in words at token i: "half of", "a
// third of", "two-thirds of", "two fifths of". It returns how many tokens
// it took, or 0.
func (r *reader) fraction(i int) int {
	w := r.word(i)
	count, frac, hyphened := strings.Cut(w, "-")
	switch {
	case hyphened && lexicon.NumberWords[count] && lexicon.FractionWords[frac]:
		r.add(Percent, i, i, 0) // "two-thirds"
		return 1
	case w == "half" && r.word(i+1) == "of":
		r.add(Percent, i, i, 0)
		return 1
	case (w == "a" || lexicon.NumberWords[w]) && lexicon.FractionWords[r.word(i+1)] && r.word(i+2) == "of":
		r.add(Percent, i, i+1, 0)
		return 2
	}
	return 0
}

// clock reads a time of day at token i: "10:30 p.m.", "5 p.m.", "8pm",
// "noon". It returns how many tokens it took, or 0.
func (r *reader) clock(i int) int {
	w := r.word(i)
	if w == "noon" || w == "midday" || w == "midnight" {
		r.add(Clock, i, i, 0)
		return 1
	}
	raw := r.raw(i)
	if len(raw) > 2 && isDigits(strings.TrimRight(raw, "apmAPM")) && hasMeridiem(raw[len(strings.TrimRight(raw, "apmAPM")):]) {
		r.add(Clock, i, i, 0) // "8pm"
		return 1
	}
	if !isDigits(raw) || strings.ContainsAny(raw, ".,") {
		return 0
	}
	j := i
	if r.isPunct(i+1, ":") && isDigits(r.word(i+2)) && len(r.raw(i+2)) == 2 {
		j = i + 2 // "10:30"
	}
	end := r.toks[j].Span.End
	after, ok := meridiemAfter(r.src[end:])
	if j == i && !ok && r.word(i+1) != "o'clock" {
		return 0
	}
	if r.word(j+1) == "o'clock" {
		j++
	}
	// Take the tokens of "p.m." too.
	k := j
	for k+1 < len(r.toks) && r.toks[k+1].Span.Start < end+after {
		k++
	}
	r.add(Clock, i, k, end+after)
	return k - i + 1
}

// meridiemAfter returns the length of " a.m.", " pm" and the like at the
// start of s, and whether there is one.
func meridiemAfter(s string) (int, bool) {
	t := strings.TrimLeft(s, " \u00a0")
	skipped := len(s) - len(t)
	for _, m := range []string{"a.m.", "p.m.", "a.m", "p.m", "am", "pm", "AM", "PM", "A.M.", "P.M."} {
		if strings.HasPrefix(t, m) {
			rest := t[len(m):]
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !unicode.IsLetter(r) {
				return skipped + len(m), true
			}
		}
	}
	return 0, false
}

// hasMeridiem reports whether s is "am" or "pm" in any case.
func hasMeridiem(s string) bool {
	s = strings.ToLower(s)
	return s == "am" || s == "pm"
}

// date reads a date at token i: a month with its day and year ("Dec. 20",
// "December 16, 2010", "16 December"), a day of the week, a decade
// ("1970s"), a relative time ("last week", "yesterday") or a year after a
// preposition of time. It returns how many tokens it took, or 0.
func (r *reader) date(i int) int {
	w := r.word(i)
	switch {
	case lexicon.Months[w] && r.isMonth(i):
		j := i
		if r.isPunct(j+1, ".") && r.isDay(j+2) {
			j++ // "Dec. 20"
		}
		if r.isDay(j + 1) {
			j++
			if r.isPunct(j+1, ",") && r.isYear(j+2) {
				j += 2
			}
		} else if r.isYear(j + 1) {
			j++
		}
		r.add(Date, i, j, 0)
		return j - i + 1
	case lexicon.Months[r.word(i+1)] && r.isDay(i):
		j := i + 1
		if r.isYear(j + 1) {
			j++
		}
		r.add(Date, i, j, 0)
		return j - i + 1
	case lexicon.DayWords[w] || w == "yesterday" || w == "today" || w == "tonight" || w == "tomorrow":
		r.add(Date, i, i, 0)
		return 1
	case lexicon.TimeRelatives[w] && durationUnits[r.word(i+1)] && !r.isNumber(i-1):
		r.add(Date, i, i+1, 0) // "last week"
		return 2
	case isDecade(r.raw(i)):
		r.add(Date, i, i, 0)
		return 1
	case r.isYear(i) && !r.countsSomething(i):
		r.add(Date, i, i, 0)
		return 1
	}
	return 0
}

// isMonth reports whether the month word at token i names a month rather
// than being a word or a name that is also one ("may", "March", "August"):
// an unambiguous month, or one written with a capital next to a number or
// after a preposition of time or after a part of a stretch of time ("the
// end of June").
func (r *reader) isMonth(i int) bool {
	w := r.word(i)
	if !lexicon.AmbiguousMonths[w] {
		return true
	}
	if !r.toks[i].Upper {
		return false
	}
	return r.isNumber(i+1) || r.isPunct(i+1, ".") && r.isNumber(i+2) || lexicon.TimePreps[r.word(i-1)] || r.isNumber(i-1) ||
		r.word(i-1) == "of" && lexicon.TimeParts[r.word(i-2)]
}

// isDay reports whether token i is a day of a month: 1 to 31, perhaps as
// an ordinal ("20th").
func (r *reader) isDay(i int) bool {
	w := r.word(i)
	if w == "" {
		return false
	}
	w = strings.TrimRight(w, "stndrh")
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1 && n <= 31
}

// isYear reports whether token i is a year: four digits from 1000 to 2999.
func (r *reader) isYear(i int) bool {
	w := r.word(i)
	if len(w) != 4 || r.raw(i) != w {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1000 && n < 3000
}

// countsSomething reports whether the number at token i counts the plural
// noun after it ("2000 students"), so is no year.
func (r *reader) countsSomething(i int) bool {
	next := r.word(i + 1)
	return next != "" && !r.toks[i+1].Upper && strings.HasSuffix(next, "s") && !lexicon.TimePreps[r.word(i-1)]
}

// isDecade reports whether s is a decade: "1970s", "2000's", "'90s".
func isDecade(s string) bool {
	s, ok := strings.CutSuffix(s, "s")
	if !ok {
		return false
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'"), "’")
	return len(s) == 4 && s[3] == '0' && isDigits(s) && s[0] >= '1' && s[0] <= '2'
}

// glued reads a number written together with its unit: a measure
// ("112mm", "40km", "3.5kg") or a sum in pence or cents ("410p", "99c").
// It returns 1 when token i is one, or 0.
func (r *reader) glued(i int) int {
	w := r.word(i)
	k := 0
	for k < len(w) && (w[k] >= '0' && w[k] <= '9' || k > 0 && (w[k] == '.' || w[k] == ',')) {
		k++
	}
	switch {
	case k == 0 || k == len(w):
		return 0
	case lexicon.MeasureUnits[w[k:]]:
		r.add(Measure, i, i, 0)
	case w[k:] == "p" || w[k:] == "c":
		r.add(Money, i, i, 0)
	default:
		return 0
	}
	return 1
}

// compound reads a hyphenated word built on a number: "two-year" and
// "12-month" (durations), "24-year-old" (an age), "300-pound" (a measure),
// "10-2" (a score) and "2002-2006" (dates). It returns 1 when token i is
// one, or 0.
func (r *reader) compound(i int) int {
	w := r.word(i)
	if !strings.Contains(w, "-") {
		return 0
	}
	parts := strings.Split(w, "-")
	num := func(s string) bool {
		if _, ok := text.NumberValue(s); ok {
			return true
		}
		return isDigits(s)
	}
	if !num(parts[0]) {
		return 0
	}
	switch {
	case len(parts) == 3 && durationUnits[parts[1]] && parts[2] == "old":
		r.add(Age, i, i, 0)
	case len(parts) == 2 && durationUnits[parts[1]]:
		r.add(Duration, i, i, 0)
	case len(parts) == 2 && lexicon.MeasureUnits[parts[1]]:
		r.add(Measure, i, i, 0)
	case len(parts) == 2 && isDigits(parts[0]) && isDigits(parts[1]):
		a, _ := strconv.Atoi(parts[0])
		b, _ := strconv.Atoi(parts[1])
		switch {
		case a >= 1000 && a < 3000 && b >= 1000 && b < 3000:
			r.add(Date, i, i, 0)
		case a <= 200 && b <= 200:
			r.add(Score, i, i, 0)
		default:
			r.add(Number, i, i, 0)
		}
	default:
		r.add(Number, i, i, 0)
	}
	return 1
}

// number reads a run of numbers at token i ("four or five", "tens of
// millions", "1.1 million") and what follows or precedes it that tells
// what it counts: a currency, a share, a unit of time or of measure, or a
// person's age. It returns how many tokens it took, or 0.
func (r *reader) number(i int) int {
	if !r.isNumber(i) {
		return 0
	}
	j := i
	for {
		if r.isNumber(j + 1) {
			j++
			continue
		}
		if strings.HasPrefix(r.src[r.toks[j].Span.End:], "%") {
			break
		}
		switch w := r.word(j + 1); {
		case (w == "or" || w == "to") && r.isNumber(j+2),
			(w == "of" || w == "and") && magnitudes[r.word(j+2)]:
			j += 2 // "four or five", "tens of millions"
			continue
		}
		break
	}
	lone := i == j
	next := r.word(j + 1)
	end := r.toks[j].Span.End
	switch {
	case r.currencyBefore(i) || lexicon.CurrencyWords[next] && !strings.ContainsAny(next, "$£€¥"):
		if lexicon.CurrencyWords[next] {
			j++
		}
		r.add(Money, i, j, 0)
	case next == "of" && lexicon.CurrencyWords[r.word(j+2)]:
		r.add(Money, i, j+2, 0) // "tens of millions of dollars"
	case strings.HasPrefix(r.src[end:], "%"):
		r.add(Percent, i, j, end+1)
	case next == "per" && r.word(j+2) == "cent":
		r.add(Percent, i, j+2, 0)
	case lexicon.PercentWords[next] && next != "per":
		r.add(Percent, i, j+1, 0)
	case durationUnits[next] && r.word(j+2) == "old":
		r.add(Age, i, j+2, 0)
	case durationUnits[next] && r.word(j+2) == "ago":
		r.add(Date, i, j+2, 0)
	case durationUnits[next]:
		r.add(Duration, i, j+1, 0)
	case lexicon.MeasureUnits[next]:
		r.add(Measure, i, j+1, 0)
	case lone && r.isAge(i):
		r.add(Age, i, i, 0)
	default:
		r.add(Number, i, j, 0)
	}
	return j - i + 1
}

// currencyBefore reports whether a currency symbol stands just before token
// i: "$95", "US$ 5", "£2,000".
func (r *reader) currencyBefore(i int) bool {
	before := strings.TrimRight(r.src[:r.toks[i].Span.Start], " ")
	last, _ := utf8.DecodeLastRuneInString(before)
	return last != utf8.RuneError && lexicon.CurrencyWords[string(last)]
}

// isAge reports whether the number at token i is someone's age: after
// "aged" or "age", or set off by commas after a name ("Zoe Anderson,
// 24,").
func (r *reader) isAge(i int) bool {
	v, ok := r.value(i)
	if !ok || v < 1 || v > 120 || v != float64(int(v)) {
		return false
	}
	if w := r.word(i - 1); w == "aged" || w == "age" {
		return true
	}
	return r.isPunct(i-1, ",") && i >= 2 && r.toks[i-2].Upper && r.toks[i-2].Kind == text.Word &&
		(i+1 == len(r.toks) || r.isPunct(i+1, ",;)."))
}

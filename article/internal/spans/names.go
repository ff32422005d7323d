package spans

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// placeAcronyms are the abbreviations that name countries or unions of
// them, where other capitals name bodies ("the FBI").
var placeAcronyms = map[string]bool{"us": true, "usa": true, "uk": true, "uae": true, "eu": true, "dc": true}

// names finds the people, organisations and places: runs of capitalised
// words, and nouns of place after a preposition of place.
func (r *reader) names() {
	for i := 0; i < len(r.toks); {
		j := r.nameRun(i)
		if j < i {
			r.placeNoun(i)
			i++
			continue
		}
		r.classify(i, j)
		i = j + 1
	}
}

// nameRun returns the last token of the run of capitalised words starting
// at token i, which may hold name particles ("al", "von") and "of" between
// capitalised words ("Bank of England"), or i-1 when none starts there.
func (r *reader) nameRun(i int) int {
	if !r.capital(i) {
		return i - 1
	}
	j := i
	for {
		if r.capital(j + 1) {
			j++
			continue
		}
		w := r.word(j + 1)
		switch {
		case lexicon.NameParticles[w] && r.capital(j+2):
			j += 2 // "Bashar al-Assad", "Ursula von der Leyen"
			continue
		case (w == "of" || w == "for" || w == "and") && r.capital(j+2) && r.bodyOrPlace(i, j, w):
			j += 2 // "Bank of England", "Department of Design and Construction"
			continue
		}
		return j
	}
}

// bodyOrPlace reports whether the run from token i to token j names a body
// or a place, so may go on with the joining word w: "University of",
// "City of". Only a body's name goes on with "and".
func (r *reader) bodyOrPlace(i, j int, w string) bool {
	for k := i; k <= j; k++ {
		if r.toks[k].Has(lexicon.Org) || w != "and" && lexicon.PlaceNouns[r.toks[k].Fold] {
			return true
		}
	}
	return w == "and" && r.hasOrgWord(j+2)
}

// capital reports whether token i is a word written with a capital that
// could be part of a name: not a quantity already read.
func (r *reader) capital(i int) bool {
	if i < 0 || i >= len(r.toks) || r.toks[i].Kind != text.Word || !r.toks[i].Upper {
		return false
	}
	return !r.isTaken(i)
}

// isTaken reports whether token i is part of a span already read.
func (r *reader) isTaken(i int) bool {
	return r.taken != nil && i >= 0 && i < len(r.taken) && r.taken[i]
}

// hasOrgWord reports whether token i, or the capitalised words after it,
// hold a word that makes a name a body's.
func (r *reader) hasOrgWord(i int) bool {
	for ; r.capital(i); i++ {
		if r.toks[i].Has(lexicon.Org) {
			return true
		}
	}
	return false
}

// classify records the run of capitalised words from token i to token j
// as a person, an organisation or a place, or as nothing when it is only a
// sentence's first word, a title or a word of time.
func (r *reader) classify(i, j int) {
	person := r.namesPerson(i, j)
	// Titles and descriptions before a name are not part of it:
	// "Supervisor Alfredo Pedroza", "Tunisian Prime Minister Habib Essid".
	for i <= j && (r.toks[i].IsRole() || r.toks[i].Has(lexicon.Honorific|lexicon.Portfolio|lexicon.Nationality|lexicon.Determiner|lexicon.Day|lexicon.Time) || i == 0 && text.IsStopWord(r.toks[i].Fold)) {
		if r.toks[i].Has(lexicon.Org) && i < j {
			break // "Labor Department": the words belong to the body
		}
		i++
	}
	if i > j {
		return
	}
	switch {
	case person && !r.hasOrgWord(i) && r.nameLike(i, j):
		r.add(Person, r.personStart(i, j), j, 0)
	case r.hasOrgWord(i) && !r.endsWithPlaceNoun(j):
		r.add(Org, i, j, 0)
	case i == j && isAcronym(r.raw(i)):
		if placeAcronyms[r.toks[i].Fold] || i == 0 && r.isPunct(1, "—,(") {
			// "CAIRO —", "SEOUL, South Korea —": a dateline.
			r.add(Place, i, j, 0)
		} else {
			r.add(Org, i, j, 0)
		}
	case r.endsWithPlaceNoun(j) || r.toks[i].Has(lexicon.Place) || r.afterPlacePrep(i):
		r.add(Place, i, j, 0)
	case i == 0 && i == j:
		// A sentence's first word is written with a capital whatever it is.
	case j > i && r.afterRoleComma(i):
		r.add(Person, i, j, 0) // "the mayor of Surabaya, Tri Rismaharini"
	}
}

// nameLike reports whether the tokens i to j could be a person's name: at
// most four words, none with a digit ("Flight QZ8501" is no one).
func (r *reader) nameLike(i, j int) bool {
	if j-i >= 4 {
		return false
	}
	for k := i; k <= j; k++ {
		if strings.ContainsAny(r.toks[k].Fold, "0123456789") {
			return false
		}
	}
	return true
}

// namesPerson reports whether the article names a person at one of the
// tokens i to j.
func (r *reader) namesPerson(i, j int) bool {
	from, to := r.toks[i].Span.Start, r.toks[j].Span.End
	k, _ := slices.BinarySearch(r.people, from)
	return k < len(r.people) && r.people[k] < to
}

// personStart returns the first token of the run from i to j where the
// article names a person: the name after a title the lexicon lacks.
func (r *reader) personStart(i, j int) int {
	from := r.toks[i].Span.Start
	k, _ := slices.BinarySearch(r.people, from)
	if k == len(r.people) {
		return i // the name starts at a title before i
	}
	for t := i; t <= j; t++ {
		if r.toks[t].Span.Start >= r.people[k] {
			return t
		}
	}
	return i
}

// endsWithPlaceNoun reports whether the run ending at token j ends with a
// noun of place: "Napa County", "Lake Berryessa" is read by its first word.
func (r *reader) endsWithPlaceNoun(j int) bool {
	return lexicon.PlaceNouns[r.toks[j].Fold]
}

// afterPlacePrep reports whether token i follows a preposition of place,
// perhaps with a determiner between: "in Queens", "near the Pentagon".
func (r *reader) afterPlacePrep(i int) bool {
	k := i - 1
	if r.word(k) == "the" {
		k--
	}
	w := r.word(k)
	return lexicon.LocativePreps[w] || w == "to" && r.word(k-1) != "" && !lexicon.Modals[r.word(k-1)]
}

// afterRoleComma reports whether token i follows a role and a comma,
// perhaps with "of" and a name between: "the mayor of Surabaya, Tri
// Rismaharini", "the president, Jane Doe".
func (r *reader) afterRoleComma(i int) bool {
	if !r.isPunct(i-1, ",") {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		if r.toks[k].IsRole() {
			return true
		}
		if r.toks[k].Kind != text.Word {
			return false
		}
	}
	return false
}

// isAcronym reports whether a word is two to six capital letters, perhaps
// with periods: "PPP", "NYPD", "U.S".
func isAcronym(w string) bool {
	n := text.Capitals(w)
	return n >= 2 && n <= 6
}

// nearPreps are the prepositions of place whose object is a place
// whatever it is: "near a campground", "outside the embassy".
var nearPreps = map[string]bool{
	"near": true, "outside": true, "inside": true, "beside": true, "behind": true,
	"beyond": true, "across": true, "around": true, "throughout": true,
}

// placeNoun records a noun of place after a preposition of place ("at a
// training center", "in the bathroom") or a determiner ("the state"), and
// whatever follows a preposition that only takes places ("near a
// campground"), when token i is that preposition or determiner.
func (r *reader) placeNoun(i int) {
	w := r.word(i)
	if (w == "the" || w == "a" || w == "an") && lexicon.PlaceNouns[r.word(i+1)] && !r.capital(i+1) && !r.isTaken(i+1) {
		if i == 0 || !lexicon.LocativePreps[r.word(i-1)] {
			r.add(Place, i, i+1, 0) // "ask the state", "the campus"
			return
		}
	}
	if !lexicon.LocativePreps[w] && w != "on" {
		// "on" is read here only before a noun of place ("on the lawn",
		// "on the lavatory of the shower room"): before a name it is as
		// often a day or a topic ("on Monday", "commented on Kerry's
		// remarks").
		return
	}
	if nearPreps[w] {
		j := i + 1
		for j < len(r.toks) && (lexicon.Determiners[r.word(j)] || lexicon.Possessives[r.word(j)]) {
			j++
		}
		k := j
		for k < len(r.toks) && k < j+3 && r.word(k) != "" && !text.IsStopWord(r.word(k)) && !r.capital(k) && !r.isTaken(k) {
			k++
		}
		if k > j {
			r.add(Place, i+1, k-1, 0)
			return
		}
	}
	for j, skipped := i+1, 0; j < len(r.toks) && skipped <= 3; j++ {
		w := r.word(j)
		if w == "" || r.capital(j) {
			return
		}
		if lexicon.PlaceNouns[w] || lexicon.PlaceNouns[strings.TrimSuffix(w, "s")] {
			r.add(Place, i+1, j, 0)
			return
		}
		if !lexicon.Determiners[w] && !lexicon.Possessives[w] {
			skipped++
		}
	}
}

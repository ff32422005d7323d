package qa

import (
	"slices"
	"testing"
)

func TestAnalyze(t *testing.T) {
	tests := []struct {
		question string
		kind     Kind
		want     Type
		focus    string
		content  []string
	}{
		{"what time did the ferry leave?", When, Clock, "time", []string{"ferry", "leave"}},
		{"At what time of night was the curfew lifted?", When, Clock, "time", []string{"night", "curfew", "lifted"}},
		{"By what year will the bridge reopen?", When, Date, "year", []string{"bridge", "reopen"}},
		{"how much money did the club raise?", HowMany, Money, "", []string{"club", "raise"}},
		{"how much has the walkout cost?", HowMany, Money, "", []string{"walkout", "cost"}},
		{"how much rain fell?", HowMany, Amount, "", []string{"rain", "fell"}},
		{"what percent of voters turned out?", What, Percent, "percent", []string{"voters", "turned"}},
		{"what is the town's unemployment rate?", What, Percent, "rate", []string{"town", "unemployment", "rate"}},
		{"What prison term did the fitter receive?", What, Duration, "term", []string{"prison", "fitter", "receive"}},
		{"how long did the trial last?", HowMany, Duration, "", []string{"trial", "last"}},
		{"how old is the mayor?", HowMany, Age, "", []string{"mayor"}},
		{"how cold did it get?", HowMany, Measure, "", []string{"get"}},
		{"how many black bears were counted?", HowMany, Number, "bears", []string{"black", "bears", "counted"}},
		{"how many reports have come in so far?", HowMany, Number, "reports", []string{"reports", "come"}},
		{"By what margin did the jury convict him?", What, Score, "margin", []string{"jury", "convict"}},
		{"which company won the contract?", What, Org, "company", []string{"won", "contract"}},
		{"which country hosts the summit?", Where, Place, "country", []string{"hosts", "summit"}},
		{"who is Dana Reyes married to?", Who, Person, "", []string{"dana", "reyes", "married"}},
		{"who is Dana Reyes?", Who, Unknown, "", []string{"dana", "reyes"}},
		{"why did the talks fail?", Why, Reason, "", []string{"talks", "fail"}},
		{"what makes the roof leak?", Why, Reason, "", []string{"roof", "leak"}},
		{"wher did the storm hit?", Where, Place, "", []string{"storm", "hit"}},
		{"what were the names of the victims?", What, Person, "names", []string{"victims"}},
		{"what did the minister say?", What, Unknown, "", []string{"minister"}},
		{"harbour fees", Other, Unknown, "", []string{"harbour", "fees"}},
		{"Was anyone hurt when the train left the rails?", Other, Unknown, "", []string{"hurt", "train", "left", "rails"}},
		{"Did the council say when the library will close?", When, Date, "", []string{"council", "library", "close"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := Analyze(tt.question)
			var content []string
			for _, i := range q.Content() {
				content = append(content, q.Words[i].Fold)
			}
			if q.Kind != tt.kind || q.Want != tt.want || q.Focus != tt.focus || !slices.Equal(content, tt.content) {
				t.Errorf("Analyze(%q) = kind %v, want %v, focus %q, content %q; want %v, %v, %q, %q",
					tt.question, q.Kind, q.Want, q.Focus, content, tt.kind, tt.want, tt.focus, tt.content)
			}
		})
	}
}

func TestPreface(t *testing.T) {
	q := Analyze("Before the storm, when did the bridge close?")
	for _, w := range q.Words {
		if want := w.Fold == "before" || w.Fold == "the" && w.Span.Start < 12 || w.Fold == "storm"; w.Preface != want {
			t.Errorf("Analyze(%q): word %q Preface = %v, want %v", q.Text, w.Fold, w.Preface, want)
		}
	}
	if q.Kind != When || q.Want != Date {
		t.Errorf("Analyze(%q) = kind %v, want %v; want when, date", q.Text, q.Kind, q.Want)
	}
}

// TestTrailingClause checks that the words of a clause after the main one
// that sets the scene ("when …", "after …") are marked as Preface, and no
// others.
func TestTrailingClause(t *testing.T) {
	tests := []struct {
		question string
		preface  []string
	}{
		{"Was anyone hurt when the train came off the tracks?", []string{"when", "the", "train", "came", "off", "the", "tracks"}},
		{"where was the flight headed when it vanished?", []string{"when", "it", "vanished"}},
		{"when did the bridge close?", nil},
		{"who spoke after the vote?", nil},
		{"how many boats sank while the storm blew?", []string{"while", "the", "storm", "blew"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			var got []string
			for _, w := range Analyze(tt.question).Words {
				if w.Preface {
					got = append(got, w.Fold)
				}
			}
			if !slices.Equal(got, tt.preface) {
				t.Errorf("Analyze(%q) preface words = %q, want %q", tt.question, got, tt.preface)
			}
		})
	}
}

func TestYesNo(t *testing.T) {
	for q, want := range map[string]bool{
		"was anyone hurt?":                  true,
		"did the council say when it ends?": true,
		"will the bridge reopen?":           true,
		"when will the bridge reopen?":      false,
		"who was hurt?":                     false,
	} {
		if got := Analyze(q).YesNo; got != want {
			t.Errorf("Analyze(%q).YesNo = %v, want %v", q, got, want)
		}
	}
}

func TestSpeech(t *testing.T) {
	for q, want := range map[string]bool{
		"what did the minister say?":      true,
		"who warned about the storm?":     true,
		"who is quoted in the article?":   true,
		"how many reports were released?": false,
	} {
		if got := Analyze(q).Speech; got != want {
			t.Errorf("Analyze(%q).Speech = %v, want %v", q, got, want)
		}
	}
}

// TestLightWords checks the words a question's form makes light: the
// verb that only asks for a duration, a word that only places a time
// unit, and the place a where-question asks within.
func TestLightWords(t *testing.T) {
	tests := []struct {
		question string
		light    []string
	}{
		{"how long will the disruption last?", []string{"last"}},
		{"how long did the repairs take?", []string{"take"}},
		{"how much did Kestrel lose last year?", []string{"last"}},
		{"who came last in the race?", []string{"came"}},
		{"where in the house was she found?", []string{"house"}},
		{"where on the ferry did the fire start?", []string{"ferry"}},
		{"where in Skerrow will the school be built?", []string{"skerrow"}},
		{"where did the fire start?", nil},
		{"where is the ferry's engine room?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := Analyze(tt.question)
			var light []string
			for _, i := range q.Content() {
				if q.Words[i].Light {
					light = append(light, q.Words[i].Fold)
				}
			}
			if !slices.Equal(light, tt.light) {
				t.Errorf("Analyze(%q) light words = %q, want %q", tt.question, light, tt.light)
			}
		})
	}
}

func TestVerb(t *testing.T) {
	tests := []struct {
		question string
		verbs    []string // the content words marked Verb
	}{
		{"who leads the union?", []string{"leads"}},
		{"what sank the ferry?", []string{"sank"}},
		{"What prison term did the fitter receive?", nil},
		{"what jail sentence was handed down?", []string{"handed"}},
		{"who was suffering from flu?", []string{"suffering"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := Analyze(tt.question)
			var verbs []string
			for _, i := range q.Content() {
				if q.Words[i].Verb {
					verbs = append(verbs, q.Words[i].Fold)
				}
			}
			if !slices.Equal(verbs, tt.verbs) {
				t.Errorf("Analyze(%q) verbs = %q, want %q", tt.question, verbs, tt.verbs)
			}
		})
	}
}

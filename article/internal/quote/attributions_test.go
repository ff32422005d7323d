package quote

import (
	"testing"
)

// attributionsOf parses text as one paragraph and returns, for each
// attribution, its subject as written, its appositive and its reported
// clause.
func attributionsOf(text string) [][3]string {
	p := readParagraph(text)
	toks := p.toks
	var out [][3]string
	for i := range p.sents {
		for _, a := range p.sents[i].findAttributions() {
			clause := ""
			if a.clause.End > a.clause.Start {
				clause = text[toks[a.clause.Start].Span.Start:toks[a.clause.End-1].Span.End]
			}
			subj := a.subj.text
			if a.subj.kind == npName {
				subj = a.subj.name
			}
			out = append(out, [3]string{subj, a.appos, clause})
		}
	}
	return out
}

func TestAttributions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want [][3]string // subject, appositive, clause
	}{
		{"quote then pronoun", `"We're prepared to negotiate," he said.`, [][3]string{{"he", "", ""}}},
		{"inverted with appositive", `“It has hit a dead end,” said James George Jatras, a former US diplomat and adviser to the Senate Republican leadership.`,
			[][3]string{{"James George Jatras", "former US diplomat and adviser to the Senate Republican leadership", ""}}},
		{"definite description", `"It doesn't have to be on day one," the top US diplomat stated.`, [][3]string{{"top US diplomat", "", ""}}},
		{"title before name", `US Secretary of State John Kerry said that Assad has to go, Reuters reported.`,
			[][3]string{{"John Kerry", "", "Assad has to go"}}},
		{"leading adverbial and relative clause", `On Friday, a US military official, who spoke on condition of anonymity, said that four jets had arrived.`,
			[][3]string{{"US military official", "who spoke on condition of anonymity", "four jets had arrived"}}},
		{"adverbial without a comma", `In an interview with Press TV on Friday, an American foreign policy analyst said the failure of US policy has prompted talks.`,
			[][3]string{{"American foreign policy analyst", "", "the failure of US policy has prompted talks"}}},
		{"perfect and adverb", `The United States has again said that Assad must step down.`, [][3]string{{"the United States", "", "Assad must step down"}}},
		{"said on Friday that", `The Pentagon said on Friday that Washington and Moscow have resumed contacts.`,
			[][3]string{{"the Pentagon", "", "Washington and Moscow have resumed contacts"}}},
		{"plural subject with base form", `US officials claim that Russia is engaged in "an imminent buildup" in Syria.`,
			[][3]string{{"US officials", "", `Russia is engaged in "an imminent buildup" in Syria`}}},
		{"called on", `Kerry also called on Russia and Iran to use their influence.`,
			[][3]string{{"Kerry", "", "called on Russia and Iran to use their influence"}}},
		{"name after its description", `Their coach, Stefan Brandt, said the siblings had practised together.`,
			[][3]string{{"Stefan Brandt", "coach", "the siblings had practised together"}}},
		{"month that is a name", `"We will leave," May, the prime minister, said.`, [][3]string{{"May", "prime minister", ""}}},
		{"age between name and verb", `Becker, 58, has argued that the fare increase is overdue.`,
			[][3]string{{"Becker", "", "the fare increase is overdue"}}},
		{"trailing attribution", `Two shareholders have sold their stakes, people familiar with the matter said.`,
			[][3]string{{"people familiar with the matter", "", "Two shareholders have sold their stakes"}}},
		{"according to first", `According to the company, output fell by a fifth after a flood.`,
			[][3]string{{"company", "", "output fell by a fifth after a flood"}}},
		{"participle", `"This is hard," Callander said, adding that the company had looked for a buyer.`,
			[][3]string{{"Callander", "", ""}, {"Callander", "", "the company had looked for a buyer"}}},
		{"quoted as saying", `Reid was later quoted as saying that the union would fight the decision.`,
			[][3]string{{"Reid", "", "the union would fight the decision"}}},
		{"told with object", `Prosecutor Anne Whitfield told the court that residents had been left without food.`,
			[][3]string{{"Anne Whitfield", "", "residents had been left without food"}}},
		{"compound subject", `Union leaders Gordon Reid and Fiona Shaw said in a joint statement that the closure was wrong.`,
			[][3]string{{"Gordon Reid and Fiona Shaw", "", "the closure was wrong"}}},
		{"possessive description is not the name", `Outside the court, Mr Holt's daughter said the family would appeal.`,
			[][3]string{{"Mr Holt's daughter", "", "the family would appeal"}}},
		{"nested report is not a second attribution", `Kerry said that Lavrov told him the deal was off.`,
			[][3]string{{"Kerry", "", "Lavrov told him the deal was off"}}},
		{"negated", `Kerry did not say whether the talks would resume.`, nil},
		{"modal", `Kerry will say that the talks failed.`, nil},
		{"passive", `Kerry was told that the talks had failed.`, nil},
		{"nouns, not verbs", `The claims were false, and his remarks and the reported attack drew anger.`, nil},
		{"denial with that", `Russia denied that its jets had arrived.`, [][3]string{{"Russia", "", "its jets had arrived"}}},
		{"object, not a statement", `The minister confirmed the deal and answered questions from reporters.`, nil},
		{"weak verb without a quote", `Asked about the delay, Delgado laughed.`, nil},
		{"adverbial is not a reported clause", `In a note to clients, Raman wrote:`, [][3]string{{"Raman", "", ""}}},
		{"no speaker", `There is said to be a deal.`, nil},
		{"adverb after an inverted verb", `"We are ready," the vice chancellor, Sigmar Gabriel, said later.`, [][3]string{{"Sigmar Gabriel", "vice chancellor", ""}}},
		{"inverted name ending like an adverb", `"We are ready," said Kelly.`, [][3]string{{"Kelly", "", ""}}},
		{"bracketed aside", `Senator Ron Tillis (R-N.C.) said the crisis showed Europe was unprepared.`, [][3]string{{"Ron Tillis", "", "the crisis showed Europe was unprepared"}}},
		{"headline", `Merkel: "We will manage this"`, [][3]string{{"Merkel", "", ""}}},
		{"plural noun, not verb", `EU member states agreed on Friday to share the burden.`, nil},
		{"third-person verb before that", `The ministry states that the border is closed.`, [][3]string{{"ministry", "", "the border is closed"}}},
		{"sentence-initial common noun", `Police said a man had been arrested.`, [][3]string{{"police", "", "a man had been arrested"}}},
		{"name of a body", `Transport analyst Maria Chen of the Urban Mobility Institute said the decision followed a pattern.`,
			[][3]string{{"Maria Chen", "", "the decision followed a pattern"}}},
		{"name at a body without an article", `Priya Natarajan of Halden & Co said the cut was deep.`,
			[][3]string{{"Priya Natarajan", "", "the cut was deep"}}},
		{"role at a body", `Officials at the Pentagon said the jets had landed.`,
			[][3]string{{"Officials at the Pentagon", "", "the jets had landed"}}},
		{"title of a body before a name", `President of the European Commission Ursula von der Leyen said the talks would go on.`,
			[][3]string{{"Ursula von der Leyen", "", "the talks would go on"}}},
		{"relative clause in an appositive", `Councilman Derek Hale, one of the two members who voted against the measure, said the lanes would hurt shops.`,
			[][3]string{{"Derek Hale", "one of the two members who voted against the measure", "the lanes would hurt shops"}}},
		{"aside between dashes", `Her neighbour, John Kowalski — no relation — said he had stayed behind.`,
			[][3]string{{"John Kowalski", "neighbour", "he had stayed behind"}}},
		{"appositive between dashes", `John Kowalski — a retired firefighter — said he had stayed behind.`,
			[][3]string{{"John Kowalski", "retired firefighter", "he had stayed behind"}}},
		{"bare plural with a negative subject", `Officials said no deaths had been reported.`,
			[][3]string{{"officials", "", "no deaths had been reported"}}},
		{"nothing as a subject", `The mayor said nothing would change.`, [][3]string{{"mayor", "", "nothing would change"}}},
		{"said no to", `The mayor said no to the plan.`, [][3]string{{"mayor", "", ""}}},
		{"according to, then a clause with its own article", `According to the company, the wind farm will start producing power in 2026.`,
			[][3]string{{"company", "", "the wind farm will start producing power in 2026"}}},
		{"according to with an appositive", `According to Jane Roe, a spokeswoman for the firm, the plant will close.`,
			[][3]string{{"Jane Roe", "spokeswoman for the firm", "the plant will close"}}},
		{"wire dateline", `WASHINGTON (Reuters) - The United States is preparing new sanctions, three people told Reuters.`,
			[][3]string{{"three people", "", "The United States is preparing new sanctions"}}},
		{"dateline with an em dash", `RIVERTON — Work on the lanes will start in June, the council said.`,
			[][3]string{{"council", "", "Work on the lanes will start in June"}}},
		{"participle after a trailing attribution", `The measures would target a dozen firms, the people said, speaking on condition of anonymity.`,
			[][3]string{{"people", "", "The measures would target a dozen firms"}}},
		{"object without an article", `Kanani told state media that the sanctions had failed.`,
			[][3]string{{"Kanani", "", "the sanctions had failed"}}},
		{"object with an article, no that", `Ms Shah told the jury her client had been careless.`,
			[][3]string{{"Shah", "", "her client had been careless"}}},
		{"prepositional phrase before the clause", `The company said in a statement it complied with all laws.`,
			[][3]string{{"company", "", "it complied with all laws"}}},
		{"day before the clause", `The mayor said Friday the plan would go ahead.`,
			[][3]string{{"mayor", "", "the plan would go ahead"}}},
		{"according to two sources", `The drones were used in attacks, according to Kyiv and Western governments.`,
			[][3]string{{"Kyiv and Western governments", "", "The drones were used in attacks"}}},
		{"denial with a gerund", `Tehran denies supplying the drones.`, [][3]string{{"Tehran", "", "supplying the drones"}}},
		{"according to a study is no speaker", `Walking helps, according to a large study published in Nature.`, nil},
		{"according to figures published by a body", `According to figures published by the independent Fiscal Council, the deficit reached 5.8% of GDP.`,
			[][3]string{{"the Fiscal Council", "", "the deficit reached 5.8% of GDP"}}},
		{"relative pronoun after a name", `The pledge puts her at odds with the central bank governor, Henrik Sand, who said last week that every option should stay open.`,
			[][3]string{{"Henrik Sand", "central bank governor", "every option should stay open"}}},
		{"letters after a name", `Opening the case, Nicholas Fenn KC told the jury that the money was gone.`,
			[][3]string{{"Nicholas Fenn KC", "", "the money was gone"}}},
		{"headline with a title", `Finance Minister: "We will not raise income tax"`, [][3]string{{"Finance Minister", "", ""}}},
		{"base form after as is a noun", `The firm said it would cut 4,000 jobs, roughly 8% of its staff, as demand for computers remains weak.`,
			[][3]string{{"firm", "", "it would cut 4,000 jobs, roughly 8% of its staff, as demand for computers remains weak"}}},
		{"body after its description", `Chipmaker Veridian Semiconductor said it would cut jobs this year.`,
			[][3]string{{"Veridian Semiconductor", "", "it would cut jobs this year"}}},
		{"acronym body after its description", `Drone maker DJI said in an emailed statement that its drones were safe.`,
			[][3]string{{"DJI", "", "its drones were safe"}}},
		{"name inside a relative clause", `Mr Pugh, 67, who founded the festival with his late wife, Ann, said volunteers had searched for weeks.`,
			[][3]string{{"Pugh", "", "volunteers had searched for weeks"}}},
		{"party and state after a name", `Sen. Gary Peters, D-Mich., who chairs the committee, told reporters the committee would act.`,
			[][3]string{{"Gary Peters", "", "the committee would act"}}},
		{"wrote with an object reports nothing", `Sen. Joni Ernst, R-Iowa, who wrote the bill, called the outcome "a gift to Beijing."`,
			[][3]string{{"Joni Ernst", "", ""}}},
		{"relative pronoun after a name ending a clause", `China was represented by Premier Li Qiang, who said in a speech that poor countries need a voice.`,
			[][3]string{{"Li Qiang", "", "poor countries need a voice"}}},
		{"anonymity in a relative clause describes an unnamed source", `A spokesperson for the operator, who asked not to be named, said most homes would be reconnected.`,
			[][3]string{{"spokesperson for the operator", "who asked not to be named", "most homes would be reconnected"}}},
		{"relative clause ends before the sentence's verb", `Becker, who has argued that fares are too low, said the vote was wrong.`,
			[][3]string{{"Becker", "", "fares are too low"}, {"Becker", "", "the vote was wrong"}}},
		{"surname after particles", `"Words are cheap," von der Leyen said.`, [][3]string{{"von der Leyen", "", ""}}},
		{"spokesman for an honorific and a name", `A spokesman for Mr Putin said the Kremlin would respond.`,
			[][3]string{{"spokesman for Mr Putin", "", "the Kremlin would respond"}}},
		{"critics of an honorific and a name", `Critics of Mr Orban said the law was unfair.`,
			[][3]string{{"Critics of Mr Orban", "", "the law was unfair"}}},
		{"noun ending like an adverb", `The victim's family said they were heartbroken.`,
			[][3]string{{"victim's family", "", "they were heartbroken"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := attributionsOf(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("attributions of %q = %q, want %q", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("attributions of %q [%d] = %q, want %q", tt.text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestSentenceSplitAroundQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"attribution after a question", `“How many more?” asked Priya Raman. Eklund said he could not rule it out.`, 2},
		{"capitalised attribution", `“Why not?” Kerry asked.`, 1},
		{"statement after a quote", `“This was the year of recovery.” Raman said the market had lost patience with the company.`, 2},
		{"two quotes", `"Yes." "No," she said.`, 2},
		{"abbreviations", `Mr. Kerry met Dr. Lavrov in the U.S. capital at 6 a.m. on Friday.`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(readParagraph(tt.text).sents); got != tt.want {
				t.Errorf("readSentences(%q) gives %d sentences, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestLeadSubject(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{"name", "Kerry also called on Russia to act.", "Kerry"},
		{"after an adverbial", "On Friday, the minister met her counterpart.", "minister"},
		{"after a conjunction", "But Starmer disagreed.", "Starmer"},
		{"name in an appositive", "Her successor, Prime Minister David Okafor, was quick to respond.", "David Okafor"},
		{"title before the name", "United captain Bruno Fernandes, who was booked, apologised.", "Bruno Fernandes"},
		{"participle first", "Asked whether he would resign, Johnson smiled.", "Johnson"},
		{"pronoun", "She was unapologetic about the election.", "she"},
		{"description", "The rail workers' union blamed years of underinvestment.", "rail workers' union"},
		{"number and role", "Two people were killed.", "Two people"},
		{"no subject", "Yesterday was a quiet day.", ""},
		{"no role before a verb", "The jury heard that one resident was left unable to pay.", ""},
		{"article and lower-case title before a name", "The novelist Priya Sethi has spent ten years on it.", "Priya Sethi"},
		{"irregular participle first", "Born in Leeds in 1931, she moved to Thornby.", "she"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := readParagraph(tt.text)
			s := sentence{p, 0, len(p.toks)}
			np := s.leadSubject()
			got := np.text
			if np.kind == npName {
				got = np.name
			}
			if got != tt.want {
				t.Errorf("leadSubject(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestParticipleSubject checks whose words a participle such as
// "adding:" or "shouting:" introduces: the nearest clause's subject.
func TestParticipleSubject(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   string // the participle's subject as written
		nobody bool   // the words are no one's the engine can name
	}{
		{"reported clause between", `Ines Brandt said a skipper radioed in, shouting: "Get the boats off!"`, "skipper", true},
		{"reported clause after that", `Ines Brandt said that a skipper had radioed in, shouting: "Get the boats off!"`, "skipper", true},
		{"clause after as", `Teo Marlow watched as a fisherman waded out, calling: "My brother is out there."`, "fisherman", true},
		{"irregular past in the clause", `Ines Brandt said a skipper ran down the quay, shouting: "Get the boats off!"`, "skipper", true},
		{"a thing's clause", `Ines Brandt said the crane had failed, adding: "It will be replaced."`, "Ines Brandt", false},
		{"a body's clause", `Ines Brandt said the harbour trust had run out of money, adding: "We need help."`, "Ines Brandt", false},
		{"a named person's clause", `Ines Brandt said Teo Marlow had left early, adding: "He was right to."`, "Teo Marlow", true},
		{"object, no clause", `Ines Brandt spoke to the crews, adding: "Nobody goes aboard."`, "Ines Brandt", false},
		{"object and place", `Ines Brandt spoke to reporters on the quay, adding: "We reopen at dawn."`, "Ines Brandt", false},
		{"quotation before", `"The wall held," Ines Brandt said, adding: "We lost two moorings."`, "Ines Brandt", false},
		{"inverted", `"The wall held," said Ines Brandt, adding: "We lost two moorings."`, "Ines Brandt", false},
		{"description before a name", `Ines Brandt said the deckhand Pim Oster ran along the quay, shouting: "Cut the lines!"`, "the Pim Oster", true},
		{"name set off by commas", `Ines Brandt said the deckhand, Pim Oster, ran along the quay, shouting: "Cut the lines!"`, "deckhand, Pim Oster,", true},
		{"plural people", `Ines Brandt said two men ran along the quay, shouting: "Cut the lines!"`, "two men", true},
		{"a body's name", `Ines Brandt said the Harbour Trust had run out of money, adding: "We need help."`, "Ines Brandt", false},
		{"pronoun's clause", `Teo Marlow said he had never seen the water so high, adding: "We found him."`, "Teo Marlow", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := readParagraph(tt.text)
			var found *attribution
			for _, a := range p.sents[0].findAttributions() {
				if a.form == formParticiple {
					found = &a
				}
			}
			if found == nil {
				t.Fatalf("findAttributions(%q) has no participle", tt.text)
			}
			got := found.subj.text
			if found.subj.kind == npName {
				got = found.subj.name
			}
			if got != tt.want || found.nobody != tt.nobody {
				t.Errorf("participle of %q: subject %q, nobody %v; want %q, %v", tt.text, got, found.nobody, tt.want, tt.nobody)
			}
		})
	}
}

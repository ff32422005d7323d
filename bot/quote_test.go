package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// testSpeakers returns speakers built by hand, most quoted first, as the
// engine orders them.
func testSpeakers() []*article.Speaker {
	mk := func(name string, direct, reported int, aliases ...string) *article.Speaker {
		s := &article.Speaker{Name: name, Aliases: aliases, Named: true}
		for k := 0; k < direct; k++ {
			s.Quotes = append(s.Quotes, article.Quote{Kind: article.Direct, Speaker: s, Paragraph: k + 1, Text: "words"})
		}
		for k := 0; k < reported; k++ {
			s.Reported = append(s.Reported, article.Quote{Kind: article.Reported, Speaker: s, Paragraph: k + 1, Text: "a claim"})
		}
		return s
	}
	return []*article.Speaker{
		mk("Angela Ramírez", 4, 1, "Ramírez", "the minister"),
		mk("James George Jatras", 3, 0, "Jatras", "the analyst"),
		mk("Jan Novák", 1, 0, "Novák"),
		mk("US officials", 1, 1),
		mk("the Pentagon", 0, 1),
		{Name: "experts", Reported: []article.Quote{{Kind: article.Reported, Paragraph: 2, Text: "a claim"}}},
	}
}

func TestSuggestSpeakers(t *testing.T) {
	idx := newSpeakerIndex(testSpeakers())
	tests := []struct {
		typed string
		want  []string // choice names
	}{
		{"", []string{"Angela Ramírez — 4 quotes", "James George Jatras — 3 quotes", "Jan Novák — 1 quote",
			"US officials — 1 quote", "the Pentagon — 1 reported statement"}},
		{"ja", []string{"James George Jatras — 3 quotes", "Jan Novák — 1 quote"}},
		{"JA", []string{"James George Jatras — 3 quotes", "Jan Novák — 1 quote"}},
		{"  ja ", []string{"James George Jatras — 3 quotes", "Jan Novák — 1 quote"}},
		{"rami", []string{"Angela Ramírez — 4 quotes"}},        // folded: í matches i
		{"ramírez", []string{"Angela Ramírez — 4 quotes"}},     // as typed
		{"minis", []string{"Angela Ramírez — 4 quotes"}},       // an alias
		{"george", []string{"James George Jatras — 3 quotes"}}, // a middle word
		{"vak", []string{"Jan Novák — 1 quote"}},               // a substring
		// Name prefix, then a word of an alias ("the analyst"), then
		// substrings in the engine's order.
		{"a", []string{"Angela Ramírez — 4 quotes", "James George Jatras — 3 quotes", "Jan Novák — 1 quote",
			"US officials — 1 quote", "the Pentagon — 1 reported statement"}},
		{"pentagon", []string{"the Pentagon — 1 reported statement"}}, // a word, not the start
		{"zzz", []string{}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.typed), func(t *testing.T) {
			got := idx.suggest(tt.typed, limitChoices)
			names := []string{}
			for _, c := range got {
				names = append(names, c.Name)
			}
			if !slices.Equal(names, tt.want) {
				t.Errorf("suggest(%q) = %q, want %q", tt.typed, names, tt.want)
			}
			for _, c := range got {
				if !strings.HasPrefix(c.Name, c.Value.(string)+" — ") {
					t.Errorf("suggest(%q): choice %q has value %q, want the canonical name", tt.typed, c.Name, c.Value)
				}
			}
		})
	}
}

func TestSuggestSpeakersLimits(t *testing.T) {
	var many []*article.Speaker
	for k := 0; k < 60; k++ {
		name := fmt.Sprintf("Speaker %d %s", k, strings.Repeat("Longname", 20))
		many = append(many, &article.Speaker{Name: name, Quotes: make([]article.Quote, k+1)})
	}
	many = append(many, &article.Speaker{Name: ""}, nil)
	idx := newSpeakerIndex(many)
	got := idx.suggest("", limitChoices)
	if len(got) != limitChoices {
		t.Errorf("suggest(\"\") over 60 speakers gave %d choices, want %d", len(got), limitChoices)
	}
	r := choices(got)
	if err := checkResponse(r); err != nil {
		t.Errorf("suggestions for long names break Discord's rules: %v", err)
	}
	for _, c := range got {
		if !strings.HasSuffix(c.Name, " quotes") && !strings.HasSuffix(c.Name, " quote") {
			t.Errorf("choice %q lost its quote count when shortened", c.Name)
		}
	}
}

func TestDirectItems(t *testing.T) {
	qs := []article.Quote{
		{Kind: article.Direct, Paragraph: 4, Text: "We need to get to the negotiation."},
		{Kind: article.Direct, Paragraph: 8, Text: "For the last year"},
		{Kind: article.Direct, Paragraph: 9, Text: "It doesn't have to be on day one", Continued: true},
		{Kind: article.Direct, Paragraph: 11, Text: "a new quotation", Continued: true}, // not the next paragraph
		{Kind: article.Direct, Paragraph: 12, Text: "an *imminent* buildup", Partial: true},
		{Kind: article.Direct, Paragraph: 14, Text: "We're prepared,"},
		{Kind: article.Direct, Paragraph: 14, Text: "Are they?"},
		{Kind: article.Direct, Paragraph: 16, Text: "Not *yet* … Soon.", Parts: []string{"Not *yet*", "Soon."}},
	}
	want := []string{
		"> “We need to get to the negotiation.” — ¶4",
		"> “For the last year\n> “It doesn't have to be on day one” — ¶8, ¶9",
		"> “a new quotation” — ¶11",
		"> “an \\*imminent\\* buildup” — ¶12 (words quoted within reported speech)",
		"> “We're prepared,”\n> “Are they?” — ¶14",
		"> “Not \\*yet\\* … Soon.” — ¶16",
	}
	if got := directItems(qs); !slices.Equal(got, want) {
		t.Errorf("directItems() =\n%q\nwant\n%q", got, want)
	}
}

func TestSpeakerEmbed(t *testing.T) {
	b := mustNew(article.Default())
	s := &article.Speaker{
		Name:        "Ada <@1> Lovelace",
		Description: "a *mathematician*",
		Aliases:     []string{"Lovelace", "ada <@1> lovelace", "the countess"},
	}
	s.Quotes = []article.Quote{{Kind: article.Direct, Paragraph: 2, Text: "That brain of mine is something more than merely mortal."}}
	s.Reported = []article.Quote{{Kind: article.Reported, Paragraph: 3, Text: "the engine might compose music"}}
	e := b.speakerEmbed(s)
	if want := `Ada \<@1\> Lovelace`; e.Title != want {
		t.Errorf("title = %q, want %q", e.Title, want)
	}
	for _, want := range []string{
		`*a \*mathematician\**`,
		"Also called: Lovelace, the countess",
		"**Direct quotes**\n> “That brain of mine is something more than merely mortal.” — ¶2",
		"**Reported statements**, in the article's words (not direct quotes)\n• the engine might compose music — ¶3",
	} {
		if !strings.Contains(e.Description, want) {
			t.Errorf("description = %q, want it to hold %q", e.Description, want)
		}
	}
	if !strings.HasPrefix(e.Footer.Text, "1 direct quote · 1 reported statement") {
		t.Errorf("footer = %q, want the counts", e.Footer.Text)
	}

	silent := b.speakerEmbed(&article.Speaker{Name: "Nobody"})
	if !strings.Contains(silent.Description, "gives no words") {
		t.Errorf("a speaker without quotes: description = %q", silent.Description)
	}
}

// TestSpeakerEmbedHuge renders speakers with far more to show than an
// embed holds and checks that the answer stays within Discord's limits and
// says what it left out.
func TestSpeakerEmbedHuge(t *testing.T) {
	t.Parallel()
	b := mustNew(article.Default())
	long := strings.Repeat("Ceasefire talks stalled again <@&9> *today* ", 300)
	tests := []struct {
		name             string
		direct, reported int
		text             string
	}{
		{"many short quotes", 500, 0, "We will not leave."},
		{"many long quotes", 50, 50, long},
		{"many reported statements", 0, 400, long},
		{"one huge quote", 1, 1, strings.Repeat(long, 10)},
		{"continued quotation over many paragraphs", 300, 0, long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &article.Speaker{
				Name:        strings.Repeat("Very Long Name ", 40),
				Description: strings.Repeat("former adviser ", 100),
				Aliases:     strings.Fields(strings.Repeat("alias ", 50)),
			}
			for k := 0; k < tt.direct; k++ {
				s.Quotes = append(s.Quotes, article.Quote{Kind: article.Direct, Paragraph: k + 1, Text: tt.text,
					Continued: k > 0 && strings.HasPrefix(tt.name, "continued")})
			}
			for k := 0; k < tt.reported; k++ {
				s.Reported = append(s.Reported, article.Quote{Kind: article.Reported, Paragraph: k + 1, Text: tt.text})
			}
			r := message([]*discordgo.MessageEmbed{b.speakerEmbed(s)}, nil)
			if err := checkResponse(r); err != nil {
				t.Fatalf("speakerEmbed breaks Discord's rules: %v", err)
			}
			d := r.Data.Embeds[0].Description
			if tt.direct > 0 && !strings.Contains(d, "**Direct quotes**") {
				t.Errorf("the direct quotes were all left out")
			}
			if tt.reported > 0 && !strings.Contains(d, "**Reported statements**") {
				t.Errorf("the reported statements were all left out")
			}
			if tt.direct+tt.reported > 10 && !strings.Contains(d, "more") {
				t.Errorf("description does not say that quotes were left out: %.200q…", d)
			}
		})
	}
}

// TestQuoteEverySpeaker asks /quote for every speaker of the seed article
// by canonical name and checks each answer.
func TestQuoteEverySpeaker(t *testing.T) {
	a := article.Default()
	b := mustNew(a)
	if len(a.Speakers()) == 0 {
		t.Fatal("the seed article has no speakers")
	}
	for _, s := range a.Speakers() {
		r := b.Respond(context.Background(), slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, s.Name)))
		if err := checkResponse(r); err != nil {
			t.Errorf("/quote %q breaks Discord's rules: %v", s.Name, err)
			continue
		}
		if len(r.Data.Embeds) != 1 || r.Data.Embeds[0].Title != escape(capitalize(s.Name)) {
			t.Errorf("/quote %q = %s, want the speaker's embed", s.Name, PlainText(r))
		}
	}
}

// TestQuoteUnknownEscapes asks /quote for a name full of mentions and
// markdown and checks that the answer shows it as text that cannot ping.
func TestQuoteUnknownEscapes(t *testing.T) {
	b := mustNew(article.Default())
	for _, name := range []string{"@everyone <@123> **Putin**", "@here <@&456> _x_ ~~y~~ `z` [link](https://x.test)\n# big"} {
		t.Run(name, func(t *testing.T) {
			r := b.Respond(context.Background(), slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, name)))
			if err := checkResponse(r); err != nil {
				t.Fatalf("/quote %q breaks Discord's rules: %v", name, err)
			}
			if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Data.Content, "quotes nobody called") {
				t.Fatalf("/quote %q = %q, want the private list of speakers", name, r.Data.Content)
			}
			for _, bad := range []string{"@everyone", "@here", "<@123>", "<@&456>", "**Putin**", "_x_", "~~y~~", "`z`", "[link]", "\n# big"} {
				if strings.Contains(r.Data.Content, bad) {
					t.Errorf("/quote %q = %q, which holds %q unescaped", name, r.Data.Content, bad)
				}
			}
		})
	}
}

// TestSuggestFullestName checks, on an article parsed by the engine, that
// autocomplete offers each person by the fullest name the article gives,
// whatever short form is typed, and counts a quotation its attribution
// splits once.
func TestSuggestFullestName(t *testing.T) {
	const body = "Rep. Dolores Harlan of South Carolina opened the new lock on the canal on Friday.\n\n" +
		"\"It took nine years,\" Congresswoman Harlan said. \"It should have taken two.\"\n\n" +
		"The lock keeper, Tomás R. Ibarra Vidal, told co-host Nia Booth on the local radio show that boats had queued since dawn.\n\n" +
		"\"I counted forty of them,\" Tomás said.\n\n" +
		"\"And I counted forty-one,\" Booth joked.\n"
	idx := newSpeakerIndex(mustParse(t, body).Speakers())
	tests := []struct {
		typed string
		want  string // the first choice's name
	}{
		{"harlan", "Dolores Harlan (Rep.) — 1 quote"},
		{"congresswoman", "Dolores Harlan (Rep.) — 1 quote"},
		{"tomas", "Tomás R. Ibarra Vidal (lock keeper) — 1 quote"},
		{"vidal", "Tomás R. Ibarra Vidal (lock keeper) — 1 quote"},
		{"booth", "Nia Booth (co-host) — 1 quote"},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			got := idx.suggest(tt.typed, limitChoices)
			if len(got) == 0 {
				t.Fatalf("suggest(%q) = no choices, want %q first", tt.typed, tt.want)
			}
			if got[0].Name != tt.want {
				t.Errorf("suggest(%q)[0] = %q, want %q", tt.typed, got[0].Name, tt.want)
			}
		})
	}
}

func TestChoiceLabel(t *testing.T) {
	long := strings.Repeat("word ", 30)
	tests := []struct {
		name, desc, suffix string
		want               string
	}{
		{"Ana Werner", "ranger", " — 2 quotes", "Ana Werner (ranger) — 2 quotes"},
		{"Ana Werner", "", " — 2 quotes", "Ana Werner — 2 quotes"},
		{"Reuters", "reuters", " — 1 quote", "Reuters — 1 quote"},
		{"US official", "who spoke on condition of anonymity", " — 1 quote", "US official — 1 quote"},
		{"Ada Obi", "whose shop closed", " — 1 quote", "Ada Obi — 1 quote"},
		{"Ana Werner", long, " — 2 quotes", "Ana Werner (" + strings.TrimSpace(strings.Repeat("word ", 15)) + "…) — 2 quotes"},
		{strings.Repeat("N", 80), "ranger", " — 2 quotes", strings.Repeat("N", 80) + " — 2 quotes"},
	}
	for _, tt := range tests {
		got := choiceLabel(tt.name, tt.desc, tt.suffix)
		if got != tt.want {
			t.Errorf("choiceLabel(%q, %q, %q) = %q, want %q", tt.name, tt.desc, tt.suffix, got, tt.want)
		}
		if n := runeLen(got); n > limitChoiceName {
			t.Errorf("choiceLabel(%q, %q, %q) has %d characters, over Discord's %d", tt.name, tt.desc, tt.suffix, n, limitChoiceName)
		}
	}
}

// TestQuoteSpokespeople checks that /quote says whom a spokesperson speaks
// for, and lists under a body the spokespeople who speak for it, whether
// the article quotes the body itself or only them.
func TestQuoteSpokespeople(t *testing.T) {
	const body = "Larkfield Buses will withdraw the night service on route 9 from June, it said on Friday.\n\n" +
		"\"Fewer than ten people a night use it,\" a Larkfield spokeswoman said.\n\n" +
		"\"It is the only way home for shift workers,\" said Omar Haddad, a cleaner at the hospital.\n"
	b := mustNew(mustParse(t, body))
	tests := []struct {
		speaker string
		want    []string // in the embed's description
		not     []string
	}{
		{"Larkfield spokeswoman", []string{"Speaks for Larkfield Buses."}, []string{"Also speaking for it"}},
		// The article quotes the company only through its spokeswoman.
		{"Larkfield Buses", []string{"does not quote them", "Speaking for them: Larkfield spokeswoman"}, []string{"Speaks for"}},
		{"Omar Haddad", nil, []string{"Speaks for", "speaking for it"}},
	}
	for _, tt := range tests {
		t.Run(tt.speaker, func(t *testing.T) {
			r := b.Respond(context.Background(), slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, tt.speaker)))
			if r.Data == nil || len(r.Data.Embeds) == 0 {
				t.Fatalf("/quote %s gave no embed: %+v", tt.speaker, r.Data)
			}
			d := r.Data.Embeds[0].Description
			for _, w := range tt.want {
				if !strings.Contains(d, w) {
					t.Errorf("/quote %s = %q, want it to hold %q", tt.speaker, d, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(d, w) {
					t.Errorf("/quote %s = %q, want no %q", tt.speaker, d, w)
				}
			}
		})
	}
}

// TestQuoteSpokespeopleOfAQuotedBody checks the list of spokespeople under
// a body the article quotes itself.
func TestQuoteSpokespeopleOfAQuotedBody(t *testing.T) {
	const body = "\"We are proud of our drivers,\" Larkfield Buses said in a statement.\n\n" +
		"\"Fewer than ten people a night use route 9,\" a Larkfield spokeswoman said.\n"
	b := mustNew(mustParse(t, body))
	r := b.Respond(context.Background(), slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, "Larkfield Buses")))
	if r.Data == nil || len(r.Data.Embeds) == 0 {
		t.Fatalf("/quote Larkfield Buses gave no embed: %+v", r.Data)
	}
	d := r.Data.Embeds[0].Description
	for _, w := range []string{"We are proud of our drivers", "Also speaking for it: Larkfield spokeswoman"} {
		if !strings.Contains(d, w) {
			t.Errorf("/quote Larkfield Buses = %q, want it to hold %q", d, w)
		}
	}
}

// TestQuoteMentionedHedgesWhenSpeakersAreUnclear checks that /quote and
// /ask say flatly that the article does not quote someone only when every
// quotation in it has a speaker; otherwise one of those without may be
// theirs, and the answer says so.
func TestQuoteMentionedHedgesWhenSpeakersAreUnclear(t *testing.T) {
	const clear = "The square filled up long before noon on Saturday, when Mayor Jo Park arrived.\n\n" +
		"\"The bridge will open in May,\" said councillor Ravi Shah.\n"
	const unclear = "The square filled up long before noon on Saturday, when Mayor Jo Park arrived.\n\n" +
		"\"We are not going home until they listen to us.\"\n\n" +
		"\"The bridge will open in May,\" said councillor Ravi Shah.\n"
	tests := []struct {
		name, body string
		want, foot string
		not        string
	}{
		{"every quotation attributed", clear, "does not quote them: named in ¶1", "mentioned, not quoted", "could not tell"},
		{"one quotation unattributed", unclear,
			"named in ¶1), and I found no quote I can give to them; 1 quotation in it has a speaker I could not tell.",
			"mentioned, no quote found", "does not quote"},
	}
	for _, tt := range tests {
		b := mustNew(mustParse(t, tt.body))
		for _, in := range []*discordgo.Interaction{
			slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, "Jo Park")),
			slash("ask", opt("question", discordgo.ApplicationCommandOptionString, "what did Jo Park say?")),
		} {
			t.Run(tt.name+"/"+in.ApplicationCommandData().Name, func(t *testing.T) {
				r := b.Respond(context.Background(), in)
				if r.Data == nil || len(r.Data.Embeds) == 0 || r.Data.Embeds[0].Footer == nil {
					t.Fatalf("no embed with a footer: %+v", r.Data)
				}
				e := r.Data.Embeds[0]
				if !strings.Contains(e.Description, tt.want) {
					t.Errorf("description = %q, want it to hold %q", e.Description, tt.want)
				}
				if strings.Contains(e.Description, tt.not) {
					t.Errorf("description = %q, want no %q", e.Description, tt.not)
				}
				if !strings.HasPrefix(e.Footer.Text, tt.foot) {
					t.Errorf("footer = %q, want it to start %q", e.Footer.Text, tt.foot)
				}
			})
		}
	}
}

package bot

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// buttonIDs returns the custom_ids of a response's buttons, in order.
func buttonIDs(r *discordgo.InteractionResponse) []string {
	var ids []string
	if r == nil || r.Data == nil {
		return nil
	}
	for _, c := range r.Data.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, b := range row.Components {
			if b, ok := b.(discordgo.Button); ok {
				ids = append(ids, b.CustomID)
			}
		}
	}
	return ids
}

func askQuestion(q string) *discordgo.Interaction {
	return slash("ask", opt("question", discordgo.ApplicationCommandOptionString, q))
}

// TestAsk answers the questions through /ask and checks the cited
// paragraphs, the Show paragraph buttons and the speaker named.
func TestAsk(t *testing.T) {
	b := mustNew(article.Default())
	tests := []struct {
		question string
		cite     string // the first citation
		buttons  []string
		speaker  string // shown in bold above the sentences, if any
	}{
		{"how many fighters were trained?", "— ¶14, James George Jatras", []string{"ask:para:14"}, ""},
		{"what equipment did Russia deploy?", "— ¶6, US officials", []string{"ask:para:6"}, ""},
		{"who said Assad has to go?", "— ¶2", []string{"ask:para:2", "ask:para:8"}, "**John Kerry**"},
		{"where did Kerry meet Hammond?", "— ¶2", []string{"ask:para:2"}, ""},
		{"what did the Pentagon say?", "— ¶11", []string{"ask:para:11"}, ""},
		{"who is Jatras?", "— ¶13", []string{"ask:para:13"}, "**James George Jatras**"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			r := b.Respond(context.Background(), askQuestion(tt.question))
			if err := checkResponse(r); err != nil {
				t.Fatalf("/ask %q breaks Discord's rules: %v", tt.question, err)
			}
			if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
				t.Errorf("/ask %q answered with type %d, flags %d; want a public message", tt.question, r.Type, r.Data.Flags)
			}
			if len(r.Data.Embeds) != 1 {
				t.Fatalf("/ask %q has %d embeds, want 1: %s", tt.question, len(r.Data.Embeds), PlainText(r))
			}
			desc := r.Data.Embeds[0].Description
			if !strings.Contains(desc, tt.cite) {
				t.Errorf("/ask %q = %q, want it to cite %q", tt.question, desc, tt.cite)
			}
			if got, want := buttonIDs(r), stampedAll(b, tt.buttons); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("/ask %q buttons = %q, want %q", tt.question, got, want)
			}
			if tt.speaker != "" && !strings.HasPrefix(desc, tt.speaker) {
				t.Errorf("/ask %q = %q, want it to open with %s", tt.question, desc, tt.speaker)
			}
			if tt.speaker == "" && strings.HasPrefix(desc, "**") {
				t.Errorf("/ask %q = %q, want no speaker above the sentences", tt.question, desc)
			}
		})
	}
}

// TestAskNoAnswer checks the honest reply to a question the article does
// not answer: private, naming what the article lacks and offering /find.
func TestAskNoAnswer(t *testing.T) {
	b := mustNew(article.Default())
	tests := []struct {
		question string
		want     []string
	}{
		{"what is the capital of France?", []string{"couldn't find an answer", "It doesn't mention **capital** or **france**.", "`/find`"}},
		{"what is the capital of Russia?", []string{"It doesn't mention **capital**.", "`/find query:russia`"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			r := b.Respond(context.Background(), askQuestion(tt.question))
			if err := checkResponse(r); err != nil {
				t.Fatalf("/ask %q breaks Discord's rules: %v", tt.question, err)
			}
			if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("/ask %q: the no-answer reply is public, want it private", tt.question)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.Data.Content, w) {
					t.Errorf("/ask %q = %q, want it to hold %q", tt.question, r.Data.Content, w)
				}
			}
		})
	}
}

// TestAskUserErrors checks that a question the bot cannot take gets a
// private explanation, logged as the user's mistake.
func TestAskUserErrors(t *testing.T) {
	tests := []struct {
		name string
		i    *discordgo.Interaction
		want string
	}{
		{"no option", slash("ask"), "Type your question after `/ask question:`, for example `/ask question:" + mustNew(article.Default()).exampleQuestion() + "`."},
		{"blank", askQuestion("   "), "Type your question after"},
		{"wrong type", slash("ask", opt("question", discordgo.ApplicationCommandOptionInteger, 3.0)), "must be text"},
		{"stop words", askQuestion("what is it?"), "does not say what it is about"},
		{"only a mention", askQuestion("<@123> @here"), "Type a question about the article"},
		{"too long", askQuestion(strings.Repeat("why ", 60)), "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			r := mustNew(article.Default(), WithObserver(rec)).Respond(context.Background(), tt.i)
			if err := checkResponse(r); err != nil {
				t.Fatalf("the answer breaks Discord's rules: %v", err)
			}
			if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Data.Content, tt.want) {
				t.Errorf("/ask (%s) = %q (flags %d), want a private answer holding %q", tt.name, r.Data.Content, r.Data.Flags, tt.want)
			}
			if got := rec.last(t); got.Result != resultUser || got.Command != "ask" {
				t.Errorf("/ask (%s) outcome = %+v, want a user_error of ask", tt.name, got)
			}
		})
	}
}

// TestAskEscapes checks that text from the question and the article is shown
// as text: no mention, no formatting.
func TestAskEscapes(t *testing.T) {
	a := mustParse(t, "The mayor wrote @everyone in a **bold** memo about <@&42> the budget.\n"+
		"Nothing else happened on Tuesday.\n")
	b := mustNew(a)
	r := b.Respond(context.Background(), askQuestion("what did the mayor write about the *budget* <@99>?"))
	if err := checkResponse(r); err != nil {
		t.Fatalf("the answer breaks Discord's rules: %v", err)
	}
	text := PlainText(r)
	for _, bad := range []string{"@everyone", "<@&42>", "<@99>", " **bold**", " *budget* "} {
		if strings.Contains(text, bad) {
			t.Errorf("the answer holds %q unescaped:\n%s", bad, text)
		}
	}
	if !strings.Contains(text, `the \*budget\* \<@99\>?`) || !strings.Contains(text, "**budget**") {
		t.Errorf("the answer does not highlight the question's word:\n%s", text)
	}
}

// TestAskIrregularSpaces checks that the question's words are in bold in an
// answer whose sentence holds runs of spaces and tabs, which the answer
// shows as single spaces.
func TestAskIrregularSpaces(t *testing.T) {
	a := mustParse(t, "The  mayor\tsaid  the budget for the harbour was approved on Friday.\nNothing else happened on Tuesday.\n")
	r := mustNew(a).Respond(context.Background(), askQuestion("what did the mayor say about the harbour budget?"))
	if err := checkResponse(r); err != nil {
		t.Fatalf("the answer breaks Discord's rules: %v", err)
	}
	if len(r.Data.Embeds) != 1 {
		t.Fatalf("the answer = %s, want an embed", PlainText(r))
	}
	desc := r.Data.Embeds[0].Description
	for _, want := range []string{"The **mayor** said the **budget** for the **harbour** was"} {
		if !strings.Contains(desc, want) {
			t.Errorf("the answer = %q, want it to hold %q", desc, want)
		}
	}
}

// TestAskLongSentence checks that an answer from an enormous sentence stays
// within Discord's limits.
func TestAskLongSentence(t *testing.T) {
	long := "The council debated the harbour plan " + strings.Repeat("and the ferry timetable ", 400) + "until dawn."
	a := mustParse(t, long+"\nThe harbour plan passed on Friday.\n")
	r := mustNew(a).Respond(context.Background(), askQuestion("what did the council debate about the ferry timetable and the harbour plan?"))
	if err := checkResponse(r); err != nil {
		t.Fatalf("the answer breaks Discord's rules: %v", err)
	}
	if len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Description, "¶1") {
		t.Fatalf("the answer = %s, want ¶1", PlainText(r))
	}
}

func TestShowParagraph(t *testing.T) {
	a := mustParse(t, "First paragraph.\nSecond *paragraph* with @everyone in it.\n")
	b := mustNew(a)
	tests := []struct {
		id   string
		want string
		ok   bool
	}{
		{"ask:para:2", `Second \*paragraph\* with @` + "\u200b" + `everyone in it.`, true},
		{"ask:para:1", "First paragraph.", true},
		{"ask:para:3", "no paragraph ¶3", false},
		{"ask:para:0", "out of date or damaged", false},
		{"ask:para:01", "out of date or damaged", false},
		{"ask:para:-1", "out of date or damaged", false},
		{"ask:para:x", "out of date or damaged", false},
		{"ask:para:", "out of date or damaged", false},
		{"ask:para:99999999999999999999", "out of date or damaged", false},
		{"ask:2", "out of date or damaged", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			rec := &recorder{}
			b.cfg.observer = rec
			r := b.Respond(context.Background(), click(stamped(b, tt.id)))
			if err := checkResponse(r); err != nil {
				t.Fatalf("the answer breaks Discord's rules: %v", err)
			}
			if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("click(%q) answered with type %d, flags %d; want a new private message", tt.id, r.Type, r.Data.Flags)
			}
			text := PlainText(r)
			if !strings.Contains(text, tt.want) {
				t.Errorf("click(%q) = %s, want it to hold %q", tt.id, text, tt.want)
			}
			if want := map[bool]string{true: resultOK, false: resultUser}[tt.ok]; rec.last(t).Result != want {
				t.Errorf("click(%q) outcome = %q, want %q", tt.id, rec.last(t).Result, want)
			}
		})
	}
}

func TestParseParaID(t *testing.T) {
	for n := 1; n <= 1000; n += 37 {
		id := showButtons([]int{n}).Components[0].(discordgo.Button).CustomID
		if got, ok := parseParaID(id); !ok || got != n {
			t.Errorf("parseParaID(%q) = %d, %v, want %d, true", id, got, ok, n)
		}
		if len(id) > limitCustomID {
			t.Errorf("custom_id %q is longer than %d", id, limitCustomID)
		}
	}
}

// TestExampleQuestion checks that /about's example of /ask is a question
// the article answers, for the seed and for an article without speakers.
func TestExampleQuestion(t *testing.T) {
	b := mustNew(article.Default())
	q := b.exampleQuestion()
	ans, err := article.Default().Ask(q)
	if err != nil || !ans.Found() {
		t.Errorf("exampleQuestion() = %q, which the article does not answer (%v)", q, err)
	}
	plain := mustNew(mustParse(t, "Rain fell all day.\n"))
	if got := plain.exampleQuestion(); got != "<your question>" {
		t.Errorf("exampleQuestion() for an article without speakers = %q, want a placeholder", got)
	}
}

// TestAskHugeArticle asks about the huge article, whose sentences and names
// overflow every limit.
func TestAskHugeArticle(t *testing.T) {
	t.Parallel()
	b := mustNew(hugeArticle(t))
	for _, q := range []string{
		"what did Delacroix-Oyelaran say?",
		"who is Marguerite Delacroix-Oyelaran?",
		"where were the ceasefire talks?",
		"who said they will not accept any proposal?",
	} {
		t.Run(q, func(t *testing.T) {
			r := b.Respond(context.Background(), askQuestion(q))
			if err := checkResponse(r); err != nil {
				t.Fatalf("/ask %q breaks Discord's rules: %v", q, err)
			}
			if len(r.Data.Embeds) == 0 {
				t.Errorf("/ask %q found no answer: %s", q, PlainText(r))
			}
			for _, id := range buttonIDs(r) {
				if c := b.Respond(context.Background(), click(id)); checkResponse(c) != nil {
					t.Errorf("click(%q) breaks Discord's rules: %v", id, checkResponse(c))
				}
			}
		})
	}
}

// TestAskNamesake checks /ask "what did X say?" end to end when X shares a
// surname with the one person quoted: the answer never shows that
// person's words, and says where the article names X when it does.
func TestAskNamesake(t *testing.T) {
	a, err := article.Load(filepath.Join("..", "article", "testdata", "ask", "articles", "bakehouse.txt"))
	if err != nil {
		t.Fatal(err)
	}
	b := mustNew(a)
	const hers = "We will bake from the church hall"
	tests := []struct {
		question string
		want     string
	}{
		{"what did Dan Kovacs say?", "mentions Dan Kovacs but does not quote them"},
		{"what did Lena Kovacs say?", "couldn't find an answer"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			r := b.Respond(context.Background(), askQuestion(tt.question))
			if err := checkResponse(r); err != nil {
				t.Fatalf("/ask %q breaks Discord's rules: %v", tt.question, err)
			}
			all := r.Data.Content
			for _, e := range r.Data.Embeds {
				all += "\n" + e.Title + "\n" + e.Description
			}
			if !strings.Contains(all, tt.want) {
				t.Errorf("/ask %q = %q, want it to hold %q", tt.question, all, tt.want)
			}
			if strings.Contains(all, hers) {
				t.Errorf("/ask %q = %q, shows Marta Kovacs's words", tt.question, all)
			}
		})
	}
	r := b.Respond(context.Background(), askQuestion("what did Kovacs say?"))
	if len(r.Data.Embeds) == 0 || !strings.Contains(r.Data.Embeds[0].Description, hers) {
		t.Errorf("/ask %q does not show the one Kovacs quoted: %+v", "what did Kovacs say?", r.Data)
	}
}

// TestAskAnswerLabel checks that /ask shows an interview's answer without
// its "A:" label, its speaker named beside it.
func TestAskAnswerLabel(t *testing.T) {
	a, err := article.Load(filepath.Join("..", "article", "testdata", "ask", "articles", "orchard.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := mustNew(a).Respond(context.Background(), askQuestion("how much of the crop can still be saved?"))
	if len(r.Data.Embeds) == 0 {
		t.Fatalf("/ask shows no answer: %q", r.Data.Content)
	}
	d := r.Data.Embeds[0].Description
	if !strings.Contains(d, "> Perhaps a third") || strings.Contains(d, "A:") {
		t.Errorf("/ask shows %q, want the answer without its \"A:\" label", d)
	}
}

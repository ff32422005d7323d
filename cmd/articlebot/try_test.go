package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/interaction"
	"github.com/bwmarrin/discordgo"
)

// testCommands is a registry of the shapes try must handle, independent of
// the bot's own commands.
func testCommands() []*discordgo.ApplicationCommand {
	one := 1
	low := 0.0
	return []*discordgo.ApplicationCommand{
		{Name: "find", Description: "Search", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "query", Description: "words", Required: true, MinLength: &one, MaxLength: 100},
		}},
		{Name: "quote", Description: "Quotes", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "speaker", Description: "who", Required: true, Autocomplete: true},
		}},
		{Name: "summary", Description: "Summary"},
		{Name: "calc", Description: "Typed options", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionInteger, Name: "n", Description: "n", Required: true, MinValue: &low, MaxValue: 10},
			{Type: discordgo.ApplicationCommandOptionNumber, Name: "x", Description: "x"},
			{Type: discordgo.ApplicationCommandOptionBoolean, Name: "loud", Description: "loud"},
			{Type: discordgo.ApplicationCommandOptionString, Name: "unit", Description: "unit", Choices: []*discordgo.ApplicationCommandOptionChoice{
				{Name: "Metres", Value: "m"}, {Name: "Feet", Value: "ft"},
			}},
			{Type: discordgo.ApplicationCommandOptionUser, Name: "who", Description: "who"},
		}},
		{Name: "admin", Description: "Subcommands", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "reload", Description: "reload", Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "file", Description: "file", Required: true},
			}},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "status", Description: "status"},
		}},
		{Name: "Inspect", Type: discordgo.UserApplicationCommand},
	}
}

func TestCommandInteraction(t *testing.T) {
	tests := []struct {
		line         string
		autocomplete bool
		want         string // the options as JSON, or "" for none
		wantErr      string
	}{
		{line: "/find russia", want: `[{"name":"query","type":3,"value":"russia"}]`},
		{line: "/find dead end", want: `[{"name":"query","type":3,"value":"dead end"}]`},
		{line: `/find "dead end"`, want: `[{"name":"query","type":3,"value":"\"dead end\""}]`},
		{line: `/find query:"russia iran"`, want: `[{"name":"query","type":3,"value":"russia iran"}]`},
		{line: `/find query:russia iran`, want: `[{"name":"query","type":3,"value":"russia iran"}]`},
		{line: `/find  query:  "say \"no\""  `, want: `[{"name":"query","type":3,"value":"say \"no\""}]`},
		{line: `/find speaker:kerry`, want: `[{"name":"query","type":3,"value":"speaker:kerry"}]`},
		{line: `/find "query: inside quotes"`, want: `[{"name":"query","type":3,"value":"\"query: inside quotes\""}]`},
		{line: "find russia", want: `[{"name":"query","type":3,"value":"russia"}]`},
		{line: "  /FIND russia ", want: `[{"name":"query","type":3,"value":"russia"}]`},
		{line: "/quote kerry", want: `[{"name":"speaker","type":3,"value":"kerry"}]`},
		{line: "/quote speaker:kerry", want: `[{"name":"speaker","type":3,"value":"kerry"}]`},
		{line: "/quote speaker: john kerry", want: `[{"name":"speaker","type":3,"value":"john kerry"}]`},
		{line: "/summary", want: ""},
		{line: "/calc n:3 x:2.5 loud:true unit:feet who:<@!42>", want: `[{"name":"n","type":4,"value":3},{"name":"x","type":10,"value":2.5},{"name":"loud","type":5,"value":true},{"name":"unit","type":3,"value":"ft"},{"name":"who","type":6,"value":"42"}]`},
		{line: "/calc who:42 n:0 loud:false", want: `[{"name":"n","type":4,"value":0},{"name":"loud","type":5,"value":false},{"name":"who","type":6,"value":"42"}]`},
		{line: "/calc n:1 unit:m", want: `[{"name":"n","type":4,"value":1},{"name":"unit","type":3,"value":"m"}]`},
		{line: "/admin reload file:x.txt", want: `[{"name":"reload","type":1,"options":[{"name":"file","type":3,"value":"x.txt"}]}]`},
		{line: "/admin reload x.txt", want: `[{"name":"reload","type":1,"options":[{"name":"file","type":3,"value":"x.txt"}]}]`},
		{line: "/admin status", want: `[{"name":"status","type":1}]`},

		{line: "/quote ke", autocomplete: true, want: `[{"name":"speaker","type":3,"value":"ke","focused":true}]`},
		{line: "/quote", autocomplete: true, want: `[{"name":"speaker","type":3,"value":"","focused":true}]`},
		{line: "/quote speaker:ja", autocomplete: true, want: `[{"name":"speaker","type":3,"value":"ja","focused":true}]`},
		{line: "/find rus", autocomplete: true, wantErr: "option query has no autocomplete"},
		{line: "/summary", autocomplete: true, wantErr: "/summary has no option to type in"},

		{line: "", wantErr: "the command line is empty"},
		{line: "/", wantErr: "the command line is empty"},
		{line: "/nope", wantErr: "unknown command /nope: the bot has /find, /quote, /summary, /calc, /admin"},
		{line: "/inspect", wantErr: "unknown command /inspect: the bot has"},
		{line: "/sumary", wantErr: "unknown command /sumary: did you mean /summary? The bot has /find, /quote, /summary"},
		{line: "/qoute kerry", wantErr: "did you mean /quote?"},
		{line: "/FND russia", wantErr: "did you mean /find?"},
		{line: "/adm", wantErr: "unknown command /adm: the bot has"},
		{line: "/find", wantErr: "/find needs its query option; use /find query:<string>"},
		{line: "/find " + strings.Repeat("x", 101), wantErr: "at most 100 characters"},
		{line: `/find query:""`, wantErr: "at least 1 characters"},
		{line: "/find query:a query:b", wantErr: "option query is given twice"},
		{line: "/find a query:b", wantErr: "option query is given twice"},
		{line: "/summary now", wantErr: "/summary takes no free text; it has no options"},
		{line: "/calc n:three", wantErr: `option n needs a whole number, got "three"`},
		{line: "/calc n:11", wantErr: "option n needs a number in range"},
		{line: "/calc n:1 x:many", wantErr: "option x needs a number"},
		{line: "/calc n:1 loud:maybe", wantErr: "option loud needs true or false"},
		{line: "/calc n:1 unit:yards", wantErr: "option unit needs one of Metres, Feet"},
		{line: "/calc n:1 who:someone", wantErr: "option who needs an ID or a mention"},
		{line: "/admin", wantErr: "/admin needs one of: reload, status"},
		{line: "/admin restart", wantErr: "/admin needs one of: reload, status"},
		{line: "/admin reload", wantErr: "/admin reload needs its file option"},
	}
	for _, tc := range tests {
		name := tc.line
		if tc.autocomplete {
			name = "autocomplete " + name
		}
		t.Run(name, func(t *testing.T) {
			i, err := commandInteraction(tc.line, testCommands(), tc.autocomplete)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("commandInteraction(%q) = %v, want an error containing %q", tc.line, err, tc.wantErr)
				}
				if exitCode(err) != 2 {
					t.Errorf("commandInteraction(%q) error %v has exit code %d, want 2", tc.line, err, exitCode(err))
				}
				return
			}
			if err != nil {
				t.Fatalf("commandInteraction(%q) = %v", tc.line, err)
			}
			wantType := discordgo.InteractionApplicationCommand
			if tc.autocomplete {
				wantType = discordgo.InteractionApplicationCommandAutocomplete
			}
			if i.Type != wantType || i.ID != tryInteractionID || i.Token != tryToken || i.User == nil || i.User.ID != tryUserID {
				t.Errorf("commandInteraction(%q) = type %v, id %q, token %q, user %v; want type %v from the try user", tc.line, i.Type, i.ID, i.Token, i.User, wantType)
			}
			data := i.ApplicationCommandData()
			got := ""
			if len(data.Options) > 0 {
				raw, _ := json.Marshal(data.Options)
				got = string(raw)
			}
			if got != tc.want {
				t.Errorf("commandInteraction(%q) options = %s, want %s", tc.line, got, tc.want)
			}
		})
	}
}

// TestCommandInteractionValuesDecodeAsFromTheGateway checks that option
// values have the Go types the gateway gives them, so the bot's accessors
// work on them.
func TestCommandInteractionValuesDecodeAsFromTheGateway(t *testing.T) {
	i, err := commandInteraction("/calc n:7 x:1.5 loud:true who:42", testCommands(), false)
	if err != nil {
		t.Fatal(err)
	}
	opts := map[string]*discordgo.ApplicationCommandInteractionDataOption{}
	for _, o := range i.ApplicationCommandData().Options {
		opts[o.Name] = o
	}
	if got := opts["n"].IntValue(); got != 7 {
		t.Errorf("n.IntValue() = %d, want 7", got)
	}
	if got := opts["x"].FloatValue(); got != 1.5 {
		t.Errorf("x.FloatValue() = %v, want 1.5", got)
	}
	if got := opts["loud"].BoolValue(); !got {
		t.Errorf("loud.BoolValue() = %v, want true", got)
	}
	if got := opts["who"].Value; got != "42" {
		t.Errorf("who.Value = %v, want \"42\"", got)
	}
	if got := i.ApplicationCommandData().Name; got != "calc" {
		t.Errorf("command name = %q, want calc", got)
	}
}

// pagedBot answers /find with three pages linked by Previous and Next
// buttons whose custom IDs it alone understands.
type pagedBot struct{ calls []*discordgo.Interaction }

func (p *pagedBot) Commands() []*discordgo.ApplicationCommand { return testCommands() }

func (p *pagedBot) Respond(_ context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	p.calls = append(p.calls, i)
	page, typ := 1, discordgo.InteractionResponseChannelMessageWithSource
	if i.Type == discordgo.InteractionMessageComponent {
		fmt.Sscanf(i.MessageComponentData().CustomID, "pg~%d", &page)
		typ = discordgo.InteractionResponseUpdateMessage
	}
	buttons := []discordgo.MessageComponent{
		discordgo.Button{Label: "Previous", CustomID: fmt.Sprintf("pg~%d", page-1), Disabled: page == 1},
		&discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "▶️"}, CustomID: fmt.Sprintf("pg~%d", page+1), Disabled: page == 3},
	}
	return &discordgo.InteractionResponse{Type: typ, Data: &discordgo.InteractionResponseData{
		Content:    fmt.Sprintf("page %d of 3", page),
		Embeds:     []*discordgo.MessageEmbed{{Title: fmt.Sprintf("Results, page %d", page)}},
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: buttons}},
	}}
}

func TestTryAnswerFollowsTheNextButton(t *testing.T) {
	for page := 1; page <= 3; page++ {
		t.Run(fmt.Sprint(page), func(t *testing.T) {
			b := &pagedBot{}
			resp, err := tryAnswer(context.Background(), b, "/find russia", false, page)
			if err != nil {
				t.Fatalf("tryAnswer(page %d) = %v", page, err)
			}
			if want := fmt.Sprintf("page %d of 3", page); resp.Data.Content != want {
				t.Errorf("tryAnswer(page %d) content = %q, want %q", page, resp.Data.Content, want)
			}
			if len(b.calls) != page {
				t.Fatalf("tryAnswer(page %d) asked the bot %d times, want %d", page, len(b.calls), page)
			}
			for n, i := range b.calls[1:] {
				if i.Type != discordgo.InteractionMessageComponent {
					t.Fatalf("call %d has type %v, want a message component", n+2, i.Type)
				}
				if got, want := i.MessageComponentData().CustomID, fmt.Sprintf("pg~%d", n+2); got != want {
					t.Errorf("call %d pressed %q, want %q", n+2, got, want)
				}
				// The pressed message is the previous answer.
				if i.Message == nil || len(i.Message.Embeds) != 1 || i.Message.Embeds[0].Title != fmt.Sprintf("Results, page %d", n+1) {
					t.Errorf("call %d carries message %+v, want the answer of page %d", n+2, i.Message, n+1)
				}
				if i.Message != nil && len(i.Message.Components) != 1 {
					t.Errorf("call %d message has %d component rows, want 1", n+2, len(i.Message.Components))
				}
			}
		})
	}
	t.Run("past the last page", func(t *testing.T) {
		_, err := tryAnswer(context.Background(), &pagedBot{}, "/find russia", false, 4)
		if err == nil || !strings.Contains(err.Error(), "has 3 page(s)") || exitCode(err) != 2 {
			t.Fatalf("tryAnswer(page 4) = %v, want a usage error saying there are 3 pages", err)
		}
	})
}

func TestNextButton(t *testing.T) {
	row := func(cs ...discordgo.MessageComponent) *discordgo.InteractionResponse {
		return &discordgo.InteractionResponse{Data: &discordgo.InteractionResponseData{
			Components: []discordgo.MessageComponent{&discordgo.ActionsRow{Components: cs}},
		}}
	}
	tests := []struct {
		name   string
		resp   *discordgo.InteractionResponse
		want   string
		wantOK bool
	}{
		{"nil", nil, "", false},
		{"no components", &discordgo.InteractionResponse{Data: &discordgo.InteractionResponseData{Content: "x"}}, "", false},
		{"labelled", row(discordgo.Button{Label: "◀ Previous", CustomID: "p"}, discordgo.Button{Label: "Next ▶", CustomID: "n"}), "n", true},
		{"emoji only", row(discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "➡️"}, CustomID: "e"}), "e", true},
		{"disabled", row(discordgo.Button{Label: "Next", CustomID: "n", Disabled: true}), "", false},
		{"link button", row(discordgo.Button{Label: "Next", URL: "https://example.com", Style: discordgo.LinkButton}), "", false},
		{"only previous", row(discordgo.Button{Label: "Previous", CustomID: "p"}), "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := nextButton(tc.resp)
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("nextButton() = %q, %v, want %q, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestCommandsPrintsTheRegistrationBody(t *testing.T) {
	stdout, _, err := runArgs(t, nil, []string{"commands"})
	if err != nil {
		t.Fatalf("run(commands) = %v", err)
	}
	want := testBot(t, nil).Commands()
	if want == nil {
		want = []*discordgo.ApplicationCommand{}
	}
	wantJSON, _ := json.MarshalIndent(want, "", "  ")
	if stdout != string(wantJSON)+"\n" {
		t.Errorf("commands printed\n%s\nwant the bot's commands\n%s", stdout, wantJSON)
	}
	var decoded []*discordgo.ApplicationCommand
	if err := json.Unmarshal([]byte(stdout), &decoded); err != nil {
		t.Errorf("commands output is not a JSON array of commands: %v", err)
	}
}

func TestArticleFile(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", "---\ntitle: A test article\n---\n"+
		"The mayor opened the bridge on Monday.\n\n"+
		"\"It will change the town,\" said Mayor Jane Doe.\n\n"+
		"Engineers said the work took two years.\n")
	empty := writeFile(t, dir, "empty.txt", "\n\n")
	notUTF8 := writeFile(t, dir, "latin1.txt", "caf\xe9\n")
	missing := filepath.Join(dir, "missing.txt")

	tests := []struct {
		name    string
		vars    map[string]string
		args    []string
		wantErr string // "" for success
	}{
		{"flag", nil, []string{"commands", "--article", good}, ""},
		{"variable", map[string]string{envArticleFile: good}, []string{"commands"}, ""},
		{"flag wins over the variable", map[string]string{envArticleFile: missing}, []string{"commands", "--article", good}, ""},
		{"missing file", nil, []string{"commands", "--article", missing}, "missing.txt"},
		{"empty file", map[string]string{envArticleFile: empty}, []string{"commands"}, "the article is empty"},
		{"not UTF-8", nil, []string{"try", "--article", notUTF8, "/about"}, "not valid UTF-8"},
		{"run checks it before connecting", map[string]string{envToken: shapedToken, envArticleFile: empty}, nil, "the article is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runArgs(t, tc.vars, tc.args)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("run(%q) = %v, want nil", tc.args, err)
				}
				return
			}
			if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "ARTICLE_FILE") {
				t.Fatalf("run(%q) = %v, want a configuration error naming ARTICLE_FILE and containing %q", tc.args, err, tc.wantErr)
			}
		})
	}
}

// realBot returns the bot over the embedded article, failing the test when
// the bot registers no commands: these tests check try against its
// registry.
func realBot(t *testing.T) *bot.Bot {
	t.Helper()
	b := testBot(t, nil)
	if len(b.Commands()) == 0 {
		t.Fatal("testBot(t, nil).Commands() is empty, want the bot's commands")
	}
	return b
}

// directInteraction builds, without try's parser, the interaction Discord
// sends for command name with options.
func directInteraction(t *testing.T, typ discordgo.InteractionType, name string, options ...map[string]any) *discordgo.Interaction {
	t.Helper()
	data := map[string]any{"id": tryCommandID, "name": name, "type": 1}
	if len(options) > 0 {
		data["options"] = options
	}
	i, err := decodeInteraction(interaction.Interaction{"type": typ, "data": data, "version": 1})
	if err != nil {
		t.Fatal(err)
	}
	return i
}

func TestTryAnswersLikeTheBot(t *testing.T) {
	b := realBot(t)
	str := func(name, value string) map[string]any {
		return map[string]any{"name": name, "type": 3, "value": value}
	}
	tests := []struct {
		line string
		want *discordgo.Interaction
	}{
		{"/find russia", directInteraction(t, 2, "find", str("query", "russia"))},
		{`/find query:"russia iran"`, directInteraction(t, 2, "find", str("query", "russia iran"))},
		{"/quote kerry", directInteraction(t, 2, "quote", str("speaker", "kerry"))},
		{"/quote speaker:kerry", directInteraction(t, 2, "quote", str("speaker", "kerry"))},
		{"/summary", directInteraction(t, 2, "summary")},
		{"/about", directInteraction(t, 2, "about")},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			want := b.Respond(context.Background(), tc.want)

			stdout, _, err := runArgs(t, nil, []string{"try", "--json", tc.line})
			if err != nil {
				t.Fatalf("try --json %q = %v", tc.line, err)
			}
			if !json.Valid([]byte(stdout)) {
				t.Fatalf("try --json %q printed invalid JSON:\n%s", tc.line, stdout)
			}
			wantJSON := responseJSON(t, want)
			if stdout != wantJSON {
				t.Errorf("try --json %q =\n%s\nwant the bot's response\n%s", tc.line, stdout, wantJSON)
			}

			stdout, _, err = runArgs(t, nil, []string{"try", tc.line})
			if err != nil {
				t.Fatalf("try %q = %v", tc.line, err)
			}
			if wantText := bot.PlainText(want) + "\n"; stdout != wantText {
				t.Errorf("try %q =\n%s\nwant PlainText of the response\n%s", tc.line, stdout, wantText)
			}
		})
	}
}

// responseJSON returns resp as try --json prints it: the bot's own encoding,
// indented, with a final newline.
func responseJSON(t *testing.T, resp *discordgo.InteractionResponse) string {
	t.Helper()
	raw, err := bot.MarshalResponse(resp)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", "  "); err != nil {
		t.Fatal(err)
	}
	return out.String() + "\n"
}

func TestTryPageAndAutocompleteWithTheBot(t *testing.T) {
	b := realBot(t)
	try := func(args ...string) string {
		t.Helper()
		stdout, _, err := runArgs(t, nil, append([]string{"try", "--json"}, args...))
		if err != nil {
			t.Fatalf("try %q = %v", args, err)
		}
		return stdout
	}

	page1, page2 := try("/find russia"), try("--page", "2", "/find russia")
	if page1 == page2 {
		t.Errorf("try --page 2 /find russia printed the same as page 1:\n%s", page1)
	}
	var second struct {
		Type discordgo.InteractionResponseType `json:"type"`
	}
	if err := json.Unmarshal([]byte(page2), &second); err != nil {
		t.Fatal(err)
	}
	if second.Type != discordgo.InteractionResponseUpdateMessage {
		t.Errorf("page 2 response type = %v, want UPDATE_MESSAGE (%v)", second.Type, discordgo.InteractionResponseUpdateMessage)
	}
	// Page 2 is what the bot answers to the Next button of page 1.
	first := b.Respond(context.Background(), directInteraction(t, 2, "find", map[string]any{"name": "query", "type": 3, "value": "russia"}))
	id, ok := nextButton(first)
	if !ok {
		t.Fatal("the bot's answer to /find russia has no Next button")
	}
	press, err := componentInteraction(first, id)
	if err != nil {
		t.Fatal(err)
	}
	want := responseJSON(t, b.Respond(context.Background(), press))
	if page2 != want {
		t.Errorf("try --page 2 =\n%s\nwant the bot's answer to pressing %q\n%s", page2, id, want)
	}

	auto := try("--autocomplete", "/quote ke")
	wantAuto := responseJSON(t, b.Respond(context.Background(), directInteraction(t, 4, "quote",
		map[string]any{"name": "speaker", "type": 3, "value": "ke", "focused": true})))
	if auto != wantAuto {
		t.Errorf("try --autocomplete /quote ke =\n%s\nwant\n%s", auto, wantAuto)
	}
	var ac struct {
		Type discordgo.InteractionResponseType `json:"type"`
	}
	if err := json.Unmarshal([]byte(auto), &ac); err != nil || ac.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Errorf("autocomplete response type = %v (%v), want %v", ac.Type, err, discordgo.InteractionApplicationCommandAutocompleteResult)
	}
}

func TestTryWithAnotherArticle(t *testing.T) {
	b := realBot(t)
	dir := t.TempDir()
	path := writeFile(t, dir, "other.txt", "---\ntitle: The bridge opens\npublication: Test Gazette\n---\n"+
		"The mayor opened the new bridge on Monday.\n\n"+
		"\"It will change the town,\" said Mayor Jane Doe.\n\n"+
		"Engineers said the work took two years.\n")
	other, err := article.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	i := directInteraction(t, 2, "about")
	want := responseJSON(t, testBot(t, other).Respond(context.Background(), i))
	stdout, _, err := runArgs(t, nil, []string{"try", "--json", "--article", path, "/about"})
	if err != nil {
		t.Fatalf("try --article %s /about = %v", path, err)
	}
	if stdout != want {
		t.Errorf("try --article /about =\n%s\nwant the answer about the other article\n%s", stdout, want)
	}
	if want == responseJSON(t, b.Respond(context.Background(), i)) {
		t.Errorf("/about is the same for two different articles:\n%s", want)
	}
}

func TestMessageCommandInteraction(t *testing.T) {
	find := &discordgo.ApplicationCommand{Name: "Find in article", Type: discordgo.MessageApplicationCommand}
	quote := &discordgo.ApplicationCommand{Name: "Quote this", Type: discordgo.MessageApplicationCommand}
	slash := &discordgo.ApplicationCommand{Name: "find", Description: "Search"}
	user := &discordgo.ApplicationCommand{Name: "Inspect", Type: discordgo.UserApplicationCommand}
	tests := []struct {
		name     string
		cmds     []*discordgo.ApplicationCommand
		command  string // the name given after the flags
		want     string // the command used; "" when an error is wanted
		wantErr  string
		wantText string
	}{
		{name: "the only message command", cmds: []*discordgo.ApplicationCommand{slash, find, user}, want: "Find in article"},
		{name: "named", cmds: []*discordgo.ApplicationCommand{find, quote}, command: "Quote this", want: "Quote this"},
		{name: "named in other case", cmds: []*discordgo.ApplicationCommand{find, quote}, command: " find IN article ", want: "Find in article"},
		{name: "several, none named", cmds: []*discordgo.ApplicationCommand{find, quote}, wantErr: `several message commands ("Find in article", "Quote this")`},
		{name: "unknown name", cmds: []*discordgo.ApplicationCommand{find}, command: "find", wantErr: `no message command "find"; it has "Find in article"`},
		{name: "no message command", cmds: []*discordgo.ApplicationCommand{slash, user}, wantErr: "the bot has no message command"},
	}
	const text = `did **Russia** send <@42> "tanks"?`
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i, err := messageCommandInteraction(tc.command, text, tc.cmds)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || exitCode(err) != 2 {
					t.Fatalf("messageCommandInteraction(%q) = %v, want a usage error containing %q", tc.command, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("messageCommandInteraction(%q) = %v", tc.command, err)
			}
			if i.Type != discordgo.InteractionApplicationCommand || i.Token != tryToken || i.User == nil || i.User.ID != tryUserID {
				t.Errorf("messageCommandInteraction(%q) = type %v, token %q, user %v; want a command from the try user", tc.command, i.Type, i.Token, i.User)
			}
			data := i.ApplicationCommandData()
			if data.Name != tc.want || data.CommandType != discordgo.MessageApplicationCommand {
				t.Errorf("messageCommandInteraction(%q) command = %q of type %v, want %q of type %v", tc.command, data.Name, data.CommandType, tc.want, discordgo.MessageApplicationCommand)
			}
			var msg *discordgo.Message
			if data.Resolved != nil {
				msg = data.Resolved.Messages[data.TargetID]
			}
			if msg == nil || msg.Content != text || msg.ID != data.TargetID || msg.Author == nil {
				t.Errorf("messageCommandInteraction(%q) target = %+v, want the message %q, resolved under target_id %q", tc.command, msg, text, data.TargetID)
			}
		})
	}
}

// directMessageCommand builds, without try's code, the interaction Discord
// sends for the message command name used on a message saying text.
func directMessageCommand(t *testing.T, name, text string) *discordgo.Interaction {
	t.Helper()
	const target = "1290000000000000007"
	data := map[string]any{
		"id": tryCommandID, "name": name, "type": 3, "target_id": target,
		"resolved": map[string]any{"messages": map[string]any{target: map[string]any{
			"id": target, "channel_id": tryChannelID, "type": 0, "content": text,
			"author": map[string]any{"id": "1290000000000000008", "username": "someone"},
		}}},
	}
	i, err := decodeInteraction(interaction.Interaction{"type": discordgo.InteractionApplicationCommand, "data": data, "version": 1})
	if err != nil {
		t.Fatal(err)
	}
	return i
}

// messageCommandName returns the name of the bot's message command.
func messageCommandName(t *testing.T, b *bot.Bot) string {
	t.Helper()
	for _, c := range b.Commands() {
		if c.Type == discordgo.MessageApplicationCommand {
			return c.Name
		}
	}
	t.Fatal("the bot registers no message command")
	return ""
}

// TestTryMessage checks that try --message answers as the bot answers its
// message command used on a message with that text, page 2 included, and
// that the command can be named.
func TestTryMessage(t *testing.T) {
	b := realBot(t)
	name := messageCommandName(t, b)
	const text = "so did **Russia** really deploy tanks near Latakia?? https://example.com/story?id=7"
	first := b.Respond(context.Background(), directMessageCommand(t, name, text))
	id, ok := nextButton(first)
	if !ok {
		t.Fatalf("the bot's answer to %s on %q has no Next button: %s", name, text, bot.PlainText(first))
	}
	press, err := componentInteraction(first, id)
	if err != nil {
		t.Fatal(err)
	}
	second := b.Respond(context.Background(), press)

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"json", []string{"--json", "--message", text}, responseJSON(t, first)},
		{"text", []string{"--message", text}, bot.PlainText(first) + "\n"},
		{"named", []string{"--json", "--message", text, name}, responseJSON(t, first)},
		{"page 2", []string{"--json", "--page", "2", "--message", text}, responseJSON(t, second)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, _, err := runArgs(t, nil, append([]string{"try"}, tc.args...))
			if err != nil {
				t.Fatalf("try %q = %v", tc.args, err)
			}
			if stdout != tc.want {
				t.Errorf("try %q =\n%s\nwant the bot's answer\n%s", tc.args, stdout, tc.want)
			}
		})
	}
	if !strings.Contains(bot.PlainText(first), "**Russia**") {
		t.Errorf("the answer to %s on %q does not find Russia: %s", name, text, bot.PlainText(first))
	}
}

// TestTryMention checks that try --mention prints the reply the bot
// package gives to a message mentioning the bot with the question.
func TestTryMention(t *testing.T) {
	b := realBot(t)
	reply := func(content string) *discordgo.MessageSend {
		t.Helper()
		msg := &discordgo.Message{
			ID: tryTargetID, ChannelID: tryChannelID, Type: discordgo.MessageTypeDefault, Content: content,
			Author:   &discordgo.User{ID: "1290000000000000008", Username: "someone"},
			Mentions: []*discordgo.User{{ID: tryApplicationID, Username: "articlebot", Bot: true}},
		}
		r, ok := bot.NewMentions(b).Reply(context.Background(), msg, tryApplicationID)
		if !ok {
			return nil
		}
		return r
	}
	replyJSON := func(r *discordgo.MessageSend) string {
		t.Helper()
		raw, err := bot.MarshalReply(r)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := json.Indent(&out, raw, "", "  "); err != nil {
			t.Fatal(err)
		}
		return out.String() + "\n"
	}
	const question = "who spoke to Press TV?"
	want := reply("<@" + tryApplicationID + "> " + question)
	if want == nil {
		t.Fatalf("the bot gives %q no reply", question)
	}
	wantText := "(replies to the message)\n\n" + bot.PlainText(&discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: want.Content, Embeds: want.Embeds, Components: want.Components},
	}) + "\n"

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"json", []string{"--json", "--mention", question}, replyJSON(want)},
		{"text", []string{"--mention", question}, wantText},
		{"mention placed in the question", []string{"--json", "--mention", "@articlebot " + question}, replyJSON(want)},
		{"no question left", []string{"--mention", "@everyone"}, noMentionReply + "\n"},
		{"no question left, json", []string{"--json", "--mention", ""}, "null\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, _, err := runArgs(t, nil, append([]string{"try"}, tc.args...))
			if err != nil {
				t.Fatalf("try %q = %v", tc.args, err)
			}
			if stdout != tc.want {
				t.Errorf("try %q =\n%s\nwant\n%s", tc.args, stdout, tc.want)
			}
		})
	}

	// The reply answers the question, pings no one and refers to it.
	stdout, _, err := runArgs(t, nil, []string{"try", "--json", "--mention", question})
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		AllowedMentions struct {
			Parse       []string `json:"parse"`
			RepliedUser *bool    `json:"replied_user"`
		} `json:"allowed_mentions"`
		Reference struct {
			MessageID string `json:"message_id"`
		} `json:"message_reference"`
		Embeds []struct {
			Description string `json:"description"`
		} `json:"embeds"`
	}
	if err := json.Unmarshal([]byte(stdout), &body); err != nil {
		t.Fatalf("try --json --mention printed %s: %v", stdout, err)
	}
	if am := body.AllowedMentions; am.Parse == nil || len(am.Parse) != 0 || am.RepliedUser == nil || *am.RepliedUser {
		t.Errorf("allowed_mentions = %+v, want parse [] and replied_user false", am)
	}
	if body.Reference.MessageID != tryTargetID {
		t.Errorf("message_reference.message_id = %q, want the question's %q", body.Reference.MessageID, tryTargetID)
	}
	if len(body.Embeds) != 1 || !strings.Contains(body.Embeds[0].Description, "¶12") {
		t.Errorf("the reply's embeds = %+v, want the answer citing ¶12", body.Embeds)
	}
}

func TestMentionMessage(t *testing.T) {
	const self = "42"
	tests := []struct {
		question, want string
	}{
		{"who spoke to Press TV?", "<@42> who spoke to Press TV?"},
		{"@articlebot who spoke to Press TV?", "<@42> who spoke to Press TV?"},
		{"who spoke to Press TV, @ArticleBot?", "who spoke to Press TV, <@42>?"},
		{"", "<@42> "},
	}
	for _, tc := range tests {
		t.Run(tc.question, func(t *testing.T) {
			m, err := mentionMessage(tc.question, self)
			if err != nil {
				t.Fatalf("mentionMessage(%q) = %v", tc.question, err)
			}
			if m.Content != tc.want {
				t.Errorf("mentionMessage(%q).Content = %q, want %q", tc.question, m.Content, tc.want)
			}
			if len(m.Mentions) != 1 || m.Mentions[0].ID != self || m.Author == nil || m.Author.Bot || m.Author.ID == self {
				t.Errorf("mentionMessage(%q) = mentions %v by %v, want the bot mentioned by a person", tc.question, m.Mentions, m.Author)
			}
		})
	}
}

package playground

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"image/png"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
	"github.com/chromedp/chromedp"
)

// The page, tested in a real browser: each test types and clicks as a
// person would and reads what the page shows.

// defaultPlayground is a playground on the embedded article.
func defaultPlayground(t *testing.T) http.Handler {
	return New(Config{Bot: newBot(t, nil), Title: article.Default().Meta.Title})
}

// lastMessage is the JavaScript expression of the last message shown.
const lastMessage = `[...document.querySelectorAll('#messages .msg')].pop()`

func TestPageQuoteShowsTheQuotes(t *testing.T) {
	p := openPage(t, defaultPlayground(t))
	p.send("/quote kerry")
	p.waitJS(lastMessage+`?.querySelector('.embed-title')?.textContent === 'John Kerry'`, "the answer to /quote kerry")

	if got := p.replyLine(); got != "You used /quote" {
		t.Errorf("line above the answer = %q, want %q", got, "You used /quote")
	}
	if got := p.lastText(".username"); got != "articlebot" {
		t.Errorf("author = %q, want articlebot", got)
	}
	// Each direct quote is a block quote; markdown's bold and italics are
	// rendered, not shown as asterisks.
	quotes := eval[[]string](p, lastMessage+`.querySelectorAll('.embed-description blockquote').values().map(e => e.textContent).toArray()`)
	if len(quotes) != 4 {
		t.Errorf("block quotes = %d %q, want Kerry's 4 direct quotes", len(quotes), quotes)
	}
	for _, q := range quotes {
		if !strings.HasPrefix(q, "“") || !strings.Contains(q, "— ¶") {
			t.Errorf("block quote %q is not a quote and its paragraph", q)
		}
	}
	if got := eval[string](p, lastMessage+`.querySelector('.embed-description strong')?.textContent`); got != "Direct quotes" {
		t.Errorf("first bold text = %q, want %q", got, "Direct quotes")
	}
	if got := eval[string](p, lastMessage+`.querySelector('.embed-description em')?.textContent`); got != "US Secretary of State" {
		t.Errorf("first italic text = %q, want %q", got, "US Secretary of State")
	}
	if desc := p.lastText(".embed-description"); strings.ContainsAny(desc, "*>") {
		t.Errorf("the description shows markdown's marks: %q", desc)
	}
	if got := p.lastText(".embed-footer"); !strings.HasPrefix(got, "4 direct quotes") {
		t.Errorf("footer = %q, want it to count 4 direct quotes", got)
	}
	// The colour bar is the embed's colour.
	if got, want := eval[string](p, lastMessage+`.querySelector('.embed').style.borderLeftColor`), "rgb(59, 110, 165)"; got != want {
		t.Errorf("colour bar = %s, want %s", got, want)
	}
	p.screenshot("quote-kerry")

	// What the page sent is the interaction Discord sends for /quote kerry.
	var in discordgo.Interaction
	p.sent.last(t, "/api/interactions", &in)
	if in.Type != discordgo.InteractionApplicationCommand {
		t.Fatalf("the page sent an interaction of type %v, want an application command", in.Type)
	}
	data := in.ApplicationCommandData()
	if data.Name != "quote" || data.CommandType != discordgo.ChatApplicationCommand || len(data.Options) != 1 ||
		data.Options[0].Name != "speaker" || data.Options[0].StringValue() != "kerry" {
		t.Errorf("the page sent /%s of type %d with options %+v, want /quote speaker:kerry", data.Name, data.CommandType, data.Options)
	}
	if in.ID == "" || in.Token == "" || in.Version != 1 || in.AppID != applicationID || in.GuildID != guildID ||
		in.ChannelID != channelID || in.Member == nil || in.Member.User == nil || in.Member.User.ID != userID {
		t.Errorf("the page sent an interaction without what Discord always sends: %+v", in)
	}
}

func TestPageQuoteOffersSpeakersAsYouType(t *testing.T) {
	p := openPage(t, defaultPlayground(t))
	p.typeLine("/qu")
	p.waitJS(`[...document.querySelectorAll('#popup .popup-item .item-name')].some(e => e.textContent === '/quote')`, "/quote among the commands")

	// Discord sends no command whose required option is empty.
	p.typeLine("ote\r")
	p.waitJS(`document.querySelector('#command-bar .bar-error')?.textContent === 'speaker is required.'`, "the empty option pointed out")
	if !eval[bool](p, `document.querySelector('#command-bar .bar-option').classList.contains('error')`) {
		t.Error("the empty required option is not marked")
	}
	p.waitIdle()
	if n := p.messageCount(); n != 0 {
		t.Errorf("messages = %d after /quote without its speaker, want 0", n)
	}
	for _, body := range p.sent.all("/api/interactions") {
		var in discordgo.Interaction
		if err := json.Unmarshal(body, &in); err != nil || in.Type == discordgo.InteractionApplicationCommand {
			t.Errorf("the page sent %s for /quote without its speaker, want nothing", body)
		}
	}

	p.typeLine(" ke")
	p.waitJS(`[...document.querySelectorAll('#popup .popup-item')].some(e => e.textContent.startsWith('John Kerry'))`, "John Kerry among the suggestions")
	if got := eval[string](p, `document.querySelector('#popup .option-name').textContent`); got != "speaker" {
		t.Errorf("option shown above the suggestions = %q, want speaker", got)
	}
	if got := eval[string](p, `document.querySelector('#command-bar .bar-option.current').textContent`); got != "speakerke" {
		t.Errorf("option pill = %q, want speaker with ke", got)
	}
	p.screenshot("suggestions")

	p.click("the suggestion John Kerry", `[...document.querySelectorAll('#popup .popup-item')].find(e => e.textContent.startsWith('John Kerry'))`)
	if got := eval[string](p, `document.getElementById('input').value`); got != "/quote John Kerry" {
		t.Errorf("message box after taking the suggestion = %q, want %q", got, "/quote John Kerry")
	}
	p.typeLine("\r")
	p.waitJS(lastMessage+`?.querySelector('.embed-title')?.textContent === 'John Kerry'`, "the answer to /quote John Kerry")

	// While "ke" was typed, the page sent Discord's autocomplete
	// interaction, the option marked focused.
	var focused []string
	for _, body := range p.sent.all("/api/interactions") {
		var in discordgo.Interaction
		if err := json.Unmarshal(body, &in); err != nil {
			t.Fatal(err)
		}
		if in.Type != discordgo.InteractionApplicationCommandAutocomplete {
			continue
		}
		for _, o := range in.ApplicationCommandData().Options {
			if o.Focused {
				focused = append(focused, o.Name+":"+o.StringValue())
			}
		}
	}
	if !slices.Contains(focused, "speaker:ke") {
		t.Errorf("autocomplete requests sent for %q, want one for speaker:ke", focused)
	}
}

func TestPageFindNextPageUpdatesTheMessage(t *testing.T) {
	p := openPage(t, defaultPlayground(t))
	p.send("/find russia")
	p.waitJS(lastMessage+`?.querySelector('.embed-footer')?.textContent === 'Page 1 of 3'`, "page 1 of /find russia")
	if !eval[bool](p, lastMessage+`.querySelector('.btn-secondary').disabled`) {
		t.Error("Previous is enabled on page 1, want it disabled")
	}
	if got := eval[float64](p, `Number(getComputedStyle(`+lastMessage+`.querySelector('.btn-secondary')).opacity)`); got >= 1 {
		t.Errorf("a disabled button's opacity = %v, want it dimmed", got)
	}
	first := p.lastText(".embed-field-name")
	eval[bool](p, `(window.findAnswer = `+lastMessage+`, true)`)
	before := p.messageCount()

	p.click("Next", `[...`+lastMessage+`.querySelectorAll('button')].find(b => b.textContent.includes('Next'))`)
	p.waitJS(`window.findAnswer.querySelector('.embed-footer')?.textContent === 'Page 2 of 3'`, "page 2 in the same message")
	if !eval[bool](p, `window.findAnswer.isConnected`) {
		t.Error("the answer's message left the page: Next must update it in place")
	}
	if got := p.messageCount(); got != before {
		t.Errorf("messages after Next = %d, want %d: the page replaces the message", got, before)
	}
	if got := eval[string](p, `window.findAnswer.querySelector('.embed-field-name').textContent`); got == first {
		t.Errorf("page 2 starts with %s, as page 1 does", got)
	}
	if eval[bool](p, `window.findAnswer.querySelector('.btn-secondary').disabled`) {
		t.Error("Previous is disabled on page 2, want it enabled")
	}
	p.screenshot("find-page-2")

	// The button's interaction carries the message it belongs to.
	var in discordgo.Interaction
	p.sent.last(t, "/api/interactions", &in)
	if want := nextOfFind(t, "russia"); in.Type != discordgo.InteractionMessageComponent || in.MessageComponentData().CustomID != want {
		t.Fatalf("the page sent an interaction of type %v for Next, want a component with custom_id %s", in.Type, want)
	}
	if id := eval[string](p, `window.findAnswer.dataset.id`); in.Message == nil || in.Message.ID != id {
		t.Errorf("the interaction carries message %+v, want the answer %s", in.Message, id)
	} else if len(in.Message.Embeds) != 1 || in.Message.Embeds[0].Footer == nil || in.Message.Embeds[0].Footer.Text != "Page 1 of 3" {
		t.Errorf("the interaction carries the message's embeds %+v, want page 1's", in.Message.Embeds)
	}
}

func TestPageShowParagraphRevealsIt(t *testing.T) {
	para, _ := article.Default().Paragraph(2)
	p := openPage(t, defaultPlayground(t))
	p.send("/ask who said Assad has to go?")
	p.waitJS(lastMessage+`?.querySelector('button[data-custom-id]')`, "the answer's buttons")
	before := p.messageCount()

	p.click("Show paragraph ¶2", `[...`+lastMessage+`.querySelectorAll('button')].find(b => b.textContent === 'Show paragraph ¶2')`)
	p.waitMessages(before + 1)
	if got := p.lastText(".embed-title"); got != "¶2" {
		t.Errorf("title = %q, want ¶2", got)
	}
	if got := p.lastText(".embed-description"); got != para.Text {
		t.Errorf("paragraph shown = %q, want %q", got, para.Text)
	}
	if !eval[bool](p, lastMessage+`.classList.contains('ephemeral')`) {
		t.Error("the paragraph is not shown as a message only the asker sees")
	}
	if got := p.lastText(".msg-reply .reply-text"); got != "who said Assad has to go?" {
		t.Errorf("the paragraph's message refers to %q, want the answer it came from", got)
	}
	p.screenshot("show-paragraph")
}

func TestPageUnknownSpeakerIsAnEphemeralError(t *testing.T) {
	p := openPage(t, defaultPlayground(t))
	p.send("/quote nobodyzz")
	p.waitMessages(1)
	if got := p.lastText(".msg-content"); !strings.Contains(got, "quotes nobody called “nobodyzz”") {
		t.Errorf("answer = %q, want it to say nobody called nobodyzz is quoted", got)
	}
	if got := p.lastText(".ephemeral-note .ephemeral-text"); got != "Only you can see this" {
		t.Errorf("note under the answer = %q, want %q", got, "Only you can see this")
	}
	// An ephemeral message has a background of its own, as in Discord.
	if got := eval[string](p, `getComputedStyle(`+lastMessage+`).backgroundColor`); got == "rgba(0, 0, 0, 0)" {
		t.Error("the ephemeral message has no background of its own")
	}
	if eval[bool](p, lastMessage+`.querySelector('.apps-button') !== null`) {
		t.Error("an ephemeral message offers apps; Discord offers none")
	}
	p.screenshot("unknown-speaker")

	p.click("Dismiss message", lastMessage+`.querySelector('.dismiss')`)
	p.waitJS(`document.querySelectorAll('#messages .msg').length === 0`, "the message to go")
}

func TestPageMentionGetsAReply(t *testing.T) {
	p := openPage(t, defaultPlayground(t))
	p.typeLine("@ar")
	p.waitJS(`document.querySelector('#popup .item-name')?.textContent === 'articlebot'`, "articlebot among the members")
	p.typeLine("\t")
	p.send("who spoke to Press TV?")
	p.waitMessages(2)

	if got := eval[string](p, `document.querySelector('#messages .msg .mention')?.textContent`); got != "@articlebot" {
		t.Errorf("the question's mention = %q, want @articlebot", got)
	}
	if got := p.lastText(".embed-title"); got != "who spoke to Press TV?" {
		t.Errorf("the reply's title = %q, want the question", got)
	}
	if got := p.lastText(".msg-reply .reply-author"); got != "You" {
		t.Errorf("the reply refers to a message by %q, want the question by You", got)
	}
	if got := p.lastText("button"); got != "Show paragraph ¶12" {
		t.Errorf("the reply's button = %q, want Show paragraph ¶12", got)
	}

	// What the page sent is the message the gateway delivers.
	var msg discordgo.Message
	p.sent.last(t, "/api/messages", &msg)
	if msg.Content != "<@"+botUserID+"> who spoke to Press TV?" || len(msg.Mentions) != 1 || msg.Mentions[0].ID != botUserID ||
		msg.Author == nil || msg.Author.ID != userID || msg.ChannelID != channelID {
		t.Errorf("the page delivered %+v, want the question with the bot's mention, by You, in #playground", msg)
	}

	// A message without the mention gets no reply.
	p.send("who spoke to Press TV?")
	p.waitMessages(3)
	p.waitIdle()
	if got := p.messageCount(); got != 3 {
		t.Errorf("messages = %d after a message that does not mention the bot, want 3 (no reply)", got)
	}
}

func TestPageFindInArticleOnAMessage(t *testing.T) {
	p := openPage(t, defaultPlayground(t))
	p.send("did Russia really send tanks to Latakia?")
	p.waitMessages(1)
	p.click("Apps", lastMessage+`.querySelector('.apps-button')`)
	p.click("Find in article", lastMessage+`.querySelector('.apps-item')`)
	p.waitMessages(2)
	if got := p.replyLine(); got != "You used Find in article" {
		t.Errorf("line above the answer = %q, want %q", got, "You used Find in article")
	}
	if got := p.lastText(".embed-title"); !strings.HasPrefix(got, "Find: ") || !strings.Contains(got, "Latakia") {
		t.Errorf("title = %q, want a search for the message's words", got)
	}

	var in discordgo.Interaction
	p.sent.last(t, "/api/interactions", &in)
	data := in.ApplicationCommandData()
	if target := data.Resolved; data.CommandType != discordgo.MessageApplicationCommand || target == nil ||
		target.Messages[data.TargetID] == nil || target.Messages[data.TargetID].Content != "did Russia really send tanks to Latakia?" {
		t.Errorf("the page sent %+v, want the message command with the message it targets", data)
	}

	// On the bot's own message, the search reads its embed.
	p.click("Apps", lastMessage+`.querySelector('.apps-button')`)
	p.click("Find in article", lastMessage+`.querySelector('.apps-item')`)
	p.waitMessages(3)
	if got := p.lastText(".embed-title"); !strings.HasPrefix(got, "Find: ") {
		t.Errorf("title = %q, want a search", got)
	}
}

func TestPageShowsAHostileArticleAsText(t *testing.T) {
	a, err := article.Load("testdata/hostile.txt")
	if err != nil {
		t.Fatal(err)
	}
	p := openPage(t, New(Config{Bot: newBot(t, a), Title: a.Meta.Title}))
	if got := eval[string](p, `document.getElementById('topic').textContent`); got != a.Meta.Title {
		t.Errorf("topic = %q, want the title as written: %q", got, a.Meta.Title)
	}
	tests := []struct {
		command string
		want    string // text the answer shows, markup included
	}{
		{"/quote ellison", "<script>window.pwned = 'quote'</script>"},
		{"/quote reyes", "<img src=x onerror=window.pwned='img'>"},
		{"/find four million", "<b>four million</b>"},
		{"/find work", "[work](javascript:window.pwned='link')"},
		{"/about", "The <i>Harbour</i> Gazette"},
	}
	for k, tc := range tests {
		p.send(tc.command)
		p.waitMessages(k + 1)
		if got := eval[string](p, lastMessage+`.querySelector('.msg-body').textContent`); !strings.Contains(got, tc.want) {
			t.Errorf("%s shows %q, want it to show %q as text", tc.command, got, tc.want)
		}
	}
	p.screenshot("hostile")

	if got := eval[int](p, `document.querySelectorAll('.msg script, .msg iframe, .msg object, .msg b, .msg i, .msg-body img').length`); got != 0 {
		t.Errorf("the messages hold %d elements made from the article's markup, want 0", got)
	}
	if got := eval[int](p, `document.querySelectorAll('a[href]:not([href^="http:"]):not([href^="https:"])').length`); got != 0 {
		t.Errorf("the page has %d links that are not http or https, want 0", got)
	}
	if got := eval[string](p, `String(window.pwned)`); got != "undefined" {
		t.Errorf("window.pwned = %s: the article's script ran", got)
	}
}

// screenshotPath is the README's picture of the playground, of
// screenshotWidth by screenshotHeight CSS pixels.
const (
	screenshotPath                    = "../../docs/playground.png"
	screenshotWidth, screenshotHeight = 1000, 1400
)

var updateScreenshot = flag.Bool("update-screenshot", false, "rewrite "+screenshotPath+", the README's picture, with TestPageScreenshot's")

// TestPageScreenshot takes the README's picture: an answer turned to its
// second page, a question asked by mention, its reply and a paragraph it
// cites, and /quote's suggestions as they are typed. With
// -update-screenshot it rewrites docs/playground.png.
func TestPageScreenshot(t *testing.T) {
	p := openPage(t, defaultPlayground(t))
	p.do("making the page taller", chromedp.EmulateViewport(screenshotWidth, screenshotHeight))
	p.send("/find russia")
	p.waitMessages(1)
	p.click("Next", `[...`+lastMessage+`.querySelectorAll('button')].find(b => b.textContent.includes('Next'))`)
	p.waitJS(lastMessage+`.querySelector('.embed-footer')?.textContent === 'Page 2 of 3'`, "page 2")
	p.send("@articlebot who spoke to Press TV?")
	p.waitMessages(3)
	p.click("Show paragraph", lastMessage+`.querySelector('button')`)
	p.waitMessages(4)
	p.typeLine("/quote ke")
	p.waitJS(`[...document.querySelectorAll('#popup .popup-item')].some(e => e.textContent.startsWith('John Kerry'))`, "the suggestions")
	// The pointer leaves the messages, so that none is shown hovered.
	p.do("moving the pointer away", chromedp.MouseEvent(chromedp.MouseMoved, screenshotWidth-2, 2))
	p.waitJS(`!document.querySelector('.msg:hover')`, "no message under the pointer")
	shot := p.screenshot("readme")
	if shot == "" {
		return
	}
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if *updateScreenshot {
		if err := os.WriteFile(screenshotPath, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s", screenshotPath)
		return
	}
	checkSameSize(t, screenshotPath, png)
}

// checkSameSize checks that the picture at path has the size of the
// screenshot shot, as it has when this test took it.
func checkSameSize(t *testing.T, path string, shot []byte) {
	t.Helper()
	const refresh = "go test ./internal/playground -run Screenshot -update-screenshot"
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the README's picture: %v (%s takes it)", err, refresh)
	}
	defer f.Close()
	committed, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s is not a PNG: %v (%s takes it)", path, err, refresh)
	}
	taken, err := png.DecodeConfig(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if committed.Width != taken.Width || committed.Height != taken.Height {
		t.Errorf("%s is %dx%d, the screenshot %dx%d: %s takes it again",
			path, committed.Width, committed.Height, taken.Width, taken.Height, refresh)
	}
}

// nextOfFind returns the custom_id of the Next button of /find query on
// the embedded article, as the bot draws it.
func nextOfFind(t *testing.T, query string) string {
	t.Helper()
	r := newBot(t, nil).Respond(context.Background(), &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommand,
		Data: discordgo.ApplicationCommandInteractionData{Name: "find", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "query", Type: discordgo.ApplicationCommandOptionString, Value: query},
		}},
	})
	if r.Data == nil || len(r.Data.Components) != 1 {
		t.Fatalf("/find %s has no row of buttons: %+v", query, r.Data)
	}
	row, ok := r.Data.Components[0].(discordgo.ActionsRow)
	if !ok || len(row.Components) != 2 {
		t.Fatalf("/find %s has no Previous and Next buttons: %+v", query, r.Data.Components)
	}
	return row.Components[1].(discordgo.Button).CustomID
}

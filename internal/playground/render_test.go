package playground

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// The page's rendering of Discord's markdown and embeds, for what the
// bot's answers do not show in the other browser tests: each case renders
// in the page with its own modules and reads back the elements made.

// serialize is JavaScript that writes a node as its tags and text, with
// "<" and "&" of text escaped, so that markup made from text would show.
const serialize = `const ser = (n) => n.nodeType === 3 ? n.data.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
	: n.nodeType === 11 ? [...n.childNodes].map(ser).join('')
	: n.nodeType === 1 ? '<' + n.tagName.toLowerCase() + (n.hasAttribute('href') ? ' href=' + n.getAttribute('href') : '') + '>'
		+ [...n.childNodes].map(ser).join('') + '</' + n.tagName.toLowerCase() + '>'
	: '';`

// render evaluates js, an async function body that has ser, markdown,
// inlineMarkdown, embed, message and a rendering context ctx at hand, in
// the page, and returns its value.
func render[T any](p *page, js string) T {
	p.t.Helper()
	script := fmt.Sprintf(`(async () => {
		const { markdown, inlineMarkdown } = await import('/assets/markdown.js');
		const { embed, message } = await import('/assets/render.js');
		const ctx = {
			mentionName: (kind, id) => kind === 'user' && id === %q ? '@articlebot' : '@unknown-' + kind,
			appsFor: () => [], press: () => {}, useApp: () => {}, dismiss: () => {}, reveal: () => {},
		};
		%s
		%s
	})()`, botUserID, serialize, js)
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
	if err != nil {
		p.fail("rendering in the page: %v", err)
	}
	return v
}

func TestPageRendersDiscordMarkdown(t *testing.T) {
	p := openPage(t, New(Config{}))
	tests := []struct {
		name, text, want string
	}{
		{"bold, italics, underline, strikethrough", "**bold**, *it*, _it_, __under__ and ~~gone~~",
			"<div><strong>bold</strong>, <em>it</em>, <em>it</em>, <u>under</u> and <s>gone</s></div>"},
		{"bold italics", "***both***", "<div><strong><em>both</em></strong></div>"},
		{"escapes", `\*not italic\* \_nor this\_ \<b\> \[x\](y)`, "<div>*not italic* _nor this_ &lt;b> [x](y)</div>"},
		{"markup in text stays text", "<b>bold</b> & <script>x()</script>", "<div>&lt;b>bold&lt;/b> &amp; &lt;script>x()&lt;/script></div>"},
		{"masked link", "see [the report](https://example.com/report) now",
			"<div>see <a href=https://example.com/report>the report</a> now</div>"},
		{"masked link with markdown inside", "[**bold** link](https://example.com/)",
			"<div><a href=https://example.com/><strong>bold</strong> link</a></div>"},
		{"masked link to script", "[click](javascript:alert(1))", "<div>[click](javascript:alert(1))</div>"},
		{"bare link", "at https://example.com/a.", "<div>at <a href=https://example.com/a>https://example.com/a</a>.</div>"},
		{"block quote", "> first\n> second\nafter", "<blockquote><div>first\nsecond</div></blockquote><div>after</div>"},
		{"quote to the end", ">>> one\ntwo", "<blockquote><div>one\ntwo</div></blockquote>"},
		{"no quote without a space", ">not a quote", "<div>>not a quote</div>"},
		{"inline code keeps marks", "`a*b*c`", "<div><code>a*b*c</code></div>"},
		{"code block", "```go\nx := 1\n```", "<div><pre>x := 1</pre></div>"},
		{"underscores inside words", "snake_case_name", "<div>snake_case_name</div>"},
		{"lone asterisks", "2 * 3 * 4", "<div>2 * 3 * 4</div>"},
		{"user mention", "<@" + botUserID + "> hi", "<div><span>@articlebot</span> hi</div>"},
		{"everyone defused", "@\u200beveryone", "<div>@\u200beveryone</div>"},
		{"list", "- one\n- two", "<ul><li>one</li><li>two</li></ul>"},
		{"heading", "# Title", "<h3>Title</h3>"},
		{"blank line", "a\n\nb", "<div>a\n\nb</div>"},
		{"quotes apart", "> a\n\n> b", "<blockquote><div>a</div></blockquote><div>\u00a0</div><blockquote><div>b</div></blockquote>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, _ := json.Marshal(tc.text)
			got := render[string](p, fmt.Sprintf(`return ser(markdown(%s, ctx));`, text))
			if got != tc.want {
				t.Errorf("markdown(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestPageRendersEmbedsAndButtons(t *testing.T) {
	p := openPage(t, New(Config{}))
	type shown struct {
		Author, AuthorLink, Title, TitleLink, Footer, Bar string
		Spans                                             []string
		Buttons                                           []string
	}
	got := render[shown](p, `
		const e = embed({
			color: 0xff0000,
			author: { name: 'Harbour <Gazette>', url: 'https://example.com/gazette' },
			title: 'A **title**', url: 'javascript:alert(1)',
			description: 'text',
			fields: [
				{ name: 'a', value: '1', inline: true }, { name: 'b', value: '2', inline: true }, { name: 'c', value: '3', inline: true },
				{ name: 'd', value: '4' },
				{ name: 'e', value: '5', inline: true }, { name: 'f', value: '6', inline: true },
			],
			footer: { text: 'Page 1 of 2' },
		}, ctx);
		const m = message({
			id: '1', author: { id: '2', username: 'articlebot', bot: true }, timestamp: new Date(),
			data: { content: '', embeds: [], flags: 0, components: [{ type: 1, components: [
				{ type: 2, style: 1, label: 'Primary', custom_id: 'a' },
				{ type: 2, style: 2, label: 'Off', custom_id: 'b', disabled: true },
				{ type: 2, style: 4, label: 'Danger', custom_id: 'c' },
				{ type: 2, style: 5, label: 'Link', url: 'https://example.com/' },
				{ type: 2, style: 5, label: 'Bad link', url: 'javascript:alert(1)' },
			] }] },
		}, ctx);
		const author = e.querySelector('.embed-author a');
		const title = e.querySelector('.embed-title');
		return {
			Author: e.querySelector('.embed-author').textContent,
			AuthorLink: author ? author.getAttribute('href') : '',
			Title: [...title.childNodes].map(ser).join('') + ' (' + title.tagName.toLowerCase() + ')',
			TitleLink: title.getAttribute('href') || '',
			Footer: e.querySelector('.embed-footer').textContent,
			Bar: e.style.borderLeftColor,
			Spans: [...e.querySelectorAll('.embed-field')].map(f => f.style.gridColumn),
			Buttons: [...m.querySelectorAll('.btn')].map(b => b.className + (b.disabled || b.getAttribute('aria-disabled') === 'true' ? ' disabled' : '') + ' ' + (b.getAttribute('href') || '')),
		};`)
	want := shown{
		Author:     "Harbour <Gazette>",
		AuthorLink: "https://example.com/gazette",
		Title:      "A <strong>title</strong> (div)", // not a link: its URL is not http
		Footer:     "Page 1 of 2",
		Bar:        "rgb(255, 0, 0)",
		Spans:      []string{"span 4", "span 4", "span 4", "span 12", "span 6", "span 6"},
		Buttons: []string{
			"btn btn-primary ", "btn btn-secondary disabled ", "btn btn-danger ",
			"btn btn-link https://example.com/", "btn btn-link disabled disabled ",
		},
	}
	gotJSON, _ := json.MarshalIndent(got, "", "  ")
	wantJSON, _ := json.MarshalIndent(want, "", "  ")
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("the embed and buttons render as\n%s\nwant\n%s", gotJSON, wantJSON)
	}
}

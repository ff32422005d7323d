package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// askGoldenCases are the golden tests of /ask, its Show paragraph button and
// the "Find in article" message command, kept as goldenCases are: the
// payload in testdata/interactions/<name>.json, the answer in
// testdata/<name>.json and testdata/<name>.txt, refreshed with -update.
var askGoldenCases = []struct {
	name string
	want string // what the answer must show, checked beside the golden files
}{
	{"ask-who-said", "**John Kerry**, *US Secretary of State*"},
	{"ask-how-many", "— ¶14, James George Jatras"},
	{"ask-equipment", "— ¶6"},
	{"ask-where", "— ¶2"},
	{"ask-pentagon", "— ¶11"},
	{"ask-jatras", "**James George Jatras**"},
	{"ask-no-answer", "It doesn't mention **capital** or **france**."},
	{"ask-stop-words", "(only you can see this)"},
	{"ask-mentions", `\<@123\>`},
	{"ask-show-paragraph", "¶14"},
	{"message-find", "Find: so did Russia really deploy tanks near Latakia spoiler"},
	{"message-find-page2", "Page 2 of"},
	{"message-empty", "no words to search for"},
}

// TestAskGolden answers each payload of askGoldenCases and compares the
// response's JSON and plain text with the golden files.
func TestAskGolden(t *testing.T) {
	var logs bytes.Buffer
	b := New(article.Default(), WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))))
	for _, tc := range askGoldenCases {
		t.Run(tc.name, func(t *testing.T) {
			i := readInteraction(t, tc.name)
			r := b.Respond(context.Background(), i)
			if err := checkResponse(r); err != nil {
				t.Errorf("the answer breaks Discord's rules: %v", err)
			}
			body := indentJSON(t, r)
			text := PlainText(r)
			if !strings.Contains(text, tc.want) {
				t.Errorf("PlainText(answer) =\n%s\nwant it to hold %q", text, tc.want)
			}
			if bytes.Contains(body, []byte(i.Token)) {
				t.Error("the answer holds the interaction token")
			}
			golden(t, tc.name+".json", body)
			golden(t, tc.name+".txt", []byte(text+"\n"))
		})
	}
	if strings.Contains(logs.String(), `"outcome":"internal_error"`) {
		t.Errorf("an answer failed on the bot's side:\n%s", logs.String())
	}
}

// TestAskGoldenClicks checks that the button payloads click buttons of the
// answers they follow, and how those clicks are answered.
func TestAskGoldenClicks(t *testing.T) {
	b := New(article.Default())
	tests := []struct {
		answer, click string
		label         string
		want          discordgo.InteractionResponseType
		ephemeral     bool
	}{
		{"ask-how-many", "ask-show-paragraph", "Show paragraph ¶14", discordgo.InteractionResponseChannelMessageWithSource, true},
		{"message-find", "message-find-page2", "Next ▶", discordgo.InteractionResponseUpdateMessage, false},
	}
	for _, tt := range tests {
		t.Run(tt.click, func(t *testing.T) {
			first := b.Respond(context.Background(), readInteraction(t, tt.answer))
			var ids []string
			for _, c := range first.Data.Components {
				for _, btn := range c.(discordgo.ActionsRow).Components {
					if btn := btn.(discordgo.Button); btn.Label == tt.label {
						ids = append(ids, btn.CustomID)
					}
				}
			}
			click := readInteraction(t, tt.click)
			data, ok := componentData(click)
			if !ok || !slices.Contains(ids, data.CustomID) {
				t.Fatalf("%s.json clicks %q, want the %q button of %s (%q)", tt.click, data.CustomID, tt.label, tt.answer, ids)
			}
			r := b.Respond(context.Background(), click)
			if r.Type != tt.want {
				t.Errorf("the click is answered with type %d, want %d", r.Type, tt.want)
			}
			if got := r.Data.Flags&discordgo.MessageFlagsEphemeral != 0; got != tt.ephemeral {
				t.Errorf("the click's answer is ephemeral: %v, want %v", got, tt.ephemeral)
			}
		})
	}
}

// TestAskPayloadChecker runs ../shared/tools/check-discord-payloads on the
// golden responses of askGoldenCases.
func TestAskPayloadChecker(t *testing.T) {
	path := checker(t)
	var lines [][]byte
	for _, tc := range askGoldenCases {
		body, err := os.ReadFile(filepath.Join("testdata", tc.name+".json"))
		if err != nil {
			t.Fatalf("%v (run go test ./bot -update to write it)", err)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, body); err != nil {
			t.Fatalf("%s.json: %v", tc.name, err)
		}
		lines = append(lines, compact.Bytes())
	}
	runChecker(t, path, "--responses", bytes.Join(lines, []byte("\n")))
}

// TestEveryGoldenIsChecked checks that every golden response in testdata/
// and every golden reply in testdata/mentions/ belongs to a list of golden
// cases whose files the payload checker reads, so that no answer escapes
// it.
func TestEveryGoldenIsChecked(t *testing.T) {
	checked := make(map[string]bool)
	for _, tc := range goldenCases {
		checked[tc.name] = true
	}
	for _, tc := range askGoldenCases {
		checked[tc.name] = true
	}
	mentions := make(map[string]bool)
	for _, tc := range mentionGoldenCases {
		mentions[tc.name] = true
	}
	for dir, cases := range map[string]map[string]bool{"testdata": checked, filepath.Join("testdata", "mentions"): mentions} {
		files, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no golden files in %s: %v", dir, err)
		}
		for _, f := range files {
			if name := strings.TrimSuffix(filepath.Base(f), ".json"); !cases[name] {
				t.Errorf("%s is not a golden case, so the payload checker never reads it", f)
			}
		}
	}
}

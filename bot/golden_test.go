package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/ from the bot's current answers")

// goldenCase names an interaction payload in testdata/interactions/ (JSON
// as Discord sends it) whose answer is kept in testdata/<name>.json (the
// exact callback body) and testdata/<name>.txt (PlainText), both rewritten
// by go test ./bot -update.
type goldenCase struct {
	name string
	want string // what the answer must show, checked beside the golden files
}

// goldenCases are the golden answers of /summary, /quote, /find, /about and
// autocomplete; askGoldenCases are those of /ask and "Find in article".
var goldenCases = []goldenCase{
	{"ping", "PONG"},
	{"summary", "¶"},
	{"quote-kerry", "John Kerry"},
	{"quote-jatras", "James George Jatras"},
	{"quote-unknown", "quotes nobody called"},
	{"quote-mentioned", "does not quote them"},
	{"find-russia", "Page 1 of"},
	{"find-russia-page2", "Page 2 of"},
	{"find-dead-end", "**dead end**"},
	{"find-latakya", "latakia"},
	{"find-stop-words", "(only you can see this)"},
	{"find-mentions", `\<@123\>`},
	{"about", "/find"},
	{"autocomplete-empty", "John Kerry"},
	{"autocomplete-ja", "James George Jatras"},
}

// readInteraction decodes a payload from testdata/interactions/.
func readInteraction(t *testing.T, name string) *discordgo.Interaction {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "interactions", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(raw, &i); err != nil {
		t.Fatalf("json.Unmarshal(%s.json) = %v", name, err)
	}
	return &i
}

// indentJSON returns a JSON body indented as the golden files hold it.
func indentJSON(t *testing.T, body []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := json.Indent(&out, body, "", "  "); err != nil {
		t.Fatal(err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// responseJSON returns the callback body of r as the golden files hold it.
func responseJSON(t *testing.T, r *discordgo.InteractionResponse) []byte {
	t.Helper()
	body, err := MarshalResponse(r)
	if err != nil {
		t.Fatal(err)
	}
	return indentJSON(t, body)
}

// readGolden returns the golden file testdata/name.
func readGolden(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("%v (run go test ./bot -update to write it)", err)
	}
	return b
}

// golden compares got with the file testdata/name, or rewrites the file
// with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want := readGolden(t, name); !bytes.Equal(got, want) {
		t.Errorf("the answer differs from %s (go test ./bot -update rewrites it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// TestGolden answers each payload of goldenCases and askGoldenCases and
// compares the response's JSON and plain text with the golden files.
func TestGolden(t *testing.T) {
	var logs bytes.Buffer
	b := mustNew(article.Default(), WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))))
	for _, tc := range slices.Concat(goldenCases, askGoldenCases) {
		t.Run(tc.name, func(t *testing.T) {
			i := readInteraction(t, tc.name)
			r := b.Respond(context.Background(), i)
			if err := checkResponse(r); err != nil {
				t.Errorf("the answer breaks Discord's rules: %v", err)
			}
			body := responseJSON(t, r)
			text := PlainText(r)
			if !strings.Contains(text, tc.want) {
				t.Errorf("PlainText(answer) =\n%s\nwant it to hold %q", text, tc.want)
			}
			if i.Token != "" && (bytes.Contains(body, []byte(i.Token)) || strings.Contains(text, i.Token)) {
				t.Error("the answer holds the interaction token")
			}
			golden(t, tc.name+".json", body)
			golden(t, tc.name+".txt", []byte(text+"\n"))
		})
	}
	if strings.Contains(logs.String(), "aW50ZXJhY3Rpb24") {
		t.Error("the log holds an interaction token")
	}
	if strings.Contains(logs.String(), `"outcome":"internal_error"`) {
		t.Errorf("an answer failed on the bot's side:\n%s", logs.String())
	}
}

// TestGoldenPageTwoFollowsPageOne checks that the page 2 payload is the
// click on page 1's Next button, and that turning the page edits the
// message in place.
func TestGoldenPageTwoFollowsPageOne(t *testing.T) {
	b := mustNew(article.Default())
	first := b.Respond(context.Background(), readInteraction(t, "find-russia"))
	if len(first.Data.Components) == 0 {
		t.Fatalf("/find russia has no buttons: %s", PlainText(first))
	}
	next := first.Data.Components[0].(discordgo.ActionsRow).Components[1].(discordgo.Button)
	click := readInteraction(t, "find-russia-page2")
	data, ok := componentData(click)
	if !ok || data.CustomID != next.CustomID {
		t.Errorf("find-russia-page2.json clicks %q, want page 1's Next button %q", data.CustomID, next.CustomID)
	}
	if r := b.Respond(context.Background(), click); r.Type != discordgo.InteractionResponseUpdateMessage {
		t.Errorf("turning the page answered type %d, want UPDATE_MESSAGE (%d)", r.Type, discordgo.InteractionResponseUpdateMessage)
	}
}

// TestGoldenMentions checks the answer to a query full of mentions and
// markdown: mentions are forbidden, and none of the text shown can ping or
// render as a mention or as formatting.
func TestGoldenMentions(t *testing.T) {
	r := mustNew(article.Default()).Respond(context.Background(), readInteraction(t, "find-mentions"))
	body := string(responseJSON(t, r))
	if !strings.Contains(body, `"allowed_mentions": {`) || !strings.Contains(body, `"parse": []`) {
		t.Errorf("the answer does not forbid mentions:\n%s", body)
	}
	shown := []string{r.Data.Content}
	for _, e := range r.Data.Embeds {
		shown = append(shown, e.Title, e.Description)
		for _, f := range e.Fields {
			shown = append(shown, f.Name, f.Value)
		}
	}
	text := strings.Join(shown, "\n")
	if !strings.Contains(text, `\<@123\>`) {
		t.Errorf("the answer %q does not show the query", text)
	}
	for _, bad := range []string{"@everyone", "@here", "<@123>", "<@&456>", " **bold**", "_x_", "~~y~~", "`z`", "[link]"} {
		if strings.Contains(text, bad) {
			t.Errorf("the answer %q holds %q unescaped", text, bad)
		}
	}
}

// checker returns the path of the shared payload checker, or skips the test
// when ../shared is not beside the repository. When it is, the check must
// run in CI (the CI variable set, as .ci/run does): a missing python3 or
// Python module then fails the test instead of skipping it.
func checker(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "..", "shared", "tools", "check-discord-payloads"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Skipf("skipping: the payload checker is not at %s (../shared beside the repository); the golden files are still checked by checkResponse", path)
	}
	cannotRun := t.Skipf
	if inCI() {
		cannotRun = func(format string, args ...any) {
			t.Fatalf(format+"; in CI, with ../shared present, the payload check must run", args...)
		}
	}
	if _, err := exec.LookPath("python3"); err != nil {
		cannotRun("cannot run the payload checker: python3 is not installed")
	}
	if out, err := exec.Command("python3", "-c", "import jsonschema, referencing").CombinedOutput(); err != nil {
		cannotRun("cannot run the payload checker: python3 lacks the jsonschema (4.18 or later) and referencing modules it needs: %s", bytes.TrimSpace(out))
	}
	return path
}

// inCI reports whether the tests run in continuous integration, where the
// CI variable is set to anything but "false" or "0".
func inCI() bool {
	switch os.Getenv("CI") {
	case "", "false", "0":
		return false
	}
	return true
}

// runChecker runs the payload checker on body and fails the test with its
// report when it finds a problem.
func runChecker(t *testing.T, path, mode string, body []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "payloads.json")
	if err := os.WriteFile(file, body, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(path, mode, file).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		t.Errorf("check-discord-payloads %s failed (exit %d):\n%s", mode, exit.ExitCode(), out)
	case err != nil:
		t.Fatalf("running check-discord-payloads: %v", err)
	case !strings.Contains(string(out), " 0 problems"):
		t.Errorf("check-discord-payloads %s reported:\n%s", mode, out)
	}
}

// TestPayloadChecker runs ../shared/tools/check-discord-payloads on the
// registration body, on every golden response and on the message fields of
// every golden reply to a mention.
func TestPayloadChecker(t *testing.T) {
	t.Parallel()
	path := checker(t)

	cmds, err := json.Marshal(mustNew(article.Default()).Commands())
	if err != nil {
		t.Fatal(err)
	}
	runChecker(t, path, "--commands", cmds)

	var lines [][]byte
	for _, tc := range slices.Concat(goldenCases, askGoldenCases) {
		var compact bytes.Buffer
		if err := json.Compact(&compact, readGolden(t, tc.name+".json")); err != nil {
			t.Fatalf("%s.json: %v", tc.name, err)
		}
		lines = append(lines, compact.Bytes())
	}
	for _, tc := range mentionGoldenCases {
		lines = append(lines, replyAsResponse(t, tc.name))
	}
	runChecker(t, path, "--responses", bytes.Join(lines, []byte("\n")))
}

// TestEveryGoldenIsChecked checks that every golden response in testdata/
// and every golden reply in testdata/mentions/ belongs to a list of golden
// cases, so that TestGolden or TestMentionGolden compares it and the
// payload checker reads it.
func TestEveryGoldenIsChecked(t *testing.T) {
	checked := make(map[string]bool)
	for _, tc := range slices.Concat(goldenCases, askGoldenCases) {
		checked[tc.name] = true
	}
	mentions := make(map[string]bool)
	for _, tc := range mentionGoldenCases {
		mentions[tc.name] = true
	}
	for dir, cases := range map[string]map[string]bool{"testdata": checked, filepath.Join("testdata", "mentions"): mentions} {
		for _, ext := range []string{".json", ".txt"} {
			files, err := filepath.Glob(filepath.Join(dir, "*"+ext))
			if err != nil || len(files) == 0 {
				t.Fatalf("no golden %s files in %s: %v", ext, dir, err)
			}
			for _, f := range files {
				if name := strings.TrimSuffix(filepath.Base(f), ext); !cases[name] {
					t.Errorf("%s is not a golden case, so no test reads it", f)
				}
			}
		}
	}
}

// TestRespondConcurrently answers every payload from several goroutines at
// once, as the gateway and the HTTP endpoint do; run it with -race.
func TestRespondConcurrently(t *testing.T) {
	b := mustNew(article.Default(), WithObserver(&recorder{}))
	cases := slices.Concat(goldenCases, askGoldenCases)
	var is []*discordgo.Interaction
	for _, tc := range cases {
		is = append(is, readInteraction(t, tc.name))
	}
	want := make([][]byte, len(is))
	for k, i := range is {
		want[k] = responseJSON(t, b.Respond(context.Background(), i))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for k, i := range is {
				if got := responseJSON(t, b.Respond(context.Background(), i)); !bytes.Equal(got, want[k]) {
					t.Errorf("%s answered differently under concurrency", cases[k].name)
				}
			}
		})
	}
	wg.Wait()
}

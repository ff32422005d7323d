package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// recorder is an Observer that remembers every outcome.
type recorder struct {
	mu  sync.Mutex
	got []Outcome
}

func (r *recorder) Observe(o Outcome) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, o)
}

func (r *recorder) last(t *testing.T) Outcome {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.got) == 0 {
		t.Fatal("the observer was told nothing")
	}
	return r.got[len(r.got)-1]
}

var _ Observer = (*recorder)(nil)

// logLines decodes the JSON log lines in buf.
func logLines(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line %q is not JSON: %v", l, err)
		}
		lines = append(lines, m)
	}
	return lines
}

func opt(name string, typ discordgo.ApplicationCommandOptionType, v any) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: typ, Value: v}
}

func slash(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID:    "1",
		Type:  discordgo.InteractionApplicationCommand,
		Data:  discordgo.ApplicationCommandInteractionData{Name: name, CommandType: discordgo.ChatApplicationCommand, Options: opts},
		Token: "secret-interaction-token",
	}
}

func autocomplete(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	i := slash(name, opts...)
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	return i
}

func click(customID string) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionMessageComponent,
		Data: discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
	}
}

func fromJSON(t *testing.T, s string) *discordgo.Interaction {
	t.Helper()
	var i discordgo.Interaction
	if err := json.Unmarshal([]byte(s), &i); err != nil {
		t.Fatalf("json.Unmarshal(%s) = %v", s, err)
	}
	return &i
}

// TestMalformedInteractions feeds interactions the bot cannot act on and
// checks that each gets a private answer (or, for autocomplete, an empty
// list), that Discord would accept, and no panic.
func TestMalformedInteractions(t *testing.T) {
	focused := func(name string, typ discordgo.ApplicationCommandOptionType, v any) *discordgo.ApplicationCommandInteractionDataOption {
		o := opt(name, typ, v)
		o.Focused = true
		return o
	}
	tests := []struct {
		name string
		i    func(t *testing.T) *discordgo.Interaction
		want string // part of the answer; "" for an empty autocomplete list
	}{
		{"nil interaction", func(*testing.T) *discordgo.Interaction { return nil }, "empty interaction"},
		{"command with nil data", func(*testing.T) *discordgo.Interaction {
			return &discordgo.Interaction{Type: discordgo.InteractionApplicationCommand}
		}, "without its details"},
		{"command with component data", func(*testing.T) *discordgo.Interaction {
			return &discordgo.Interaction{Type: discordgo.InteractionApplicationCommand, Data: discordgo.MessageComponentInteractionData{CustomID: "find:1:x"}}
		}, "without its details"},
		{"command with data null", func(t *testing.T) *discordgo.Interaction {
			return fromJSON(t, `{"type":2,"id":"1","data":null}`)
		}, "don't know the command"},
		{"unknown command", func(*testing.T) *discordgo.Interaction { return slash("weather") }, "don't know the command “weather”"},
		{"unknown command with markdown", func(*testing.T) *discordgo.Interaction { return slash("**x**") }, `“\*\*x\*\*”`},
		{"unknown message command", func(*testing.T) *discordgo.Interaction {
			i := slash("Translate")
			i.Data = discordgo.ApplicationCommandInteractionData{Name: "Translate", CommandType: discordgo.MessageApplicationCommand}
			return i
		}, "don't know the command"},
		{"find without query", func(*testing.T) *discordgo.Interaction { return slash("find") }, "what to look for"},
		{"find with a number for query", func(t *testing.T) *discordgo.Interaction {
			return fromJSON(t, `{"type":2,"data":{"name":"find","type":1,"options":[{"name":"query","type":4,"value":5}]}}`)
		}, "must be text"},
		{"find with string type but number value", func(*testing.T) *discordgo.Interaction {
			return slash("find", opt("query", discordgo.ApplicationCommandOptionString, 5.0))
		}, "must be text"},
		{"find with a nil value", func(*testing.T) *discordgo.Interaction {
			return slash("find", opt("query", discordgo.ApplicationCommandOptionString, nil))
		}, "must be text"},
		{"find with a user option", func(t *testing.T) *discordgo.Interaction {
			return fromJSON(t, `{"type":2,"data":{"name":"find","type":1,"options":[{"name":"query","type":6,"value":"80351110224678912"}]}}`)
		}, "must be text"},
		{"find with the option under another name", func(*testing.T) *discordgo.Interaction {
			return slash("find", opt("q", discordgo.ApplicationCommandOptionString, "russia"))
		}, "what to look for"},
		{"find with nil options", func(*testing.T) *discordgo.Interaction {
			return slash("find", nil, nil)
		}, "what to look for"},
		{"quote without speaker", func(*testing.T) *discordgo.Interaction { return slash("quote") }, "whose words"},
		{"quote with a boolean speaker", func(t *testing.T) *discordgo.Interaction {
			return fromJSON(t, `{"type":2,"data":{"name":"quote","type":1,"options":[{"name":"speaker","type":5,"value":true}]}}`)
		}, "must be text"},
		{"quote with a subcommand", func(t *testing.T) *discordgo.Interaction {
			return fromJSON(t, `{"type":2,"data":{"name":"quote","type":1,"options":[{"name":"speaker","type":1,"options":[]}]}}`)
		}, "must be text"},
		{"autocomplete with nil data", func(*testing.T) *discordgo.Interaction {
			return &discordgo.Interaction{Type: discordgo.InteractionApplicationCommandAutocomplete}
		}, ""},
		{"autocomplete for an unknown command", func(*testing.T) *discordgo.Interaction {
			return autocomplete("weather", focused("city", discordgo.ApplicationCommandOptionString, "par"))
		}, ""},
		{"autocomplete for a command without it", func(*testing.T) *discordgo.Interaction {
			return autocomplete("summary")
		}, ""},
		{"autocomplete with nothing focused", func(*testing.T) *discordgo.Interaction {
			return autocomplete("quote", opt("speaker", discordgo.ApplicationCommandOptionString, "ke"))
		}, ""},
		{"autocomplete with a number focused", func(*testing.T) *discordgo.Interaction {
			return autocomplete("quote", focused("speaker", discordgo.ApplicationCommandOptionInteger, 3.0))
		}, ""},
		{"autocomplete of another option", func(*testing.T) *discordgo.Interaction {
			return autocomplete("quote", focused("other", discordgo.ApplicationCommandOptionString, "ke"))
		}, ""},
		{"component with nil data", func(*testing.T) *discordgo.Interaction {
			return &discordgo.Interaction{Type: discordgo.InteractionMessageComponent}
		}, "without its details"},
		{"unknown custom_id", func(*testing.T) *discordgo.Interaction { return click("vote:yes") }, "doesn't work any more"},
		{"custom_id without prefix", func(*testing.T) *discordgo.Interaction { return click("find") }, "doesn't work any more"},
		{"empty custom_id", func(*testing.T) *discordgo.Interaction { return click("") }, "doesn't work any more"},
		{"page zero", func(*testing.T) *discordgo.Interaction { return click("find:0:russia") }, "out of date or damaged"},
		{"page not a number", func(*testing.T) *discordgo.Interaction { return click("find:two:russia") }, "out of date or damaged"},
		{"negative page", func(*testing.T) *discordgo.Interaction { return click("find:-1:russia") }, "out of date or damaged"},
		{"leading zero", func(*testing.T) *discordgo.Interaction { return click("find:02:russia") }, "out of date or damaged"},
		{"huge page", func(*testing.T) *discordgo.Interaction { return click("find:99999999999999999999:russia") }, "out of date or damaged"},
		{"no query", func(*testing.T) *discordgo.Interaction { return click("find:2:") }, "out of date or damaged"},
		{"no page", func(*testing.T) *discordgo.Interaction { return click("find::russia") }, "out of date or damaged"},
		{"query not normalized", func(*testing.T) *discordgo.Interaction { return click("find:2:russia  iran") }, "out of date or damaged"},
		{"query with a line break", func(*testing.T) *discordgo.Interaction { return click("find:2:russia\niran") }, "out of date or damaged"},
		{"custom_id too long", func(*testing.T) *discordgo.Interaction { return click("find:2:" + strings.Repeat("x", 100)) }, "out of date or damaged"},
		{"custom_id not UTF-8", func(*testing.T) *discordgo.Interaction { return click("find:2:\xff\xfe") }, "out of date or damaged"},
		{"select menu on a find id", func(t *testing.T) *discordgo.Interaction {
			return fromJSON(t, `{"type":3,"data":{"custom_id":"find:x","component_type":3,"values":["a"]}}`)
		}, "out of date or damaged"},
		{"modal submit", func(t *testing.T) *discordgo.Interaction {
			return fromJSON(t, `{"type":5,"data":{"custom_id":"feedback","components":[]}}`)
		}, "don't use forms"},
		{"unknown interaction type", func(t *testing.T) *discordgo.Interaction {
			return fromJSON(t, `{"type":99,"id":"1","data":{"name":"find"}}`)
		}, "type 99"},
		{"no member and no user", func(*testing.T) *discordgo.Interaction {
			i := slash("weather")
			i.Member, i.User = nil, nil
			return i
		}, "don't know the command"},
		{"member without user", func(*testing.T) *discordgo.Interaction {
			i := slash("weather")
			i.Member = &discordgo.Member{}
			return i
		}, "don't know the command"},
	}
	var logs bytes.Buffer
	rec := &recorder{}
	b := mustNew(article.Default(), WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))), WithObserver(rec))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := tt.i(t)
			r := b.Respond(context.Background(), i)
			if err := checkResponse(r); err != nil {
				t.Fatalf("Respond(%s) = a response Discord would reject: %v", tt.name, err)
			}
			if out := rec.last(t); out.Result != resultUser {
				t.Errorf("Respond(%s): outcome %q, want %q", tt.name, out.Result, resultUser)
			}
			if kindOf(i) == kindAutocomplete {
				if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(r.Data.Choices) != 0 {
					t.Errorf("Respond(%s) = %s, want an empty choice list", tt.name, PlainText(r))
				}
				return
			}
			if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("Respond(%s) = type %d flags %d, want a private message", tt.name, r.Type, r.Data.Flags)
			}
			if !strings.Contains(r.Data.Content, tt.want) {
				t.Errorf("Respond(%s) = %q, want it to mention %q", tt.name, r.Data.Content, tt.want)
			}
		})
	}
	if strings.Contains(logs.String(), "secret-interaction-token") {
		t.Error("the log holds an interaction token")
	}
}

// TestInternalErrors registers handlers that fail, panic or return what
// Discord would reject, in a test-only bot, and checks that each gets a
// private apology and one full log entry.
func TestInternalErrors(t *testing.T) {
	fail := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		return nil, errors.New("the index is on fire")
	}
	boom := func(_ context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		var words []string
		return nil, errors.New(words[len(i.ID)]) // index out of range: a runtime panic
	}
	none := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		return nil, nil
	}
	tooLong := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		r := message([]*discordgo.MessageEmbed{{Title: "t", Description: strings.Repeat("d", limitEmbedDesc+1)}}, nil)
		return r, nil
	}
	wrapped := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		return nil, errors.Join(errors.New("loading"), context.DeadlineExceeded)
	}
	autoBoom := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		panic("autocomplete exploded")
	}
	suggest := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		return choices([]*discordgo.ApplicationCommandOptionChoice{{Name: "a", Value: "a"}}), nil
	}
	say := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		return ephemeral("a message where choices belong"), nil
	}
	turn := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		return update([]*discordgo.MessageEmbed{{Title: "a page"}}, nil), nil
	}
	def := func(name string) *discordgo.ApplicationCommand {
		return slashCommand(name, "A test command.", &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionString, Name: "x", Description: "x", Autocomplete: true,
		})
	}
	tests := []struct {
		name    string
		run     handler
		auto    bool
		wantErr string // in the log entry's err
	}{
		{"error", fail, false, "the index is on fire"},
		{"panic", boom, false, "panic: runtime error: index out of range"},
		{"no response", none, false, "no response"},
		{"response Discord rejects", tooLong, false, "description"},
		{"joined errors", wrapped, false, "deadline exceeded"},
		{"panicking autocomplete", autoBoom, true, "panic: autocomplete exploded"},
		{"choices for a command", suggest, false, "type 8 cannot answer an interaction of kind command"},
		{"a page turn for a command", turn, false, "type 7 cannot answer an interaction of kind command"},
		{"a message for autocomplete", say, true, "type 4 cannot answer an interaction of kind autocomplete"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			rec := &recorder{}
			b := mustNew(article.Default(), WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))), WithObserver(rec))
			c := &command{def: def("broken"), run: tt.run, autocomplete: tt.run, example: "/broken"}
			if err := b.register(append(b.builtins(), c)...); err != nil {
				t.Fatalf("register() = %v", err)
			}
			i := slash("broken")
			if tt.auto {
				i = autocomplete("broken", &discordgo.ApplicationCommandInteractionDataOption{
					Name: "x", Type: discordgo.ApplicationCommandOptionString, Value: "k", Focused: true,
				})
			}
			i.GuildID = "290926798626357250"
			i.Member = &discordgo.Member{User: &discordgo.User{ID: "80351110224678912"}}

			r := b.Respond(context.Background(), i)
			if err := checkResponse(r); err != nil {
				t.Fatalf("Respond() = a response Discord would reject: %v", err)
			}
			if tt.auto {
				if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(r.Data.Choices) != 0 {
					t.Errorf("Respond() = %s, want an empty choice list", PlainText(r))
				}
			} else if r.Data.Content != apology || r.Data.Flags != discordgo.MessageFlagsEphemeral {
				t.Errorf("Respond() = %q (flags %d), want the private apology %q", r.Data.Content, r.Data.Flags, apology)
			}
			if out := rec.last(t); out.Result != resultInternal || out.Command != "broken" {
				t.Errorf("outcome = %+v, want command broken, result %s", out, resultInternal)
			}

			lines := logLines(t, &logs)
			if len(lines) != 1 {
				t.Fatalf("the interaction was logged %d times, want once: %s", len(lines), logs.String())
			}
			l := lines[0]
			want := map[string]any{
				"level": "ERROR", "msg": "interaction", "command": "broken", "outcome": resultInternal,
				"guild_id": "290926798626357250", "user_id": "80351110224678912",
			}
			for k, v := range want {
				if l[k] != v {
					t.Errorf("log entry %s = %v, want %v", k, l[k], v)
				}
			}
			if err, _ := l["err"].(string); !strings.Contains(err, tt.wantErr) {
				t.Errorf("log entry err = %q, want it to hold %q", err, tt.wantErr)
			}
			if _, ok := l["latency"]; !ok {
				t.Error("log entry has no latency")
			}
			stack, _ := l["stack"].(string)
			if isPanic := strings.Contains(tt.wantErr, "panic"); isPanic != strings.Contains(stack, "goroutine") {
				t.Errorf("log entry stack = %.80q, want a stack trace exactly for panics", stack)
			}
			if strings.Contains(logs.String(), "secret-interaction-token") {
				t.Error("the log holds the interaction token")
			}
		})
	}
}

func TestPing(t *testing.T) {
	rec := &recorder{}
	b := mustNew(article.Default(), WithObserver(rec))
	i := fromJSON(t, `{"id":"1","application_id":"2","type":1,"token":"t","version":1}`)
	got, err := MarshalResponse(b.Respond(context.Background(), i))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != `{"type":1}` {
		t.Errorf("Respond(PING) = %s, want {\"type\":1}", got)
	}
	if out := rec.last(t); out.Kind != kindPing || out.Result != resultOK {
		t.Errorf("outcome = %+v, want kind ping, result ok", out)
	}
}

// TestLogEntry checks the one line logged for a successful interaction.
func TestLogEntry(t *testing.T) {
	var logs bytes.Buffer
	b := mustNew(article.Default(), WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))))
	i := slash("about")
	i.User = &discordgo.User{ID: "53908232506183680"}
	b.Respond(context.Background(), i)
	lines := logLines(t, &logs)
	if len(lines) != 1 {
		t.Fatalf("logged %d lines, want 1: %s", len(lines), logs.String())
	}
	want := map[string]any{"level": "INFO", "command": "about", "kind": "command", "outcome": "ok", "user_id": "53908232506183680", "guild_id": ""}
	for k, v := range want {
		if lines[0][k] != v {
			t.Errorf("log entry %s = %v, want %v", k, lines[0][k], v)
		}
	}
	if strings.Contains(logs.String(), i.Token) {
		t.Error("the log holds the interaction token")
	}
}

type panickingObserver struct{}

func (panickingObserver) Observe(Outcome) { panic("metrics are down") }

func TestObserverPanic(t *testing.T) {
	var logs bytes.Buffer
	b := mustNew(article.Default(), WithObserver(panickingObserver{}), WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))))
	r := b.Respond(context.Background(), slash("about"))
	if r == nil || r.Type != discordgo.InteractionResponseChannelMessageWithSource || len(r.Data.Embeds) != 1 {
		t.Errorf("Respond(/about) with a panicking observer = %s, want the about embed", PlainText(r))
	}
	if !strings.Contains(logs.String(), "metrics are down") {
		t.Errorf("the observer's panic was not logged: %s", logs.String())
	}
}

// TestRespondNilContext checks that a nil context is tolerated.
func TestRespondNilContext(t *testing.T) {
	b := mustNew(article.Default(), WithLogger(slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))))
	//lint:ignore SA1012 a nil context is what this test is about
	if r := b.Respond(nil, slash("about")); r == nil { //nolint:staticcheck
		t.Error("Respond(nil ctx) = nil")
	}
}

func TestNewDefaults(t *testing.T) {
	b := mustNew(nil, nil)
	if b.art != article.Default() {
		t.Error("mustNew(nil) does not answer about the embedded article")
	}
	if r := b.Respond(context.Background(), slash("about")); r == nil || r.Data == nil || len(r.Data.Embeds) != 1 {
		t.Errorf("mustNew(nil).Respond(/about) = %s, want the about embed", PlainText(r))
	}
}

// mustNew returns New(a, opts...), and panics if New fails: the built-in
// commands are valid, as TestRegistry checks.
func mustNew(a *article.Article, opts ...Option) *Bot {
	b, err := New(a, opts...)
	if err != nil {
		panic(err)
	}
	return b
}

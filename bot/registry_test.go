package bot

import (
	"context"
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// chatName is the rule for the names of chat input commands and of all
// options: letters, digits, '-' and '_', 1 to 32 of them, in lower case.
var chatName = regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)

// TestRegistry walks the bot's commands and checks each definition
// against Discord's rules, and that every definition can be answered.
func TestRegistry(t *testing.T) {
	b := mustNew(article.Default())
	defs := b.Commands()
	if len(defs) == 0 {
		t.Fatal("Commands() is empty")
	}
	if len(defs) > limitCommandsGlobal {
		t.Errorf("Commands() has %d commands, more than %d", len(defs), limitCommandsGlobal)
	}
	if !reflect.DeepEqual(defs, b.reg.defs()) {
		t.Error("Commands() differs from the registry's definitions")
	}
	var names []string
	for _, d := range defs {
		names = append(names, d.Name)
	}
	if want := []string{"summary", "quote", "find", "ask", "about", findInArticleName}; !slices.Equal(names, want) {
		t.Errorf("the registry's commands = %q, want %q", names, want)
	}

	seen := make(map[commandKey]bool)
	prefixes := make(map[string]bool)
	for _, c := range b.reg.cmds {
		d := c.def
		t.Run(d.Name, func(t *testing.T) {
			k := keyOf(d.Type, d.Name)
			if seen[k] {
				t.Errorf("command %q is defined twice", d.Name)
			}
			seen[k] = true
			if c.run == nil {
				t.Errorf("command %q has no handler", d.Name)
			}
			if got := b.reg.lookup(d.Type, d.Name); got != c {
				t.Errorf("lookup(%d, %q) does not find the command", d.Type, d.Name)
			}
			if c.example == "" {
				t.Errorf("command %q has no example for /about", d.Name)
			}
			if c.prefix != "" {
				if prefixes[c.prefix] {
					t.Errorf("component prefix %q is used twice", c.prefix)
				}
				prefixes[c.prefix] = true
				if c.component == nil {
					t.Errorf("command %q has a component prefix but no component handler", d.Name)
				}
			}

			if err := checkDefinition(d); err != nil {
				t.Errorf("checkDefinition(%q) = %v, want nil", d.Name, err)
			}
			total := runeLen(d.Name) + runeLen(d.Description)
			if d.Type == 0 || d.Type == discordgo.ChatApplicationCommand {
				if !chatName.MatchString(d.Name) || strings.ToLower(d.Name) != d.Name {
					t.Errorf("command name %q must match %s and be lower case", d.Name, chatName)
				}
				if n := runeLen(d.Description); n < 1 || n > limitCommandDesc {
					t.Errorf("command %q: description is %d characters, want 1 to %d", d.Name, n, limitCommandDesc)
				}
			} else if n := runeLen(d.Name); n < 1 || n > limitCommandName {
				t.Errorf("command name %q is %d characters, want 1 to %d", d.Name, n, limitCommandName)
			}
			if d.IntegrationTypes == nil || !slices.Equal(*d.IntegrationTypes, everyInstall) {
				t.Errorf("command %q: integration_types = %v, want %v", d.Name, d.IntegrationTypes, everyInstall)
			}
			if d.Contexts == nil || !slices.Equal(*d.Contexts, everyContext) {
				t.Errorf("command %q: contexts = %v, want %v", d.Name, d.Contexts, everyContext)
			}
			total += checkTestOptions(t, d.Name, d.Options, c)
			if total > limitCommandTotal {
				t.Errorf("command %q: names, descriptions and values hold %d characters, more than %d", d.Name, total, limitCommandTotal)
			}
		})
	}
}

// checkOptions checks the options of a command and returns the characters
// they count towards the command's total.
func checkTestOptions(t *testing.T, where string, opts []*discordgo.ApplicationCommandOption, c *command) int {
	t.Helper()
	if len(opts) > limitOptions {
		t.Errorf("%s has %d options, more than %d", where, len(opts), limitOptions)
	}
	total := 0
	names := make(map[string]bool)
	optional := false
	for _, o := range opts {
		if o == nil {
			t.Errorf("%s has a nil option", where)
			continue
		}
		w := where + "." + o.Name
		if !chatName.MatchString(o.Name) || strings.ToLower(o.Name) != o.Name || runeLen(o.Name) > limitOptionName {
			t.Errorf("option name %q must match %s and be lower case", w, chatName)
		}
		if names[o.Name] {
			t.Errorf("option %q is defined twice", w)
		}
		names[o.Name] = true
		if n := runeLen(o.Description); n < 1 || n > limitOptionDesc {
			t.Errorf("option %q: description is %d characters, want 1 to %d", w, n, limitOptionDesc)
		}
		if o.Required && optional {
			t.Errorf("option %q is required but follows an optional one", w)
		}
		optional = optional || !o.Required
		if len(o.Choices) > limitChoices {
			t.Errorf("option %q has %d choices, more than %d", w, len(o.Choices), limitChoices)
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			t.Errorf("option %q has both choices and autocomplete", w)
		}
		if o.Autocomplete && c.autocomplete == nil {
			t.Errorf("option %q autocompletes but the command has no autocomplete handler", w)
		}
		if o.MaxLength < 0 || o.MaxLength > limitStringOptLen {
			t.Errorf("option %q: max_length %d is outside 0 to %d", w, o.MaxLength, limitStringOptLen)
		}
		total += runeLen(o.Name) + runeLen(o.Description)
		for _, ch := range o.Choices {
			v, _ := json.Marshal(ch.Value)
			total += runeLen(ch.Name) + runeLen(strings.Trim(string(v), `"`))
		}
		total += checkTestOptions(t, w, o.Options, c)
	}
	return total
}

// TestCommandsJSON checks the registration body: it is a JSON array of the
// commands, each with its integration types and contexts.
func TestCommandsJSON(t *testing.T) {
	body, err := json.Marshal(mustNew(article.Default()).Commands())
	if err != nil {
		t.Fatalf("json.Marshal(Commands()) = %v", err)
	}
	var got []map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("the commands JSON does not parse: %v", err)
	}
	for _, c := range got {
		if !reflect.DeepEqual(c["integration_types"], []any{0.0, 1.0}) {
			t.Errorf("command %v: integration_types = %v, want [0 1]", c["name"], c["integration_types"])
		}
		if !reflect.DeepEqual(c["contexts"], []any{0.0, 1.0, 2.0}) {
			t.Errorf("command %v: contexts = %v, want [0 1 2]", c["name"], c["contexts"])
		}
		if _, ok := c["options"].([]any); !ok {
			t.Errorf("command %v: options = %v, want a list", c["name"], c["options"])
		}
	}
}

func TestNewRegistryRejects(t *testing.T) {
	ok := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		return ephemeral("ok"), nil
	}
	def := func(name string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
		return slashCommand(name, "A test command.", opts...)
	}
	auto := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: "x", Description: "x", Autocomplete: true}
	tests := []struct {
		name string
		cmds []*command
		want string
	}{
		{"nil command", []*command{nil}, "no definition"},
		{"no definition", []*command{{run: ok}}, "no definition"},
		{"no name", []*command{{def: def(""), run: ok}}, "no name"},
		{"no handler", []*command{{def: def("a")}}, "no handler"},
		{"defined twice", []*command{{def: def("a"), run: ok}, {def: def("a"), run: ok}}, "twice"},
		{"autocomplete without handler", []*command{{def: def("a", auto), run: ok}}, "autocomplete"},
		{"prefix without handler", []*command{{def: def("a"), run: ok, prefix: "a"}}, "component"},
		{"prefix with a colon", []*command{{def: def("a"), run: ok, prefix: "a:b", component: ok}}, "':'"},
		{"upper-case name", []*command{{def: def("Find"), run: ok}}, "breaks Discord's rules"},
		{"description too long", []*command{{def: slashCommand("a", strings.Repeat("d", limitCommandDesc+1)), run: ok}}, "description"},
		{"option without a description", []*command{{def: def("a", &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionString, Name: "x"}), run: ok}}, "option"},
		{"shared prefix", []*command{
			{def: def("a"), run: ok, prefix: "p", component: ok},
			{def: def("b"), run: ok, prefix: "p", component: ok},
		}, "share"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := newRegistry(tt.cmds...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("newRegistry(%s) error = %v, want one mentioning %q", tt.name, err, tt.want)
			}
			if len(r.cmds) >= len(tt.cmds) {
				t.Errorf("newRegistry(%s) kept %d of %d commands, want the faulty one left out", tt.name, len(r.cmds), len(tt.cmds))
			}
		})
	}

	// A chat command and a message command may share a name.
	msg := &discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: "find"}
	if _, err := newRegistry(&command{def: def("find"), run: ok}, &command{def: msg, run: ok}); err != nil {
		t.Errorf("newRegistry(chat and message command named find) = %v, want nil", err)
	}
}

func TestIsChatName(t *testing.T) {
	for _, s := range []string{"find", "find-in_article", "ñandú", "名前", "x1", "", "Find", "two words", "a.b", strings.Repeat("a", 32), strings.Repeat("a", 33), "emoji😀"} {
		want := chatName.MatchString(s) && strings.ToLower(s) == s
		if got := isChatName(s); got != want {
			t.Errorf("isChatName(%q) = %v, want %v", s, got, want)
		}
	}
}

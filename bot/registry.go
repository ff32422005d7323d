package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"
)

// handler answers one interaction with a response, or fails with a
// *userError the user is shown, or with any other error, which is the bot's
// own failure.
type handler func(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error)

// command is one application command: the definition registered with
// Discord and the handlers of the interactions it leads to.
type command struct {
	// def is exactly what registration sends.
	def *discordgo.ApplicationCommand
	// run answers the command itself.
	run handler
	// autocomplete answers autocomplete interactions of the command's
	// options; required when an option has Autocomplete set.
	autocomplete handler
	// prefix routes message components to component: a custom_id
	// "prefix:..." belongs to this command. Both are optional.
	prefix    string
	component handler
	// example shows how to use the command, for /about: a command line for
	// a slash command, or where to find a message command in Discord.
	example string
	// help is what /about says the command does, when that is more than
	// its registered description: a message command has none, and
	// /summary says whose words its points are.
	help string
}

// commandKey identifies a command as Discord does: by type and name.
type commandKey struct {
	typ  discordgo.ApplicationCommandType
	name string
}

func keyOf(t discordgo.ApplicationCommandType, name string) commandKey {
	if t == 0 {
		t = discordgo.ChatApplicationCommand
	}
	return commandKey{t, name}
}

// registry holds a bot's commands. It feeds both registration (defs) and
// dispatch (lookups by command and by custom_id prefix).
type registry struct {
	cmds     []*command
	byKey    map[commandKey]*command
	byPrefix map[string]*command
}

// newRegistry returns a registry of cmds. A command without a definition, a
// name or a handler, one whose definition breaks Discord's rules, one whose
// name or component prefix repeats another's, or one with an autocomplete
// option but no autocomplete handler is left out and reported in the
// error; the others are registered.
func newRegistry(cmds ...*command) (*registry, error) {
	r := &registry{byKey: make(map[commandKey]*command), byPrefix: make(map[string]*command)}
	var errs []error
	for _, c := range cmds {
		if err := r.add(c); err != nil {
			errs = append(errs, err)
		}
	}
	return r, errors.Join(errs...)
}

func (r *registry) add(c *command) error {
	switch {
	case c == nil || c.def == nil:
		return errors.New("a command has no definition")
	case c.def.Name == "":
		return errors.New("a command has no name")
	case c.run == nil:
		return fmt.Errorf("command %q has no handler", c.def.Name)
	case hasAutocomplete(c.def.Options) && c.autocomplete == nil:
		return fmt.Errorf("command %q has an autocomplete option but no autocomplete handler", c.def.Name)
	case (c.prefix == "") != (c.component == nil):
		return fmt.Errorf("command %q needs both a component prefix and a component handler, or neither", c.def.Name)
	case strings.Contains(c.prefix, ":"):
		return fmt.Errorf("command %q: component prefix %q contains ':'", c.def.Name, c.prefix)
	}
	if err := checkDefinition(c.def); err != nil {
		return fmt.Errorf("command %q breaks Discord's rules: %w", c.def.Name, err)
	}
	k := keyOf(c.def.Type, c.def.Name)
	if _, dup := r.byKey[k]; dup {
		return fmt.Errorf("command %q is defined twice", c.def.Name)
	}
	if c.prefix != "" {
		if other, dup := r.byPrefix[c.prefix]; dup {
			return fmt.Errorf("commands %q and %q share the component prefix %q", other.def.Name, c.def.Name, c.prefix)
		}
		r.byPrefix[c.prefix] = c
	}
	r.byKey[k] = c
	r.cmds = append(r.cmds, c)
	return nil
}

// isChatName reports whether s follows the rule for the names of chat
// input commands and of all options: letters, digits, '-' and '_', 1 to 32
// of them, in lower case.
func isChatName(s string) bool {
	n := 0
	for _, r := range s {
		n++
		if r != '-' && r != '_' && !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return false
		}
	}
	return n >= 1 && n <= limitOptionName && strings.ToLower(s) == s
}

// checkDefinition reports how def breaks the rules Discord applies when it
// registers a command: names, descriptions, options and their limits.
func checkDefinition(def *discordgo.ApplicationCommand) error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	total := runeLen(def.Name) + runeLen(def.Description)
	if def.Type == 0 || def.Type == discordgo.ChatApplicationCommand {
		if !isChatName(def.Name) {
			bad("the name must be 1 to %d lower-case letters, digits, '-' or '_'", limitCommandName)
		}
		if n := runeLen(def.Description); n < 1 || n > limitCommandDesc {
			bad("the description is %d characters, want 1 to %d", n, limitCommandDesc)
		}
	} else if n := runeLen(def.Name); n < 1 || n > limitCommandName {
		bad("the name is %d characters, want 1 to %d", n, limitCommandName)
	}
	total += checkOptions(def.Name, def.Options, bad)
	if total > limitCommandTotal {
		bad("names, descriptions and values hold %d characters, more than %d", total, limitCommandTotal)
	}
	return errors.Join(errs...)
}

// checkOptions checks the options of a command, reporting each problem
// with bad, and returns the characters they count towards the command's
// total.
func checkOptions(where string, opts []*discordgo.ApplicationCommandOption, bad func(string, ...any)) int {
	if len(opts) > limitOptions {
		bad("%s has %d options, more than %d", where, len(opts), limitOptions)
	}
	total := 0
	names := make(map[string]bool)
	optional := false
	for _, o := range opts {
		if o == nil {
			bad("%s has a nil option", where)
			continue
		}
		w := where + "." + o.Name
		if !isChatName(o.Name) {
			bad("option name %q must be 1 to %d lower-case letters, digits, '-' or '_'", w, limitOptionName)
		}
		if names[o.Name] {
			bad("option %q is defined twice", w)
		}
		names[o.Name] = true
		if n := runeLen(o.Description); n < 1 || n > limitOptionDesc {
			bad("option %q: the description is %d characters, want 1 to %d", w, n, limitOptionDesc)
		}
		if o.Required && optional {
			bad("option %q is required but follows an optional one", w)
		}
		optional = optional || !o.Required
		if len(o.Choices) > limitChoices {
			bad("option %q has %d choices, more than %d", w, len(o.Choices), limitChoices)
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			bad("option %q has both choices and autocomplete", w)
		}
		if o.MaxLength < 0 || o.MaxLength > limitStringOptLen {
			bad("option %q: max_length %d is outside 0 to %d", w, o.MaxLength, limitStringOptLen)
		}
		total += runeLen(o.Name) + runeLen(o.Description)
		for _, ch := range o.Choices {
			if ch != nil {
				total += runeLen(ch.Name) + runeLen(fmt.Sprint(ch.Value))
			}
		}
		total += checkOptions(w, o.Options, bad)
	}
	return total
}

func hasAutocomplete(opts []*discordgo.ApplicationCommandOption) bool {
	for _, o := range opts {
		if o != nil && (o.Autocomplete || hasAutocomplete(o.Options)) {
			return true
		}
	}
	return false
}

// lookup returns the command of type t called name, or nil.
func (r *registry) lookup(t discordgo.ApplicationCommandType, name string) *command {
	return r.byKey[keyOf(t, name)]
}

// forCustomID returns the command whose components use customID, or nil.
func (r *registry) forCustomID(customID string) *command {
	prefix, _, found := strings.Cut(customID, ":")
	if !found {
		return nil
	}
	return r.byPrefix[prefix]
}

// defs returns the definitions of the commands in registration order.
func (r *registry) defs() []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, len(r.cmds))
	for i, c := range r.cmds {
		out[i] = c.def
	}
	return out
}

// Where every command can be used: installed in a server or by a user, in
// servers, in DMs with the bot and in other DMs and group DMs.
var (
	everyInstall = []discordgo.ApplicationIntegrationType{
		discordgo.ApplicationIntegrationGuildInstall,
		discordgo.ApplicationIntegrationUserInstall,
	}
	everyContext = []discordgo.InteractionContextType{
		discordgo.InteractionContextGuild,
		discordgo.InteractionContextBotDM,
		discordgo.InteractionContextPrivateChannel,
	}
)

// slashCommand returns the definition of a chat input command usable
// everywhere.
func slashCommand(name, description string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
	installs := append([]discordgo.ApplicationIntegrationType(nil), everyInstall...)
	contexts := append([]discordgo.InteractionContextType(nil), everyContext...)
	if opts == nil {
		opts = []*discordgo.ApplicationCommandOption{}
	}
	return &discordgo.ApplicationCommand{
		Type:             discordgo.ChatApplicationCommand,
		Name:             name,
		Description:      description,
		Options:          opts,
		IntegrationTypes: &installs,
		Contexts:         &contexts,
	}
}

// commandData returns the data of a command or autocomplete interaction.
func commandData(i *discordgo.Interaction) (discordgo.ApplicationCommandInteractionData, bool) {
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		return d, true
	case *discordgo.ApplicationCommandInteractionData:
		if d != nil {
			return *d, true
		}
	}
	return discordgo.ApplicationCommandInteractionData{}, false
}

// componentData returns the data of a message component interaction.
func componentData(i *discordgo.Interaction) (discordgo.MessageComponentInteractionData, bool) {
	switch d := i.Data.(type) {
	case discordgo.MessageComponentInteractionData:
		return d, true
	case *discordgo.MessageComponentInteractionData:
		if d != nil {
			return *d, true
		}
	}
	return discordgo.MessageComponentInteractionData{}, false
}

// stringOption returns the value of the string option called name of a
// command interaction. found is false when the option is absent; err is a
// *userError when it is present with a value that is not a string.
func stringOption(i *discordgo.Interaction, name string) (value string, found bool, err error) {
	data, ok := commandData(i)
	if !ok {
		return "", false, nil
	}
	o := findOption(data.Options, name)
	if o == nil {
		return "", false, nil
	}
	v, isString := o.Value.(string)
	if o.Type != discordgo.ApplicationCommandOptionString || !isString {
		return "", true, userErrorf("The %s option must be text. Discord may still have an old version of this command: try it again in a minute.", name)
	}
	return v, true, nil
}

// findOption returns the option called name, or nil.
func findOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range opts {
		if o != nil && o.Name == name {
			return o
		}
	}
	return nil
}

// focusedString returns the text typed so far into the focused option of an
// autocomplete interaction, provided that option is the string option
// called name.
func focusedString(i *discordgo.Interaction, name string) (string, bool) {
	data, ok := commandData(i)
	if !ok {
		return "", false
	}
	for _, o := range data.Options {
		if o == nil || !o.Focused {
			continue
		}
		v, isString := o.Value.(string)
		if o.Name != name || o.Type != discordgo.ApplicationCommandOptionString || !isString {
			return "", false
		}
		return v, true
	}
	return "", false
}

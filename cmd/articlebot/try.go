package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/interaction"
	"github.com/bwmarrin/discordgo"
)

// The IDs and token of the interactions try makes up. They are fixed, so
// the same command line always gives the same interaction.
const (
	tryInteractionID = "1000000000000000001"
	tryApplicationID = "1000000000000000002"
	tryCommandID     = "1000000000000000003"
	tryChannelID     = "1000000000000000004"
	tryUserID        = "1000000000000000005"
	tryMessageID     = "1000000000000000006"
	tryTargetID      = "1000000000000000007"
	tryToken         = "articlebot-try-offline-token"
	// tryMessageTime is when the messages try makes up were posted.
	tryMessageTime = "2024-11-01T17:45:09.311000+00:00"
)

func tryFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	var c commonFlags
	c.declare(fs, true)
	asJSON := fs.Bool("json", false, "print the exact interaction response JSON the bot would send, instead of readable text")
	page := fs.Int("page", 1, "show page `N` of the answer, reached by pressing its Next button N-1 times")
	autocomplete := fs.Bool("autocomplete", false, "send what Discord sends while the last option is being typed, and print the suggestions")
	message := fs.String("message", "", "use the bot's message command (Find in article) on a message that says `TEXT`; a command line, if any, names the message command")
	mention := fs.String("mention", "", "post a message that mentions the bot with `QUESTION`, as \"@articlebot QUESTION\", and print the bot's reply")
	return func(ctx context.Context, args []string) error {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		switch {
		case set["message"] && set["mention"]:
			return &usageError{"--message and --mention cannot be used together"}
		case set["mention"] && len(args) > 0:
			return &usageError{fmt.Sprintf("--mention takes the question as its value and no command line, got %q", strings.Join(args, " "))}
		case set["mention"] && (*autocomplete || *page != 1):
			return &usageError{"--mention cannot be used with --autocomplete or --page: the reply to a mention has one page"}
		case set["message"] && *autocomplete:
			return &usageError{"--message and --autocomplete cannot be used together: a message command has no options to type"}
		case len(args) == 0 && !set["message"] && !set["mention"]:
			return &usageError{`try needs a command line, as in: articlebot try "/find russia"`}
		case *page < 1:
			return &usageError{fmt.Sprintf("--page %d: pages count from 1", *page)}
		case *autocomplete && *page != 1:
			return &usageError{"--page and --autocomplete cannot be used together"}
		}
		cfg, a, err := c.setup(ctx, e, configNeeds{})
		if err != nil {
			return err
		}
		// try prints the answer on stdout; the bot's log of each interaction
		// is noise there unless LOG_LEVEL asks for it.
		level := cfg.logLevel
		if !cfg.logLevelSet {
			level = slog.LevelWarn
		}
		b, err := newBot(ctx, a, bot.WithLogger(newLogger(e.stderr, level, cfg.logFormat)))
		if err != nil {
			return err
		}

		line := strings.Join(args, " ")
		if set["mention"] {
			return printMentionReply(ctx, e.stdout, b, *mention, *asJSON)
		}
		var resp *discordgo.InteractionResponse
		if set["message"] {
			resp, err = tryMessageCommand(ctx, b, line, *message, *page)
		} else {
			resp, err = tryAnswer(ctx, b, line, *autocomplete, *page)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return writeResponseJSON(e.stdout, resp)
		}
		_, err = fmt.Fprintln(e.stdout, bot.PlainText(resp))
		return err
	}
}

// answerer is what try needs of the bot: its command definitions and its
// answers.
type answerer interface {
	Commands() []*discordgo.ApplicationCommand
	Respond(context.Context, *discordgo.Interaction) *discordgo.InteractionResponse
}

var _ answerer = (*bot.Bot)(nil)

// tryAnswer asks b the question in line, as Discord would, and returns the
// response; with page > 1 it follows the answer's Next button until it
// reaches that page.
func tryAnswer(ctx context.Context, b answerer, line string, autocomplete bool, page int) (*discordgo.InteractionResponse, error) {
	i, err := commandInteraction(line, b.Commands(), autocomplete)
	if err != nil {
		return nil, err
	}
	return turnPages(ctx, b, i, strconv.Quote(line), page)
}

// tryMessageCommand uses b's message command called name (b's only one
// when name is empty) on a message whose text is text, as Discord would
// from the message's Apps menu, and returns the response; with page > 1 it
// follows the answer's Next button until it reaches that page.
func tryMessageCommand(ctx context.Context, b answerer, name, text string, page int) (*discordgo.InteractionResponse, error) {
	i, err := messageCommandInteraction(name, text, b.Commands())
	if err != nil {
		return nil, err
	}
	return turnPages(ctx, b, i, fmt.Sprintf("%s on %q", i.ApplicationCommandData().Name, text), page)
}

// turnPages returns b's response to i or, with page > 1, to the Next
// button of each page until it reaches that page. what names the first
// question in errors.
func turnPages(ctx context.Context, b answerer, i *discordgo.Interaction, what string, page int) (*discordgo.InteractionResponse, error) {
	resp := b.Respond(ctx, i)
	for n := 2; n <= page; n++ {
		customID, ok := nextButton(resp)
		if !ok {
			return nil, &usageError{fmt.Sprintf("--page %d: the answer to %s has %d page(s): page %d has no Next button", page, what, n-1, n-1)}
		}
		var err error
		i, err = componentInteraction(resp, customID)
		if err != nil {
			return nil, err
		}
		resp = b.Respond(ctx, i)
	}
	return resp, nil
}

// commandInteraction builds the interaction Discord sends when a user enters
// line, such as "/find russia" or `/quote speaker:"john kerry"`, in a direct
// message with the bot. Option names and types come from cmds, the bot's
// command definitions. With autocomplete it builds the interaction Discord
// sends while the user is still typing the last option, which is marked
// focused.
func commandInteraction(line string, cmds []*discordgo.ApplicationCommand, autocomplete bool) (*discordgo.Interaction, error) {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "/")
	name, rest := cutWord(line)
	name = strings.ToLower(name)
	if name == "" {
		return nil, &usageError{`the command line is empty: write it as in Discord, for example "/find russia"`}
	}
	var cmd *discordgo.ApplicationCommand
	var known []string
	for _, c := range cmds {
		if c == nil || (c.Type != 0 && c.Type != discordgo.ChatApplicationCommand) {
			continue
		}
		known = append(known, "/"+c.Name)
		if c.Name == name {
			cmd = c
		}
	}
	if cmd == nil {
		if len(known) == 0 {
			return nil, &usageError{fmt.Sprintf("unknown command /%s: the bot registers no slash commands", name)}
		}
		if guess := closestName("/"+name, known); guess != "" {
			return nil, &usageError{fmt.Sprintf("unknown command /%s: did you mean %s? The bot has %s", name, guess, strings.Join(known, ", "))}
		}
		return nil, &usageError{fmt.Sprintf("unknown command /%s: the bot has %s", name, strings.Join(known, ", "))}
	}

	p := optionParser{command: "/" + cmd.Name, autocomplete: autocomplete}
	opts, err := p.parse(cmd.Options, rest)
	if err != nil {
		return nil, err
	}
	if autocomplete {
		return decodeInteraction(interaction.Autocomplete(tryCommandID, cmd.Name, opts...))
	}
	return decodeInteraction(interaction.Command(tryCommandID, cmd.Name, opts...))
}

// messageCommandInteraction builds the interaction Discord sends when a user
// picks the message command name (the only one of cmds when name is empty)
// in the Apps menu of a message, written by someone else, whose text is
// text.
func messageCommandInteraction(name, text string, cmds []*discordgo.ApplicationCommand) (*discordgo.Interaction, error) {
	name = strings.TrimSpace(name)
	var cmd *discordgo.ApplicationCommand
	var known []string
	for _, c := range cmds {
		if c == nil || c.Type != discordgo.MessageApplicationCommand {
			continue
		}
		known = append(known, strconv.Quote(c.Name))
		if name == "" || strings.EqualFold(c.Name, name) {
			cmd = c
		}
	}
	switch {
	case len(known) == 0:
		return nil, &usageError{"--message: the bot has no message command"}
	case name == "" && len(known) > 1:
		return nil, &usageError{fmt.Sprintf("--message: the bot has several message commands (%s): name one after the flags", strings.Join(known, ", "))}
	case cmd == nil:
		return nil, &usageError{fmt.Sprintf("--message: the bot has no message command %q; it has %s", name, strings.Join(known, ", "))}
	}
	target := map[string]any{
		"id":               tryTargetID,
		"channel_id":       tryChannelID,
		"type":             discordgo.MessageTypeDefault,
		"content":          text,
		"author":           map[string]any{"id": tryUserID, "username": "articlebot-try", "global_name": "articlebot try"},
		"timestamp":        tryMessageTime,
		"mentions":         []any{},
		"mention_roles":    []any{},
		"mention_everyone": false,
		"embeds":           []any{},
		"attachments":      []any{},
	}
	return decodeInteraction(interaction.MessageCommand(tryCommandID, cmd.Name, target))
}

// mentionPlaceholder is how a question given to --mention may place the
// bot's mention; without it the mention comes first.
const mentionPlaceholder = "@articlebot"

// mentionMessage builds the message the gateway delivers when someone
// posts question mentioning the bot, whose user ID is selfID, in a direct
// message.
func mentionMessage(question, selfID string) (*discordgo.Message, error) {
	mention := "<@" + selfID + ">"
	content := mention + " " + question
	if i := strings.Index(strings.ToLower(question), mentionPlaceholder); i >= 0 {
		content = question[:i] + mention + question[i+len(mentionPlaceholder):]
	}
	msg := map[string]any{
		"id":               tryTargetID,
		"channel_id":       tryChannelID,
		"type":             discordgo.MessageTypeDefault,
		"content":          content,
		"author":           map[string]any{"id": tryUserID, "username": "articlebot-try", "global_name": "articlebot try"},
		"timestamp":        tryMessageTime,
		"mentions":         []any{map[string]any{"id": selfID, "username": "articlebot", "bot": true}},
		"mention_roles":    []any{},
		"mention_everyone": false,
		"embeds":           []any{},
		"attachments":      []any{},
	}
	raw, err := json.Marshal(msg)
	if err != nil {
		return nil, fmt.Errorf("encoding the message: %w", err)
	}
	var m discordgo.Message
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("decoding the message: %w", err)
	}
	return &m, nil
}

// noMentionReply is what try prints when the bot would not reply to a
// mention.
const noMentionReply = "(no reply: with the mention taken out, the message asks nothing)"

// printMentionReply posts question to b as a message that mentions it, and
// writes the reply to w: readable text, or with asJSON the exact body the
// bot posts to the channel ("null" when it would not reply).
func printMentionReply(ctx context.Context, w io.Writer, b *bot.Bot, question string, asJSON bool) error {
	msg, err := mentionMessage(question, tryApplicationID)
	if err != nil {
		return err
	}
	reply, ok := bot.NewMentions(b).Reply(ctx, msg, tryApplicationID)
	switch {
	case asJSON && !ok:
		_, err = fmt.Fprintln(w, "null")
	case asJSON:
		var raw []byte
		if raw, err = bot.MarshalReply(reply); err == nil {
			err = writeIndentedJSON(w, raw)
		}
	case !ok:
		_, err = fmt.Fprintln(w, noMentionReply)
	default:
		// A reply is a message like an interaction's answer, and reads the
		// same.
		text := bot.PlainText(&discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Content: reply.Content, Embeds: reply.Embeds, Components: reply.Components, Flags: reply.Flags,
			},
		})
		_, err = fmt.Fprintf(w, "(replies to the message)\n\n%s\n", text)
	}
	return err
}

// componentInteraction builds the interaction Discord sends when a user
// presses the button customID on the message that resp created or updated.
func componentInteraction(resp *discordgo.InteractionResponse, customID string) (*discordgo.Interaction, error) {
	msg := map[string]any{}
	if resp != nil && resp.Data != nil {
		raw, err := json.Marshal(resp.Data)
		if err != nil {
			return nil, fmt.Errorf("encoding the previous answer: %w", err)
		}
		if err := json.Unmarshal(raw, &msg); err != nil {
			return nil, fmt.Errorf("decoding the previous answer: %w", err)
		}
	}
	delete(msg, "allowed_mentions")
	delete(msg, "choices")
	msg["id"] = tryMessageID
	msg["channel_id"] = tryChannelID
	msg["type"] = discordgo.MessageTypeChatInputCommand
	msg["author"] = map[string]any{"id": tryApplicationID, "username": "articlebot", "bot": true}
	return decodeInteraction(interaction.Button(customID, msg))
}

// tryUser is who sends the interactions try makes up.
var tryUser = interaction.User{ID: tryUserID, Username: "articlebot-try", GlobalName: "articlebot try"}

// decodeInteraction places i in a direct message with the bot, with try's
// fixed IDs and token, and decodes it as the gateway does, so the bot sees
// exactly the values it sees in production (numbers as float64,
// components as their concrete types).
func decodeInteraction(i interaction.Interaction) (*discordgo.Interaction, error) {
	return i.InDM(tryChannelID, tryUser).With(map[string]any{
		"id": tryInteractionID, "application_id": tryApplicationID, "token": tryToken,
	}).Decode()
}

// optionParser turns the text after a command's name into option values.
type optionParser struct {
	command      string // "/find", for messages
	autocomplete bool
}

// parse reads the options defined by defs from text.
func (p optionParser) parse(defs []*discordgo.ApplicationCommandOption, text string) ([]interaction.Option, error) {
	if sub := subcommandDefs(defs); len(sub) > 0 {
		word, rest := cutWord(text)
		var names []string
		for _, d := range sub {
			names = append(names, d.Name)
			if strings.EqualFold(d.Name, word) {
				inner := optionParser{command: p.command + " " + d.Name, autocomplete: p.autocomplete}
				opts, err := inner.parse(d.Options, rest)
				if err != nil {
					return nil, err
				}
				return []interaction.Option{{Name: d.Name, Type: d.Type, Options: opts}}, nil
			}
		}
		return nil, &usageError{fmt.Sprintf("%s needs one of: %s", p.command, strings.Join(names, ", "))}
	}

	free, named := splitOptions(text, defs)
	type given struct {
		def *discordgo.ApplicationCommandOption
		raw string
	}
	var values []given
	if free != "" {
		d := freeTextOption(defs, p.autocomplete)
		if d == nil {
			return nil, &usageError{fmt.Sprintf("%s takes no free text; %s", p.command, p.optionsHint(defs))}
		}
		values = append(values, given{d, free})
	}
	for _, n := range named {
		for _, v := range values {
			if v.def == n.def {
				return nil, &usageError{fmt.Sprintf("%s: option %s is given twice", p.command, n.def.Name)}
			}
		}
		values = append(values, given{n.def, unquote(n.raw)})
	}

	var focused *discordgo.ApplicationCommandOption
	if p.autocomplete {
		if len(values) == 0 {
			d := freeTextOption(defs, true)
			if d == nil {
				return nil, &usageError{fmt.Sprintf("%s has no option to type in", p.command)}
			}
			values = append(values, given{d, ""})
		}
		focused = values[len(values)-1].def
		if !focused.Autocomplete {
			return nil, &usageError{fmt.Sprintf("%s: option %s has no autocomplete", p.command, focused.Name)}
		}
	}

	var out []interaction.Option
	for _, d := range defs {
		idx := slices.IndexFunc(values, func(v given) bool { return v.def == d })
		if idx < 0 {
			if d.Required && !p.autocomplete {
				return nil, &usageError{fmt.Sprintf("%s needs its %s option; %s", p.command, d.Name, p.optionsHint(defs))}
			}
			continue
		}
		o := interaction.Option{Name: d.Name, Type: d.Type}
		if d == focused {
			// While typing, Discord sends the text as it stands.
			o.Value, o.Focused = values[idx].raw, true
		} else {
			v, err := p.convert(d, values[idx].raw)
			if err != nil {
				return nil, err
			}
			o.Value = v
		}
		out = append(out, o)
	}
	return out, nil
}

// optionsHint describes a command's options for an error message.
func (p optionParser) optionsHint(defs []*discordgo.ApplicationCommandOption) string {
	if len(defs) == 0 {
		return "it has no options"
	}
	var parts []string
	for _, d := range defs {
		s := d.Name + ":<" + strings.ToLower(d.Type.String()) + ">"
		if !d.Required {
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	}
	return "use " + p.command + " " + strings.Join(parts, " ")
}

// convert turns the text given for option d into the value Discord sends.
func (p optionParser) convert(d *discordgo.ApplicationCommandOption, raw string) (any, error) {
	bad := func(what string) error {
		return &usageError{fmt.Sprintf("%s: option %s needs %s, got %q", p.command, d.Name, what, raw)}
	}
	if len(d.Choices) > 0 {
		var names []string
		for _, c := range d.Choices {
			names = append(names, c.Name)
			if strings.EqualFold(c.Name, raw) || strings.EqualFold(fmt.Sprint(c.Value), raw) {
				return c.Value, nil
			}
		}
		return nil, bad("one of " + strings.Join(names, ", "))
	}
	switch d.Type {
	case discordgo.ApplicationCommandOptionString:
		n := utf8.RuneCountInString(raw)
		if d.MinLength != nil && n < *d.MinLength {
			return nil, bad(fmt.Sprintf("at least %d characters", *d.MinLength))
		}
		if d.MaxLength > 0 && n > d.MaxLength {
			return nil, bad(fmt.Sprintf("at most %d characters", d.MaxLength))
		}
		return raw, nil
	case discordgo.ApplicationCommandOptionInteger:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return nil, bad("a whole number")
		}
		if (d.MinValue != nil && float64(n) < *d.MinValue) || (d.MaxValue != 0 && float64(n) > d.MaxValue) {
			return nil, bad("a number in range")
		}
		return n, nil
	case discordgo.ApplicationCommandOptionNumber:
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return nil, bad("a number")
		}
		if (d.MinValue != nil && f < *d.MinValue) || (d.MaxValue != 0 && f > d.MaxValue) {
			return nil, bad("a number in range")
		}
		return f, nil
	case discordgo.ApplicationCommandOptionBoolean:
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return nil, bad("true or false")
		}
		return b, nil
	case discordgo.ApplicationCommandOptionUser, discordgo.ApplicationCommandOptionChannel,
		discordgo.ApplicationCommandOptionRole, discordgo.ApplicationCommandOptionMentionable:
		id := strings.Trim(raw, "<@!&#>")
		if !isSnowflake(id) {
			return nil, bad("an ID or a mention")
		}
		return id, nil
	}
	return nil, &usageError{fmt.Sprintf("%s: try cannot fill option %s of type %s", p.command, d.Name, d.Type)}
}

// namedOption is one name:value pair of a command line.
type namedOption struct {
	def *discordgo.ApplicationCommandOption
	raw string
}

// splitOptions splits text into the free text before the first name:value
// pair and the pairs. A pair starts where a word begins with the name of one
// of defs followed by a colon, outside double quotes; its value runs to the
// next pair.
func splitOptions(text string, defs []*discordgo.ApplicationCommandOption) (free string, named []namedOption) {
	type start struct {
		at, valueAt int
		def         *discordgo.ApplicationCommandOption
	}
	var starts []start
	inQuote := false
	for i, r := range text {
		if r == '"' && (i == 0 || text[i-1] != '\\') {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && !unicode.IsSpace(prev) {
			continue
		}
		for _, d := range defs {
			if len(text) > i+len(d.Name) && strings.EqualFold(text[i:i+len(d.Name)], d.Name) && text[i+len(d.Name)] == ':' {
				starts = append(starts, start{i, i + len(d.Name) + 1, d})
				break
			}
		}
	}
	if len(starts) == 0 {
		return strings.TrimSpace(text), nil
	}
	free = strings.TrimSpace(text[:starts[0].at])
	for k, s := range starts {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1].at
		}
		named = append(named, namedOption{s.def, strings.TrimSpace(text[s.valueAt:end])})
	}
	return free, named
}

// freeTextOption returns the option that free text after a command fills:
// its first required text option, else its first text option. For an
// autocomplete request the first option with autocomplete comes first.
func freeTextOption(defs []*discordgo.ApplicationCommandOption, autocomplete bool) *discordgo.ApplicationCommandOption {
	if autocomplete {
		for _, d := range defs {
			if d.Autocomplete {
				return d
			}
		}
	}
	for _, d := range defs {
		if d.Required && d.Type == discordgo.ApplicationCommandOptionString {
			return d
		}
	}
	for _, d := range defs {
		if d.Type == discordgo.ApplicationCommandOptionString {
			return d
		}
	}
	return nil
}

func subcommandDefs(defs []*discordgo.ApplicationCommandOption) []*discordgo.ApplicationCommandOption {
	var out []*discordgo.ApplicationCommandOption
	for _, d := range defs {
		if d.Type == discordgo.ApplicationCommandOptionSubCommand || d.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			out = append(out, d)
		}
	}
	return out
}

// unquote removes double quotes around a whole value, which group its words.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `\"`, `"`)
	}
	return s
}

// cutWord splits s after its first word.
func cutWord(s string) (word, rest string) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// nextButton returns the custom ID of the enabled button of resp whose label
// or emoji says "next", if there is one.
func nextButton(resp *discordgo.InteractionResponse) (string, bool) {
	if resp == nil || resp.Data == nil || len(resp.Data.Components) == 0 {
		return "", false
	}
	raw, err := json.Marshal(resp.Data.Components)
	if err != nil {
		return "", false
	}
	type component struct {
		Type     discordgo.ComponentType `json:"type"`
		CustomID string                  `json:"custom_id"`
		Label    string                  `json:"label"`
		Disabled bool                    `json:"disabled"`
		Emoji    *struct {
			Name string `json:"name"`
		} `json:"emoji"`
		Components []component `json:"components"`
	}
	var tree []component
	if err := json.Unmarshal(raw, &tree); err != nil {
		return "", false
	}
	isNext := func(c component) bool {
		if c.Type != discordgo.ButtonComponent || c.CustomID == "" || c.Disabled {
			return false
		}
		if strings.Contains(strings.ToLower(c.Label), "next") {
			return true
		}
		if c.Emoji != nil {
			switch strings.TrimSuffix(c.Emoji.Name, "\ufe0f") {
			case "▶", "➡", "⏩", "→":
				return true
			}
		}
		return false
	}
	var walk func([]component) (string, bool)
	walk = func(cs []component) (string, bool) {
		for _, c := range cs {
			if isNext(c) {
				return c.CustomID, true
			}
			if id, ok := walk(c.Components); ok {
				return id, true
			}
		}
		return "", false
	}
	return walk(tree)
}

// writeResponseJSON writes resp to w exactly as the bot sends it, indented
// and followed by a newline.
func writeResponseJSON(w io.Writer, resp *discordgo.InteractionResponse) error {
	raw, err := bot.MarshalResponse(resp)
	if err != nil {
		return err
	}
	return writeIndentedJSON(w, raw)
}

// writeIndentedJSON writes the JSON raw to w indented and followed by a
// newline.
func writeIndentedJSON(w io.Writer, raw []byte) error {
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", "  "); err != nil {
		return fmt.Errorf("indenting JSON: %w", err)
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}

// writeJSON writes v to w as indented JSON followed by a newline.
func writeJSON(w io.Writer, v any) error {
	raw, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding JSON: %w", err)
	}
	raw = append(raw, '\n')
	_, err = w.Write(raw)
	return err
}

// closestName returns the command name in names, such as "/summary", that
// typed is most likely a misspelling of: the first of those fewest edits
// away, at most two edits and fewer than half of typed's letters. It
// returns "" when none is that close.
func closestName(typed string, names []string) string {
	typed = strings.TrimPrefix(typed, "/")
	best, bestDist := "", 3
	for _, n := range names {
		d := levenshtein.ComputeDistance(typed, strings.TrimPrefix(n, "/"))
		if d < bestDist && 2*d < utf8.RuneCountInString(typed) {
			best, bestDist = n, d
		}
	}
	return best
}

// Package interaction builds interactions as Discord sends them, and signs
// them as Discord signs the requests it sends to an application's
// Interactions Endpoint URL. The offline try mode, the load generator and
// the tests all make their interactions here.
package interaction

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Interaction is an interaction's JSON object, field by field, as Discord
// sends it. Build one with Command, Autocomplete, MessageCommand or Button,
// place it with InDM or InGuild, and encode it with JSON.
type Interaction map[string]any

// Option is one option of a command interaction, as Discord sends it.
type Option struct {
	Name    string                                 `json:"name"`
	Type    discordgo.ApplicationCommandOptionType `json:"type"`
	Value   any                                    `json:"value,omitempty"`
	Options []Option                               `json:"options,omitempty"`
	Focused bool                                   `json:"focused,omitempty"`
}

// String returns a string option called name with value.
func String(name, value string) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// command returns the interaction of type typ for the chat command name.
func command(typ discordgo.InteractionType, commandID, name string, opts []Option) Interaction {
	data := map[string]any{"id": commandID, "name": name, "type": discordgo.ChatApplicationCommand}
	if len(opts) > 0 {
		data["options"] = opts
	}
	return Interaction{"type": typ, "data": data, "version": 1}
}

// Command returns the interaction Discord sends when a user runs the chat
// command name, whose ID is commandID, with opts.
func Command(commandID, name string, opts ...Option) Interaction {
	return command(discordgo.InteractionApplicationCommand, commandID, name, opts)
}

// Autocomplete returns the interaction Discord sends while a user types an
// option of the chat command name: opts, one of them focused.
func Autocomplete(commandID, name string, opts ...Option) Interaction {
	return command(discordgo.InteractionApplicationCommandAutocomplete, commandID, name, opts)
}

// MessageCommand returns the interaction Discord sends when a user picks
// the message command name in the Apps menu of target, a message object
// with at least an "id".
func MessageCommand(commandID, name string, target map[string]any) Interaction {
	id, _ := target["id"].(string)
	return Interaction{
		"type": discordgo.InteractionApplicationCommand,
		"data": map[string]any{
			"id": commandID, "name": name, "type": discordgo.MessageApplicationCommand,
			"target_id": id, "resolved": map[string]any{"messages": map[string]any{id: target}},
		},
		"version": 1,
	}
}

// Button returns the interaction Discord sends when a user presses the
// button customID on message, a message object.
func Button(customID string, message map[string]any) Interaction {
	return Interaction{
		"type":    discordgo.InteractionMessageComponent,
		"data":    map[string]any{"custom_id": customID, "component_type": discordgo.ButtonComponent},
		"message": message,
		"version": 1,
	}
}

// User is the person behind an interaction.
type User struct {
	ID, Username, GlobalName string
}

func (u User) object() map[string]any {
	return map[string]any{"id": u.ID, "username": u.Username, "global_name": u.GlobalName, "discriminator": "0", "public_flags": 0}
}

// With returns a copy of i with the fields in f set, which replace any of
// i's.
func (i Interaction) With(f map[string]any) Interaction {
	c := maps.Clone(i)
	maps.Copy(c, f)
	return c
}

// InDM returns a copy of i as sent from the direct messages of user with
// the bot, in channelID.
func (i Interaction) InDM(channelID string, user User) Interaction {
	return i.With(map[string]any{
		"channel_id": channelID,
		"user":       user.object(),
		"context":    discordgo.InteractionContextBotDM,
		"locale":     discordgo.EnglishUS,
	})
}

// InGuild returns a copy of i as sent by user, a member of the server
// guildID, from its channel channelID, with what Discord sends beside:
// the channel, the guild, the member and the permissions.
func (i Interaction) InGuild(guildID, channelID string, user User) Interaction {
	const perms = "2248473465835073"
	return i.With(map[string]any{
		"guild_id":   guildID,
		"channel_id": channelID,
		"channel": map[string]any{
			"id": channelID, "guild_id": guildID, "name": "general", "type": 0, "flags": 0, "nsfw": false,
			"position": 0, "permissions": perms, "rate_limit_per_user": 0, "topic": nil, "parent_id": nil,
		},
		"guild": map[string]any{"id": guildID, "locale": "en-US", "features": []any{}},
		"member": map[string]any{
			"user": user.object(), "roles": []any{}, "joined_at": "2024-03-01T12:00:00.000000+00:00",
			"deaf": false, "mute": false, "pending": false, "flags": 0, "nick": nil,
			"permissions": perms, "premium_since": nil, "avatar": nil,
		},
		"app_permissions":                perms,
		"locale":                         "en-GB",
		"guild_locale":                   "en-US",
		"context":                        discordgo.InteractionContextGuild,
		"authorizing_integration_owners": map[string]string{"0": guildID},
		"entitlements":                   []any{},
	})
}

// JSON returns i encoded as Discord sends it.
func (i Interaction) JSON() ([]byte, error) {
	b, err := json.Marshal(map[string]any(i))
	if err != nil {
		return nil, fmt.Errorf("encoding the interaction: %w", err)
	}
	return b, nil
}

// Decode returns i as discordgo decodes it from the gateway, so that a
// handler sees exactly the values it sees in production: numbers as
// float64, components as their concrete types.
func (i Interaction) Decode() (*discordgo.Interaction, error) {
	b, err := i.JSON()
	if err != nil {
		return nil, err
	}
	var d discordgo.Interaction
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("decoding the interaction: %w", err)
	}
	return &d, nil
}

// The headers Discord signs every interaction request with.
const (
	HeaderSignature = "X-Signature-Ed25519"
	HeaderTimestamp = "X-Signature-Timestamp"
)

// Sign returns the signature and timestamp headers Discord sends with body
// at time at, signed with key.
func Sign(key ed25519.PrivateKey, at time.Time, body []byte) (signature, timestamp string) {
	return SignAt(key, strconv.FormatInt(at.Unix(), 10), body)
}

// SignAt is Sign with the timestamp header given as it is sent, which may be
// anything.
func SignAt(key ed25519.PrivateKey, timestamp string, body []byte) (signature, ts string) {
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(append(msg, timestamp...), body...)
	return hex.EncodeToString(ed25519.Sign(key, msg)), timestamp
}

// Headers returns the headers of Discord's request carrying body, signed
// with key at time at.
func Headers(key ed25519.PrivateKey, at time.Time, body []byte) http.Header {
	sig, ts := Sign(key, at, body)
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set(HeaderSignature, sig)
	h.Set(HeaderTimestamp, ts)
	return h
}

// RawRequest returns Discord's whole HTTP/1.1 request carrying body to path
// on host, signed with key at time at, ready to be written to a
// connection.
func RawRequest(host, path string, key ed25519.PrivateKey, at time.Time, body []byte) []byte {
	sig, ts := Sign(key, at, body)
	var b strings.Builder
	fmt.Fprintf(&b, "POST %s HTTP/1.1\r\nHost: %s\r\n", path, host)
	b.WriteString("User-Agent: Discord-Interactions/1.0 (+https://discord.com)\r\n")
	b.WriteString("Content-Type: application/json\r\n")
	fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	fmt.Fprintf(&b, "%s: %s\r\n%s: %s\r\n\r\n", HeaderSignature, sig, HeaderTimestamp, ts)
	b.Write(body)
	return []byte(b.String())
}

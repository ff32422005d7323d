package bot

import (
	"bytes"
	"encoding/json"

	"github.com/bwmarrin/discordgo"
)

// wireInteraction holds what the bot reads of an interaction as Discord
// sends it. Decoding only these fields, in one pass, costs a fraction of
// decoding the whole interaction as discordgo does, which also decodes its
// data twice.
type wireInteraction struct {
	ID        string                    `json:"id"`
	Type      discordgo.InteractionType `json:"type"`
	GuildID   string                    `json:"guild_id"`
	ChannelID string                    `json:"channel_id"`
	Member    *wireMember               `json:"member"`
	User      *wireUser                 `json:"user"`
	Data      *wireData                 `json:"data"`
}

type wireMember struct {
	User *wireUser `json:"user"`
}

type wireUser struct {
	ID string `json:"id"`
}

// wireData is the data of a command, autocomplete, component or modal
// interaction: each kind sets its own fields.
type wireData struct {
	// ID is the command's ID, a string, for commands, and a number for
	// components.
	ID          json.RawMessage                                      `json:"id"`
	Name        string                                               `json:"name"`
	CommandType discordgo.ApplicationCommandType                     `json:"type"`
	Options     []*discordgo.ApplicationCommandInteractionDataOption `json:"options"`
	TargetID    string                                               `json:"target_id"`
	Resolved    *discordgo.ApplicationCommandInteractionDataResolved `json:"resolved"`

	CustomID      string                  `json:"custom_id"`
	ComponentType discordgo.ComponentType `json:"component_type"`
	Values        []string                `json:"values"`
}

// decodeInteraction decodes the interaction in body, keeping what the bot
// reads: its ID, type, where it comes from and who sent it, and its data,
// as discordgo would decode them. An interaction without data decodes
// without it, so that the bot can say what is missing. It fails on
// anything but one JSON object.
func decodeInteraction(body []byte) (*discordgo.Interaction, error) {
	var w wireInteraction
	err := decodeObject(body, &w, func(name, v []byte) error {
		switch string(name) {
		case "id":
			return decodeString(v, &w.ID)
		case "type":
			return decodeNumber(v, &w.Type)
		case "guild_id":
			return decodeString(v, &w.GuildID)
		case "channel_id":
			return decodeString(v, &w.ChannelID)
		case "member":
			if isNull(v) {
				w.Member = nil
				return nil
			}
			w.Member = &wireMember{}
			return decodeObject(v, w.Member, func(name, v []byte) error {
				if string(name) != "user" {
					return nil
				}
				return decodeUser(v, &w.Member.User)
			})
		case "user":
			return decodeUser(v, &w.User)
		case "data":
			d, err := decodeData(v)
			w.Data = d
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return w.interaction(), nil
}

// decodeObject decodes the JSON object v into dst: field reads each
// member, by name, as the scanner finds it. When a member's name is
// written with escapes, which only encoding/json decodes, encoding/json
// decodes v into dst instead.
func decodeObject[T any](v []byte, dst *T, field func(name, v []byte) error) error {
	slow := false
	err := eachMember(v, func(name []byte, escaped bool, v []byte) error {
		if escaped {
			slow = true
			return nil
		}
		return field(name, v)
	})
	if err != nil || !slow {
		return err
	}
	var zero T
	*dst = zero
	return json.Unmarshal(v, dst)
}

// interaction returns w as discordgo's interaction.
func (w *wireInteraction) interaction() *discordgo.Interaction {
	i := &discordgo.Interaction{ID: w.ID, Type: w.Type, GuildID: w.GuildID, ChannelID: w.ChannelID}
	if w.Member != nil {
		i.Member = &discordgo.Member{}
		if w.Member.User != nil {
			i.Member.User = &discordgo.User{ID: w.Member.User.ID}
		}
	}
	if w.User != nil {
		i.User = &discordgo.User{ID: w.User.ID}
	}
	if d := w.Data; d != nil {
		switch w.Type {
		case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
			var id string
			_ = decodeString(d.ID, &id) // a command's ID is a string, which only logs show
			i.Data = discordgo.ApplicationCommandInteractionData{
				ID: id, Name: d.Name, CommandType: d.CommandType, Options: d.Options,
				TargetID: d.TargetID, Resolved: d.Resolved,
			}
		case discordgo.InteractionMessageComponent:
			i.Data = discordgo.MessageComponentInteractionData{CustomID: d.CustomID, ComponentType: d.ComponentType, Values: d.Values}
		case discordgo.InteractionModalSubmit:
			i.Data = discordgo.ModalSubmitInteractionData{CustomID: d.CustomID}
		}
	}
	return i
}

// decodeUser decodes the user object v, of which the bot reads the ID.
func decodeUser(v []byte, dst **wireUser) error {
	if isNull(v) {
		*dst = nil
		return nil
	}
	u := &wireUser{}
	*dst = u
	return decodeObject(v, u, func(name, v []byte) error {
		if string(name) != "id" {
			return nil
		}
		return decodeString(v, &u.ID)
	})
}

// decodeString decodes the JSON value v, a string or null, into dst.
func decodeString(v []byte, dst *string) error {
	if len(v) >= 2 && v[0] == '"' && bytes.IndexByte(v, '\\') < 0 {
		*dst = string(v[1 : len(v)-1])
		return nil
	}
	return json.Unmarshal(v, dst)
}

func isNull(v []byte) bool { return string(v) == "null" }

// decodeData decodes the data object v, or null, as encoding/json would.
// The fields every command, autocomplete and button carries are read by
// the scanner; what only message commands and select menus carry, by
// encoding/json.
func decodeData(v []byte) (*wireData, error) {
	if isNull(v) {
		return nil, nil
	}
	d := &wireData{}
	err := decodeObject(v, d, func(name, v []byte) error {
		switch string(name) {
		case "id":
			d.ID = json.RawMessage(v)
		case "name":
			return decodeString(v, &d.Name)
		case "type":
			return decodeNumber(v, &d.CommandType)
		case "options":
			opts, err := decodeOptions(v)
			d.Options = opts
			return err
		case "target_id":
			return decodeString(v, &d.TargetID)
		case "resolved":
			d.Resolved = nil
			return json.Unmarshal(v, &d.Resolved)
		case "custom_id":
			return decodeString(v, &d.CustomID)
		case "component_type":
			return decodeNumber(v, &d.ComponentType)
		case "values":
			d.Values = nil
			return json.Unmarshal(v, &d.Values)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// decodeOptions decodes a list of command options, or null.
func decodeOptions(v []byte) ([]*discordgo.ApplicationCommandInteractionDataOption, error) {
	if isNull(v) {
		return nil, nil
	}
	opts := []*discordgo.ApplicationCommandInteractionDataOption{}
	err := eachElement(v, func(v []byte) error {
		if isNull(v) {
			opts = append(opts, nil)
			return nil
		}
		o := &discordgo.ApplicationCommandInteractionDataOption{}
		opts = append(opts, o)
		return decodeObject(v, o, func(name, v []byte) error {
			switch string(name) {
			case "name":
				return decodeString(v, &o.Name)
			case "type":
				return decodeNumber(v, &o.Type)
			case "value":
				return decodeAny(v, &o.Value)
			case "focused":
				return decodeBool(v, &o.Focused)
			case "options":
				sub, err := decodeOptions(v)
				o.Options = sub
				return err
			}
			return nil
		})
	})
	return opts, err
}

// decodeNumber decodes the JSON value v into the small whole number dst:
// digits are read directly, anything else by encoding/json.
func decodeNumber[T ~uint8 | ~uint](v []byte, dst *T) error {
	if len(v) > 0 && len(v) <= 3 {
		n := 0
		for _, c := range v {
			if c < '0' || c > '9' {
				return json.Unmarshal(v, dst)
			}
			n = n*10 + int(c-'0')
		}
		if int(T(n)) == n {
			*dst = T(n)
			return nil
		}
	}
	return json.Unmarshal(v, dst)
}

// decodeBool decodes the JSON value v, a boolean or null, into dst.
func decodeBool(v []byte, dst *bool) error {
	switch string(v) {
	case "true":
		*dst = true
		return nil
	case "false":
		*dst = false
		return nil
	}
	return json.Unmarshal(v, dst)
}

// decodeAny decodes the JSON value v as encoding/json decodes into an
// interface: a string, a float64, a bool or nil.
func decodeAny(v []byte, dst *any) error {
	switch {
	case len(v) >= 2 && v[0] == '"' && bytes.IndexByte(v, '\\') < 0:
		*dst = string(v[1 : len(v)-1])
		return nil
	case string(v) == "true", string(v) == "false":
		*dst = string(v) == "true"
		return nil
	}
	return json.Unmarshal(v, dst)
}

package bot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// MarshalResponse returns the JSON body that answers an interaction with r:
// what the HTTP endpoint writes and what the gateway POSTs to the
// interaction's callback.
//
// Use it instead of json.Marshal: discordgo omits an empty autocomplete
// choice list, but Discord documents "choices" as a required field of an
// autocomplete answer (and the payload checker insists on it), so
// MarshalResponse writes autocomplete answers as
// {"type":8,"data":{"choices":[...]}}, always with the list. Every other
// response is written as json.Marshal would, without escaping <, > and &.
func MarshalResponse(r *discordgo.InteractionResponse) ([]byte, error) {
	e := getEncoder()
	defer putEncoder(e)
	body, err := e.response(r)
	return bytes.Clone(body), err
}

// response encodes r as MarshalResponse does into e's buffer, which it
// returns.
func (e *encoder) response(r *discordgo.InteractionResponse) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("marshaling an interaction response: the response is nil")
	}
	var v any = r
	if r.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
		cs := []*discordgo.ApplicationCommandOptionChoice{}
		if r.Data != nil && r.Data.Choices != nil {
			cs = r.Data.Choices
		}
		type data struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		}
		v = struct {
			Type discordgo.InteractionResponseType `json:"type"`
			Data data                              `json:"data"`
		}{r.Type, data{cs}}
	}
	body, err := e.encode(v)
	if err != nil {
		return nil, fmt.Errorf("marshaling an interaction response: %w", err)
	}
	return body, nil
}

// replyBody is the body of a reply, with the fields the bot sets only.
type replyBody struct {
	Content          string                            `json:"content,omitempty"`
	Embeds           []*discordgo.MessageEmbed         `json:"embeds"`
	Components       []discordgo.MessageComponent      `json:"components"`
	AllowedMentions  *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	MessageReference *discordgo.MessageReference       `json:"message_reference,omitempty"`
}

// MarshalReply returns the JSON body that creates send as a message:
// content, embeds, components, allowed_mentions and message_reference,
// with empty lists rather than nulls, no mentions allowed unless send says
// otherwise, and without escaping <, > and &, as MarshalResponse writes
// responses.
func MarshalReply(send *discordgo.MessageSend) ([]byte, error) {
	if send == nil {
		return nil, fmt.Errorf("marshaling a reply: the reply is nil")
	}
	b := replyBody{
		Content:          send.Content,
		Embeds:           send.Embeds,
		Components:       send.Components,
		AllowedMentions:  send.AllowedMentions,
		MessageReference: send.Reference,
	}
	if b.Embeds == nil {
		b.Embeds = []*discordgo.MessageEmbed{}
	}
	if b.Components == nil {
		b.Components = []discordgo.MessageComponent{}
	}
	if b.AllowedMentions == nil {
		b.AllowedMentions = noMentions()
	}
	body, err := encodeJSON(b)
	if err != nil {
		return nil, fmt.Errorf("marshaling a reply: %w", err)
	}
	return body, nil
}

// encodeJSON returns v as JSON on one line, without escaping <, > and &,
// which Discord shows as they are.
func encodeJSON(v any) ([]byte, error) {
	e := getEncoder()
	defer putEncoder(e)
	body, err := e.encode(v)
	return bytes.Clone(body), err
}

// encoder writes JSON without escaping <, > and & into a buffer it keeps.
type encoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

// encoders holds encoders between answers, so that a busy endpoint does
// not allocate a buffer and an encoder for each.
var encoders = sync.Pool{New: func() any {
	e := &encoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}}

func getEncoder() *encoder {
	e := encoders.Get().(*encoder)
	e.buf.Reset()
	return e
}

func putEncoder(e *encoder) {
	// A buffer that grew past the largest accepted body is left to the
	// garbage collector, as putBuffer does.
	if e.buf.Cap() <= 2*MaxInteractionBody {
		encoders.Put(e)
	}
}

// encode returns v as JSON on one line, in e's buffer: valid until e is
// used again.
func (e *encoder) encode(v any) ([]byte, error) {
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")), nil
}

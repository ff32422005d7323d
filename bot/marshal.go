package bot

import (
	"bytes"
	"encoding/json"
	"fmt"

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
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("marshaling an interaction response: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

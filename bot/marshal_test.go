package bot

import (
	"encoding/json"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestMarshalResponse(t *testing.T) {
	tests := []struct {
		name string
		r    *discordgo.InteractionResponse
		want string
	}{
		{"pong", &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, `{"type":1}`},
		{"no choices", choices(nil), `{"type":8,"data":{"choices":[]}}`},
		{"choices left nil", &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult}, `{"type":8,"data":{"choices":[]}}`},
		{"choices", choices([]*discordgo.ApplicationCommandOptionChoice{{Name: "John Kerry — 4 quotes", Value: "John Kerry"}}),
			`{"type":8,"data":{"choices":[{"name":"John Kerry — 4 quotes","value":"John Kerry"}]}}`},
		{"message", ephemeral("a <b> & c"),
			`{"type":4,"data":{"tts":false,"content":"a <b> & c","components":null,"embeds":null,"allowed_mentions":{"parse":[],"replied_user":false},"flags":64}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MarshalResponse(tt.r)
			if err != nil {
				t.Fatalf("MarshalResponse(%s) error = %v", tt.name, err)
			}
			if string(got) != tt.want {
				t.Errorf("MarshalResponse(%s) = %s, want %s", tt.name, got, tt.want)
			}
			if !json.Valid(got) {
				t.Errorf("MarshalResponse(%s) = %s is not JSON", tt.name, got)
			}
		})
	}
	if _, err := MarshalResponse(nil); err == nil {
		t.Error("MarshalResponse(nil) error = nil, want an error")
	}
}

package discordtest

import (
	"bytes"
	"errors"
	"net/http"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// TestFakeDiscordFollowsDiscordsRules checks the fake itself, with a bare
// discordgo session: the rules tests rely on when they count answers, and
// the message route the mention tests use.
func TestFakeDiscordFollowsDiscordsRules(t *testing.T) {
	f := New(t)
	s, err := discordgo.New("Bot " + BotToken)
	if err != nil {
		t.Fatal(err)
	}
	s.Client = f.Client()
	s.Dialer = f.Dialer()
	s.ShouldReconnectOnError = false
	s.LogLevel = -1
	if err := s.Open(); err != nil {
		t.Fatalf("opening a session with the fake: %v", err)
	}
	defer s.Close()

	command := map[string]any{"type": 2, "data": map[string]any{"id": "6000000000000000006", "name": "about", "type": 1}}
	message := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "hello"}}
	choices := &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{}}
	respond := func(id, token string, r *discordgo.InteractionResponse) error {
		return s.InteractionRespond(&discordgo.Interaction{ID: id, Token: token}, r)
	}
	status := func(err error) int {
		var re *discordgo.RESTError
		if errors.As(err, &re) {
			return re.Response.StatusCode
		}
		if err != nil {
			return -1
		}
		return http.StatusNoContent
	}

	t.Run("callbacks", func(t *testing.T) {
		id := f.Interact(t, command)
		token := f.Interaction(id).Token
		other := f.Interact(t, command)
		for _, tc := range []struct {
			name      string
			id, token string
			resp      *discordgo.InteractionResponse
			want      int
		}{
			{"unknown interaction", "1", "token", message, http.StatusNotFound},
			{"wrong token", id, "not-" + token, message, http.StatusUnauthorized},
			{"response type that does not fit", id, token, choices, http.StatusBadRequest},
			{"first answer", id, token, message, http.StatusNoContent},
			{"second answer", id, token, message, http.StatusBadRequest},
			{"another interaction", other, f.Interaction(other).Token, message, http.StatusNoContent},
		} {
			if got := status(respond(tc.id, tc.token, tc.resp)); got != tc.want {
				t.Errorf("%s: InteractionRespond status = %d, want %d", tc.name, got, tc.want)
			}
		}
		if in := f.Interaction(id); in.Answered.IsZero() || len(in.Callbacks) != 4 {
			t.Errorf("interaction %s: answered %v with %d callbacks, want answered with 4", id, !in.Answered.IsZero(), len(in.Callbacks))
		}
	})

	t.Run("messages", func(t *testing.T) {
		m, err := s.ChannelMessageSendReply("4000000000000000004", "hello",
			&discordgo.MessageReference{MessageID: "4100000000000000041", ChannelID: "4000000000000000004"})
		if err != nil {
			t.Fatal(err)
		}
		if m.ID == "" || m.Content != "hello" || m.Type != discordgo.MessageTypeReply || m.Author == nil || !m.Author.Bot {
			t.Errorf("created message = %+v, want a reply by the bot saying hello", m)
		}
		got := f.Messages()
		if len(got) != 1 || got[0].Path != "/api/v9/channels/4000000000000000004/messages" || !bytes.Contains(got[0].Body, []byte(`"hello"`)) {
			t.Errorf("messages recorded = %+v, want the one sent", got)
		}
		bad, _ := discordgo.New("Bot MTAwMDAwMDAwMDAwMDAwMDA5.Wr0nGt.another-token")
		bad.Client = s.Client
		if _, err := bad.ChannelMessageSend("4000000000000000004", "hello"); status(err) != http.StatusUnauthorized {
			t.Errorf("sending with another token: %v, want a 401", err)
		}
	})

	t.Run("dispatch order", func(t *testing.T) {
		var seqs []int
		for _, fr := range f.Frames() {
			if !fr.FromClient && fr.Op == 0 {
				seqs = append(seqs, fr.Seq)
			}
		}
		for i, seq := range seqs {
			if seq != i+1 {
				t.Fatalf("dispatch sequence numbers = %v, want 1, 2, 3...", seqs)
			}
		}
	})
}

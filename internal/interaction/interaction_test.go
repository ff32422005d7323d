package interaction

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

var key = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, ed25519.SeedSize))

func TestBuildersDecodeAsDiscordgoDoes(t *testing.T) {
	user := User{ID: "900", Username: "reader"}
	tests := []struct {
		name  string
		i     Interaction
		check func(*discordgo.Interaction) bool
	}{
		{"command in a guild", Command("1", "find", String("query", "russia")).InGuild("7", "9", user), func(d *discordgo.Interaction) bool {
			data := d.ApplicationCommandData()
			return d.Type == discordgo.InteractionApplicationCommand && d.GuildID == "7" && d.Member.User.ID == "900" &&
				data.Name == "find" && data.Options[0].StringValue() == "russia"
		}},
		{"autocomplete in a DM", Autocomplete("1", "quote", Option{Name: "speaker", Type: discordgo.ApplicationCommandOptionString, Value: "ke", Focused: true}).InDM("9", user), func(d *discordgo.Interaction) bool {
			o := d.ApplicationCommandData().Options[0]
			return d.Type == discordgo.InteractionApplicationCommandAutocomplete && d.User.ID == "900" && o.Focused && o.StringValue() == "ke"
		}},
		{"message command", MessageCommand("1", "Find in article", map[string]any{"id": "42", "channel_id": "9", "content": "tanks"}), func(d *discordgo.Interaction) bool {
			data := d.ApplicationCommandData()
			return data.TargetID == "42" && data.Resolved.Messages["42"].Content == "tanks"
		}},
		{"button", Button("find:2:russia", map[string]any{"id": "43", "channel_id": "9"}), func(d *discordgo.Interaction) bool {
			return d.MessageComponentData().CustomID == "find:2:russia" && d.Message.ID == "43"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tt.i.Decode()
			if err != nil {
				t.Fatalf("Decode() = %v", err)
			}
			if !tt.check(d) {
				t.Errorf("Decode() = %+v, not the interaction built", d)
			}
		})
	}
}

func TestSignatures(t *testing.T) {
	body := []byte(`{"type":1}`)
	at := time.Unix(1_700_000_000, 0)
	pub := key.Public().(ed25519.PublicKey)
	verifies := func(sig, ts string) bool {
		raw, err := hex.DecodeString(sig)
		return err == nil && ed25519.Verify(pub, append([]byte(ts), body...), raw)
	}
	if sig, ts := Sign(key, at, body); ts != "1700000000" || !verifies(sig, ts) {
		t.Errorf("Sign = %s, %s: want a signature of the timestamp and body", sig, ts)
	}
	h := Headers(key, at, body)
	if !verifies(h.Get(HeaderSignature), h.Get(HeaderTimestamp)) || h.Get("Content-Type") != "application/json" {
		t.Errorf("Headers = %v, want signed JSON", h)
	}

	raw := RawRequest("bot.example", "/interactions", key, at, body)
	r, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil {
		t.Fatalf("RawRequest is not an HTTP request: %v\n%s", err, raw)
	}
	got, _ := io.ReadAll(r.Body)
	if r.Method != http.MethodPost || r.URL.Path != "/interactions" || r.Host != "bot.example" || !bytes.Equal(got, body) ||
		!verifies(r.Header.Get(HeaderSignature), r.Header.Get(HeaderTimestamp)) {
		t.Errorf("RawRequest = %s %s %s %q %v, want a signed POST of the body", r.Method, r.Host, r.URL, got, r.Header)
	}
}

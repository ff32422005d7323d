package bot

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// interactionSeeds returns the interactions under testdata, as Discord
// sends them.
func interactionSeeds(t testing.TB) [][]byte {
	t.Helper()
	var seeds [][]byte
	for _, dir := range []string{"http", "interactions"} {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no interactions in testdata/%s: %v", dir, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, bytes.TrimSpace(b))
		}
	}
	return seeds
}

// TestDecodeInteraction checks that decodeInteraction reads what the bot
// reads of each interaction exactly as discordgo decodes it.
func TestDecodeInteraction(t *testing.T) {
	for _, body := range interactionSeeds(t) {
		var want discordgo.Interaction
		if err := json.Unmarshal(body, &want); err != nil {
			t.Fatalf("discordgo cannot decode %s: %v", body, err)
		}
		got, err := decodeInteraction(body)
		if err != nil {
			t.Fatalf("decodeInteraction(%.80s) = %v", body, err)
		}
		if got.ID != want.ID || got.Type != want.Type || got.GuildID != want.GuildID || got.ChannelID != want.ChannelID || userID(got) != userID(&want) {
			t.Errorf("decodeInteraction(%.80s) = %+v, want %+v", body, got, &want)
		}
		if !reflect.DeepEqual(got.Data, want.Data) {
			t.Errorf("decodeInteraction(%.80s).Data = %#v, want %#v", body, got.Data, want.Data)
		}
	}
}

func TestDecodeInteractionEscapedNames(t *testing.T) {
	got, err := decodeInteraction([]byte(`{"\u0069d":"5","type":2,"member":{"user":{"id":"7"}},"data":{"name":"about","type":1}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "5" || userID(got) != "7" || commandName(got) != "about" {
		t.Errorf("decodeInteraction with an escaped name = %+v, want ID 5, user 7, /about", got)
	}
}

// FuzzDecodeInteraction checks that the scanner accepts exactly the JSON
// objects, and the JSON arrays, that encoding/json accepts, and that
// decodeInteraction never panics.
func FuzzDecodeInteraction(f *testing.F) {
	for _, s := range interactionSeeds(f) {
		f.Add(s)
	}
	for _, s := range []string{`{}`, `[]`, `null`, `{"a":1e5,"b":[-0.5e-3,true,false,null,{"c":"\u00e9\n"}]}`, `{"a":01}`, `{"a":"\x01"}`, `{"a" 1}`, `{"a":1,}`, `{"a":1} x`, `{"a":"\q"}`, `[1, [2, {"b": []}], "c"]`, `[1,]`, `[`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		isObject := json.Valid(body) && bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("{"))
		err := eachMember(body, func([]byte, bool, []byte) error { return nil })
		if (err == nil) != isObject {
			t.Errorf("eachMember(%q) = %v, want an error exactly when it is not one JSON object", body, err)
		}
		isArray := json.Valid(body) && bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("["))
		if err := eachElement(body, func([]byte) error { return nil }); (err == nil) != isArray {
			t.Errorf("eachElement(%q) = %v, want an error exactly when it is not one JSON array", body, err)
		}
		_, _ = decodeInteraction(body)
	})
}

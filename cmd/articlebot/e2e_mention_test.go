package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/discordtest"
	"github.com/bwmarrin/discordgo"
)

// mentionChannel is the channel the mention tests' messages are posted in.
const mentionChannel = "2100000000000000021"

// messageCreate returns the d of a MESSAGE_CREATE for a message in
// channel, written by author, that mentions the bot.
func messageCreate(id, channel, content string, author map[string]any) map[string]any {
	return map[string]any{
		"id": id, "channel_id": channel, "guild_id": testGuild, "type": 0,
		"content": content, "author": author, "timestamp": "2024-11-01T17:45:09.311000+00:00",
		"tts": false, "mention_everyone": false, "mention_roles": []any{}, "attachments": []any{}, "embeds": []any{},
		"mentions": []any{map[string]any{"id": discordtest.AppID, "username": "articlebot", "discriminator": "0", "bot": true}},
		"pinned":   false, "flags": 0,
	}
}

var (
	mentionAsker    = map[string]any{"id": "5000000000000000005", "username": "mira.reader", "discriminator": "0"}
	mentionOtherBot = map[string]any{"id": "5000000000000000006", "username": "helper", "discriminator": "0", "bot": true}
)

// identifyIntents returns the intents of each IDENTIFY the fake received.
func identifyIntents(t *testing.T, f *discordtest.Discord) []int {
	t.Helper()
	var out []int
	for _, fr := range f.Identifies() {
		var d struct{ Intents *int }
		if err := json.Unmarshal(fr.Data, &d); err != nil || d.Intents == nil {
			t.Fatalf("IDENTIFY without intents: %s", fr.Data)
		}
		out = append(out, *d.Intents)
	}
	return out
}

// answerAbout dispatches /about and waits for its answer. Events reach the
// runner's handlers in order, so once /about is answered every message
// dispatched before it has been handled.
func answerAbout(t *testing.T, f *discordtest.Discord) {
	t.Helper()
	id := f.Interact(t, map[string]any{
		"type": 2, "channel_id": mentionChannel, "guild_id": testGuild, "version": 1,
		"member": map[string]any{"user": mentionAsker, "roles": []any{}, "permissions": "0"},
		"data":   map[string]any{"id": "6000000000000000006", "name": "about", "type": 1},
	})
	f.WaitAnswered(t, id)
}

// TestE2EMention checks answers to mentions through the gateway: with
// ASK_ON_MENTION on (the default) the runner identifies with the
// guild-message and direct-message intents, a message that mentions the
// bot gets exactly one reply posted to its channel, with the body the bot
// package builds for it, and a bot's message gets none; with
// ASK_ON_MENTION=false the runner identifies with no intents and answers
// no mention.
func TestE2EMention(t *testing.T) {
	t.Parallel()
	t.Run("on", func(t *testing.T) {
		f := discordtest.New(t)
		b := startBot(t, f, nil)
		f.WaitStarted(t, 1)

		// The bot's message is in a channel of its own, so that the limit
		// of one answer per channel cannot be what keeps it unanswered.
		fromBot := messageCreate("7000000000000000001", "2100000000000000022", "<@"+discordtest.AppID+"> who spoke to Press TV?", mentionOtherBot)
		question := messageCreate("7000000000000000002", mentionChannel, "<@"+discordtest.AppID+"> who spoke to Press TV?", mentionAsker)
		f.Dispatch(t, "MESSAGE_CREATE", fromBot)
		f.Dispatch(t, "MESSAGE_CREATE", question)
		f.WaitFor(t, "the reply to the mention", func(r *discordtest.Records) bool {
			return len(r.Messages) > 0 && r.Messages[0].Status != 0
		})
		answerAbout(t, f)
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}

		want := discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
		if got := identifyIntents(t, f); len(got) != 1 || got[0] != int(want) {
			t.Errorf("identify intents = %v, want [%d]", got, want)
		}
		msgs := f.Messages()
		if len(msgs) != 1 {
			t.Fatalf("%d messages posted, want exactly 1: the reply to the person's mention", len(msgs))
		}
		m := msgs[0]
		if m.Method != "POST" || m.Path != "/api/v9/channels/"+mentionChannel+"/messages" || !m.OK() {
			t.Errorf("the reply is %s %s (status %d), want POST /api/v9/channels/%s/messages", m.Method, m.Path, m.Status, mentionChannel)
		}
		if m.Auth != "Bot "+discordtest.BotToken {
			t.Error("the reply's Authorization is not \"Bot \" and the token")
		}

		// The body is what the bot package builds for the message.
		raw, _ := json.Marshal(question)
		var msg discordgo.Message
		if err := json.Unmarshal(raw, &msg); err != nil {
			t.Fatal(err)
		}
		reply, ok := bot.NewMentions(testBot(t, nil)).Reply(context.Background(), &msg, discordtest.AppID)
		if !ok {
			t.Fatal("the bot package gives the question no reply")
		}
		wantBody, err := bot.MarshalReply(reply)
		if err != nil {
			t.Fatal(err)
		}
		if canonicalJSON(t, m.Body) != canonicalJSON(t, wantBody) {
			t.Errorf("reply body = %s\nwant %s", m.Body, wantBody)
		}
		var body struct {
			AllowedMentions map[string]any `json:"allowed_mentions"`
			Reference       map[string]any `json:"message_reference"`
			Embeds          []struct {
				Description string `json:"description"`
			} `json:"embeds"`
		}
		if err := json.Unmarshal(m.Body, &body); err != nil {
			t.Fatal(err)
		}
		if body.Reference["message_id"] != question["id"] || body.Reference["channel_id"] != mentionChannel {
			t.Errorf("message_reference = %v, want the question %s", body.Reference, question["id"])
		}
		if p, ok := body.AllowedMentions["parse"].([]any); !ok || len(p) != 0 || body.AllowedMentions["replied_user"] != false {
			t.Errorf("allowed_mentions = %v, want {\"parse\": [], \"replied_user\": false}", body.AllowedMentions)
		}
		if len(body.Embeds) != 1 || !strings.Contains(body.Embeds[0].Description, "¶12") {
			t.Errorf("the reply's embeds = %+v, want the answer citing ¶12", body.Embeds)
		}
	})

	t.Run("off", func(t *testing.T) {
		f := discordtest.New(t)
		b := startBot(t, f, map[string]string{envAskMention: "false"})
		f.WaitStarted(t, 1)
		f.Dispatch(t, "MESSAGE_CREATE", messageCreate("7000000000000000003", mentionChannel, "<@"+discordtest.AppID+"> who spoke to Press TV?", mentionAsker))
		answerAbout(t, f)
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
		if got := identifyIntents(t, f); len(got) != 1 || got[0] != 0 {
			t.Errorf("identify intents = %v, want [0]", got)
		}
		if msgs := f.Messages(); len(msgs) != 0 {
			t.Errorf("%d messages posted with ASK_ON_MENTION=false, want none", len(msgs))
		}
	})
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/discordtest"
	"github.com/bwmarrin/discordgo"
)

// The end-to-end tests run articlebot exactly as main does, through run,
// with a real discordgo session whose REST calls and gateway connection go
// to the fake Discord of internal/discordtest. Each test names what it
// proves; the fake records what the runner sent, and the tests compare
// every answer with what bot.Respond returns for the same interaction.
//
// Every run logs at debug level, so discordgo's own messages reach the
// captured log, and startBot checks that log, stdout and run's error for
// the token when the test ends.

// answerBound is the time within which Discord needs the first response to
// an interaction. Tests check answers against it as a generous bound and
// log the real latency; they never time anything tightly.
const answerBound = 3 * time.Second

// testGuild is the guild the interaction fixtures come from.
const testGuild = "2000000000000000002"

// loadInteraction reads testdata/e2e/name.json, an interaction as Discord
// sends it in INTERACTION_CREATE. The fake gives it its ID and token.
func loadInteraction(t testing.TB, name string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "e2e", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("testdata/e2e/%s.json: %v", name, err)
	}
	return v
}

// forRegistered returns payload with data.id set to the ID the fake gave
// the command when the runner registered it in scope, as Discord does. A
// command the fake does not know keeps the fixture's ID.
func forRegistered(f *discordtest.Discord, scope string, payload map[string]any) map[string]any {
	data, _ := payload["data"].(map[string]any)
	name, _ := data["name"].(string)
	id := f.CommandID(scope, name)
	if id == "" {
		return payload
	}
	d := make(map[string]any, len(data))
	for k, v := range data {
		d[k] = v
	}
	d["id"] = id
	p := make(map[string]any, len(payload))
	for k, v := range payload {
		p[k] = v
	}
	p["data"] = d
	return p
}

// expectedAnswer returns what bot.Respond answers to payload, an
// interaction's JSON, encoded by bot.MarshalResponse as the bot sends it.
func expectedAnswer(t testing.TB, payload []byte) []byte {
	t.Helper()
	resp := testBot(t, nil).Respond(context.Background(), decodeInteractionJSON(t, payload))
	want, err := bot.MarshalResponse(resp)
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// canonicalJSON returns raw re-encoded with sorted keys, so that equal JSON
// values compare equal as strings.
func canonicalJSON(t testing.TB, raw []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("invalid JSON %s: %v", raw, err)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

// checkAnswer checks that interaction id was answered exactly once, on its
// callback route, with what bot.Respond returns for it and with a response
// of type wantType, within answerBound. Besides the answer, the only
// callbacks allowed are those the fake failed on purpose. It returns the
// answer's callback.
func checkAnswer(t testing.TB, f *discordtest.Discord, id string, wantType discordgo.InteractionResponseType) discordtest.Request {
	t.Helper()
	cb := f.WaitAnswered(t, id)
	in := f.Interaction(id)
	if cbs := f.Callbacks(id); len(cbs) != 1+in.Faults {
		t.Errorf("interaction %s got %d callbacks, want exactly 1 besides the %d the fake failed", id, len(cbs), in.Faults)
	}
	if want := "/api/v9/interactions/" + id + "/" + in.Token + "/callback"; cb.Path != want {
		t.Errorf("answer posted to %s, want %s", cb.Path, want)
	}
	want := expectedAnswer(t, in.Payload)
	if canonicalJSON(t, cb.Body) != canonicalJSON(t, want) {
		t.Errorf("answer = %s\nwant what bot.Respond returns: %s", cb.Body, want)
	}
	var got struct {
		Type discordgo.InteractionResponseType
	}
	json.Unmarshal(cb.Body, &got)
	if got.Type != wantType {
		t.Errorf("answer type = %d, want %d", got.Type, wantType)
	}
	latency := cb.Start.Sub(in.Dispatched)
	t.Logf("interaction %s answered in %v", id, latency.Round(time.Microsecond))
	if latency > answerBound {
		t.Errorf("interaction %s answered after %v, want within %v", id, latency, answerBound)
	}
	return cb
}

// commandsOutput returns what "articlebot commands" prints.
func commandsOutput(t testing.TB) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"commands"}, mapEnv(nil), &out, io.Discard, withEnvFile("")); err != nil {
		t.Fatalf("articlebot commands: %v", err)
	}
	return out.Bytes()
}

// sessionOf returns the session ID of the READY dispatch the fake sent on
// connection conn, or "".
func sessionOf(f *discordtest.Discord, conn int) string {
	for _, fr := range f.Frames() {
		if fr.Conn == conn && !fr.FromClient && fr.Type == "READY" {
			var r struct {
				SessionID string `json:"session_id"`
			}
			json.Unmarshal(fr.Data, &r)
			return r.SessionID
		}
	}
	return ""
}

// lastSeq returns the sequence number of the last dispatch the fake sent
// on connection conn.
func lastSeq(f *discordtest.Discord, conn int) int {
	seq := 0
	for _, fr := range f.Frames() {
		if fr.Conn == conn && !fr.FromClient && fr.Op == 0 {
			seq = fr.Seq
		}
	}
	return seq
}

// TestE2EStartUp checks that articlebot identifies with the intents of its
// default configuration (the guild-message and direct-message intents, for
// answers to mentions; TestE2EMention checks both settings) and registers
// its commands with exactly one bulk overwrite, in the guild when
// DISCORD_GUILD_ID is set and globally otherwise, sending what
// "articlebot commands" prints; and that a second start does the same
// single overwrite, which leaves the same commands with the same IDs.
func TestE2EStartUp(t *testing.T) {
	t.Parallel()
	want := commandsOutput(t)
	var wantCmds []map[string]any
	if err := json.Unmarshal(want, &wantCmds); err != nil {
		t.Fatalf("articlebot commands printed %s: %v", want, err)
	}
	for _, tc := range []struct {
		name, guild, scope, otherScope, path string
	}{
		{"global", "", "global", testGuild, "/api/v9/applications/" + discordtest.AppID + "/commands"},
		{"guild", testGuild, testGuild, "global", "/api/v9/applications/" + discordtest.AppID + "/guilds/" + testGuild + "/commands"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := discordtest.New(t)
			var ids [2][]string
			for start := 1; start <= 2; start++ {
				b := startBot(t, f, map[string]string{envGuildID: tc.guild})
				conn := f.WaitStarted(t, start)
				// discordgo heartbeats as soon as it has connected, and the fake
				// acknowledges it.
				f.WaitFor(t, "a heartbeat acknowledged", func(r *discordtest.Records) bool {
					beat := false
					for _, fr := range r.Frames {
						if fr.Conn == conn.N && fr.FromClient && fr.Op == 1 {
							beat = true
						}
						if fr.Conn == conn.N && !fr.FromClient && fr.Op == 11 && beat {
							return true
						}
					}
					return false
				})
				for _, c := range f.Registered(tc.scope) {
					id, _ := c["id"].(string)
					ids[start-1] = append(ids[start-1], id)
				}
				if err := b.stop(t); err != nil {
					t.Fatalf("start %d: run after cancel = %v, want nil", start, err)
				}
			}

			idents := f.Identifies()
			if len(idents) != 2 {
				t.Fatalf("%d identifies over two starts, want 2", len(idents))
			}
			for i, fr := range idents {
				var d struct {
					Token   string
					Intents *int
				}
				json.Unmarshal(fr.Data, &d)
				if want := int(discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages); d.Intents == nil || *d.Intents != want {
					t.Errorf("start %d: identify intents = %v, want %d", i+1, d.Intents, want)
				}
				if strings.TrimPrefix(d.Token, "Bot ") != discordtest.BotToken {
					t.Errorf("start %d: identify does not carry the configured token", i+1)
				}
			}

			var onCommands []discordtest.Request
			for _, r := range f.Requests("") {
				if strings.Contains(r.Path, "/commands") {
					onCommands = append(onCommands, r)
				}
			}
			if len(onCommands) != 2 {
				t.Fatalf("%d requests on commands routes over two starts, want one PUT per start", len(onCommands))
			}
			for i, r := range onCommands {
				if r.Method != "PUT" || r.Path != tc.path {
					t.Errorf("start %d: registration is %s %s, want PUT %s", i+1, r.Method, r.Path, tc.path)
				}
				if !r.OK() {
					t.Errorf("start %d: the fake answered the registration with %d", i+1, r.Status)
				}
				if r.Auth != "Bot "+discordtest.BotToken {
					t.Errorf("start %d: the registration's Authorization is not \"Bot \" and the token", i+1)
				}
				if canonicalJSON(t, r.Body) != canonicalJSON(t, want) {
					t.Errorf("start %d: registration body = %s\nwant the output of articlebot commands: %s", i+1, r.Body, want)
				}
			}

			stored := f.Registered(tc.scope)
			var names, wantNames []string
			for _, c := range stored {
				names = append(names, discordtest.CommandKey(c))
			}
			for _, c := range wantCmds {
				wantNames = append(wantNames, discordtest.CommandKey(c))
			}
			if !slices.Equal(names, wantNames) {
				t.Errorf("registered commands = %v, want %v, each once", names, wantNames)
			}
			if !slices.Equal(ids[0], ids[1]) {
				t.Errorf("command IDs after the second start = %v, want the first start's %v", ids[1], ids[0])
			}
			if other := f.Registered(tc.otherScope); len(other) != 0 {
				t.Errorf("%d commands registered in scope %s too, want none", len(other), tc.otherScope)
			}

		})
	}
}

// nextButtonIn returns the custom_id of the enabled Next button in the
// response JSON body, if it has one.
func nextButtonIn(t testing.TB, body []byte) (string, bool) {
	t.Helper()
	var resp struct {
		Data struct {
			Components []discordgo.ActionsRow `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatalf("decoding the components of %s: %v", body, err)
	}
	var comps []discordgo.MessageComponent
	for _, row := range resp.Data.Components {
		comps = append(comps, row)
	}
	return nextButton(&discordgo.InteractionResponse{Data: &discordgo.InteractionResponseData{Components: comps}})
}

// buttonPress returns the interaction of pressing the button customID on
// the message that the answer body created.
func buttonPress(t testing.TB, body []byte, customID string) map[string]any {
	t.Helper()
	var answer struct {
		Data struct {
			Content    string          `json:"content"`
			Embeds     json.RawMessage `json:"embeds"`
			Components json.RawMessage `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		t.Fatal(err)
	}
	p := loadInteraction(t, "find-next-button")
	p["data"] = map[string]any{"component_type": 2, "custom_id": customID}
	msg := p["message"].(map[string]any)
	msg["content"] = answer.Data.Content
	msg["embeds"] = orEmpty(answer.Data.Embeds)
	msg["components"] = orEmpty(answer.Data.Components)
	return p
}

func orEmpty(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 || string(raw) == "null" {
		return json.RawMessage("[]")
	}
	return raw
}

// TestE2EAnswers checks that /summary, /quote kerry, /find russia, an
// autocomplete and the Next button of the /find answer, each dispatched as
// INTERACTION_CREATE, are answered exactly once on the interaction's
// callback route with what bot.Respond returns, within Discord's three
// seconds.
func TestE2EAnswers(t *testing.T) {
	t.Parallel()
	f := discordtest.New(t)
	b := startBot(t, f, map[string]string{envGuildID: testGuild, envLogFormat: "json"})
	f.WaitStarted(t, 1)

	var findAnswer []byte
	for _, tc := range []struct {
		name     string
		fixture  string
		wantType discordgo.InteractionResponseType
	}{
		{"summary", "summary", discordgo.InteractionResponseChannelMessageWithSource},
		{"quote kerry", "quote-kerry", discordgo.InteractionResponseChannelMessageWithSource},
		{"find russia", "find-russia", discordgo.InteractionResponseChannelMessageWithSource},
		{"autocomplete quote ke", "autocomplete-quote-ke", discordgo.InteractionApplicationCommandAutocompleteResult},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := f.Interact(t, forRegistered(f, testGuild, loadInteraction(t, tc.fixture)))
			cb := checkAnswer(t, f, id, tc.wantType)
			if tc.fixture == "find-russia" {
				findAnswer = cb.Body
			}
		})
	}
	t.Run("find russia next page", func(t *testing.T) {
		if findAnswer == nil {
			t.Fatal("no answer to /find russia to page through")
		}
		next, ok := nextButtonIn(t, findAnswer)
		if !ok {
			t.Fatalf("the answer to /find russia has no enabled Next button: %s", findAnswer)
		}
		id := f.Interact(t, buttonPress(t, findAnswer, next))
		cb := checkAnswer(t, f, id, discordgo.InteractionResponseUpdateMessage)
		if canonicalJSON(t, cb.Body) == canonicalJSON(t, findAnswer) {
			t.Errorf("page 2 of /find russia is the same as page 1: %s", cb.Body)
		}
	})

	if err := b.stop(t); err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
	if log := b.log.String(); !strings.Contains(log, `"source":"discordgo"`) {
		t.Errorf("the JSON debug log has no messages from discordgo, want them captured too:\n%s", log)
	}
}

// faultRun starts articlebot against a new fake and waits until it has
// registered its commands.
func faultRun(t *testing.T) (*discordtest.Discord, *botRun, *discordtest.Conn) {
	t.Helper()
	f := discordtest.New(t)
	b := startBot(t, f, nil)
	conn := f.WaitStarted(t, 1)
	return f, b, conn
}

// checkResumed checks that the runner resumed, once, the session of
// connection from with the sequence number of the last dispatch sent on it.
func checkResumed(t *testing.T, f *discordtest.Discord, from int, wantSeq int) {
	t.Helper()
	resumes := f.Resumes()
	if len(resumes) != 1 {
		t.Fatalf("%d resumes, want 1", len(resumes))
	}
	var d struct {
		SessionID string `json:"session_id"`
		Seq       int    `json:"seq"`
		Token     string `json:"token"`
	}
	json.Unmarshal(resumes[0].Data, &d)
	if want := sessionOf(f, from); d.SessionID != want {
		t.Errorf("resume session_id = %q, want the READY's %q", d.SessionID, want)
	}
	if d.Seq != wantSeq {
		t.Errorf("resume seq = %d, want %d, the last sequence number sent", d.Seq, wantSeq)
	}
	if strings.TrimPrefix(d.Token, "Bot ") != discordtest.BotToken {
		t.Errorf("resume does not carry the configured token")
	}
	if n := len(f.Identifies()); n != 1 {
		t.Errorf("%d identifies, want 1: the session was resumed", n)
	}
	t.Logf("resumed session %s at seq %d on connection %d", d.SessionID, d.Seq, resumes[0].Conn)
}

// waitLog waits until the run's log contains each of want.
func waitLog(t *testing.T, b *botRun, want ...string) {
	t.Helper()
	deadline := time.Now().Add(discordtest.WaitTimeout)
	for {
		log := b.log.String()
		missing := ""
		for _, w := range want {
			if !strings.Contains(log, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the log never showed %q:\n%s", missing, log)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestE2EFaults checks that articlebot survives what Discord's gateway and
// REST API do to it: a dropped connection, RECONNECT, INVALID_SESSION, an
// expired session, a zombie connection, a 429, a 500 and a slow callback.
func TestE2EFaults(t *testing.T) {
	t.Parallel()
	summary := loadInteraction(t, "summary")
	msg := discordgo.InteractionResponseChannelMessageWithSource

	t.Run("connection dropped: resumes and gets what it missed", func(t *testing.T) {
		t.Parallel()
		f, b, conn := faultRun(t)
		checkAnswer(t, f, f.Interact(t, summary), msg)
		seq := lastSeq(f, conn.N)
		conn.Drop()
		missed := f.Interact(t, summary) // sent while no connection is live
		checkAnswer(t, f, missed, msg)
		checkResumed(t, f, conn.N, seq)
		checkAnswer(t, f, f.Interact(t, summary), msg)
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
	})

	t.Run("RECONNECT: closes, resumes and gets what it missed", func(t *testing.T) {
		t.Parallel()
		f, b, conn := faultRun(t)
		checkAnswer(t, f, f.Interact(t, summary), msg)
		seq := lastSeq(f, conn.N)
		if err := conn.Reconnect(); err != nil {
			t.Fatal(err)
		}
		missed := f.Interact(t, summary)
		checkAnswer(t, f, missed, msg)
		checkResumed(t, f, conn.N, seq)
		conn.Wait(t)
		if ends := f.ConnEnds(); len(ends) == 0 || ends[0].Conn != conn.N || ends[0].ByFake || ends[0].ClientCode == 0 {
			t.Errorf("connection ends = %+v, want the client to close connection %d with a close frame", ends, conn.N)
		}
		checkAnswer(t, f, f.Interact(t, summary), msg)
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
	})

	t.Run("INVALID_SESSION: identifies again and answers", func(t *testing.T) {
		t.Parallel()
		f, b, conn := faultRun(t)
		checkAnswer(t, f, f.Interact(t, summary), msg)
		first := sessionOf(f, conn.N)
		if err := conn.InvalidSession(false); err != nil {
			t.Fatal(err)
		}
		f.WaitFor(t, "a second identify and READY", func(r *discordtest.Records) bool {
			return len(r.Identifies) == 2 && r.Handshakes == 2 && r.Live != 0
		})
		idents := f.Identifies()
		if idents[1].Conn != conn.N {
			t.Errorf("second identify on connection %d, want %d: discordgo identifies again on the same connection", idents[1].Conn, conn.N)
		}
		if n := len(f.Resumes()); n != 0 {
			t.Errorf("%d resumes after INVALID_SESSION, want 0", n)
		}
		checkAnswer(t, f, f.Interact(t, summary), msg)
		var sessions []string
		for _, fr := range f.Frames() {
			if fr.Type == "READY" {
				var r struct {
					SessionID string `json:"session_id"`
				}
				json.Unmarshal(fr.Data, &r)
				sessions = append(sessions, r.SessionID)
			}
		}
		if len(sessions) != 2 || sessions[0] != first || sessions[1] == first {
			t.Errorf("READY sessions = %v, want two different ones starting with %s", sessions, first)
		}
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
	})

	t.Run("connection dropped and session expired: identifies again", func(t *testing.T) {
		t.Parallel()
		f, b, conn := faultRun(t)
		checkAnswer(t, f, f.Interact(t, summary), msg)
		f.ExpireSessions()
		conn.Drop()
		f.WaitFor(t, "a second identify and READY", func(r *discordtest.Records) bool {
			return len(r.Identifies) == 2 && r.Handshakes == 2 && r.Live != 0
		})
		if n := len(f.Resumes()); n != 1 {
			t.Errorf("%d resumes, want 1 refused before identifying again", n)
		}
		checkAnswer(t, f, f.Interact(t, summary), msg)
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
	})

	t.Run("heartbeats not acknowledged: connects again and answers", func(t *testing.T) {
		t.Parallel()
		f := discordtest.New(t)
		// discordgo gives up on a connection after five heartbeat intervals
		// without an acknowledgement. The zombie, connection 2, has a short
		// interval so that it is given up on within a second; the others
		// keep Discord's usual interval, so that none of them is given up
		// on when the machine is too busy to read acknowledgements in time,
		// and no interaction is dispatched on a connection about to go.
		const zombie = 2
		f.ZombieConnection(zombie, 200*time.Millisecond)
		b := startBot(t, f, nil)
		first := f.WaitStarted(t, 1)
		checkAnswer(t, f, f.Interact(t, summary), msg)
		// RECONNECT moves the session to the zombie.
		if err := first.Reconnect(); err != nil {
			t.Fatal(err)
		}
		f.WaitFor(t, "the client to close the zombie connection and connect again", func(r *discordtest.Records) bool {
			closed := false
			for _, e := range r.Ends {
				closed = closed || (e.Conn == zombie && !e.ByFake)
			}
			return closed && r.Live > zombie
		})
		if n := len(f.Resumes()); n == 0 || f.Resumes()[0].Conn != zombie {
			t.Errorf("resumes = %+v, want the first on connection %d: the zombie had the session", f.Resumes(), zombie)
		}
		t.Logf("after the zombie connection: %d identifies, %d resumes", len(f.Identifies()), len(f.Resumes()))
		checkAnswer(t, f, f.Interact(t, summary), msg)
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
	})

	t.Run("429 on the callback: retried and delivered once", func(t *testing.T) {
		t.Parallel()
		f, b, _ := faultRun(t)
		id := f.Interact(t, summary, discordtest.RateLimited(100*time.Millisecond))
		checkAnswer(t, f, id, msg)
		cbs := f.Callbacks(id)
		var statuses []int
		for _, cb := range cbs {
			statuses = append(statuses, cb.Status)
		}
		if !slices.Equal(statuses, []int{429, 204}) {
			t.Fatalf("callback statuses = %v, want [429 204]", statuses)
		}
		if !bytes.Equal(cbs[0].Body, cbs[1].Body) {
			t.Errorf("the retry sent %s, want the same answer as the first attempt %s", cbs[1].Body, cbs[0].Body)
		}
		if wait := cbs[1].Start.Sub(cbs[0].End); wait < 100*time.Millisecond {
			t.Errorf("retried %v after the 429, want at least its retry_after of 100ms", wait)
		}
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
	})

	t.Run("500 on the callback: logged, and later interactions answered", func(t *testing.T) {
		t.Parallel()
		f, b, _ := faultRun(t)
		failed := f.Interact(t, summary, discordtest.ServerError())
		f.WaitFor(t, "the failed callback", func(r *discordtest.Records) bool {
			in := r.Interactions[failed]
			return len(in.Callbacks) == 1 && r.Requests[in.Callbacks[0]].Status != 0
		})
		waitLog(t, b, "delivering an answer failed", "interaction_id="+failed, "500 Internal Server Error")
		checkAnswer(t, f, f.Interact(t, summary), msg)
		if b.returned() {
			t.Fatalf("run returned %v after a 500, want it to keep answering", b.err)
		}
		if n := len(f.Callbacks(failed)); n != 1 {
			t.Errorf("the failed interaction got %d callbacks, want 1: a 500 is not retried", n)
		}
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
	})

	t.Run("slow callback does not hold up other interactions", func(t *testing.T) {
		t.Parallel()
		const slowness = 2 * time.Second
		f, b, _ := faultRun(t)
		slowID := f.Interact(t, summary, discordtest.Slow(slowness))
		f.WaitFor(t, "the slow callback to arrive", func(r *discordtest.Records) bool {
			return len(r.Interactions[slowID].Callbacks) > 0
		})
		fast := f.Interact(t, summary)
		slowDone := false
		f.WaitFor(t, "the other interaction's answer", func(r *discordtest.Records) bool {
			if r.Interactions[fast].Answered.IsZero() {
				return false
			}
			slowDone = !r.Interactions[slowID].Answered.IsZero()
			return true
		})
		if slowDone {
			t.Errorf("the other interaction was answered only after the slow callback completed")
		}
		checkAnswer(t, f, fast, msg)
		cb := checkSlowAnswer(t, f, slowID)
		if took := cb.End.Sub(cb.Start); took < slowness {
			t.Errorf("the slow callback took %v, want the fake's %v", took, slowness)
		}
		fastCB := f.Callbacks(fast)[0]
		t.Logf("other interaction answered %v before the slow callback completed", cb.End.Sub(fastCB.End).Round(time.Millisecond))
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
	})
}

// checkSlowAnswer checks that interaction id, whose callback the fake
// delayed, was delivered once with the right answer, and returns the
// callback.
func checkSlowAnswer(t *testing.T, f *discordtest.Discord, id string) discordtest.Request {
	t.Helper()
	cb := f.WaitAnswered(t, id)
	if n := len(f.Callbacks(id)); n != 1 {
		t.Errorf("the slow interaction got %d callbacks, want 1", n)
	}
	if canonicalJSON(t, cb.Body) != canonicalJSON(t, expectedAnswer(t, f.Interaction(id).Payload)) {
		t.Errorf("the slow interaction's answer %s is not what bot.Respond returns", cb.Body)
	}
	return cb
}

// TestE2EShutdown checks that cancelling run's context, which is what
// SIGTERM does, while answers are in flight lets them be delivered, closes
// the gateway with a normal close frame, and returns nil within 5 seconds.
func TestE2EShutdown(t *testing.T) {
	t.Parallel()
	f, b, conn := faultRun(t)
	hold := make(chan struct{})
	f.SetRESTFault(onCallbacks(discordtest.Held(hold)))
	var ids []string
	for _, fixture := range []string{"summary", "quote-kerry", "find-russia"} {
		ids = append(ids, f.Interact(t, loadInteraction(t, fixture)))
	}
	f.WaitFor(t, "three callbacks in flight", func(r *discordtest.Records) bool {
		for _, id := range ids {
			if len(r.Interactions[id].Callbacks) == 0 {
				return false
			}
		}
		return true
	})

	cancelled := time.Now()
	b.cancel()
	// The fake holds the answers for a moment; run must wait for them.
	time.Sleep(200 * time.Millisecond)
	if b.returned() {
		t.Fatalf("run returned %v while answers were in flight, want it to wait for them", b.err)
	}
	close(hold)
	err := b.wait(t)
	took := time.Since(cancelled)
	t.Logf("run returned %v after the cancel", took.Round(time.Millisecond))
	if err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
	if took > 5*time.Second {
		t.Errorf("run returned %v after the cancel, want within 5s", took)
	}
	for _, id := range ids {
		cbs := f.Callbacks(id)
		if len(cbs) != 1 || cbs[0].Status != 204 {
			t.Errorf("interaction %s: callbacks %+v, want one delivered", id, cbs)
			continue
		}
		if canonicalJSON(t, cbs[0].Body) != canonicalJSON(t, expectedAnswer(t, f.Interaction(id).Payload)) {
			t.Errorf("interaction %s: answer %s is not what bot.Respond returns", id, cbs[0].Body)
		}
	}
	conn.Wait(t)
	ends := f.ConnEnds()
	if len(ends) != 1 || ends[0].ByFake || ends[0].ClientCode != 1000 {
		t.Errorf("gateway connection ends = %+v, want the client to close it with code 1000", ends)
	}
}

// TestE2EShutdownWhileReconnecting checks that cancelling run while the
// gateway is unreachable and the runner is waiting to reconnect returns nil
// promptly.
func TestE2EShutdownWhileReconnecting(t *testing.T) {
	t.Parallel()
	f, b, conn := faultRun(t)
	f.RefuseConnections(true)
	conn.Drop()
	waitLog(t, b, "reconnecting to the gateway failed")
	cancelled := time.Now()
	err := b.stop(t)
	took := time.Since(cancelled)
	t.Logf("run returned %v after the cancel", took.Round(time.Millisecond))
	if err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
	if took > 5*time.Second {
		t.Errorf("run returned %v after the cancel, want within 5s", took)
	}
}

// TestE2EBadToken checks that a token Discord rejects, whether at start-up
// or after a reset while running, ends run promptly with an error that says
// so without showing the token, instead of reconnecting forever.
func TestE2EBadToken(t *testing.T) {
	t.Parallel()
	const otherToken = "MTAwMDAwMDAwMDAwMDAwMDA5.Wr0nGt.another-token-the-fake-does-not-know-42"
	for _, tc := range []struct {
		name  string
		token string
		// before runs before the start; after runs once the run has
		// registered its commands, and returns when the fault is injected.
		before func(f *discordtest.Discord)
		after  func(t *testing.T, f *discordtest.Discord, conn *discordtest.Conn)
	}{
		{name: "4004 on the first identify", token: otherToken},
		{name: "401 on GET /gateway", before: func(f *discordtest.Discord) {
			f.SetRESTFault(func(r discordtest.Request) *discordtest.Reply {
				if r.Pattern == discordtest.RouteGateway {
					return discordtest.Unauthorized()
				}
				return nil
			})
		}},
		{name: "401 on the registration", before: func(f *discordtest.Discord) {
			f.SetRESTFault(func(r discordtest.Request) *discordtest.Reply {
				if r.Method == "PUT" {
					return discordtest.Unauthorized()
				}
				return nil
			})
		}},
		{name: "reset, then dropped: 4004 on resume", after: func(t *testing.T, f *discordtest.Discord, c *discordtest.Conn) {
			f.RevokeToken()
			c.Drop()
		}},
		{name: "reset, then RECONNECT: 4004 on resume", after: func(t *testing.T, f *discordtest.Discord, c *discordtest.Conn) {
			f.RevokeToken()
			if err := c.Reconnect(); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "reset, then INVALID_SESSION: 4004 on identify", after: func(t *testing.T, f *discordtest.Discord, c *discordtest.Conn) {
			f.RevokeToken()
			if err := c.InvalidSession(false); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "reset, then closed with 4004", after: func(t *testing.T, f *discordtest.Discord, c *discordtest.Conn) {
			f.RevokeToken()
			c.CloseWith(4004, "Authentication failed.")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := discordtest.New(t)
			if tc.before != nil {
				tc.before(f)
			}
			vars := map[string]string{}
			if tc.token != "" {
				vars[envToken] = tc.token
			}
			b := startBot(t, f, vars)
			from := b.start
			if tc.after != nil {
				tc.after(t, f, f.WaitStarted(t, 1))
				from = time.Now()
			}
			err := b.wait(t)
			took := time.Since(from)
			t.Logf("run returned %v after the token was rejected: %v", took.Round(time.Millisecond), err)
			if !errors.Is(err, errTokenRejected) {
				t.Fatalf("run = %v, want an error wrapping errTokenRejected", err)
			}
			if got := exitCode(err); got != 2 {
				t.Errorf("exitCode(%v) = %d, want 2", err, got)
			}
			for _, want := range []string{envToken, "rejected", "developer portal"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("run's error %q does not mention %q", err, want)
				}
			}
			if took > 10*time.Second {
				t.Errorf("run returned %v after the token was rejected, want it promptly", took)
			}
			for what, s := range map[string]string{"run's error": err.Error(), "the log": b.log.String()} {
				if tc.token != "" && (strings.Contains(s, tc.token) || strings.Contains(s, "another-token")) {
					t.Errorf("%s shows the token: %s", what, s)
				}
			}
		})
	}
}

// TestE2ELoad dispatches 2,000 interactions as fast as the fake can send
// them and checks that each is answered exactly once, with the right
// answer, and that no goroutine is left over once run has returned and the
// fake is closed. It logs the throughput; it asserts no timing.
func TestE2ELoad(t *testing.T) {
	t.Parallel()
	const n = 2000

	f := discordtest.New(t)
	// The test is about loss and duplication, not speed: the answer timeout
	// is raised so that a slow machine cannot make an answer miss it. The
	// latencies are logged against Discord's three seconds.
	b := startBot(t, f, map[string]string{envGuildID: testGuild, envLogLevel: "info"},
		withAnswerTimeout(time.Minute), withDrainTimeout(time.Minute))
	f.WaitStarted(t, 1)
	if n, _ := runGoroutines(t.Name()); n == 0 {
		t.Fatal("no goroutine carries the run's label: the check for leftover goroutines would see nothing")
	}

	fixtures := []string{"summary", "quote-kerry", "find-russia", "autocomplete-quote-ke"}
	payloads := make([]map[string]any, len(fixtures))
	want := make([]string, len(fixtures))
	for k, name := range fixtures {
		payloads[k] = forRegistered(f, testGuild, loadInteraction(t, name))
		raw, _ := json.Marshal(payloads[k])
		want[k] = canonicalJSON(t, expectedAnswer(t, raw))
	}

	ids := make([]string, n)
	start := time.Now()
	for i := range ids {
		ids[i] = f.Interact(t, payloads[i%len(payloads)])
	}
	sent := time.Since(start)
	f.WaitFor(t, "every interaction to be answered", func(r *discordtest.Records) bool { return r.Answered+r.Refused >= n })
	took := time.Since(start)

	latencies := make([]time.Duration, 0, n)
	for i, id := range ids {
		cbs := f.Callbacks(id)
		if len(cbs) != 1 || !cbs[0].OK() {
			t.Errorf("interaction %s got %d callbacks, want exactly 1 successful one", id, len(cbs))
			continue
		}
		if got := canonicalJSON(t, cbs[0].Body); got != want[i%len(want)] {
			t.Errorf("interaction %s (%s) answered %s, want %s", id, fixtures[i%len(fixtures)], got, want[i%len(want)])
		}
		latencies = append(latencies, cbs[0].Start.Sub(f.Interaction(id).Dispatched))
	}
	if got := len(f.Requests(discordtest.RouteCallback)); got != n {
		t.Errorf("%d callbacks in all, want %d", got, n)
	}
	slices.Sort(latencies)
	if len(latencies) > 0 {
		late := len(latencies) - sort.Search(len(latencies), func(i int) bool { return latencies[i] > answerBound })
		t.Logf("%d interactions dispatched in %v and answered in %v: %.0f answers/s; latency p50 %v, p99 %v, max %v; %d later than %v",
			n, sent.Round(time.Millisecond), took.Round(time.Millisecond), float64(n)/took.Seconds(),
			latencies[len(latencies)/2].Round(time.Microsecond), latencies[len(latencies)*99/100].Round(time.Microsecond),
			latencies[len(latencies)-1].Round(time.Microsecond), late, answerBound)
	}

	if err := b.stop(t); err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
	f.Close()
	checkGoroutines(t)
}

// checkGoroutines waits until no goroutine of the test's run of
// articlebot is left, and fails the test with their stacks if that does
// not happen within a few seconds.
func checkGoroutines(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, stacks := runGoroutines(t.Name())
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines of the run left over:\n%s", n, stacks)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestE2EStalledGateway checks that a gateway that accepts the connection
// and then says nothing, not even HELLO, neither hangs start-up nor a
// reconnection nor shutdown: the attempt is abandoned at the ready timeout
// and retried, and cancelling run during it returns promptly.
func TestE2EStalledGateway(t *testing.T) {
	t.Parallel()
	t.Run("at start-up", func(t *testing.T) {
		t.Parallel()
		f := discordtest.New(t)
		f.MuteConnections(1)
		b := startBot(t, f, nil, withReadyTimeout(time.Second))
		err := b.wait(t)
		t.Logf("run returned %v after starting: %v", time.Since(b.start).Round(time.Millisecond), err)
		if err == nil || !strings.Contains(err.Error(), "gateway") {
			t.Fatalf("run = %v, want an error saying the gateway did not answer", err)
		}
	})
	t.Run("while reconnecting: retried", func(t *testing.T) {
		t.Parallel()
		f := discordtest.New(t)
		b := startBot(t, f, nil, withReadyTimeout(2*time.Second))
		conn := f.WaitStarted(t, 1)
		f.MuteConnections(1)
		conn.Drop()
		f.WaitFor(t, "a resume on a third connection", func(r *discordtest.Records) bool {
			return len(r.Resumes) == 1 && r.Live == 3
		})
		checkAnswer(t, f, f.Interact(t, loadInteraction(t, "summary")), discordgo.InteractionResponseChannelMessageWithSource)
		if err := b.stop(t); err != nil {
			t.Fatalf("run after cancel = %v, want nil", err)
		}
	})
	t.Run("while reconnecting: cancelled", func(t *testing.T) {
		t.Parallel()
		f := discordtest.New(t)
		b := startBot(t, f, nil, withReadyTimeout(time.Minute))
		conn := f.WaitStarted(t, 1)
		f.MuteConnections(1)
		conn.Drop()
		f.WaitFor(t, "a second connection", func(r *discordtest.Records) bool { return r.Connections == 2 })
		cancelled := time.Now()
		b.cancel()
		select {
		case <-b.done:
		case <-time.After(10 * time.Second):
			t.Fatalf("run has not returned 10s after the cancel while a connection attempt stalled")
		}
		took := time.Since(cancelled)
		t.Logf("run returned %v after the cancel", took.Round(time.Millisecond))
		if b.err != nil {
			t.Errorf("run after cancel = %v, want nil", b.err)
		}
		if took > 5*time.Second {
			t.Errorf("run returned %v after the cancel, want within 5s", took)
		}
	})
}

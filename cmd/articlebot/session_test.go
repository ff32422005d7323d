package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/internal/discordtest"
	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// These tests start the gateway mode against the fake Discord of
// internal/discordtest: start-up, one answer, shutdown and the
// rejected-token paths. The end-to-end tests in e2e_test.go cover faults and load.

// summaryInteraction is a /summary interaction as Discord sends it, without
// the ID and token the fake assigns.
func summaryInteraction() map[string]any {
	return map[string]any{
		"application_id": discordtest.AppID, "type": 2, "version": 1, "channel_id": "4000000000000000004",
		"user": map[string]any{"id": "5000000000000000005", "username": "someone"},
		"data": map[string]any{"id": "6000000000000000006", "name": "summary", "type": 1},
	}
}

// decodeInteractionJSON decodes raw as discordgo decodes an
// INTERACTION_CREATE dispatch.
func decodeInteractionJSON(t testing.TB, raw []byte) *discordgo.Interaction {
	t.Helper()
	var i discordgo.Interaction
	if err := json.Unmarshal(raw, &i); err != nil {
		t.Fatalf("decoding the interaction %s: %v", raw, err)
	}
	return &i
}

func TestRunGatewayStartsAnswersAndStops(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, guild, wantPath string
	}{
		{"global", "", "/api/v9/applications/" + discordtest.AppID + "/commands"},
		{"guild", "2000000000000000002", "/api/v9/applications/" + discordtest.AppID + "/guilds/2000000000000000002/commands"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := discordtest.New(t)
			b := startBot(t, f, map[string]string{envGuildID: tc.guild}, withDrainTimeout(3*time.Second))
			conn := f.WaitStarted(t, 1)

			interaction := summaryInteraction()
			id := f.Interact(t, interaction)
			f.WaitFor(t, "the answer", func(r *discordtest.Records) bool { return !r.Interactions[id].Answered.IsZero() })
			if err := b.stop(t); err != nil {
				t.Fatalf("run after cancel = %v, want nil", err)
			}
			conn.Wait(t)

			identifies := f.Identifies()
			if len(identifies) != 1 {
				t.Fatalf("%d identifies, want 1", len(identifies))
			}
			// ASK_ON_MENTION is on by default: the bot reads the messages
			// that mention it.
			var ident struct{ Intents *int }
			json.Unmarshal(identifies[0].Data, &ident)
			if want := int(discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages); ident.Intents == nil || *ident.Intents != want {
				t.Errorf("identify intents = %v, want %d", ident.Intents, want)
			}
			puts := f.Requests("PUT ")
			if len(puts) != 1 {
				t.Fatalf("%d PUTs, want exactly 1", len(puts))
			}
			if puts[0].Path != tc.wantPath {
				t.Errorf("registration PUT %s, want %s", puts[0].Path, tc.wantPath)
			}
			if puts[0].Auth != "Bot "+discordtest.BotToken {
				t.Errorf("registration Authorization header is not \"Bot \" + the token")
			}
			if commands := commandsOutput(t); canonicalJSON(t, puts[0].Body) != canonicalJSON(t, commands) {
				t.Errorf("registration body = %s, want the output of articlebot commands: %s", puts[0].Body, commands)
			}

			cbs := f.Callbacks(id)
			if len(cbs) != 1 {
				t.Fatalf("%d callbacks, want 1", len(cbs))
			}
			in := f.Interaction(id)
			wantCallback := "/api/v9/interactions/" + id + "/" + in.Token + "/callback"
			if cbs[0].Path != wantCallback {
				t.Errorf("callback to %s, want %s", cbs[0].Path, wantCallback)
			}
			raw, _ := json.Marshal(interaction)
			want, err := bot.MarshalResponse(testBot(t, nil).Respond(context.Background(), decodeInteractionJSON(t, raw)))
			if err != nil {
				t.Fatal(err)
			}
			if canonicalJSON(t, cbs[0].Body) != canonicalJSON(t, want) {
				t.Errorf("callback body = %s, want %s", cbs[0].Body, want)
			}
			log := b.log.String()
			if strings.Contains(log, discordtest.BotToken) || strings.Contains(log, discordtest.TokenSecret) {
				t.Errorf("the log shows the token:\n%s", log)
			}
			if !strings.Contains(log, "source=discordgo") {
				t.Errorf("the debug log has no discordgo messages, want them routed into slog:\n%s", log)
			}
		})
	}
}

// onCallbacks answers every interaction callback with reply.
func onCallbacks(reply *discordtest.Reply) func(discordtest.Request) *discordtest.Reply {
	return func(r discordtest.Request) *discordtest.Reply {
		if r.Pattern == discordtest.RouteCallback {
			return reply
		}
		return nil
	}
}

func TestRunGatewayShutdownLetsAnswersInFlightFinish(t *testing.T) {
	t.Parallel()
	f := discordtest.New(t)
	hold := make(chan struct{})
	f.SetRESTFault(onCallbacks(discordtest.Held(hold)))
	b := startBot(t, f, map[string]string{envLogLevel: ""}, withDrainTimeout(3*time.Second))
	conn := f.WaitStarted(t, 1)
	about := summaryInteraction()
	about["data"] = map[string]any{"id": "6000000000000000006", "name": "about", "type": 1}
	id := f.Interact(t, about)
	// The answer is in flight, held by the fake.
	f.WaitFor(t, "the callback to arrive", func(r *discordtest.Records) bool { return len(r.Interactions[id].Callbacks) > 0 })

	b.cancel()
	select {
	case <-b.done:
		t.Fatalf("run returned %v while an answer was in flight, want it to wait\nlog:\n%s", b.err, b.log)
	case <-time.After(100 * time.Millisecond):
	}
	close(hold)
	if err := b.wait(t); err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
	if in := f.Interaction(id); in.Answered.IsZero() {
		t.Fatal("the answer in flight was not delivered before run returned")
	}
	// discordgo logs through one variable for every session in the
	// process, so its lines may come from the runs of other tests.
	if log := ownLines(b.log.String()); strings.Contains(log, "level=ERROR") || strings.Contains(log, "before every answer was delivered") {
		t.Errorf("shutdown logged a failure:\n%s", log)
	}
	conn.Wait(t) // the gateway connection was closed
}

// TestRunGatewayShutdownIsBounded checks that an answer Discord never
// acknowledges is abandoned at its deadline, so shutdown still completes.
func TestRunGatewayShutdownIsBounded(t *testing.T) {
	t.Parallel()
	f := discordtest.New(t)
	f.SetRESTFault(onCallbacks(discordtest.Held(make(chan struct{})))) // never released
	b := startBot(t, f, map[string]string{envLogLevel: ""},
		withDrainTimeout(3*time.Second), withAnswerTimeout(200*time.Millisecond))
	f.WaitStarted(t, 1)
	id := f.Interact(t, summaryInteraction())
	f.WaitFor(t, "the callback to arrive", func(r *discordtest.Records) bool { return len(r.Interactions[id].Callbacks) > 0 })
	if err := b.stop(t); err != nil {
		t.Fatalf("run after cancel = %v, want nil", err)
	}
	if log := b.log.String(); !strings.Contains(log, "delivering an answer failed") || !strings.Contains(log, "deadline exceeded") {
		t.Errorf("log does not report the abandoned answer:\n%s", log)
	}
}

func TestRunGatewayStopsOnARejectedToken(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		setup func(*discordtest.Discord)
		drop  bool // accept the first session, drop it, then reject the resume
	}{
		{name: "REST 401", setup: func(f *discordtest.Discord) {
			f.SetRESTFault(func(discordtest.Request) *discordtest.Reply { return discordtest.Unauthorized() })
		}},
		{name: "close 4004 on identify", setup: func(f *discordtest.Discord) {
			f.SetHandshakeFault(func(op, _ int) int { return map[int]int{2: 4004}[op] })
		}},
		{name: "close 4004 on resume", setup: func(f *discordtest.Discord) {
			f.SetHandshakeFault(func(op, _ int) int { return map[int]int{6: 4004}[op] })
		}, drop: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := discordtest.New(t)
			tc.setup(f)
			b := startBot(t, f, map[string]string{envToken: "Bot " + discordtest.BotToken, envLogLevel: ""}, withDrainTimeout(3*time.Second))
			if tc.drop {
				f.LiveConn(t).Drop()
			}
			err := b.wait(t)
			if !errors.Is(err, errTokenRejected) {
				t.Fatalf("run = %v, want an error wrapping errTokenRejected", err)
			}
			if got := exitCode(err); got != 2 {
				t.Errorf("exitCode(%v) = %d, want 2", err, got)
			}
			for _, s := range []string{err.Error(), b.log.String(), b.stdout.String()} {
				if strings.Contains(s, discordtest.TokenSecret) {
					t.Errorf("output shows the token: %q", s)
				}
			}
			if !strings.Contains(err.Error(), "developer portal") {
				t.Errorf("error %q does not say where to get a new token", err)
			}
			if tc.drop && len(f.Resumes()) == 0 {
				t.Errorf("the runner never tried to resume after the connection dropped")
			}
		})
	}
}

func TestFatalError(t *testing.T) {
	t.Parallel()
	restErr := func(code int) error {
		return &discordgo.RESTError{Response: &http.Response{StatusCode: code, Status: http.StatusText(code)}}
	}
	tests := []struct {
		name     string
		err      error
		fatal    bool
		rejected bool
		want     string // a substring of the fatal error
	}{
		{"4004", &websocket.CloseError{Code: 4004}, true, true, "developer portal"},
		{"wrapped 4004", fmt.Errorf("open: %w", &websocket.CloseError{Code: 4004}), true, true, "developer portal"},
		{"4010 invalid shard", &websocket.CloseError{Code: 4010, Text: "Invalid shard."}, true, false, "SHARD_ID is below SHARD_COUNT"},
		{"4011 sharding required", &websocket.CloseError{Code: 4011, Text: "Sharding required."}, true, false, "SHARD_COUNT (auto"},
		{"4012 invalid API version", &websocket.CloseError{Code: 4012}, true, false, "upgrade articlebot"},
		{"4013 invalid intents", &websocket.CloseError{Code: 4013}, true, false, "ASK_ON_MENTION=false"},
		{"4014 disallowed intents", &websocket.CloseError{Code: 4014, Text: "Disallowed intent(s)."}, true, false, "close code 4014, Disallowed intent(s).): the application may not use the intents"},
		{"4000 unknown error", &websocket.CloseError{Code: 4000}, false, false, ""},
		{"1006 abnormal closure", &websocket.CloseError{Code: websocket.CloseAbnormalClosure}, false, false, ""},
		{"401", restErr(401), true, true, "HTTP 401"},
		{"502", restErr(502), false, false, ""},
		{"network", errors.New("dial tcp: connection refused"), false, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := fatalError(tc.err)
			if (got != nil) != tc.fatal {
				t.Fatalf("fatalError(%v) = %v, want fatal %v", tc.err, got, tc.fatal)
			}
			if errors.Is(got, errTokenRejected) != tc.rejected {
				t.Errorf("errors.Is(fatalError(%v), errTokenRejected) = %v, want %v", tc.err, !tc.rejected, tc.rejected)
			}
			if !tc.fatal {
				return
			}
			// Restarting cannot help, so the exit status keeps a
			// supervisor from restarting articlebot.
			if code := exitCode(got); code != 2 {
				t.Errorf("exitCode(fatalError(%v)) = %d, want 2", tc.err, code)
			}
			if !strings.Contains(got.Error(), tc.want) {
				t.Errorf("fatalError(%v) = %q, want it to contain %q", tc.err, got, tc.want)
			}
			var ce *websocket.CloseError
			if errors.As(tc.err, &ce) && !tc.rejected && !errors.As(got, &ce) {
				t.Errorf("fatalError(%v) = %v, want it to wrap the close error", tc.err, got)
			}
		})
	}
}

// TestRunGatewayStopsWhenTheSessionIsRefused checks that a close code that
// refuses the session's parameters, at start-up or on a reconnection, ends
// run with a configuration error saying what to change, instead of
// reconnecting forever.
func TestRunGatewayStopsWhenTheSessionIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		code int
		op   int  // the handshake refused: 2 IDENTIFY, 6 RESUME
		drop bool // accept the first session, then drop its connection
		want string
	}{
		{name: "4011 on identify", code: 4011, op: 2, want: envShardCount},
		{name: "4014 on resume", code: 4014, op: 6, drop: true, want: envAskMention + "=false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := discordtest.New(t)
			f.SetHandshakeFault(func(op, _ int) int {
				if op == tc.op {
					return tc.code
				}
				return 0
			})
			b := startBot(t, f, nil)
			if tc.drop {
				f.WaitStarted(t, 1).Drop()
			}
			err := b.wait(t)
			if code := exitCode(err); code != 2 {
				t.Fatalf("run = %v (exit code %d), want a configuration error (exit code 2)", err, code)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("close code %d", tc.code)) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("run = %q, want it to name close code %d and %q", err, tc.code, tc.want)
			}
			if n := len(f.Identifies()) + len(f.Resumes()); n > 2 {
				t.Errorf("%d handshakes, want no retry after the refusal", n)
			}
		})
	}
}

func mapEnv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// ownLines returns the lines of a run's log that the run wrote itself,
// leaving out discordgo's.
func ownLines(log string) string {
	var own []string
	for _, l := range strings.Split(log, "\n") {
		if !strings.Contains(l, "source=discordgo") {
			own = append(own, l)
		}
	}
	return strings.Join(own, "\n")
}

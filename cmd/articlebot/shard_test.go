package main

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/internal/discordtest"
)

func TestLoadShard(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		id, count   string
		want        shardConfig
		wantProblem string // a substring of the only problem; "" when none
	}{
		{name: "neither", want: shardConfig{}},
		{name: "first of two", id: "0", count: "2", want: shardConfig{Set: true, ID: 0, Count: 2}},
		{name: "last of two", id: " 1 ", count: "2 ", want: shardConfig{Set: true, ID: 1, Count: 2}},
		{name: "one shard", id: "0", count: "1", want: shardConfig{Set: true, ID: 0, Count: 1}},
		{name: "auto", id: "3", count: "auto", want: shardConfig{Set: true, ID: 3, Auto: true}},
		{name: "auto in capitals", id: "0", count: "AUTO", want: shardConfig{Set: true, ID: 0, Auto: true}},
		{name: "only the ID", id: "0", wantProblem: "SHARD_ID and SHARD_COUNT go together"},
		{name: "only the count", count: "2", wantProblem: "SHARD_ID and SHARD_COUNT go together"},
		{name: "ID out of range", id: "2", count: "2", wantProblem: "SHARD_ID=2 is out of range for SHARD_COUNT=2: shards are numbered from 0 to 1"},
		{name: "negative ID", id: "-1", count: "2", wantProblem: `SHARD_ID="-1" is not a shard number`},
		{name: "ID not a number", id: "first", count: "2", wantProblem: `SHARD_ID="first" is not a shard number`},
		{name: "zero shards", id: "0", count: "0", wantProblem: `SHARD_COUNT="0" is not a shard count`},
		{name: "count not a number", id: "0", count: "many", wantProblem: `SHARD_COUNT="many" is not a shard count`},
		{name: "count too large for an int", id: "0", count: "99999999999999999999", wantProblem: "is not a shard count"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, problems := loadShard(mapEnv(map[string]string{envShardID: tc.id, envShardCount: tc.count}))
			if tc.wantProblem == "" {
				if len(problems) > 0 || got != tc.want {
					t.Errorf("loadShard(%q, %q) = %+v, %q; want %+v and no problem", tc.id, tc.count, got, problems, tc.want)
				}
				return
			}
			if len(problems) != 1 || !strings.Contains(problems[0], tc.wantProblem) {
				t.Errorf("loadShard(%q, %q) problems = %q, want one containing %q", tc.id, tc.count, problems, tc.wantProblem)
			}
		})
	}
}

// TestRunReportsShardProblemsWithTheOthers checks that a bad shard setting
// is a configuration error of run, reported with the rest, and that the
// commands that do not connect ignore it.
func TestRunReportsShardProblemsWithTheOthers(t *testing.T) {
	t.Parallel()
	vars := map[string]string{envShardID: "5", envShardCount: "2", envMetricsAddr: "9090", envLogFormat: "xml"}
	_, _, err := runArgs(t, vars, nil)
	if exitCode(err) != 2 {
		t.Fatalf("run = %v, want a configuration error", err)
	}
	for _, want := range []string{"DISCORD_TOKEN is not set", "SHARD_ID=5 is out of range", `METRICS_ADDR="9090"`, `LOG_FORMAT="xml"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("run = %q, want it to contain %q", err, want)
		}
	}
	delete(vars, envLogFormat)
	if _, _, err := runArgs(t, vars, []string{"try", "/about"}); err != nil {
		t.Errorf("run(try) with a bad shard setting = %v, want nil: try does not connect", err)
	}
}

// TestRunShards runs the gateway mode as one shard of several and checks
// what it identifies as, whether it registers the commands, and what it
// asks Discord for.
func TestRunShards(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		id, count   string
		recommended int    // the shard count GET /gateway/bot answers with
		wantShard   []int  // the identify's shard; nil for none
		wantPuts    int    // registrations
		wantLog     string // a substring of the log
	}{
		{name: "unsharded", recommended: 1, wantPuts: 1, wantLog: "msg=ready"},
		{name: "shard 0 of 2", id: "0", count: "2", wantShard: []int{0, 2}, wantPuts: 1, wantLog: "shard_id=0 shard_count=2"},
		{name: "shard 1 of 2", id: "1", count: "2", wantShard: []int{1, 2}, wantPuts: 0, wantLog: "shard 0 registers them"},
		{name: "only shard", id: "0", count: "1", wantShard: []int{0, 1}, wantPuts: 1, wantLog: "shard_count=1"},
		{name: "auto: shard 2 of the 3 Discord recommends", id: "2", count: "auto", recommended: 3,
			wantShard: []int{2, 3}, wantPuts: 0, wantLog: "Discord recommends a number of shards"},
		{name: "auto: shard 0 of the 4 Discord recommends", id: "0", count: "auto", recommended: 4,
			wantShard: []int{0, 4}, wantPuts: 1, wantLog: "shard_count=4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := discordtest.New(t)
			f.RecommendShards(tc.recommended)
			vars := map[string]string{envShardID: tc.id, envShardCount: tc.count, envMetricsAddr: "127.0.0.1:0"}
			b := startBot(t, f, vars, withDrainTimeout(5*time.Second))
			base := "http://" + b.addr(t, serverMetrics)
			f.LiveConn(t)

			// /readyz turns ready once start-up, registration included, is
			// over.
			deadline := time.Now().Add(discordtest.WaitTimeout)
			for {
				if code, _, _ := httpDo(t, "GET", base+"/readyz", "", nil); code == 200 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("the shard never became ready")
				}
				time.Sleep(10 * time.Millisecond)
			}
			// A shard that does not register still answers.
			checkAnswer(t, f, f.Interact(t, summaryInteraction()), discordgo.InteractionResponseChannelMessageWithSource)
			if err := b.stop(t); err != nil {
				t.Fatalf("run after cancel = %v, want nil", err)
			}

			ids := f.Identifies()
			if len(ids) != 1 {
				t.Fatalf("%d identifies, want 1", len(ids))
			}
			shard, ok := shardOf(t, ids[0])
			switch {
			case tc.wantShard == nil && ok:
				t.Errorf("identify shard = %v, want none", shard)
			case tc.wantShard != nil && (!ok || shard != [2]int{tc.wantShard[0], tc.wantShard[1]}):
				t.Errorf("identify shard = %v (present %v), want %v", shard, ok, tc.wantShard)
			}
			if got := len(f.Requests("PUT ")); got != tc.wantPuts {
				t.Errorf("%d registrations, want %d; requests:\n%s", got, tc.wantPuts, f.Summary(20))
			}
			asked := len(f.Requests(discordtest.RouteGatewayBot))
			if want := map[bool]int{true: 1, false: 0}[tc.count == "auto"]; asked != want {
				t.Errorf("GET /gateway/bot asked %d times, want %d", asked, want)
			}
			if log := b.log.String(); !strings.Contains(log, tc.wantLog) {
				t.Errorf("the log does not contain %q:\n%s", tc.wantLog, log)
			}
		})
	}
}

// shardOf returns the "shard" of an IDENTIFY frame as two numbers, and
// whether it has one.
func shardOf(t *testing.T, identify discordtest.Frame) ([2]int, bool) {
	t.Helper()
	var d struct {
		Shard *[2]int `json:"shard"`
	}
	if err := json.Unmarshal(identify.Data, &d); err != nil {
		t.Fatalf("identify %s: want a shard of two numbers: %v", identify.Data, err)
	}
	if d.Shard == nil {
		return [2]int{}, false
	}
	return *d.Shard, true
}

// TestRunShardAutoFailures checks the ways SHARD_COUNT=auto can fail before
// connecting.
func TestRunShardAutoFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		setup    func(*discordtest.Discord)
		id       string
		wantCode int
		wantErr  string
		wantIs   error
	}{
		{name: "SHARD_ID beyond the recommendation", setup: func(f *discordtest.Discord) { f.RecommendShards(2) }, id: "2",
			wantCode: 2, wantErr: "SHARD_ID=2 is out of range: Discord recommends 2 shard(s)"},
		{name: "token rejected", setup: (*discordtest.Discord).RevokeToken, id: "0",
			wantCode: 2, wantIs: errTokenRejected},
		{name: "Discord fails", setup: func(f *discordtest.Discord) {
			f.SetRESTFault(func(r discordtest.Request) *discordtest.Reply {
				if r.Pattern == discordtest.RouteGatewayBot {
					return discordtest.ServerError()
				}
				return nil
			})
		}, id: "0", wantCode: 1, wantErr: "asking Discord for the recommended number of shards"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := discordtest.New(t)
			tc.setup(f)
			vars := map[string]string{envToken: discordtest.BotToken, envShardID: tc.id, envShardCount: "auto"}
			stdout, stderr, err := runArgs(t, vars, nil, fakeOptions(f)...)
			if got := exitCode(err); got != tc.wantCode {
				t.Fatalf("run = %v (exit code %d), want exit code %d\nlog:\n%s", err, got, tc.wantCode, stderr)
			}
			if tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("run = %q, want it to contain %q", err, tc.wantErr)
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Errorf("run = %v, want it to wrap %v", err, tc.wantIs)
			}
			if n := len(f.Requests(discordtest.RouteGatewayBot)); n != 1 {
				t.Errorf("GET /gateway/bot asked %d times, want once", n)
			}
			if n := len(f.Identifies()); n != 0 {
				t.Errorf("%d identifies, want none", n)
			}
			for what, s := range map[string]string{"run's error": err.Error(), "stdout": stdout, "the log": stderr} {
				checkNoSecrets(t, what, s)
			}
		})
	}
}

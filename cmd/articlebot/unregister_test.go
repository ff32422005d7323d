package main

import (
	"strings"
	"testing"

	"github.com/articlebot/articlebot/internal/discordtest"
)

// TestUnregister checks that unregister empties the commands of one scope
// with exactly one bulk overwrite of an empty list, and leaves the other
// scope's commands alone.
func TestUnregister(t *testing.T) {
	const guild = "2000000000000000002"
	tests := []struct {
		name      string
		vars      map[string]string
		args      []string
		wantEmpty string // the scope left with no commands
		wantKept  string // the scope whose commands remain
		wantOut   string
	}{
		{name: "global", vars: map[string]string{},
			wantEmpty: "global", wantKept: guild, wantOut: "registered globally for application " + discordtest.AppID},
		{name: "guild flag", vars: map[string]string{}, args: []string{"--guild", guild},
			wantEmpty: guild, wantKept: "global", wantOut: "registered in server " + guild},
		{name: "guild from the environment", vars: map[string]string{envGuildID: guild},
			wantEmpty: guild, wantKept: "global", wantOut: "in server " + guild},
		{name: "global flag wins over the environment", vars: map[string]string{envGuildID: guild}, args: []string{"--global"},
			wantEmpty: "global", wantKept: guild, wantOut: "globally"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := discordtest.New(t)
			token := map[string]string{envToken: discordtest.BotToken, envAppID: discordtest.AppID}
			for _, args := range [][]string{{"register"}, {"register", "--guild", guild}} {
				if _, stderr, err := runArgs(t, token, args, fakeOptions(f)...); err != nil {
					t.Fatalf("run(%q) = %v\nlog:\n%s", args, err, stderr)
				}
			}
			before := len(f.Requests(""))

			tc.vars[envToken] = discordtest.BotToken
			stdout, stderr, err := runArgs(t, tc.vars, append([]string{"unregister"}, tc.args...), fakeOptions(f)...)
			if err != nil {
				t.Fatalf("run(unregister %q) = %v\nlog:\n%s", tc.args, err, stderr)
			}
			sent := f.Requests("")[before:]
			var puts []discordtest.Request
			for _, r := range sent {
				if r.Method == "PUT" {
					puts = append(puts, r)
				}
			}
			if len(puts) != 1 || !puts[0].OK() || strings.TrimSpace(string(puts[0].Body)) != "[]" {
				t.Fatalf("unregister sent %d PUTs, want one answered 200 with the body []; requests:\n%s", len(puts), f.Summary(20))
			}
			if got := f.Registered(tc.wantEmpty); len(got) != 0 {
				t.Errorf("after unregister, %s has %d commands, want none", tc.wantEmpty, len(got))
			}
			if got := f.Registered(tc.wantKept); len(got) == 0 {
				t.Errorf("after unregister, %s has no commands, want its own left alone", tc.wantKept)
			}
			if !strings.Contains(stdout, tc.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q", stdout, tc.wantOut)
			}
			checkNoSecrets(t, "stdout", stdout)
			checkNoSecrets(t, "the log", stderr)
		})
	}
}

func TestUnregisterRefuses(t *testing.T) {
	tests := []struct {
		name     string
		vars     map[string]string
		args     []string
		wantCode int
		wantErr  string
	}{
		{name: "guild and global", vars: map[string]string{envToken: discordtest.BotToken},
			args: []string{"--guild", "2000000000000000002", "--global"}, wantCode: 2, wantErr: "cannot be used together"},
		{name: "guild not an ID", vars: map[string]string{envToken: discordtest.BotToken},
			args: []string{"--guild", "my-server"}, wantCode: 2, wantErr: "is not a Discord ID"},
		{name: "no token", vars: map[string]string{}, wantCode: 2, wantErr: "DISCORD_TOKEN is not set"},
		{name: "an argument", vars: map[string]string{envToken: discordtest.BotToken}, args: []string{"all"}, wantCode: 2, wantErr: "takes no arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := discordtest.New(t)
			_, _, err := runArgs(t, tc.vars, append([]string{"unregister"}, tc.args...), fakeOptions(f)...)
			if got := exitCode(err); got != tc.wantCode || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("run(unregister %q) = %v (exit code %d), want exit code %d and an error containing %q", tc.args, err, got, tc.wantCode, tc.wantErr)
			}
			if n := len(f.Requests("")); n != 0 {
				t.Errorf("unregister sent %d requests, want none:\n%s", n, f.Summary(20))
			}
		})
	}
}

func TestUnregisterDryRun(t *testing.T) {
	f := discordtest.New(t)
	stdout, _, err := runArgs(t, map[string]string{envAppID: discordtest.AppID}, []string{"unregister", "--dry-run", "--guild", "2000000000000000002"}, fakeOptions(f)...)
	if err != nil {
		t.Fatalf("run(unregister --dry-run) = %v", err)
	}
	want := "PUT https://discord.com/api/v9/applications/" + discordtest.AppID + "/guilds/2000000000000000002/commands\n[]\n"
	if stdout != want {
		t.Errorf("run(unregister --dry-run) printed %q, want %q", stdout, want)
	}
	if n := len(f.Requests("")); n != 0 {
		t.Errorf("--dry-run sent %d requests, want none", n)
	}
}

// TestUnregisterDryRunWithoutAppID checks that, with no application ID,
// --dry-run shows where it goes and says that unregister would ask
// Discord for it.
func TestUnregisterDryRunWithoutAppID(t *testing.T) {
	f := discordtest.New(t)
	stdout, stderr, err := runArgs(t, nil, []string{"unregister", "--dry-run"}, fakeOptions(f)...)
	if err != nil {
		t.Fatalf("run(unregister --dry-run) = %v", err)
	}
	want := "PUT https://discord.com/api/v9/applications/{DISCORD_APP_ID}/commands\n[]\n"
	if stdout != want {
		t.Errorf("run(unregister --dry-run) printed %q, want %q", stdout, want)
	}
	if note := "without --dry-run, unregister asks Discord"; !strings.Contains(stderr, note) {
		t.Errorf("stderr = %q, want it to say %q", stderr, note)
	}
	if n := len(f.Requests("")); n != 0 {
		t.Errorf("--dry-run sent %d requests, want none", n)
	}
}

package main

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

// commandsJSON returns what "articlebot commands" prints.
func commandsJSON(t *testing.T) string {
	t.Helper()
	out, _, err := runArgs(t, nil, []string{"commands"})
	if err != nil {
		t.Fatalf("run(commands) = %v", err)
	}
	return out
}

// TestRegister checks that register sends exactly one bulk overwrite, to the
// route of the scope asked for, with the body "articlebot commands" prints.
func TestRegister(t *testing.T) {
	const guild, otherGuild = "2000000000000000002", "2000000000000000099"
	tests := []struct {
		name      string
		vars      map[string]string
		args      []string
		wantPath  string
		wantAsked bool   // whether the application ID was asked of Discord
		wantOut   string // a substring of stdout
	}{
		{name: "global", vars: map[string]string{envAppID: miniAppID},
			wantPath: "/api/v9/applications/" + miniAppID + "/commands", wantOut: "commands globally for application " + miniAppID},
		{name: "guild from the environment", vars: map[string]string{envAppID: miniAppID, envGuildID: guild},
			wantPath: "/api/v9/applications/" + miniAppID + "/guilds/" + guild + "/commands", wantOut: "in server " + guild},
		{name: "guild flag wins", vars: map[string]string{envAppID: miniAppID, envGuildID: otherGuild}, args: []string{"--guild", guild},
			wantPath: "/api/v9/applications/" + miniAppID + "/guilds/" + guild + "/commands", wantOut: "in server " + guild},
		{name: "application asked of Discord", vars: map[string]string{},
			wantPath: "/api/v9/applications/" + miniAppID + "/commands", wantAsked: true, wantOut: "for application " + miniAppID},
	}
	want := commandsJSON(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newMiniDiscord(t)
			tc.vars[envToken] = miniToken
			stdout, stderr, err := runArgs(t, tc.vars, append([]string{"register"}, tc.args...), f.options()...)
			if err != nil {
				t.Fatalf("run(register %q) = %v\nlog:\n%s", tc.args, err, stderr)
			}
			puts := f.puts()
			if len(puts) != 1 {
				t.Fatalf("%d PUTs, want exactly 1; requests: %v", len(puts), f.recorded())
			}
			if puts[0].path != tc.wantPath {
				t.Errorf("PUT %s, want %s", puts[0].path, tc.wantPath)
			}
			if !jsonEqual(t, puts[0].body, []byte(want)) {
				t.Errorf("PUT body = %s, want the output of articlebot commands: %s", puts[0].body, want)
			}
			asked := false
			for _, r := range f.recorded() {
				if r.method == http.MethodGet && r.path == "/api/v9/oauth2/applications/@me" {
					asked = true
				}
			}
			if asked != tc.wantAsked {
				t.Errorf("asked Discord for the application: %v, want %v", asked, tc.wantAsked)
			}
			if n := len(f.recorded()); n != 1+map[bool]int{true: 1}[tc.wantAsked] {
				t.Errorf("%d requests (%v), want only the registration and the application lookup if needed", n, f.recorded())
			}
			if !strings.Contains(stdout, tc.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q", stdout, tc.wantOut)
			}
			if n := len(f.recordedIdentifies()); n != 0 {
				t.Errorf("register opened the gateway %d times, want never", n)
			}
			if strings.Contains(stdout+stderr, miniTokenSecret) {
				t.Errorf("output shows the token:\n%s\n%s", stdout, stderr)
			}
		})
	}
}

func TestRegisterFailures(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(*miniDiscord)
		vars     map[string]string
		args     []string
		wantCode int
		wantErr  []string
		wantIs   error
	}{
		{name: "token rejected", setup: func(f *miniDiscord) { f.rejectAll = true },
			vars: map[string]string{envToken: miniToken, envAppID: miniAppID}, wantCode: 2,
			wantErr: []string{"Discord rejected DISCORD_TOKEN", "HTTP 401", "developer portal"}, wantIs: errTokenRejected},
		{name: "token rejected while asking for the application", setup: func(f *miniDiscord) { f.rejectAll = true },
			vars: map[string]string{envToken: miniToken}, wantCode: 2,
			wantErr: []string{"Discord rejected DISCORD_TOKEN"}, wantIs: errTokenRejected},
		{name: "server the bot is not in",
			setup: func(f *miniDiscord) {
				f.status["PUT /api/v9/applications/"+miniAppID+"/guilds/2000000000000000002/commands"] = http.StatusForbidden
			},
			vars: map[string]string{envToken: miniToken, envAppID: miniAppID}, args: []string{"--guild", "2000000000000000002"},
			wantCode: 2, wantErr: []string{"Discord refused to register the commands", "applications.commands"}},
		{name: "Discord fails", setup: func(f *miniDiscord) {
			f.status["PUT /api/v9/applications/"+miniAppID+"/commands"] = http.StatusInternalServerError
		},
			vars: map[string]string{envToken: miniToken, envAppID: miniAppID}, wantCode: 1, wantErr: []string{"registering the commands", "500"}},
		{name: "no token", setup: func(*miniDiscord) {}, vars: map[string]string{envAppID: miniAppID},
			wantCode: 2, wantErr: []string{"DISCORD_TOKEN is not set"}},
		{name: "guild flag not an ID", setup: func(*miniDiscord) {}, vars: map[string]string{envToken: miniToken},
			args: []string{"--guild", "my-server"}, wantCode: 2, wantErr: []string{`--guild "my-server" is not a Discord ID`}},
		{name: "an argument", setup: func(*miniDiscord) {}, vars: map[string]string{envToken: miniToken},
			args: []string{"now"}, wantCode: 2, wantErr: []string{"register takes no arguments"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newMiniDiscord(t)
			tc.setup(f)
			stdout, stderr, err := runArgs(t, tc.vars, append([]string{"register"}, tc.args...), f.options()...)
			if got := exitCode(err); got != tc.wantCode {
				t.Fatalf("run(register) = %v (exit code %d), want exit code %d", err, got, tc.wantCode)
			}
			for _, w := range tc.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("run(register) = %q, want it to contain %q", err, w)
				}
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Errorf("run(register) = %v, want it to wrap %v", err, tc.wantIs)
			}
			if n := len(f.puts()); n > 1 {
				t.Errorf("%d PUTs, want at most one", n)
			}
			for _, s := range []string{err.Error(), stdout, stderr} {
				if strings.Contains(s, miniTokenSecret) {
					t.Errorf("output shows the token: %q", s)
				}
			}
		})
	}
}

// TestRegisterDryRun checks that --dry-run prints the route and the body,
// needs no token and sends nothing.
func TestRegisterDryRun(t *testing.T) {
	body := commandsJSON(t)
	tests := []struct {
		name      string
		vars      map[string]string
		args      []string
		wantRoute string
		wantNote  bool // a note on stderr that the application ID is unknown
	}{
		{name: "global", vars: map[string]string{envAppID: miniAppID},
			wantRoute: "PUT https://discord.com/api/v9/applications/" + miniAppID + "/commands"},
		{name: "guild", vars: map[string]string{envAppID: miniAppID}, args: []string{"--guild", "2000000000000000002"},
			wantRoute: "PUT https://discord.com/api/v9/applications/" + miniAppID + "/guilds/2000000000000000002/commands"},
		{name: "no application ID", vars: map[string]string{envGuildID: "2000000000000000002"},
			wantRoute: "PUT https://discord.com/api/v9/applications/{DISCORD_APP_ID}/guilds/2000000000000000002/commands", wantNote: true},
		{name: "a token is not used", vars: map[string]string{envToken: miniToken, envAppID: miniAppID},
			wantRoute: "PUT https://discord.com/api/v9/applications/" + miniAppID + "/commands"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newMiniDiscord(t)
			stdout, stderr, err := runArgs(t, tc.vars, append([]string{"register", "--dry-run"}, tc.args...), f.options()...)
			if err != nil {
				t.Fatalf("run(register --dry-run) = %v", err)
			}
			route, rest, _ := strings.Cut(stdout, "\n")
			if route != tc.wantRoute {
				t.Errorf("first line = %q, want %q", route, tc.wantRoute)
			}
			if rest != body {
				t.Errorf("body printed =\n%s\nwant the output of articlebot commands:\n%s", rest, body)
			}
			if got := strings.Contains(stderr, "DISCORD_APP_ID is not set"); got != tc.wantNote {
				t.Errorf("stderr = %q: note about DISCORD_APP_ID %v, want %v", stderr, got, tc.wantNote)
			}
			if n := len(f.recorded()); n != 0 {
				t.Errorf("--dry-run sent %d requests (%v), want none", n, f.recorded())
			}
		})
	}
}

package main

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/internal/discordtest"
)

// TestRegister checks that register sends exactly one bulk overwrite, to the
// route of the scope asked for, with the body "articlebot commands" prints.
func TestRegister(t *testing.T) {
	t.Parallel()
	const guild, otherGuild = "2000000000000000002", "2000000000000000099"
	tests := []struct {
		name      string
		vars      map[string]string
		args      []string
		wantPath  string
		wantAsked bool   // whether the application ID was asked of Discord
		wantOut   string // a substring of stdout
	}{
		{name: "global", vars: map[string]string{envAppID: discordtest.AppID},
			wantPath: "/api/v9/applications/" + discordtest.AppID + "/commands", wantOut: "commands globally for application " + discordtest.AppID},
		{name: "guild from the environment", vars: map[string]string{envAppID: discordtest.AppID, envGuildID: guild},
			wantPath: "/api/v9/applications/" + discordtest.AppID + "/guilds/" + guild + "/commands", wantOut: "in server " + guild},
		{name: "guild flag wins", vars: map[string]string{envAppID: discordtest.AppID, envGuildID: otherGuild}, args: []string{"--guild", guild},
			wantPath: "/api/v9/applications/" + discordtest.AppID + "/guilds/" + guild + "/commands", wantOut: "in server " + guild},
		{name: "application asked of Discord", vars: map[string]string{},
			wantPath: "/api/v9/applications/" + discordtest.AppID + "/commands", wantAsked: true, wantOut: "for application " + discordtest.AppID},
	}
	want := commandsOutput(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := discordtest.New(t)
			tc.vars[envToken] = discordtest.BotToken
			stdout, stderr, err := runArgs(t, tc.vars, append([]string{"register"}, tc.args...), fakeOptions(f)...)
			if err != nil {
				t.Fatalf("run(register %q) = %v\nlog:\n%s", tc.args, err, stderr)
			}
			puts := f.Requests("PUT ")
			if len(puts) != 1 {
				t.Fatalf("%d PUTs, want exactly 1; requests:\n%s", len(puts), f.Summary(20))
			}
			if puts[0].Path != tc.wantPath || !puts[0].OK() {
				t.Errorf("PUT %s answered %d, want PUT %s answered 200", puts[0].Path, puts[0].Status, tc.wantPath)
			}
			if puts[0].Auth != "Bot "+discordtest.BotToken {
				t.Errorf("the registration's Authorization is not \"Bot \" and the token")
			}
			if canonicalJSON(t, puts[0].Body) != canonicalJSON(t, want) {
				t.Errorf("PUT body = %s, want the output of articlebot commands: %s", puts[0].Body, want)
			}
			asked := len(f.Requests(discordtest.RouteApplication)) > 0
			if asked != tc.wantAsked {
				t.Errorf("asked Discord for the application: %v, want %v", asked, tc.wantAsked)
			}
			if n := len(f.Requests("")); n != 1+map[bool]int{true: 1}[tc.wantAsked] {
				t.Errorf("%d requests, want only the registration and the application lookup if needed:\n%s", n, f.Summary(20))
			}
			if !strings.Contains(stdout, tc.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q", stdout, tc.wantOut)
			}
			if n := len(f.Identifies()); n != 0 {
				t.Errorf("register opened the gateway %d times, want never", n)
			}
			checkNoSecrets(t, "stdout", stdout)
			checkNoSecrets(t, "the log", stderr)
		})
	}
}

func TestRegisterFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		setup    func(*discordtest.Discord)
		vars     map[string]string
		args     []string
		wantCode int
		wantErr  []string
		wantIs   error
	}{
		{name: "token rejected", setup: (*discordtest.Discord).RevokeToken,
			vars: map[string]string{envToken: discordtest.BotToken, envAppID: discordtest.AppID}, wantCode: 2,
			wantErr: []string{"Discord rejected DISCORD_TOKEN", "HTTP 401", "developer portal"}, wantIs: errTokenRejected},
		{name: "token rejected while asking for the application", setup: (*discordtest.Discord).RevokeToken,
			vars: map[string]string{envToken: discordtest.BotToken}, wantCode: 2,
			wantErr: []string{"Discord rejected DISCORD_TOKEN"}, wantIs: errTokenRejected},
		{name: "server the bot is not in",
			setup: func(f *discordtest.Discord) {
				f.SetRESTFault(func(r discordtest.Request) *discordtest.Reply {
					if r.Method == http.MethodPut && r.Path == "/api/v9/applications/"+discordtest.AppID+"/guilds/2000000000000000002/commands" {
						return discordtest.DiscordError(http.StatusForbidden, 50001, "Missing Access")
					}
					return nil
				})
			},
			vars: map[string]string{envToken: discordtest.BotToken, envAppID: discordtest.AppID}, args: []string{"--guild", "2000000000000000002"},
			wantCode: 2, wantErr: []string{"Discord refused to register the commands", "applications.commands"}},
		{name: "Discord fails", setup: func(f *discordtest.Discord) {
			f.SetRESTFault(func(r discordtest.Request) *discordtest.Reply {
				if r.Pattern == discordtest.RouteGlobalCommands {
					return discordtest.ServerError()
				}
				return nil
			})
		},
			vars: map[string]string{envToken: discordtest.BotToken, envAppID: discordtest.AppID}, wantCode: 1, wantErr: []string{"registering the commands", "500"}},
		{name: "no token", setup: func(*discordtest.Discord) {}, vars: map[string]string{envAppID: discordtest.AppID},
			wantCode: 2, wantErr: []string{"DISCORD_TOKEN is not set"}},
		{name: "guild flag not an ID", setup: func(*discordtest.Discord) {}, vars: map[string]string{envToken: discordtest.BotToken},
			args: []string{"--guild", "my-server"}, wantCode: 2, wantErr: []string{`--guild "my-server" is not a Discord ID`}},
		{name: "an argument", setup: func(*discordtest.Discord) {}, vars: map[string]string{envToken: discordtest.BotToken},
			args: []string{"now"}, wantCode: 2, wantErr: []string{"register takes no arguments"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := discordtest.New(t)
			tc.setup(f)
			stdout, stderr, err := runArgs(t, tc.vars, append([]string{"register"}, tc.args...), fakeOptions(f)...)
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
			if n := len(f.Requests("PUT ")); n > 1 {
				t.Errorf("%d PUTs, want at most one", n)
			}
			for what, s := range map[string]string{"run's error": err.Error(), "stdout": stdout, "the log": stderr} {
				checkNoSecrets(t, what, s)
			}
		})
	}
}

// TestRegisterDryRun checks that --dry-run prints the route and the body,
// needs no token and sends nothing.
func TestRegisterDryRun(t *testing.T) {
	t.Parallel()
	body := string(commandsOutput(t))
	tests := []struct {
		name      string
		vars      map[string]string
		args      []string
		wantRoute string
		wantNote  bool // a note on stderr that the application ID is unknown
	}{
		{name: "global", vars: map[string]string{envAppID: discordtest.AppID},
			wantRoute: "PUT https://discord.com/api/v9/applications/" + discordtest.AppID + "/commands"},
		{name: "guild", vars: map[string]string{envAppID: discordtest.AppID}, args: []string{"--guild", "2000000000000000002"},
			wantRoute: "PUT https://discord.com/api/v9/applications/" + discordtest.AppID + "/guilds/2000000000000000002/commands"},
		{name: "no application ID", vars: map[string]string{envGuildID: "2000000000000000002"},
			wantRoute: "PUT https://discord.com/api/v9/applications/{DISCORD_APP_ID}/guilds/2000000000000000002/commands", wantNote: true},
		{name: "a token is not used", vars: map[string]string{envToken: discordtest.BotToken, envAppID: discordtest.AppID},
			wantRoute: "PUT https://discord.com/api/v9/applications/" + discordtest.AppID + "/commands"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := discordtest.New(t)
			stdout, stderr, err := runArgs(t, tc.vars, append([]string{"register", "--dry-run"}, tc.args...), fakeOptions(f)...)
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
			if n := len(f.Requests("")); n != 0 {
				t.Errorf("--dry-run sent %d requests, want none:\n%s", n, f.Summary(20))
			}
		})
	}
}

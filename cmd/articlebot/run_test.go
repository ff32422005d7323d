package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// runArgs runs articlebot with args, the environment vars and no .env file
// unless opts name one.
func runArgs(t *testing.T, vars map[string]string, args []string, opts ...option) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	opts = append([]option{withEnvFile("")}, opts...)
	err = run(context.Background(), args, mapEnv(vars), &out, &errOut, opts...)
	return out.String(), errOut.String(), err
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string // a substring of stdout; "" means stdout must be empty
		wantStderr string // a substring of stderr; "" means stderr must be empty
		wantErr    string // a substring of the error
	}{
		{name: "help", args: []string{"help"}, wantCode: 0, wantStdout: "Usage:"},
		{name: "help lists try", args: []string{"help"}, wantCode: 0, wantStdout: `articlebot try [flags] "/command text"`},
		{name: "help of a command", args: []string{"help", "try"}, wantCode: 0, wantStdout: "-autocomplete"},
		{name: "help of run", args: []string{"help", "run"}, wantCode: 0, wantStdout: "-env-file"},
		{name: "help of help", args: []string{"help", "help"}, wantCode: 0, wantStdout: "Usage:"},
		{name: "dash h", args: []string{"try", "-h"}, wantCode: 0, wantStdout: "Usage: articlebot try"},
		{name: "dash dash help", args: []string{"--help"}, wantCode: 0, wantStdout: "Usage: articlebot run"},
		{name: "help of an unknown command", args: []string{"help", "nope"}, wantCode: 2, wantStderr: "Usage:", wantErr: `unknown command "nope"`},
		{name: "help with two names", args: []string{"help", "try", "run"}, wantCode: 2, wantStderr: "Usage:", wantErr: "at most one"},
		{name: "unknown command", args: []string{"nope"}, wantCode: 2, wantStderr: "Usage:", wantErr: `unknown command "nope"`},
		{name: "unknown flag of run", args: []string{"--nope"}, wantCode: 2, wantStderr: "Usage: articlebot run", wantErr: "flag provided but not defined: -nope"},
		{name: "unknown flag of try", args: []string{"try", "--nope", "/about"}, wantCode: 2, wantStderr: "Usage: articlebot try", wantErr: "-nope"},
		{name: "unknown flag after the command line", args: []string{"try", "/about", "--nope"}, wantCode: 2, wantStderr: "Usage: articlebot try", wantErr: "-nope"},
		{name: "flag without its value", args: []string{"try", "/about", "--page"}, wantCode: 2, wantStderr: "Usage: articlebot try", wantErr: "needs an argument"},
		{name: "bad page number", args: []string{"try", "--page", "x", "/about"}, wantCode: 2, wantStderr: "Usage: articlebot try", wantErr: "invalid value"},
		{name: "page zero", args: []string{"try", "--page", "0", "/about"}, wantCode: 2, wantErr: "pages count from 1"},
		{name: "page with autocomplete", args: []string{"try", "--page", "2", "--autocomplete", "/quote ke"}, wantCode: 2, wantErr: "cannot be used together"},
		{name: "try without a command line", args: []string{"try"}, wantCode: 2, wantErr: "needs a command line"},
		{name: "message and mention", args: []string{"try", "--message", "a", "--mention", "b"}, wantCode: 2, wantErr: "cannot be used together"},
		{name: "mention with a command line", args: []string{"try", "--mention", "who?", "/about"}, wantCode: 2, wantErr: "no command line"},
		{name: "mention with a page", args: []string{"try", "--page", "2", "--mention", "who?"}, wantCode: 2, wantErr: "--mention cannot be used with"},
		{name: "mention with autocomplete", args: []string{"try", "--autocomplete", "--mention", "who?"}, wantCode: 2, wantErr: "--mention cannot be used with"},
		{name: "message with autocomplete", args: []string{"try", "--autocomplete", "--message", "russia"}, wantCode: 2, wantErr: "no options to type"},
		{name: "message command that does not exist", args: []string{"try", "--message", "russia", "Quote it"}, wantCode: 2, wantErr: `no message command "Quote it"`},
		{name: "message past its last page", args: []string{"try", "--page", "9", "--message", "russia"}, wantCode: 2, wantErr: "page(s)"},
		{name: "run with an argument", args: []string{"run", "extra"}, wantCode: 2, wantErr: "run takes no arguments"},
		{name: "commands with an argument", args: []string{"commands", "extra"}, wantCode: 2, wantErr: "commands takes no arguments"},
		{name: "version", args: []string{"version"}, wantCode: 0, wantStdout: "articlebot "},
		{name: "version flag", args: []string{"--version"}, wantCode: 0, wantStdout: "articlebot "},
		{name: "version flag with one dash", args: []string{"-version"}, wantCode: 0, wantStdout: "articlebot "},
		{name: "short version flag", args: []string{"-v"}, wantCode: 0, wantStdout: "articlebot "},
		{name: "version flag with an argument", args: []string{"--version", "x"}, wantCode: 2, wantErr: "version takes no arguments"},
		{name: "version with an argument", args: []string{"version", "x"}, wantCode: 2, wantErr: "version takes no arguments"},
		{name: "commands", args: []string{"commands"}, wantCode: 0, wantStdout: "["},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, err := runArgs(t, nil, tc.args)
			if got := exitCode(err); got != tc.wantCode {
				t.Fatalf("run(%q) exit code = %d (err %v), want %d", tc.args, got, err, tc.wantCode)
			}
			check := func(what, got, want string) {
				if want == "" && got != "" {
					t.Errorf("run(%q) %s = %q, want it empty", tc.args, what, got)
				}
				if !strings.Contains(got, want) {
					t.Errorf("run(%q) %s = %q, want it to contain %q", tc.args, what, got, want)
				}
			}
			check("stdout", stdout, tc.wantStdout)
			check("stderr", stderr, tc.wantStderr)
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("run(%q) = %v, want an error containing %q", tc.args, err, tc.wantErr)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	stdout, _, err := runArgs(t, nil, []string{"version"})
	if err != nil {
		t.Fatalf("run(version) = %v, want nil", err)
	}
	line := strings.TrimSpace(stdout)
	if strings.Count(stdout, "\n") != 1 {
		t.Errorf("version output = %q, want one line", stdout)
	}
	for _, want := range []string{"articlebot ", runtime.Version(), runtime.GOOS + "/" + runtime.GOARCH} {
		if !strings.Contains(line, want) {
			t.Errorf("version = %q, want it to contain %q", line, want)
		}
	}
	// A test binary carries no module version, so the version is devel.
	if !strings.HasPrefix(line, "articlebot devel ") {
		t.Errorf("version = %q, want it to start with %q", line, "articlebot devel ")
	}
	for _, flag := range []string{"--version", "-version", "-v"} {
		got, _, err := runArgs(t, nil, []string{flag})
		if err != nil || got != stdout {
			t.Errorf("run(%q) = %q, %v; want %q, nil as for the version command", flag, got, err, stdout)
		}
	}
}

// TestVersionFromLinker checks that a version set at link time, as a
// release build does with -ldflags "-X main.version=...", is the one shown.
func TestVersionFromLinker(t *testing.T) {
	saved := version
	t.Cleanup(func() { version = saved })
	version = "v9.8.7"
	if got := versionString(); !strings.HasPrefix(got, "articlebot v9.8.7 (") {
		t.Errorf("versionString() with version %q = %q, want it to start with %q", version, got, "articlebot v9.8.7 (")
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"success", nil, 0},
		{"usage", &usageError{"bad flag"}, 2},
		{"configuration", &configError{problems: []string{"x"}}, 2},
		{"wrapped configuration", fmt.Errorf("starting: %w", &configError{problems: []string{"x"}}), 2},
		{"rejected token", &configError{err: errTokenRejected, problems: []string{"x"}}, 2},
		{"anything else", errors.New("connection refused"), 1},
		{"cancelled", context.Canceled, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := exitCode(tc.err); got != tc.want {
				t.Errorf("exitCode(%v) = %d, want %d", tc.err, got, tc.want)
			}
		})
	}
}

func TestParseInterleaved(t *testing.T) {
	tests := []struct {
		args        []string
		wantPos     []string
		wantJSON    bool
		wantArticle string
	}{
		{[]string{"/find", "russia"}, []string{"/find", "russia"}, false, ""},
		{[]string{"--json", "/find russia"}, []string{"/find russia"}, true, ""},
		{[]string{"/find russia", "--json"}, []string{"/find russia"}, true, ""},
		{[]string{"/find", "--article", "a.txt", "russia", "--json"}, []string{"/find", "russia"}, true, "a.txt"},
		{[]string{"--json", "--", "/find", "--article", "x"}, []string{"/find", "--article", "x"}, true, ""},
	}
	for _, tc := range tests {
		fs := newTestFlagSet()
		jsonFlag := fs.Bool("json", false, "")
		articleFlag := fs.String("article", "", "")
		got, err := parseInterleaved(fs, tc.args)
		if err != nil {
			t.Errorf("parseInterleaved(%q) = %v", tc.args, err)
			continue
		}
		if strings.Join(got, "|") != strings.Join(tc.wantPos, "|") || *jsonFlag != tc.wantJSON || *articleFlag != tc.wantArticle {
			t.Errorf("parseInterleaved(%q) = %q, json=%v, article=%q; want %q, json=%v, article=%q",
				tc.args, got, *jsonFlag, *articleFlag, tc.wantPos, tc.wantJSON, tc.wantArticle)
		}
	}
}

func newTestFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

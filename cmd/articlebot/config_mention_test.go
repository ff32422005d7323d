package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestAskOnMention(t *testing.T) {
	tests := []struct {
		value   string
		want    bool
		problem bool
	}{
		{"", true, false},
		{"true", true, false},
		{"1", true, false},
		{"ON", true, false},
		{"yes", true, false},
		{"false", false, false},
		{"0", false, false},
		{" off ", false, false},
		{"No", false, false},
		{"maybe", true, true},
		{"2", true, true},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			c, err := loadConfig(mapEnv(map[string]string{envToken: shapedToken, envAskMention: tc.value}), configNeeds{token: true, gateway: true}, "")
			var ce *configError
			if tc.problem != errors.As(err, &ce) {
				t.Fatalf("loadConfig(%s=%q) error = %v, want a problem: %v", envAskMention, tc.value, err, tc.problem)
			}
			if tc.problem {
				if !strings.Contains(err.Error(), envAskMention) || !strings.Contains(err.Error(), "true or false") {
					t.Errorf("loadConfig(%s=%q) error = %q, want it to name the variable and its values", envAskMention, tc.value, err)
				}
				return
			}
			if c.askOnMention != tc.want {
				t.Errorf("loadConfig(%s=%q).askOnMention = %v, want %v", envAskMention, tc.value, c.askOnMention, tc.want)
			}
		})
	}
}

// TestAskOnMentionReportedWithOthers checks that a bad ASK_ON_MENTION is
// reported together with the other problems of the configuration.
func TestAskOnMentionReportedWithOthers(t *testing.T) {
	_, err := loadConfig(mapEnv(map[string]string{envAskMention: "sometimes", envLogFormat: "xml"}), configNeeds{token: true, gateway: true}, "")
	var ce *configError
	if !errors.As(err, &ce) || len(ce.problems) != 3 {
		t.Fatalf("loadConfig = %v, want three problems: the token, %s and %s", err, envAskMention, envLogFormat)
	}
	if !strings.Contains(err.Error(), envAskMention+`="sometimes"`) {
		t.Errorf("loadConfig = %q, want it to report %s", err, envAskMention)
	}
}

// TestAskOnMentionOnlyForTheGateway checks that only run, which answers
// mentions, reads ASK_ON_MENTION: the other commands start whatever it holds.
func TestAskOnMentionOnlyForTheGateway(t *testing.T) {
	vars := map[string]string{envAskMention: "sometimes"}
	for _, args := range [][]string{{"try", "/about"}, {"commands"}, {"register", "--dry-run"}} {
		if _, _, err := runArgs(t, vars, args); err != nil {
			t.Errorf("run(%q) with %s=sometimes = %v, want nil: it does not answer mentions", args, envAskMention, err)
		}
	}
	if _, _, err := runArgs(t, vars, nil); err == nil || !strings.Contains(err.Error(), envAskMention) {
		t.Errorf("run with %s=sometimes = %v, want a configuration error naming it", envAskMention, err)
	}
}

func TestGatewayIntents(t *testing.T) {
	if got, want := gatewayIntents(config{askOnMention: true}), discordgo.IntentsGuildMessages|discordgo.IntentsDirectMessages; got != want {
		t.Errorf("gatewayIntents(mentions on) = %d, want %d", got, want)
	}
	if got := gatewayIntents(config{}); got != discordgo.IntentsNone {
		t.Errorf("gatewayIntents(mentions off) = %d, want 0", got)
	}
	// Neither intent is privileged: no message content, members or presences.
	privileged := discordgo.IntentMessageContent | discordgo.IntentGuildMembers | discordgo.IntentGuildPresences
	if gatewayIntents(config{askOnMention: true})&privileged != 0 {
		t.Error("the mention intents include a privileged intent")
	}
}

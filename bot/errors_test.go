package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// TestInputErrorMessage checks the one message the bot writes for
// whatever the engine cannot take from the user: a query, a question or a
// speaker's name, each as the engine reports it.
func TestInputErrorMessage(t *testing.T) {
	a := article.Default()
	_, queryErr := a.Search("the", article.Page{})
	_, questionErr := a.Ask("what is it?")
	_, speakerErr := a.Speaker("kery jones")
	_, emptyErr := a.Speaker("")
	tests := []struct {
		name string
		err  error
		want []string
		not  []string
	}{
		{"query", queryErr, []string{`"the" is too common`}, []string{"It quotes"}},
		{"question", questionErr, []string{"The question does not say what it is about"}, []string{"It quotes"}},
		{"speaker", speakerErr, []string{"quotes nobody called “kery jones”", "\nIt quotes: John Kerry, "}, nil},
		{"empty speaker", emptyErr, []string{"whose words", "\nIt quotes: John Kerry, "}, nil},
		{"ambiguous", &article.InputError{Input: "novak", Reason: "Type more of the name.", Ambiguous: []string{"Elena Novak", "Luka *Novak*"}},
			[]string{"Type more of the name. It could mean **Elena Novak** or **Luka \\*Novak\\***."}, nil},
		{"suggestion", &article.InputError{Input: "jtrs", Reason: "no one called “jtrs”", Suggestion: "James Jatras"},
			[]string{"No one called “jtrs”. Did you mean **James Jatras**?"}, nil},
		{"format characters", &article.InputError{Input: "\u202eaissur", Reason: "nothing matches “\u202eaissur\u200b”"},
			[]string{"Nothing matches “aissur”."}, []string{"\u202e", "\u200b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, ok := userMessage(fmt.Errorf("wrapped: %w", tt.err))
			if !ok {
				t.Fatalf("userMessage(%v) reports no user error", tt.err)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("userMessage(%v) = %q, want it to hold %q", tt.err, msg, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(msg, w) {
					t.Errorf("userMessage(%v) = %q, want no %q", tt.err, msg, w)
				}
			}
			if runeLen(msg) > limitContent {
				t.Errorf("userMessage(%v) is %d characters, over Discord's %d", tt.err, runeLen(msg), limitContent)
			}
		})
	}
}

// TestInputErrorsAreUserErrors checks that what the engine cannot take from
// a user, typed in a command or asked in a mention, goes through the one
// pipeline as the user's mistake: answered with the engine's reason in the
// one message inputErrorMessage writes, privately for an interaction, and
// counted as a user_error.
func TestInputErrorsAreUserErrors(t *testing.T) {
	a := article.Default()
	_, queryErr := a.Search("the", article.Page{})
	_, questionErr := a.Ask("what is it?")
	_, speakerErr := a.Speaker("kery jones")
	rec := &recorder{}
	b := mustNew(a, WithObserver(rec))

	interactions := []struct {
		name    string
		i       *discordgo.Interaction
		command string
		err     error
	}{
		{"find", slash("find", opt("query", discordgo.ApplicationCommandOptionString, "the")), "find", queryErr},
		{"quote", slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, "kery jones")), "quote", speakerErr},
		{"ask", slash("ask", opt("question", discordgo.ApplicationCommandOptionString, "what is it?")), "ask", questionErr},
	}
	for _, tt := range interactions {
		t.Run(tt.name, func(t *testing.T) {
			ie := inputError(t, tt.err)
			r := b.Respond(context.Background(), tt.i)
			if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("Respond(/%s) = type %d flags %d, want a private message", tt.name, r.Type, r.Data.Flags)
			}
			if want := inputErrorMessage(ie); r.Data.Content != want {
				t.Errorf("Respond(/%s) = %q, want the engine's reason %q", tt.name, r.Data.Content, want)
			}
			if am := r.Data.AllowedMentions; am == nil || len(am.Parse) != 0 {
				t.Errorf("Respond(/%s) allows mentions: %+v", tt.name, am)
			}
			if out := rec.last(t); out.Result != resultUser || out.Kind != kindCommand || out.Command != tt.command {
				t.Errorf("Respond(/%s): the observer was told %+v, want a user_error of command %s", tt.name, out, tt.command)
			}
		})
	}

	t.Run("mention", func(t *testing.T) {
		ie := inputError(t, questionErr)
		msg := mentionMessage("31", "<@"+testSelf+"> what is it?", testBotUser)
		reply, ok := NewMentions(b).Reply(context.Background(), msg, testSelf)
		if !ok {
			t.Fatalf("Reply(%q) gave no reply", msg.Content)
		}
		if want := inputErrorMessage(ie); reply.Content != want || len(reply.Embeds) != 0 {
			t.Errorf("Reply(%q) = %q with %d embeds, want only the engine's reason %q", msg.Content, reply.Content, len(reply.Embeds), want)
		}
		if am := reply.AllowedMentions; am == nil || len(am.Parse) != 0 {
			t.Errorf("Reply(%q) allows mentions: %+v", msg.Content, am)
		}
		if out := rec.last(t); out.Result != resultUser || out.Kind != kindMention || out.Command != "ask" {
			t.Errorf("Reply(%q): the observer was told %+v, want a user_error of a mention", msg.Content, out)
		}
	})
}

// inputError returns err as the engine's *article.InputError, failing the
// test when it is not one.
func inputError(t *testing.T, err error) *article.InputError {
	t.Helper()
	var ie *article.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("the engine returned %v, want an *article.InputError", err)
	}
	return ie
}

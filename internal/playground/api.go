package playground

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// The server, channel and people of the playground, as Discord would
// identify them. The IDs are fixed snowflakes; the page makes up the IDs
// of messages and interactions from the time, as Discord does.
const (
	applicationID = "1300000000000000001"
	botUserID     = applicationID // a bot's user ID is its application's
	guildID       = "1300000000000000002"
	channelID     = "1300000000000000003"
	userID        = "1300000000000000004"
	// firstCommandID is the ID of the first registered command; the
	// others follow it.
	firstCommandID = 1300000000000000100
	// permissions are what the person and the bot may do in the channel:
	// read, send, embed links and use application commands, among others.
	permissions = "2248473465835073"
	joinedAt    = "2024-11-01T17:45:09.311000+00:00"
)

// appInfo is what the page needs to play Discord: who is who, where the
// conversation happens, and the bot's commands as Discord registered them.
type appInfo struct {
	ApplicationID  string                          `json:"application_id"`
	Bot            map[string]any                  `json:"bot"`
	User           map[string]any                  `json:"user"`
	Member         map[string]any                  `json:"member"`
	Guild          map[string]any                  `json:"guild"`
	Channel        map[string]any                  `json:"channel"`
	AppPermissions string                          `json:"app_permissions"`
	Commands       []*discordgo.ApplicationCommand `json:"commands"`
	Title          string                          `json:"title"`
}

// app answers GET /api/app with the application as the page needs it.
func (s *server) app(w http.ResponseWriter, r *http.Request) {
	title := s.title
	if title == "" {
		title = s.bot.title()
	}
	user := map[string]any{"id": userID, "username": "you", "global_name": "You", "discriminator": "0", "avatar": nil}
	s.writeJSON(w, appInfo{
		ApplicationID: applicationID,
		Bot:           map[string]any{"id": botUserID, "username": "articlebot", "global_name": nil, "discriminator": "0", "avatar": nil, "bot": true},
		User:          user,
		Member: map[string]any{"user": user, "roles": []string{}, "joined_at": joinedAt, "deaf": false, "mute": false,
			"flags": 0, "pending": false, "nick": nil, "avatar": nil, "permissions": permissions},
		Guild:          map[string]any{"id": guildID, "locale": string(discordgo.EnglishUS), "features": []string{}},
		Channel:        map[string]any{"id": channelID, "type": discordgo.ChannelTypeGuildText, "guild_id": guildID, "name": "playground", "topic": title, "nsfw": false, "permissions": permissions},
		AppPermissions: permissions,
		Commands:       registered(s.bot.commands()),
		Title:          title,
	})
}

// registered returns defs as Discord returns them once registered: each
// with its ID, its application's ID and a version.
func registered(defs []*discordgo.ApplicationCommand) []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, 0, len(defs))
	for k, d := range defs {
		if d == nil {
			continue
		}
		c := *d
		c.ID = strconv.Itoa(firstCommandID + k)
		c.ApplicationID = applicationID
		c.Version = c.ID
		out = append(out, &c)
	}
	return out
}

// interaction answers POST /api/interactions: its body is an interaction
// as Discord sends it, and the answer is the bot's response, as the bot
// would send it to Discord.
func (s *server) interaction(w http.ResponseWriter, r *http.Request) {
	body, ok := s.read(w, r)
	if !ok {
		return
	}
	var in discordgo.Interaction
	if err := json.Unmarshal(body, &in); err != nil {
		s.refuse(w, r, http.StatusBadRequest, "the body is not a JSON interaction", err)
		return
	}
	if in.Type == 0 {
		s.refuse(w, r, http.StatusBadRequest, "the body is not an interaction: it has no type", nil)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), answerDeadline)
	defer cancel()
	out, err := s.bot.respond(ctx, &in)
	if err != nil {
		s.log.Error("no answer to an interaction", "type", int(in.Type), "err", err)
		http.Error(w, "the bot's answer could not be encoded", http.StatusInternalServerError)
		return
	}
	writeBody(w, out)
}

// message answers POST /api/messages: its body is a message as the gateway
// delivers it (MESSAGE_CREATE), and the answer is the body of the message
// the bot posts in reply, or 204 No Content when the bot does not reply.
func (s *server) message(w http.ResponseWriter, r *http.Request) {
	body, ok := s.read(w, r)
	if !ok {
		return
	}
	var msg discordgo.Message
	if err := json.Unmarshal(body, &msg); err != nil {
		s.refuse(w, r, http.StatusBadRequest, "the body is not a JSON message", err)
		return
	}
	if msg.ID == "" || msg.ChannelID == "" || msg.Author == nil {
		s.refuse(w, r, http.StatusBadRequest, "the body is not a message: it needs an id, a channel_id and an author", nil)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), answerDeadline)
	defer cancel()
	out, ok, err := s.bot.reply(ctx, &msg, botUserID)
	switch {
	case err != nil:
		s.log.Error("no reply to a message", "err", err)
		http.Error(w, "the bot's reply could not be encoded", http.StatusInternalServerError)
	case !ok:
		w.WriteHeader(http.StatusNoContent)
	default:
		writeBody(w, out)
	}
}

// read returns the JSON body of r, or answers r with what is wrong with it:
// 415 when it is not JSON, 413 when it is longer than maxRequest.
func (s *server) read(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		s.refuse(w, r, http.StatusUnsupportedMediaType, "the body must be JSON, sent as application/json", err)
		return nil, false
	}
	if r.ContentLength > maxRequest {
		s.refuse(w, r, http.StatusRequestEntityTooLarge, "the body is too large", nil)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequest))
	if err != nil {
		if errors.As(err, new(*http.MaxBytesError)) {
			s.refuse(w, r, http.StatusRequestEntityTooLarge, "the body is too large", nil)
			return nil, false
		}
		s.refuse(w, r, http.StatusBadRequest, "the body could not be read", err)
		return nil, false
	}
	return body, true
}

// refuse answers a request the playground will not serve with code and
// msg, logging why at debug level.
func (s *server) refuse(w http.ResponseWriter, r *http.Request, code int, msg string, err error) {
	attrs := []any{"status", code, "path", r.URL.Path}
	if err != nil {
		attrs = append(attrs, "err", err)
	}
	s.log.DebugContext(r.Context(), "refused a playground request: "+msg, attrs...)
	http.Error(w, msg, code)
}

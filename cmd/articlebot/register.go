package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/articlebot/articlebot/bot"
	"github.com/bwmarrin/discordgo"
)

const registerDetails = `Needs DISCORD_TOKEN. Replaces the application's commands with the bot's in
one bulk overwrite over REST: in the server given by --guild or
DISCORD_GUILD_ID, globally otherwise. The application ID is DISCORD_APP_ID,
or is asked of Discord when unset. This is for deployments that answer over
HTTP ("articlebot serve") and never open the gateway; "articlebot run"
registers by itself when it starts. With --dry-run it prints the request
instead of sending it, and needs no token.
`

func registerFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	var c commonFlags
	c.declare(fs, true)
	guild := fs.String("guild", "", "register in the server with this `ID` (overrides DISCORD_GUILD_ID); without it and DISCORD_GUILD_ID, globally")
	dryRun := fs.Bool("dry-run", false, "print the route and the JSON body of the request on standard output, send nothing; needs no token")
	return func(ctx context.Context, args []string) error {
		if err := noArgs("register", args); err != nil {
			return err
		}
		if *guild != "" && !isSnowflake(*guild) {
			return &usageError{fmt.Sprintf("--guild %q is not a Discord ID: expected the server's number (Developer Mode on, right-click the server, Copy Server ID)", *guild)}
		}
		cfg, a, err := c.setup(ctx, e, configNeeds{token: !*dryRun})
		if err != nil {
			return err
		}
		if *guild != "" {
			cfg.guildID = *guild
		}
		log := newLogger(e.stderr, cfg.logLevel, cfg.logFormat)
		b, err := newBot(ctx, a, bot.WithLogger(log))
		if err != nil {
			return err
		}
		cmds := registeredCommands(b)
		if *dryRun {
			return printRegistration(e, "register", cfg, cmds)
		}
		appID, err := overwrite(ctx, cfg, cmds, log, e.opts)
		if err != nil {
			return err
		}
		log.Info("registered the commands", "application_id", appID, "guild_id", cfg.guildID, "commands", len(cmds))
		_, err = fmt.Fprintf(e.stdout, "Registered %d commands %s for application %s.\n", len(cmds), scopeText(cfg.guildID), appID)
		return err
	}
}

// scopeText names where commands are registered, for a message.
func scopeText(guildID string) string {
	if guildID != "" {
		return "in server " + guildID
	}
	return "globally"
}

// printRegistration writes the request the command name ("register" or
// "unregister") would send: its method and URL on one line, then the body,
// cmds as "articlebot commands" prints them.
func printRegistration(e *env, name string, cfg config, cmds []*discordgo.ApplicationCommand) error {
	appID := cfg.appID
	if appID == "" {
		appID = "{" + envAppID + "}"
	}
	fmt.Fprintf(e.stdout, "%s %s\n", http.MethodPut, commandsEndpoint(appID, cfg.guildID))
	if cfg.appID == "" {
		fmt.Fprintf(e.stderr, "%s is not set: without --dry-run, %s asks Discord for the application of the token.\n", envAppID, name)
	}
	return writeJSON(e.stdout, cmds)
}

// commandsEndpoint is the URL of the application's commands: in guildID,
// or global when guildID is empty.
func commandsEndpoint(appID, guildID string) string {
	if guildID != "" {
		return discordgo.EndpointApplicationGuildCommands(appID, guildID)
	}
	return discordgo.EndpointApplicationGlobalCommands(appID)
}

// overwrite replaces the application's commands, in cfg.guildID or
// globally, with cmds in one bulk overwrite over REST, and returns the
// application's ID: DISCORD_APP_ID, or the token's application when unset.
func overwrite(ctx context.Context, cfg config, cmds []*discordgo.ApplicationCommand, log *slog.Logger, o options) (string, error) {
	detach := discordgoLogs.attach(log, cfg.token)
	defer detach()
	s, err := discordgo.New("Bot " + cfg.token)
	if err != nil {
		return "", fmt.Errorf("creating the Discord session: %w", err)
	}
	s.LogLevel = sessionLogLevel(log)
	if o.httpClient != nil {
		s.Client = o.httpClient
	}

	appID := cfg.appID
	if appID == "" {
		if appID, err = tokenApplication(ctx, s); err != nil {
			return "", err
		}
		log.Debug("asked Discord for the application of the token", "application_id", appID)
	}
	if err := overwriteCommands(ctx, s, appID, cfg.guildID, cmds); err != nil {
		return "", err
	}
	return appID, nil
}

// tokenApplication asks Discord for the ID of the token's application
// (GET /oauth2/applications/@me).
func tokenApplication(ctx context.Context, s *discordgo.Session) (string, error) {
	endpoint := discordgo.EndpointOAuth2Application("@me")
	body, err := s.RequestWithBucketID(http.MethodGet, endpoint, nil, endpoint, discordgo.WithContext(ctx))
	if err != nil {
		if fatal := fatalError(err); fatal != nil {
			return "", fatal
		}
		return "", fmt.Errorf("asking Discord for the application of the token (set %s to skip this): %w", envAppID, err)
	}
	var app discordgo.Application
	if err := json.Unmarshal(body, &app); err != nil || app.ID == "" {
		return "", fmt.Errorf("asking Discord for the application of the token (set %s to skip this): the answer names no application", envAppID)
	}
	return app.ID, nil
}

// overwriter is the part of a session that registration needs.
type overwriter interface {
	ApplicationCommandBulkOverwrite(appID, guildID string, commands []*discordgo.ApplicationCommand, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
}

var _ overwriter = (*discordgo.Session)(nil)

// overwriteCommands replaces the commands of application appID, in guildID
// or globally, with cmds. A rejected token, and a server or application the
// token may not register in, are configuration errors.
func overwriteCommands(ctx context.Context, s overwriter, appID, guildID string, cmds []*discordgo.ApplicationCommand) error {
	_, err := s.ApplicationCommandBulkOverwrite(appID, guildID, cmds, discordgo.WithContext(ctx))
	if err == nil {
		return nil
	}
	if fatal := fatalError(err); fatal != nil {
		return fatal
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil &&
		(re.Response.StatusCode == http.StatusForbidden || re.Response.StatusCode == http.StatusNotFound) {
		return &configError{err: err, variables: true, problems: []string{fmt.Sprintf(
			"Discord refused to register the commands (%v): check that %s, if set, is a server the application was invited to with the applications.commands scope, and that %s, if set, belongs to the token.",
			err, envGuildID, envAppID)}}
	}
	return fmt.Errorf("registering the commands: %w", err)
}

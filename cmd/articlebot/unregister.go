package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

const unregisterDetails = `Needs DISCORD_TOKEN. Removes the application's commands with one bulk
overwrite of an empty list over REST: in the server given by --guild or
DISCORD_GUILD_ID, globally otherwise, or globally with --global whatever
DISCORD_GUILD_ID says. A server that has both guild and global commands
shows each command twice; this removes one of the two sets. The
application ID is DISCORD_APP_ID, or is asked of Discord when unset. With
--dry-run it prints the request instead of sending it, and needs no token.
`

func unregisterFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	var c commonFlags
	c.declare(fs, false)
	guild := fs.String("guild", "", "remove the commands of the server with this `ID` (overrides DISCORD_GUILD_ID)")
	global := fs.Bool("global", false, "remove the global commands, even when DISCORD_GUILD_ID is set")
	dryRun := fs.Bool("dry-run", false, "print the route and the JSON body of the request on standard output, send nothing; needs no token")
	return func(ctx context.Context, args []string) error {
		if err := noArgs("unregister", args); err != nil {
			return err
		}
		if *guild != "" && *global {
			return &usageError{"--guild and --global cannot be used together: the commands of one scope are removed at a time"}
		}
		if *guild != "" && !isSnowflake(*guild) {
			return &usageError{fmt.Sprintf("--guild %q is not a Discord ID: expected the server's number (Developer Mode on, right-click the server, Copy Server ID)", *guild)}
		}
		getenv, err := withDotenv(e.getenv, c.envFileOf(e))
		if err != nil {
			return err
		}
		cfg, err := loadConfig(getenv, configNeeds{token: !*dryRun}, "")
		if err != nil {
			return err
		}
		switch {
		case *global:
			cfg.guildID = ""
		case *guild != "":
			cfg.guildID = *guild
		}
		none := []*discordgo.ApplicationCommand{}
		if *dryRun {
			return printRegistration(e, "unregister", cfg, none)
		}
		log := newLogger(e.stderr, cfg.logLevel, cfg.logFormat)
		appID, err := overwrite(ctx, cfg, none, log, e.opts)
		if err != nil {
			return err
		}
		log.Info("removed the commands", "application_id", appID, "guild_id", cfg.guildID)
		_, err = fmt.Fprintf(e.stdout, "Removed the commands registered %s for application %s.\n", scopeText(cfg.guildID), appID)
		return err
	}
}

package main

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// shardConfig is the gateway shard one process runs. Discord splits a bot's
// servers among its shards by server ID, and sends the interactions of
// direct messages to shard 0; a large bot runs one process per shard.
type shardConfig struct {
	// set is true when SHARD_ID and SHARD_COUNT are given. Without them the
	// process is the bot's only connection and its IDENTIFY names no shard.
	set bool
	// id is this process's shard, from 0 to count-1.
	id int
	// count is the number of shards; with auto it is 0 until resolveShard
	// has asked Discord.
	count int
	// auto makes count Discord's recommendation from GET /gateway/bot.
	auto bool
}

// registers reports whether this process registers the commands. Commands
// belong to the application, not to a shard, so shard 0 alone registers
// them and every other shard leaves them as they are.
func (sc shardConfig) registers() bool { return sc.id == 0 }

// attrs returns the log attributes that name the shard, or none when the
// process is not sharded.
func (sc shardConfig) attrs() []any {
	if !sc.set {
		return nil
	}
	count := any(sc.count)
	if sc.auto && sc.count == 0 {
		count = "auto"
	}
	return []any{"shard_id", sc.id, "shard_count", count}
}

// loadShard reads SHARD_ID and SHARD_COUNT from getenv. Both or neither
// must be set; SHARD_COUNT is a whole number of at least 1, or "auto".
func loadShard(getenv func(string) string) (shardConfig, []string) {
	rawID := strings.TrimSpace(getenv(envShardID))
	rawCount := strings.TrimSpace(getenv(envShardCount))
	if rawID == "" && rawCount == "" {
		return shardConfig{}, nil
	}
	if rawID == "" || rawCount == "" {
		return shardConfig{}, []string{fmt.Sprintf(
			"%s and %s go together: set both (%s from 0 to %s-1, or %s=auto for Discord's recommendation), or neither to run one process for every server.",
			envShardID, envShardCount, envShardID, envShardCount, envShardCount)}
	}
	sc := shardConfig{set: true}
	var problems []string
	id, err := strconv.Atoi(rawID)
	if err != nil || id < 0 {
		problems = append(problems, fmt.Sprintf("%s=%q is not a shard number: expected a whole number from 0 to %s-1.",
			envShardID, rawID, envShardCount))
	}
	sc.id = id
	if strings.EqualFold(rawCount, "auto") {
		sc.auto = true
	} else {
		count, err := strconv.Atoi(rawCount)
		if err != nil || count < 1 {
			problems = append(problems, fmt.Sprintf("%s=%q is not a shard count: expected a whole number of at least 1, or auto for Discord's recommendation.",
				envShardCount, rawCount))
		}
		sc.count = count
	}
	if len(problems) == 0 && !sc.auto && sc.id >= sc.count {
		problems = append(problems, fmt.Sprintf("%s=%d is out of range for %s=%d: shards are numbered from 0 to %d.",
			envShardID, sc.id, envShardCount, sc.count, sc.count-1))
	}
	if len(problems) > 0 {
		return shardConfig{}, problems
	}
	return sc, nil
}

// gatewayBotter is the part of a session resolveShard needs.
type gatewayBotter interface {
	GatewayBot(options ...discordgo.RequestOption) (*discordgo.GatewayBotResponse, error)
}

var _ gatewayBotter = (*discordgo.Session)(nil)

// resolveShard returns sc with its count known: for SHARD_COUNT=auto, the
// number of shards Discord recommends for the bot, from GET /gateway/bot.
// It fails when Discord rejects the token or cannot be asked, and with a
// configuration error when SHARD_ID is not below the recommendation.
func resolveShard(ctx context.Context, s gatewayBotter, sc shardConfig, log *slog.Logger) (shardConfig, error) {
	if !sc.auto {
		return sc, nil
	}
	gb, err := s.GatewayBot(discordgo.WithContext(ctx))
	if err != nil {
		if fatal := fatalError(err); fatal != nil {
			return sc, fatal
		}
		return sc, fmt.Errorf("asking Discord for the recommended number of shards (%s=auto): %w", envShardCount, err)
	}
	sc.count = max(gb.Shards, 1)
	if sc.id >= sc.count {
		return sc, &configError{variables: true, problems: []string{fmt.Sprintf(
			"%s=%d is out of range: Discord recommends %d shard(s) for this bot (%s=auto), numbered from 0 to %d. Run only that many processes, or set %s to a number.",
			envShardID, sc.id, sc.count, envShardCount, sc.count-1, envShardCount)}}
	}
	log.Info("Discord recommends a number of shards", "shard_count", sc.count,
		"max_concurrency", gb.SessionStartLimit.MaxConcurrency)
	return sc, nil
}

// applyShard makes s identify as shard sc, so that IDENTIFY carries
// "shard": [id, count]. It leaves an unsharded session as it is.
func applyShard(s *discordgo.Session, sc shardConfig) {
	if !sc.set {
		return
	}
	s.ShardID, s.ShardCount = sc.id, sc.count
	// discordgo fills Identify.Shard itself only for more than one shard;
	// an explicit [0, 1] is what the operator asked for and Discord accepts
	// it.
	s.Identify.Shard = &[2]int{sc.id, sc.count}
}

package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/internal/gateway"
)

// loadShard reads SHARD_ID and SHARD_COUNT from getenv. Both or neither
// must be set; SHARD_COUNT is a whole number of at least 1, or "auto".
func loadShard(getenv func(string) string) (gateway.Shard, []string) {
	rawID := strings.TrimSpace(getenv(envShardID))
	rawCount := strings.TrimSpace(getenv(envShardCount))
	if rawID == "" && rawCount == "" {
		return gateway.Shard{}, nil
	}
	if rawID == "" || rawCount == "" {
		return gateway.Shard{}, []string{fmt.Sprintf(
			"%s and %s go together: set both (%s from 0 to %s-1, or %s=auto for Discord's recommendation), or neither to run one process for every server.",
			envShardID, envShardCount, envShardID, envShardCount, envShardCount)}
	}
	sc := gateway.Shard{Set: true}
	var problems []string
	id, err := strconv.Atoi(rawID)
	if err != nil || id < 0 {
		problems = append(problems, fmt.Sprintf("%s=%q is not a shard number: expected a whole number from 0 to %s-1.",
			envShardID, rawID, envShardCount))
	}
	sc.ID = id
	if strings.EqualFold(rawCount, "auto") {
		sc.Auto = true
	} else {
		count, err := strconv.Atoi(rawCount)
		if err != nil || count < 1 {
			problems = append(problems, fmt.Sprintf("%s=%q is not a shard count: expected a whole number of at least 1, or auto for Discord's recommendation.",
				envShardCount, rawCount))
		}
		sc.Count = count
	}
	if len(problems) == 0 && !sc.Auto && sc.ID >= sc.Count {
		problems = append(problems, fmt.Sprintf("%s=%d is out of range for %s=%d: shards are numbered from 0 to %d.",
			envShardID, sc.ID, envShardCount, sc.Count, sc.Count-1))
	}
	if len(problems) > 0 {
		return gateway.Shard{}, problems
	}
	return sc, nil
}

// shardConfig is the shard a process runs, as the configuration gives it.
type shardConfig = gateway.Shard

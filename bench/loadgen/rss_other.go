//go:build unix && !linux

package main

import "runtime"

// rssBytes converts getrusage's ru_maxrss to bytes: Darwin reports bytes,
// the other BSDs kilobytes.
func rssBytes(maxrss int64) int64 {
	if runtime.GOOS == "darwin" {
		return maxrss
	}
	return maxrss * 1024
}

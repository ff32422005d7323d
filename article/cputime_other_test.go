//go:build !unix

package article

import "time"

// processCPU reports false: the process's CPU time is read only on Unix.
func processCPU() (time.Duration, bool) { return 0, false }

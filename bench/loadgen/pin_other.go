//go:build !linux

package main

import (
	"errors"
	"time"
)

// canPin reports whether this system lets the load tool pin processes to
// CPUs.
const canPin = false

// pinProcess is not supported outside Linux.
func pinProcess([]int) error {
	return errors.New("pinning to CPUs is supported on Linux only")
}

// threadCPU is not measured outside Linux.
func threadCPU() (time.Duration, bool) { return 0, false }

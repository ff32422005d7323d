//go:build !unix

package main

import (
	"errors"
	"time"
)

// peakRSS is measured on Unix systems only.
func peakRSS() (int64, error) {
	return 0, errors.New("the peak memory of a process is measured on Unix systems only")
}

// processCPU is measured on Unix systems only.
func processCPU() (time.Duration, error) {
	return 0, errors.New("the CPU time of a process is measured on Unix systems only")
}

package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"golang.org/x/sys/unix"
)

// canPin reports whether this system lets the load tool pin processes to
// CPUs.
const canPin = true

// pinProcess restricts every thread of this process to cpus. Threads
// started later inherit the restriction from the thread that starts them;
// the pass over the threads is made twice to catch one started meanwhile.
func pinProcess(cpus []int) error {
	var set unix.CPUSet
	for _, c := range cpus {
		set.Set(c)
	}
	for range 2 {
		tasks, err := os.ReadDir("/proc/self/task")
		if err != nil {
			return fmt.Errorf("listing this process's threads: %w", err)
		}
		for _, t := range tasks {
			tid, err := strconv.Atoi(t.Name())
			if err != nil {
				continue
			}
			if err := unix.SchedSetaffinity(tid, &set); err != nil {
				return fmt.Errorf("pinning thread %d to CPUs %v: %w", tid, cpus, err)
			}
		}
	}
	return nil
}

// threadCPU returns the CPU time the calling OS thread has used; the
// caller locks its goroutine to the thread.
func threadCPU() (time.Duration, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}

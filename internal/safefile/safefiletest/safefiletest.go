//go:build unix

// Package safefiletest makes, for tests, the paths that a read of an
// operator's file must refuse without blocking: a named pipe with no writer
// and a symbolic link to /dev/zero.
package safefiletest

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// NotFiles makes in dir a named pipe called name+".fifo" and a symbolic
// link to /dev/zero called name+".zero", and returns their paths. It skips
// the test where named pipes cannot be made.
func NotFiles(t testing.TB, dir, name string) (fifo, devZero string) {
	t.Helper()
	fifo = filepath.Join(dir, name+".fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	devZero = filepath.Join(dir, name+".zero")
	if err := os.Symlink("/dev/zero", devZero); err != nil {
		t.Fatal(err)
	}
	return fifo, devZero
}

// Pipe makes a named pipe at path, skipping the test where named pipes
// cannot be made.
func Pipe(t testing.TB, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
}

// WithinASecond runs f and returns its error, failing the test at once if f
// has not returned within a second: a read that blocks is a bug.
func WithinASecond(t testing.TB, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Second):
		t.Fatalf("%s is still blocked after a second", what)
		return nil
	}
}

// Package safefile reads the files an operator points articlebot at (an
// article, its metadata, a .env file) so that a wrong path cannot hang or
// exhaust it: only regular files are read, and only up to a size limit. A
// named pipe, a device or a directory is refused at once, without waiting
// for a writer, since the file is opened without blocking and checked
// before anything is read.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// Errors that Read wraps, with the path and details. Test for them with
// errors.Is.
var (
	// ErrNotRegular is the error for a path that names something other than
	// a regular file: a directory, a named pipe (FIFO), a device or a
	// socket.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge is the error for a file larger than the limit.
	ErrTooLarge = errors.New("file too large")
)

// Read returns the content of the regular file at path, which may be a
// symbolic link to one, failing with an error wrapping ErrTooLarge when it
// holds more than limit bytes, and with one wrapping ErrNotRegular, without
// reading or blocking, when it is not a regular file. A missing file gives
// an error wrapping fs.ErrNotExist. Errors name the path.
func Read(path string, limit int64) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		return nil, err // an *fs.PathError, which names the file
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path,
			Err: fmt.Errorf("%w: it is %s", ErrNotRegular, kind(info.Mode()))}
	}
	if info.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: path,
			Err: fmt.Errorf("%w: it holds %d bytes, more than the %d allowed", ErrTooLarge, info.Size(), limit)}
	}
	// The size can change while the file is read; the limit still holds.
	body, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, &fs.PathError{Op: "read", Path: path,
			Err: fmt.Errorf("%w: it holds more than the %d bytes allowed", ErrTooLarge, limit)}
	}
	return body, nil
}

// kind names what a file that is not regular is, for an error message.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// result is what one run of the load measured.
type result struct {
	window    time.Duration   // the measured window
	latencies []time.Duration // of every request completed in the window, sorted
	errors    map[string]int  // failed requests in the window, by cause
	byKind    map[string]int  // completed requests in the window, by kind
}

func (r result) requests() int { return len(r.latencies) }

func (r result) errorCount() int {
	n := 0
	for _, c := range r.errors {
		n += c
	}
	return n
}

// percentile returns the p-th percentile (0 < p ≤ 100) of the latencies:
// the smallest latency that at least p % of the requests did not exceed.
func (r result) percentile(p float64) time.Duration {
	n := len(r.latencies)
	if n == 0 {
		return 0
	}
	i := int(float64(n)*p/100+0.999999999) - 1
	return r.latencies[min(max(i, 0), n-1)]
}

// phase tells the connections whether to record what they measure.
const (
	warmingUp int32 = iota
	measuring
	stopping
)

// drive keeps conns connections to addr busy, each sending the requests in
// turn and waiting for each reply, for warmup and then for window, which is
// measured. It returns once every connection has finished its last request.
// onMeasure is called when the measured window opens and when it closes.
func drive(ctx context.Context, addr string, reqs []request, conns int, warmup, window time.Duration, onMeasure func()) (result, error) {
	var phase atomic.Int32
	workers := make([]*worker, conns)
	for i := range workers {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			for _, w := range workers[:i] {
				w.conn.Close()
			}
			return result{}, fmt.Errorf("connecting to %s: %w", addr, err)
		}
		workers[i] = &worker{addr: addr, conn: c, br: bufio.NewReaderSize(c, 16<<10), errors: map[string]int{}, byKind: map[string]int{}}
	}

	var wg sync.WaitGroup
	for i, w := range workers {
		wg.Go(func() { w.run(&phase, reqs, i*len(reqs)/conns) })
	}
	sleep(ctx, warmup)
	onMeasure()
	start := time.Now()
	phase.Store(measuring)
	sleep(ctx, window)
	phase.Store(stopping)
	elapsed := time.Since(start)
	onMeasure()
	wg.Wait()

	res := result{window: elapsed, errors: map[string]int{}, byKind: map[string]int{}}
	for _, w := range workers {
		res.latencies = append(res.latencies, w.latencies...)
		for k, v := range w.errors {
			res.errors[k] += v
		}
		for k, v := range w.byKind {
			res.byKind[k] += v
		}
		w.conn.Close()
	}
	slices.Sort(res.latencies)
	return res, ctx.Err()
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// A worker is one client connection sending one request at a time.
type worker struct {
	addr      string
	conn      net.Conn
	br        *bufio.Reader
	latencies []time.Duration
	errors    map[string]int
	byKind    map[string]int
}

func (w *worker) run(phase *atomic.Int32, reqs []request, next int) {
	for {
		p := phase.Load()
		if p == stopping {
			return
		}
		r := &reqs[next%len(reqs)]
		next++
		start := time.Now()
		err := w.roundTrip(r.raw)
		lat := time.Since(start)
		// A request counts in the window when it completes inside it.
		if brokenConn(err) {
			w.reconnect()
		}
		if phase.Load() != measuring {
			continue
		}
		if err != nil {
			w.errors[err.Error()]++
			continue
		}
		w.latencies = append(w.latencies, lat)
		w.byKind[r.kind]++
	}
}

// roundTrip writes one request and reads its reply whole. Any reply but
// 200 is an error.
func (w *worker) roundTrip(raw []byte) error {
	if _, err := w.conn.Write(raw); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	status, closing, err := readReply(w.br)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if closing {
		w.reconnect()
	}
	if status != http.StatusOK {
		return statusError(status)
	}
	return nil
}

// statusError is a reply other than 200, on a connection that still works.
type statusError int

func (e statusError) Error() string { return fmt.Sprintf("status %d", int(e)) }

// brokenConn reports whether err leaves the connection unusable.
func brokenConn(err error) bool {
	var status statusError
	return err != nil && !errors.As(err, &status)
}

// readReply reads one HTTP/1.1 reply from br, body included, and returns its
// status code and whether the server closes the connection after it. It
// reads only what the load tool needs, to leave the CPU to the endpoint.
func readReply(br *bufio.Reader) (status int, closing bool, err error) {
	line, err := br.ReadSlice('\n')
	if err != nil {
		return 0, false, err
	}
	// "HTTP/1.1 200 OK\r\n"
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return 0, false, fmt.Errorf("malformed status line %q", line)
	}
	status, err = strconv.Atoi(string(line[9:12]))
	if err != nil {
		return 0, false, fmt.Errorf("malformed status line %q", line)
	}
	length, chunked := int64(-1), false
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return 0, false, err
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return 0, false, fmt.Errorf("malformed header %q", line)
		}
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			length, err = strconv.ParseInt(string(value), 10, 64)
			if err != nil || length < 0 {
				return 0, false, fmt.Errorf("malformed Content-Length %q", value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(value, []byte("chunked"))
		case bytes.EqualFold(name, []byte("Connection")):
			closing = bytes.EqualFold(value, []byte("close"))
		}
	}
	switch {
	case chunked:
		if _, err = io.Copy(io.Discard, httputil.NewChunkedReader(br)); err != nil {
			break
		}
		// The trailer section ends with an empty line.
		for {
			line, err := br.ReadSlice('\n')
			if err != nil {
				return 0, false, err
			}
			if len(bytes.TrimRight(line, "\r\n")) == 0 {
				break
			}
		}
	case length >= 0:
		_, err = br.Discard(int(length))
	default:
		// The body runs to the end of the connection.
		_, err = io.Copy(io.Discard, br)
		closing = true
	}
	return status, closing, err
}

func (w *worker) reconnect() {
	w.conn.Close()
	c, err := net.DialTimeout("tcp", w.addr, time.Second)
	if err != nil {
		// The next write fails and is counted; the loop tries again after
		// a pause rather than spinning.
		w.conn = failedConn{}
		time.Sleep(10 * time.Millisecond)
		return
	}
	w.conn = c
	w.br.Reset(c)
}

// failedConn stands for a connection that could not be made.
type failedConn struct{ net.Conn }

func (failedConn) Write([]byte) (int, error) { return 0, net.ErrClosed }
func (failedConn) Read([]byte) (int, error)  { return 0, net.ErrClosed }
func (failedConn) Close() error              { return nil }

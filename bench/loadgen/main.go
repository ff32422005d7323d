// Command loadgen measures articlebot's HTTP interactions endpoint under
// load, against the cost of the Ed25519 check every request must pass.
//
// It generates a key pair, starts the endpoint on loopback with that public
// key, signs a pool of real interaction payloads (/find, /quote and /quote
// autocomplete in turn) before the timed run, then keeps a fixed number of
// connections busy, each sending one request at a time, for a fixed time.
// It reports requests per second, latency percentiles and errors, this
// machine's single-core ed25519 verify rate measured in the same run, and
// the endpoint's throughput per core as a share of that rate.
//
// By default the endpoint runs in a child process limited to one core
// (GOMAXPROCS=1) and pinned to CPU 0, while the load generator is pinned to
// the other CPUs, so that the two do not take each other's time; the
// server's CPU time over the window is read from the child, so throughput
// per CPU-second is reported too. -server-env sets variables in the child
// alone, such as the Go runtime's GOGC and GOMEMLIMIT, to measure what they
// change. -inprocess runs both in one process
// instead, and -url drives an endpoint started elsewhere (articlebot serve
// with DISCORD_PUBLIC_KEY set to the key -key-seed prints).
//
// Usage:
//
//	go run ./bench/loadgen [-c 64] [-d 10s] [-server-procs 1] [-pin=true] [-server-env GOGC=50]
//	go run ./bench/loadgen -key-seed HEX -print-key
//	go run ./bench/loadgen -url http://127.0.0.1:8080/interactions -key-seed HEX
package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/articlebot/articlebot/bot"
)

// The aims the report checks the endpoint against: its throughput per core
// as a share of the verify bound, and its 99th percentile latency.
const (
	aimBoundShare = 0.80
	aimP99        = 5 * time.Millisecond
)

type config struct {
	conns       int
	duration    time.Duration
	warmup      time.Duration
	pool        int
	verifyTime  time.Duration
	url         string
	keySeed     string
	printKey    bool
	articlePath string
	inProcess   bool
	serverProcs int
	pin         bool
	profile     string
	floorTime   time.Duration
	serverEnv   envList
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	var childServer bool
	var childPub, childCPUs string
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.conns, "c", 64, "concurrent connections, each with one request in flight")
	fs.DurationVar(&c.duration, "d", 10*time.Second, "length of the measured run")
	fs.DurationVar(&c.warmup, "warmup", time.Second, "load before the measured run, not counted")
	fs.IntVar(&c.pool, "pool", 3000, "pre-signed requests, sent in turn")
	fs.DurationVar(&c.verifyTime, "verify-time", 3*time.Second, "time spent measuring the ed25519 verify rate")
	fs.DurationVar(&c.floorTime, "floor-d", 3*time.Second, "length of the run against a handler that checks nothing, measuring the HTTP stack's cost (0: skip)")
	fs.StringVar(&c.url, "url", "", "drive the interactions endpoint at this URL instead of starting one")
	fs.StringVar(&c.keySeed, "key-seed", "", "hex of the 32-byte ed25519 seed to sign with (default: a fresh key)")
	fs.BoolVar(&c.printKey, "print-key", false, "print the public key of -key-seed, for DISCORD_PUBLIC_KEY, and exit")
	fs.StringVar(&c.articlePath, "article", "", "article file the started endpoint answers about (default: the embedded one)")
	fs.BoolVar(&c.inProcess, "inprocess", false, "run the endpoint inside the load tool's process")
	fs.IntVar(&c.serverProcs, "server-procs", 1, "GOMAXPROCS of the endpoint's process")
	fs.BoolVar(&c.pin, "pin", canPin, "pin the endpoint to the first -server-procs CPUs and the load generator to the rest")
	fs.StringVar(&c.profile, "server-cpuprofile", "", "write a CPU profile of the endpoint's process to this file")
	fs.Var(&c.serverEnv, "server-env", "NAME=VALUE to set in the endpoint's process only, such as GOMEMLIMIT=12MiB (repeatable)")
	fs.BoolVar(&childServer, "child-server", false, "internal: be the endpoint process")
	fs.StringVar(&childPub, "pubkey", "", "internal: the endpoint process's public key")
	fs.StringVar(&childCPUs, "child-cpus", "", "internal: CPUs the endpoint process is pinned to")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if childServer {
		return runChild(c.articlePath, childPub, childCPUs, c.profile)
	}

	priv, err := signingKey(c.keySeed)
	if err != nil {
		return err
	}
	pub := priv.Public().(ed25519.PublicKey)
	if c.printKey {
		fmt.Fprintln(stdout, hex.EncodeToString(pub))
		return nil
	}
	if err := c.check(); err != nil {
		return err
	}
	return measure(ctx, c, priv, stdout, stderr)
}

func (c config) check() error {
	var problems []string
	if c.conns < 1 {
		problems = append(problems, "-c must be at least 1")
	}
	if c.duration <= 0 || c.warmup < 0 || c.verifyTime <= 0 {
		problems = append(problems, "-d and -verify-time must be positive, -warmup not negative")
	}
	// The requests are signed before the run, and the endpoint refuses
	// signatures older than five minutes.
	if c.floorTime < 0 {
		problems = append(problems, "-floor-d must not be negative")
	}
	if limit := bot.DefaultMaxSignatureAge - time.Minute; c.warmup+c.duration > limit {
		problems = append(problems, fmt.Sprintf("-warmup plus -d must stay under %v: the pre-signed requests expire", limit))
	}
	if c.pool < 3 {
		problems = append(problems, "-pool must be at least 3")
	}
	if c.serverProcs < 1 {
		problems = append(problems, "-server-procs must be at least 1")
	}
	if len(c.serverEnv) > 0 && (c.url != "" || c.inProcess) {
		problems = append(problems, "-server-env needs the endpoint in a child process: not with -url or -inprocess")
	}
	if c.url != "" && c.keySeed == "" {
		problems = append(problems, "-url needs -key-seed: the endpoint must know the public key")
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// envList is the value of a repeatable NAME=VALUE flag.
type envList []string

func (e *envList) String() string { return strings.Join(*e, " ") }

func (e *envList) Set(s string) error {
	name, _, ok := strings.Cut(s, "=")
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return fmt.Errorf("%q: want NAME=VALUE", s)
	}
	*e = append(*e, s)
	return nil
}

func signingKey(seedHex string) (ed25519.PrivateKey, error) {
	if seedHex == "" {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		return priv, err
	}
	seed, err := hex.DecodeString(strings.TrimSpace(seedHex))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("-key-seed must be %d hexadecimal digits", 2*ed25519.SeedSize)
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// report is everything a run measured.
type report struct {
	cfg            config
	mode           string
	res            result
	verifyRate     float64 // verifies per CPU-second on one goroutine
	verifyWallRate float64 // verifies per second of wall time on one goroutine
	verifySize     int     // bytes per verified message
	serverCPU      time.Duration
	clientCPU      time.Duration
	serverCPUs     int // cores the endpoint could use
	bodySizes      map[string]int
	floor          phase  // the same load on the HTTP stack alone
	peakRSS        int64  // the endpoint's largest resident memory, in bytes; 0 when unknown
	loadAvg        string // the machine's load average before the run, if known
}

func measure(ctx context.Context, c config, priv ed25519.PrivateKey, stdout, stderr io.Writer) error {
	art, err := loadArticle(c.articlePath)
	if err != nil {
		return err
	}
	q := articleQueries(art)

	ncpu := runtime.NumCPU()
	var serverSet, clientSet []int
	if c.pin && c.url == "" && !c.inProcess {
		if ncpu <= c.serverProcs {
			return fmt.Errorf("-pin needs more than -server-procs=%d CPUs, this machine has %d; use -pin=false", c.serverProcs, ncpu)
		}
		for i := range ncpu {
			if i < c.serverProcs {
				serverSet = append(serverSet, i)
			} else {
				clientSet = append(clientSet, i)
			}
		}
		if err := pinProcess(clientSet); err != nil {
			return err
		}
		runtime.GOMAXPROCS(len(clientSet))
	}

	// The bound: one goroutine verifying, before any load runs.
	rep := report{cfg: c, bodySizes: map[string]int{}, loadAvg: loadAverage()}
	target := c.url
	var addr string
	var cpuNow func() (time.Duration, error)
	switch {
	case c.url != "":
		rep.mode = "external endpoint " + c.url
	case c.inProcess:
		srv, err := newServer(c.articlePath, priv.Public().(ed25519.PublicKey))
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", srv.Addr)
		if err != nil {
			return err
		}
		go srv.Serve(ln)
		defer srv.Close()
		addr = ln.Addr().String()
		rep.mode = fmt.Sprintf("endpoint in the load tool's process, GOMAXPROCS=%d", runtime.GOMAXPROCS(0))
		rep.serverCPUs = runtime.GOMAXPROCS(0)
		cpuNow = processCPU
	default:
		ch, err := startChild(c.articlePath, priv.Public().(ed25519.PublicKey), c.serverProcs, formatCPUs(serverSet), c.profile, c.serverEnv)
		if err != nil {
			return err
		}
		defer ch.stop()
		addr = ch.addr
		rep.mode = fmt.Sprintf("endpoint in a child process, GOMAXPROCS=%d", c.serverProcs)
		if len(c.serverEnv) > 0 {
			rep.mode += " " + strings.Join(c.serverEnv, " ")
		}
		if serverSet != nil {
			rep.mode += fmt.Sprintf(", pinned to CPU %s; load generator pinned to CPU %s", formatCPUs(serverSet), formatCPUs(clientSet))
		}
		rep.serverCPUs = c.serverProcs
		cpuNow = func() (time.Duration, error) { return serverCPU(ctx, addr) }
	}
	host, path := addr, "/interactions"
	if c.url != "" {
		u, err := url.Parse(c.url)
		if err != nil || u.Scheme != "http" || u.Host == "" {
			return fmt.Errorf("-url %q: want http://host:port/path", c.url)
		}
		host, path = u.Host, u.RequestURI()
		addr = u.Host
		if u.Port() == "" {
			addr = net.JoinHostPort(u.Hostname(), "80")
		}
	} else {
		target = "http://" + addr + path
	}

	// Sign before anything is timed: signing costs more than verifying.
	reqs, err := signedRequests(c.pool, q, priv, time.Now(), host, path)
	if err != nil {
		return err
	}
	if err := preflight(ctx, target, reqs, rep.bodySizes); err != nil {
		return err
	}
	rep.verifySize = len(reqs[0].msg)
	rep.verifyRate, rep.verifyWallRate = verifyRate(priv.Public().(ed25519.PublicKey), reqs[0].msg, priv, c.verifyTime)

	ph, err := runPhase(ctx, addr, reqs, c, c.duration, cpuNow)
	if err != nil {
		return err
	}
	rep.res, rep.serverCPU, rep.clientCPU = ph.res, ph.serverCPU, ph.clientCPU
	if ph.cpuErr != nil {
		fmt.Fprintf(stderr, "loadgen: the CPU times are not reported: %v\n", ph.cpuErr)
	}

	if c.floorTime > 0 && c.url == "" {
		floorReqs, err := signedRequests(c.pool, q, priv, time.Now(), host, noopPath)
		if err != nil {
			return err
		}
		rep.floor, err = runPhase(ctx, addr, floorReqs, c, c.floorTime, cpuNow)
		if err != nil {
			return err
		}
	}
	if c.url == "" && !c.inProcess {
		if rep.peakRSS, err = serverPeakRSS(ctx, addr); err != nil {
			fmt.Fprintf(stderr, "loadgen: the peak memory is not reported: %v\n", err)
		}
	}
	rep.print(stdout)
	return nil
}

// phase is what one timed run measured.
type phase struct {
	res                  result
	serverCPU, clientCPU time.Duration // zero when not measured
	cpuErr               error         // why the CPU times were not measured
}

// runPhase drives addr with reqs for c's warm-up and then d, reading the
// CPU time of the server (with serverCPU, when not nil) and of this process
// as the measured window opens and closes.
func runPhase(ctx context.Context, addr string, reqs []request, c config, d time.Duration, serverCPU func() (time.Duration, error)) (phase, error) {
	var marks [][2]time.Duration
	var cpuErr error
	res, err := drive(ctx, addr, reqs, c.conns, c.warmup, d, func() {
		var mark [2]time.Duration
		var err error
		if mark[1], err = processCPU(); err != nil {
			cpuErr = err
		}
		if serverCPU != nil {
			if mark[0], err = serverCPU(); err != nil {
				cpuErr = err
			}
		}
		marks = append(marks, mark)
	})
	if err != nil {
		return phase{}, err
	}
	ph := phase{res: res, cpuErr: cpuErr}
	if cpuErr == nil && len(marks) == 2 {
		ph.serverCPU = marks[1][0] - marks[0][0]
		ph.clientCPU = marks[1][1] - marks[0][1]
	}
	return ph, nil
}

// preflight sends one request of each kind and checks that each is
// answered 200 with an interaction response, so that a wrong key or URL
// stops the tool before the run. It records each reply's size.
func preflight(ctx context.Context, target string, reqs []request, sizes map[string]int) error {
	for _, r := range reqs[:3] {
		i := strings.Index(string(r.raw), "\r\n\r\n")
		body := r.raw[i+4:]
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, strings.NewReader(string(body)))
		if err != nil {
			return err
		}
		head := strings.Split(string(r.raw[:i]), "\r\n")[1:]
		for _, h := range head {
			k, v, _ := strings.Cut(h, ": ")
			if strings.HasPrefix(k, "X-Signature") {
				req.Header.Set(k, v)
			}
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return fmt.Errorf("trial %s request: %w", r.kind, err)
		}
		reply, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return fmt.Errorf("trial %s request: %w", r.kind, err)
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("trial %s request: %s: %s (is the endpoint's public key the one -key-seed gives?)", r.kind, resp.Status, strings.TrimSpace(string(reply)))
		}
		var v struct {
			Type int `json:"type"`
		}
		if err := json.Unmarshal(reply, &v); err != nil || v.Type == 0 {
			return fmt.Errorf("trial %s request: the reply is not an interaction response: %.200s", r.kind, reply)
		}
		sizes[r.kind] = len(reply)
	}
	return nil
}

// verifyRate measures how many ed25519 verifications of msg one goroutine
// does per second, over d split into three rounds, keeping the best round.
// It returns the rate per second of the thread's CPU time, which other work
// on a busy machine does not lower, and per second of wall time (0 where
// the thread's CPU time cannot be read).
func verifyRate(pub ed25519.PublicKey, msg []byte, priv ed25519.PrivateKey, d time.Duration) (perCPU, perWall float64) {
	sig := ed25519.Sign(priv, msg)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for range 3 {
		n := 0
		start := time.Now()
		cpuStart, ok := threadCPU()
		deadline := start.Add(d / 3)
		for time.Now().Before(deadline) {
			for range 64 {
				if !ed25519.Verify(pub, msg, sig) {
					panic("loadgen: a signature made here does not verify")
				}
			}
			n += 64
		}
		perWall = max(perWall, float64(n)/time.Since(start).Seconds())
		if cpuEnd, _ := threadCPU(); ok && cpuEnd > cpuStart {
			perCPU = max(perCPU, float64(n)/(cpuEnd-cpuStart).Seconds())
		}
	}
	if perCPU == 0 {
		perCPU = perWall
	}
	return perCPU, perWall
}

func (r report) print(w io.Writer) {
	res := r.res
	secs := res.window.Seconds()
	rps := float64(res.requests()) / secs
	fmt.Fprintf(w, "articlebot interactions endpoint under load\n")
	fmt.Fprintf(w, "  setup      %s\n", r.mode)
	fmt.Fprintf(w, "             %d connections, %v measured after %v warm-up, %d CPUs, %s\n",
		r.cfg.conns, r.cfg.duration, r.cfg.warmup, runtime.NumCPU(), runtime.Version())
	if r.loadAvg != "" {
		fmt.Fprintf(w, "  machine    load average %s before the run (1, 5, 15 minutes)\n", r.loadAvg)
	}
	fmt.Fprintf(w, "  load       /find %d, /quote %d, autocomplete %d (replies of %d, %d, %d bytes)\n",
		res.byKind["find"], res.byKind["quote"], res.byKind["autocomplete"],
		r.bodySizes["find"], r.bodySizes["quote"], r.bodySizes["autocomplete"])
	fmt.Fprintf(w, "  requests   %d in %.2f s: %.0f requests/s\n", res.requests(), secs, rps)
	fmt.Fprintf(w, "  errors     %d\n", res.errorCount())
	for cause, n := range res.errors {
		fmt.Fprintf(w, "             %d × %s\n", n, cause)
	}
	fmt.Fprintf(w, "  latency    p50 %v  p90 %v  p99 %v  max %v\n",
		round(res.percentile(50)), round(res.percentile(90)), round(res.percentile(99)), round(res.percentile(100)))
	if res.requests() > 0 {
		// Little's law: with every connection busy, the mean latency is the
		// number of connections over the throughput.
		fmt.Fprintf(w, "             (%d connections at %.0f requests/s make a mean of %v by Little's law)\n",
			r.cfg.conns, rps, round(time.Duration(float64(r.cfg.conns)/rps*float64(time.Second))))
	}
	fmt.Fprintf(w, "  verify     %.0f ed25519 verifies per CPU-second on one goroutine (%d-byte messages): the bound per core\n",
		r.verifyRate, r.verifySize)
	fmt.Fprintf(w, "             (%.0f per second of wall time: less when other work shares the core)\n", r.verifyWallRate)

	ok := func(b bool) string {
		if b {
			return "met"
		}
		return "NOT met"
	}
	var share float64
	switch {
	case r.cfg.inProcess:
		perCore := rps / float64(r.serverCPUs)
		share = perCore / r.verifyRate
		fmt.Fprintf(w, "  per core   %.0f requests/s per core of the process (%d), load generator included: %.1f %% of the bound\n",
			perCore, r.serverCPUs, 100*share)
		if r.clientCPU > 0 {
			perCPUSec := float64(res.requests()) / r.clientCPU.Seconds()
			fmt.Fprintf(w, "             %.0f requests per CPU-second of the process (%.2f s, %.2f cores busy): %.1f %% of the bound\n",
				perCPUSec, r.clientCPU.Seconds(), r.clientCPU.Seconds()/secs, 100*perCPUSec/r.verifyRate)
		}
	case r.serverCPUs > 0:
		perCore := rps / float64(r.serverCPUs)
		share = perCore / r.verifyRate
		fmt.Fprintf(w, "  per core   %.0f requests/s per core the endpoint may use (%d): %.1f %% of the bound\n",
			perCore, r.serverCPUs, 100*share)
		if r.serverCPU > 0 {
			perCPUSec := float64(res.requests()) / r.serverCPU.Seconds()
			fmt.Fprintf(w, "             %.0f requests per CPU-second the endpoint used (%.2f s, %.2f cores busy): %.1f %% of the bound\n",
				perCPUSec, r.serverCPU.Seconds(), r.serverCPU.Seconds()/secs, 100*perCPUSec/r.verifyRate)
		}
		if r.clientCPU > 0 {
			fmt.Fprintf(w, "  client     the load generator used %.2f s of CPU (%.2f cores busy)\n", r.clientCPU.Seconds(), r.clientCPU.Seconds()/secs)
		}
		if busy := r.serverCPU.Seconds() / secs; r.serverCPU > 0 && busy < 0.9*float64(r.serverCPUs) {
			fmt.Fprintf(w, "  warning    the endpoint kept only %.2f of its %d cores busy: other work shares this machine, or the\n"+
				"             load generator cannot keep it busy; the per-CPU-second figure is then the fair one\n", busy, r.serverCPUs)
		}
	default:
		share = rps / r.verifyRate
		fmt.Fprintf(w, "  bound      %.0f requests/s is %.1f %% of one core's verify rate; the external endpoint's cores are unknown\n", rps, 100*share)
	}
	if f := r.floor; f.res.requests() > 0 && f.serverCPU > 0 && r.serverCPU > 0 {
		floorRate := float64(f.res.requests()) / f.serverCPU.Seconds()
		// Verifying and the HTTP stack each cost a share of a core per
		// request; together they bound the endpoint however lean the rest.
		both := 1 / (1/r.verifyRate + 1/floorRate)
		got := float64(res.requests()) / r.serverCPU.Seconds()
		who := "the endpoint"
		if r.cfg.inProcess {
			who = "the process, load generator included,"
		}
		fmt.Fprintf(w, "  HTTP floor %.0f requests per CPU-second when %s only reads the body and answers a PONG\n", floorRate, who)
		fmt.Fprintf(w, "             (%d requests, %v measured, %d errors): verify plus this floor allow %.0f per CPU-second,\n",
			f.res.requests(), r.cfg.floorTime, f.res.errorCount(), both)
		fmt.Fprintf(w, "             %.1f %% of the bound; the endpoint reached %.1f %% of that\n", 100*both/r.verifyRate, 100*got/both)
		fmt.Fprintf(w, "  cost       %.1f µs of CPU per request, against a floor of %.1f µs (verify plus the HTTP stack): %.2f× the floor\n",
			1e6/got, 1e6/both, both/got)
	}
	if r.peakRSS > 0 {
		fmt.Fprintf(w, "  memory     the endpoint's process peaked at %.1f MB resident over the whole run\n", float64(r.peakRSS)/1e6)
	}
	fmt.Fprintf(w, "  aims       ≥ %.0f %% of the bound per core: %s; 0 errors: %s; p99 < %v: %s\n",
		100*aimBoundShare, ok(share >= aimBoundShare), ok(res.errorCount() == 0),
		aimP99, ok(res.requests() > 0 && res.percentile(99) < aimP99))
}

func round(d time.Duration) string {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond).String()
	case d >= time.Millisecond:
		return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 2, 64) + "ms"
	default:
		return d.Round(time.Microsecond).String()
	}
}

// loadAverage returns the system's load averages over 1, 5 and 15 minutes,
// or "" where /proc/loadavg does not exist.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

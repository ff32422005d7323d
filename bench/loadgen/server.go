package main

import (
	"bufio"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
)

// cpuPath is where a server started by the load tool reports the CPU time
// its process has used. It is served beside the bot's endpoints only by the
// load tool, never by articlebot itself.
const cpuPath = "/_loadgen/cpu"

// rssPath is where a server started by the load tool reports its peak
// resident memory, in bytes.
const rssPath = "/_loadgen/rss"

// noopPath is the load tool's measure of the HTTP stack alone: it reads the
// body and answers a PONG, checking nothing, so that a run against it gives
// the most any handler could serve on this machine without the signature
// check.
const noopPath = "/_loadgen/noop"

// loadArticle returns the article at path, or the embedded one when path is
// empty.
func loadArticle(path string) (*article.Article, error) {
	if path == "" {
		return article.Default(), nil
	}
	return article.Load(path)
}

// newServer returns the HTTP server articlebot serve would run, for the
// article at path and the public key pub, plus the load tool's CPU report.
func newServer(path string, pub []byte) (*http.Server, error) {
	art, err := loadArticle(path)
	if err != nil {
		return nil, err
	}
	b, err := bot.New(art, bot.WithMetrics(bot.NewMetrics()))
	if err != nil {
		return nil, err
	}
	mux := bot.NewServeMux(b, pub)
	mux.HandleFunc("GET "+cpuPath, func(w http.ResponseWriter, r *http.Request) {
		d, err := processCPU()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, "%d\n", d.Nanoseconds())
	})
	mux.HandleFunc("GET "+rssPath, func(w http.ResponseWriter, r *http.Request) {
		n, err := peakRSS()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, "%d\n", n)
	})
	pong := []byte(`{"type":1}` + "\n")
	mux.HandleFunc("POST "+noopPath, func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(pong)))
		_, _ = w.Write(pong)
	})
	return bot.NewHTTPServer("127.0.0.1:0", mux), nil
}

// runChild is the load tool's server process: it serves on a loopback port,
// prints the address on standard output, and exits when standard input
// closes, which happens when the load tool exits.
func runChild(articlePath, pubHex, cpus, profile string) error {
	if cpus != "" {
		set, err := parseCPUs(cpus)
		if err != nil {
			return err
		}
		if err := pinProcess(set); err != nil {
			return err
		}
	}
	pub, err := bot.ParsePublicKey(pubHex)
	if err != nil {
		return err
	}
	srv, err := newServer(articlePath, pub)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		return err
	}
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	go srv.Serve(ln)
	fmt.Println(ln.Addr().String())
	_, _ = io.Copy(io.Discard, os.Stdin)
	return srv.Close()
}

// child is a server process started by the load tool.
type child struct {
	cmd   *exec.Cmd
	stdin io.Closer
	addr  string
}

// startChild starts the load tool's own binary as a server with GOMAXPROCS
// procs and the variables env, pinned to cpus when cpus is not empty.
func startChild(articlePath string, pub []byte, procs int, cpus, profile string, env []string) (*child, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding the load tool's binary: %w", err)
	}
	args := []string{"-child-server", "-pubkey", hex.EncodeToString(pub), "-article", articlePath}
	if cpus != "" {
		args = append(args, "-child-cpus", cpus)
	}
	if profile != "" {
		args = append(args, "-server-cpuprofile", profile)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(procs))
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the server process: %w", err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		stdin.Close()
		cmd.Wait()
		return nil, fmt.Errorf("the server process did not start: %w", err)
	}
	return &child{cmd: cmd, stdin: stdin, addr: strings.TrimSpace(line)}, nil
}

// stop ends the server process and waits for it.
func (c *child) stop() error {
	c.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		c.cmd.Process.Kill()
		return errors.New("the server process did not exit; killed it")
	}
}

// serverCPU asks a server started by the load tool for its CPU time.
func serverCPU(ctx context.Context, addr string) (time.Duration, error) {
	n, err := askServer(ctx, addr, cpuPath)
	return time.Duration(n), err
}

// serverPeakRSS asks a server started by the load tool for its peak
// resident memory, in bytes.
func serverPeakRSS(ctx context.Context, addr string) (int64, error) {
	return askServer(ctx, addr, rssPath)
}

// askServer asks a server started by the load tool for the number it
// serves at path.
func askServer(ctx context.Context, addr, path string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+path, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, fmt.Errorf("asking the server for %s: %w", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("asking the server for %s: %s", path, resp.Status)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(body)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("the server's answer at %s, %q: %w", path, body, err)
	}
	return n, nil
}

// parseCPUs reads a list of CPU numbers such as "0" or "1,2,3".
func parseCPUs(s string) ([]int, error) {
	var cpus []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("bad CPU number %q in %q", f, s)
		}
		cpus = append(cpus, n)
	}
	return cpus, nil
}

func formatCPUs(cpus []int) string {
	s := make([]string, len(cpus))
	for i, c := range cpus {
		s[i] = strconv.Itoa(c)
	}
	return strings.Join(s, ",")
}

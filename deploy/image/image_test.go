package image

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/ed25519"
	"debug/elf"
	"encoding/hex"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, dockerfile, wantErr string
	}{
		{"shell form", "FROM scratch\nCMD serve\n", "exec form"},
		{"unknown instruction", "FROM scratch\nVOLUME /data\n", "not understood"},
		{"copy with chown", "FROM scratch\nCOPY --chown=1:1 a /a\n", "--chown"},
		{"no FROM", "# nothing\n", "no FROM"},
		{"instruction before FROM", "USER 1\nFROM scratch\n", "before the first FROM"},
		{"health check in shell form", "FROM scratch\nHEALTHCHECK CMD curl -f localhost\n", "exec form"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.dockerfile)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Parse(%q) = %v, want an error containing %q", tc.dockerfile, err, tc.wantErr)
			}
		})
	}
	stages, err := Parse("FROM golang AS build\nRUN CGO_ENABLED=0 go build \\\n  # a comment\n  -o /out/x .\nFROM scratch\nUSER 1:1\nEXPOSE 80 53/udp\n" +
		"HEALTHCHECK --interval=5s --retries=2 CMD [\"/x\", \"check\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := stages[0].Runs; !slices.Equal(got, []string{"CGO_ENABLED=0 go build -o /out/x ."}) {
		t.Errorf("RUN = %q, want the continued line joined", got)
	}
	c := stages[1].Config
	if c.User != "1:1" || len(c.ExposedPorts) != 2 || c.Healthcheck == nil ||
		!slices.Equal(c.Healthcheck.Test, []string{"CMD", "/x", "check"}) || c.Healthcheck.Interval != 5*time.Second || c.Healthcheck.Retries != 2 {
		t.Errorf("last stage config = %+v, health check %+v", c, c.Healthcheck)
	}
}

const testVersion = "v0.0.0-imagetest"

// TestImage builds the image of the repository's Dockerfile, as CI does
// without a Docker daemon, writes it as a tarball and reads it back, then
// checks its configuration and files, and runs its binary: the version it
// reports, and serve answering the image's own health check.
func TestImage(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: builds articlebot")
	}
	root := filepath.Join("..", "..")
	ctx := context.Background()
	built, err := Build(ctx, root, testVersion, t.TempDir())
	if err != nil {
		t.Fatalf("Build = %v", err)
	}
	file := filepath.Join(t.TempDir(), "articlebot.tar")
	if err := tarball.WriteToFile(file, name.MustParseReference("articlebot:test"), built); err != nil {
		t.Fatal(err)
	}
	img, err := tarball.ImageFromPath(file, nil)
	if err != nil {
		t.Fatalf("reading the image tarball back: %v", err)
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	c := cf.Config
	files := layerFiles(t, img)

	t.Run("user", func(t *testing.T) {
		uid, _, _ := strings.Cut(c.User, ":")
		if uid == "" || uid == "0" || uid == "root" || strings.Trim(uid, "0123456789") != "" {
			t.Errorf("User = %q, want a numeric user other than root, since the image has no /etc/passwd", c.User)
		}
	})
	t.Run("entry point and command", func(t *testing.T) {
		if len(c.Entrypoint) != 1 || files[c.Entrypoint[0]] == nil {
			t.Fatalf("Entrypoint = %q, want the image's binary", c.Entrypoint)
		}
		if !slices.Equal(c.Cmd, []string{"serve"}) {
			t.Errorf("Cmd = %q, want [serve]", c.Cmd)
		}
	})
	t.Run("health check", func(t *testing.T) {
		want := []string{"CMD", c.Entrypoint[0], "healthcheck"}
		if c.Healthcheck == nil || !slices.Equal(c.Healthcheck.Test, want) {
			t.Fatalf("Healthcheck = %+v, want the test %q", c.Healthcheck, want)
		}
		if c.Healthcheck.Interval <= 0 || c.Healthcheck.Timeout <= 0 || c.Healthcheck.Timeout >= c.Healthcheck.Interval {
			t.Errorf("Healthcheck interval %v, timeout %v: want both set, the timeout shorter", c.Healthcheck.Interval, c.Healthcheck.Timeout)
		}
	})
	t.Run("files", func(t *testing.T) {
		var names []string
		for n, h := range files {
			if h.Typeflag == tar.TypeReg {
				names = append(names, n)
			}
		}
		slices.Sort(names)
		want := []string{"/articlebot", "/etc/ssl/certs/ca-certificates.crt"}
		if !slices.Equal(names, want) {
			t.Errorf("the image's files = %q, want only %q", names, want)
		}
		if h := files["/articlebot"]; h == nil || h.Mode&0o755 != 0o755 || h.Uid != 0 {
			t.Errorf("/articlebot header = %+v, want mode 0755 owned by root, so that any user runs it and none changes it", h)
		}
	})

	bin := extract(t, img, "/articlebot")
	t.Run("static binary", func(t *testing.T) {
		f, err := elf.Open(bin)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				t.Errorf("/articlebot asks for a dynamic loader; the image has none")
			}
		}
		if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
			t.Errorf("/articlebot needs the shared libraries %q; the image has none", libs)
		}
	})
	t.Run("version", func(t *testing.T) {
		out, err := exec.Command(bin, "version").Output()
		if err != nil || !strings.HasPrefix(string(out), "articlebot "+testVersion+" (") {
			t.Errorf("articlebot version = %q, %v; want the version given to the build, %s", out, err, testVersion)
		}
	})
	t.Run("exposed port is serve's default", func(t *testing.T) {
		out, err := exec.Command(bin, "help", "serve").Output()
		m := regexp.MustCompile(`HTTP_ADDR \(default :(\d+)\)`).FindSubmatch(out)
		if err != nil || m == nil {
			t.Fatalf("articlebot help serve = %q, %v; want it to give HTTP_ADDR's default", out, err)
		}
		if _, ok := c.ExposedPorts[string(m[1])+"/tcp"]; !ok {
			t.Errorf("ExposedPorts = %v, want %s/tcp, where serve listens by default", c.ExposedPorts, m[1])
		}
	})
	t.Run("serve passes the image's health check", func(t *testing.T) {
		healthy(t, bin, c)
	})
}

// healthy runs the image's command with its binary, listening on a free
// loopback port, and waits for the image's health check to pass.
func healthy(t *testing.T, bin string, c v1.Config) {
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	env := append(os.Environ(), c.Env...)
	env = append(env, "DISCORD_PUBLIC_KEY="+hex.EncodeToString(pub), "HTTP_ADDR="+addr, "LOG_LEVEL=warn")

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	serve := exec.CommandContext(ctx, bin, c.Cmd...)
	serve.Env, serve.Dir = env, t.TempDir()
	var log bytes.Buffer
	serve.Stderr = &log
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		serve.Process.Signal(os.Interrupt)
		if err := serve.Wait(); err != nil {
			t.Errorf("serve = %v after SIGINT, want exit status 0\nlog:\n%s", err, log.String())
		}
	}()
	check := c.Healthcheck.Test[1:]
	var out []byte
	for range 50 {
		hc := exec.CommandContext(ctx, bin, check[1:]...)
		hc.Env, hc.Dir = env, t.TempDir()
		if out, err = hc.CombinedOutput(); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("the health check %q never passed: %v\n%s\nserve's log:\n%s", check, err, out, log.String())
}

// walkLayers calls f with the header and contents of every entry of the
// image's layers, in order, until f returns false.
func walkLayers(t *testing.T, img v1.Image, f func(h *tar.Header, r io.Reader) bool) {
	t.Helper()
	layers, err := img.Layers()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range layers {
		rc, err := l.Uncompressed()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		tr := tar.NewReader(rc)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if !f(h, tr) {
				return
			}
		}
	}
}

// layerFiles returns the headers of the image's files and directories, by
// absolute path.
func layerFiles(t *testing.T, img v1.Image) map[string]*tar.Header {
	t.Helper()
	files := map[string]*tar.Header{}
	walkLayers(t, img, func(h *tar.Header, _ io.Reader) bool {
		files["/"+strings.TrimSuffix(h.Name, "/")] = h
		return true
	})
	return files
}

// extract writes the image's file at path to a temporary file and returns
// the file's name.
func extract(t *testing.T, img v1.Image, path string) string {
	t.Helper()
	out := ""
	walkLayers(t, img, func(h *tar.Header, r io.Reader) bool {
		if "/"+h.Name != path {
			return true
		}
		out = filepath.Join(t.TempDir(), filepath.Base(path))
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, b, os.FileMode(h.Mode)&0o777); err != nil {
			t.Fatal(err)
		}
		return false
	})
	if out == "" {
		t.Fatalf("the image has no %s", path)
	}
	return out
}

package image

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

// Build builds the image of the last stage of the Dockerfile in root, the
// repository's root. The binaries the stage copies are built with the go
// build commands of the earlier stages, in root, with the build argument
// VERSION set to version; they are written to workDir. Other files it
// copies from earlier stages are taken from this machine at the same path,
// as from a Debian build stage. The last stage must start from scratch.
func Build(ctx context.Context, root, version, workDir string) (v1.Image, error) {
	src, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	if err != nil {
		return nil, err
	}
	stages, err := Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("parsing the Dockerfile: %w", err)
	}
	last := stages[len(stages)-1]
	if last.Base != "scratch" {
		return nil, fmt.Errorf("the Dockerfile's last stage starts from %s; only scratch can be built without a Docker daemon", last.Base)
	}
	built := map[string]string{} // "stage:path" → the file here
	for _, st := range stages[:len(stages)-1] {
		for _, run := range st.Runs {
			out, file, err := goBuild(ctx, root, run, st.Args, version, workDir)
			if err != nil {
				return nil, fmt.Errorf("the Dockerfile's stage %s: %w", st.Name, err)
			}
			if out != "" {
				built[st.Name+":"+out] = file
			}
		}
	}
	var files []layerFile
	for _, cp := range last.Copies {
		host := filepath.Join(root, cp.Src)
		if cp.From != "" {
			host = built[cp.From+":"+cp.Src]
			if host == "" {
				// A file of the build stage's system, such as its root
				// certificates.
				host = cp.Src
			}
		}
		dst := cp.Dst
		if strings.HasSuffix(dst, "/") {
			dst += path.Base(cp.Src)
		}
		files = append(files, layerFile{host: host, path: dst})
	}
	layer, err := fileLayer(files)
	if err != nil {
		return nil, err
	}
	img, err := mutate.ConfigFile(empty.Image, &v1.ConfigFile{
		Architecture: runtime.GOARCH,
		OS:           "linux",
		RootFS:       v1.RootFS{Type: "layers"},
		Config:       last.Config,
	})
	if err != nil {
		return nil, err
	}
	return mutate.AppendLayers(img, layer)
}

// goBuild runs the RUN command run when it is a go build, with its output
// in workDir, and returns the output's path in the stage and here. Other
// Go commands, which only fill the build stage's caches, are skipped.
func goBuild(ctx context.Context, root, run string, args map[string]string, version, workDir string) (out, file string, err error) {
	words, err := shellWords(run)
	if err != nil {
		return "", "", err
	}
	var env []string
	for len(words) > 0 && strings.Contains(words[0], "=") && !strings.HasPrefix(words[0], "-") {
		env, words = append(env, words[0]), words[1:]
	}
	if len(words) < 2 || words[0] != "go" {
		return "", "", fmt.Errorf("RUN %s: only Go commands can be run without a Docker daemon", run)
	}
	if words[1] != "build" {
		return "", "", nil
	}
	vars := map[string]string{}
	for k, v := range args {
		vars[k] = v
	}
	vars["VERSION"] = version
	expand := func(s string) string { return os.Expand(s, func(k string) string { return vars[k] }) }
	cmdArgs := words[1:]
	for i, w := range cmdArgs {
		cmdArgs[i] = expand(w)
		if w == "-o" && i+1 < len(cmdArgs) {
			out = cmdArgs[i+1]
			file = filepath.Join(workDir, path.Base(out))
		}
	}
	if out == "" {
		return "", "", fmt.Errorf("RUN %s: the go build names no -o output", run)
	}
	for i := range cmdArgs {
		if i > 0 && cmdArgs[i-1] == "-o" {
			cmdArgs[i] = file
		}
	}
	cmd := exec.CommandContext(ctx, "go", cmdArgs...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=linux")
	for _, e := range env {
		cmd.Env = append(cmd.Env, expand(e))
	}
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", "", fmt.Errorf("go %s: %w\n%s", strings.Join(cmdArgs, " "), err, b)
	}
	return out, file, nil
}

// shellWords splits a simple shell command into words: blanks separate
// them, and double or single quotes group. Anything a shell would do more
// with, such as && or a pipe, is refused.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words, inWord = append(words, cur.String()), false
				cur.Reset()
			}
		case strings.ContainsRune("&|;<>`()", r):
			return nil, fmt.Errorf("RUN %s: only a single command can be run without a Docker daemon", s)
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("RUN %s: unclosed quote", s)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// layerFile is one file of the image's layer.
type layerFile struct {
	host string // the file here
	path string // its absolute path in the image
}

// fileLayer makes one layer of files, owned by root with the mode they
// have here, as COPY makes them, and the directories above them.
func fileLayer(files []layerFile) (v1.Layer, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	dirs := map[string]bool{}
	for _, f := range files {
		var parents []string
		for d := path.Dir(f.path); d != "/" && !dirs[d]; d = path.Dir(d) {
			parents = append([]string{d}, parents...)
			dirs[d] = true
		}
		for _, d := range parents {
			if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: strings.TrimPrefix(d, "/") + "/", Mode: 0o755}); err != nil {
				return nil, err
			}
		}
		if err := addFile(tw, f); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	return tarball.LayerFromOpener(func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(b)), nil
	})
}

func addFile(tw *tar.Writer, f layerFile) error {
	in, err := os.Open(f.host)
	if err != nil {
		return fmt.Errorf("a file the image copies: %w", err)
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", f.host)
	}
	h := &tar.Header{Typeflag: tar.TypeReg, Name: strings.TrimPrefix(f.path, "/"), Mode: int64(fi.Mode().Perm()), Size: fi.Size()}
	if err := tw.WriteHeader(h); err != nil {
		return err
	}
	_, err = io.Copy(tw, in)
	return err
}

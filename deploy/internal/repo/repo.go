// Package repo reads, from the articlebot repository this module sits in,
// what the deployment files must agree with: the variables the binary
// reads, as .env.example lists them, and the binary itself.
package repo

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Root is the repository's root, relative to a package directory of this
// module, such as deploy/kubernetes, where its tests run.
const Root = "../.."

// variableLine matches a line of .env.example that sets a variable.
var variableLine = regexp.MustCompile(`^([A-Z][A-Z0-9_]*)=`)

// Variables returns the names of the variables articlebot reads, from the
// repository's .env.example, which a test of the bot keeps complete.
func Variables(t testing.TB) map[string]bool {
	t.Helper()
	f, err := os.Open(filepath.Join(Root, ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vars := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := variableLine.FindStringSubmatch(sc.Text()); m != nil {
			vars[m[1]] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(vars) == 0 {
		t.Fatal(".env.example sets no variable")
	}
	return vars
}

// Binary builds articlebot from the repository and returns its path.
func Binary(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "articlebot")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/articlebot")
	cmd.Dir = Root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building articlebot: %v\n%s", err, out)
	}
	return bin
}

// usageLine matches a command in articlebot's usage.
var usageLine = regexp.MustCompile(`(?m)^  articlebot ([a-z]+)`)

// Subcommands returns the commands the binary bin knows, from its usage.
func Subcommands(t testing.TB, bin string) map[string]bool {
	t.Helper()
	out, err := exec.Command(bin, "help").Output()
	if err != nil {
		t.Fatalf("articlebot help: %v", err)
	}
	cmds := map[string]bool{}
	for _, m := range usageLine.FindAllStringSubmatch(string(out), -1) {
		cmds[m[1]] = true
	}
	if !cmds["serve"] || !cmds["run"] {
		t.Fatalf("articlebot help lists %v, want at least run and serve:\n%s", cmds, out)
	}
	return cmds
}

// Help returns the binary's help for the command name.
func Help(t testing.TB, bin, name string) string {
	t.Helper()
	out, err := exec.Command(bin, "help", name).Output()
	if err != nil {
		t.Fatalf("articlebot help %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

package compose

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/deploy/internal/repo"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// composeFile holds the parts of the Compose specification compose.yaml
// uses; decoding fails on any other key.
type composeFile struct {
	Name     string             `json:"name"`
	Common   map[string]any     `json:"x-articlebot"`
	Services map[string]service `json:"services"`
}

type service struct {
	Build *struct {
		Context string            `json:"context"`
		Args    map[string]string `json:"args"`
	} `json:"build"`
	Image           string            `json:"image"`
	EnvFile         string            `json:"env_file"`
	ReadOnly        bool              `json:"read_only"`
	CapDrop         []string          `json:"cap_drop"`
	SecurityOpt     []string          `json:"security_opt"`
	StopSignal      string            `json:"stop_signal"`
	StopGracePeriod string            `json:"stop_grace_period"`
	Command         []string          `json:"command"`
	Environment     map[string]string `json:"environment"`
	Ports           []string          `json:"ports"`
	Restart         string            `json:"restart"`
	Profiles        []string          `json:"profiles"`
}

// TestCompose decodes compose.yaml strictly and checks it against the
// binary: its commands, the variables it reads, and the ports its servers
// listen on.
func TestCompose(t *testing.T) {
	src, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	js, err := yaml.YAMLToJSONStrict(src)
	if err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}
	var f composeFile
	if strictErrs, err := sigsjson.UnmarshalStrict(js, &f); err != nil || len(strictErrs) > 0 {
		t.Fatalf("compose.yaml does not decode strictly: %v %v", err, strictErrs)
	}
	bin := repo.Binary(t)
	commands := repo.Subcommands(t, bin)
	vars := repo.Variables(t)

	modes := map[string]string{}
	for name, s := range f.Services {
		t.Run(name, func(t *testing.T) {
			if s.Build == nil || s.Image == "" {
				t.Fatalf("service %s has no build or no image", name)
			}
			if _, err := os.Stat(filepath.Join(s.Build.Context, "Dockerfile")); err != nil {
				t.Errorf("build context %s holds no Dockerfile: %v", s.Build.Context, err)
			}
			if filepath.Clean(s.EnvFile) != filepath.Join(repo.Root, ".env") {
				t.Errorf("env_file = %q, want the repository's .env, %s", s.EnvFile, filepath.Join(repo.Root, ".env"))
			}
			if len(s.Command) == 0 || !commands[s.Command[0]] {
				t.Fatalf("command = %q, want one of articlebot's commands %v", s.Command, commands)
			}
			modes[s.Command[0]] = name
			for k := range s.Environment {
				if !vars[k] {
					t.Errorf("environment sets %s, which articlebot does not read (.env.example lists what it reads)", k)
				}
			}
			if !s.ReadOnly || !slices.Equal(s.CapDrop, []string{"ALL"}) {
				t.Errorf("read_only %v, cap_drop %q: want a read-only file system and no capabilities", s.ReadOnly, s.CapDrop)
			}
			switch s.Command[0] {
			case "run":
				// The image's health check asks METRICS_ADDR in the
				// gateway mode, which serves nothing without it.
				checkPublished(t, s, "METRICS_ADDR")
			case "serve":
				checkPublished(t, s, "HTTP_ADDR")
				if v, ok := s.Environment["METRICS_ADDR"]; !ok || v != "" {
					t.Errorf("METRICS_ADDR = %q (set %v), want it set empty, so that the health check asks serve whatever .env says", v, ok)
				}
			}
		})
	}
	for _, mode := range []string{"run", "serve", "register"} {
		if modes[mode] == "" {
			t.Errorf("no service runs articlebot %s", mode)
		}
	}
}

// checkPublished checks that the address in the variable name is set and
// that its port is the one the service publishes.
func checkPublished(t *testing.T, s service, name string) {
	t.Helper()
	addr := s.Environment[name]
	_, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		t.Fatalf("%s = %q, want host:port", name, addr)
	}
	for _, p := range s.Ports {
		if strings.HasSuffix(p, ":"+port) {
			return
		}
	}
	t.Errorf("ports %q publish no container port %s, where %s=%s listens", s.Ports, port, name, addr)
}

// Package image builds articlebot's container image without a Docker
// daemon. It reads the repository's Dockerfile, builds the binary with the
// go build command of its build stage, and assembles its last stage, which
// starts from scratch, with go-containerregistry: the files it copies, its
// user, ports, entry point, command and health check.
package image

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// Stage is what this package understands of a Dockerfile's stage.
type Stage struct {
	// Name is the stage's name, from "FROM base AS name".
	Name string
	// Base is the image the stage starts from.
	Base string
	// Args are the build arguments the stage declares, with their defaults.
	Args map[string]string
	// Runs are the stage's RUN commands, in shell form.
	Runs []string
	// Copies are the stage's COPY instructions.
	Copies []Copy
	// Config is the image configuration the stage's instructions set.
	Config v1.Config
}

// Copy is one "COPY [--from=stage] src dst".
type Copy struct {
	From, Src, Dst string
}

// Parse reads a Dockerfile's stages. It knows the instructions articlebot's
// Dockerfile uses, in the forms it uses them, and fails on any other, so
// that a change to the Dockerfile that this package would build wrongly is
// noticed.
func Parse(dockerfile string) ([]*Stage, error) {
	var stages []*Stage
	for _, ins := range logicalLines(dockerfile) {
		keyword, rest, _ := strings.Cut(ins.text, " ")
		keyword, rest = strings.ToUpper(keyword), strings.TrimSpace(rest)
		if keyword == "FROM" {
			st := &Stage{Args: map[string]string{}}
			f := strings.Fields(rest)
			switch {
			case len(f) == 1:
			case len(f) == 3 && strings.EqualFold(f[1], "AS"):
				st.Name = f[2]
			default:
				return nil, fmt.Errorf("line %d: FROM %s: want FROM image [AS name]", ins.line, rest)
			}
			st.Base = f[0]
			stages = append(stages, st)
			continue
		}
		if len(stages) == 0 {
			return nil, fmt.Errorf("line %d: %s before the first FROM", ins.line, keyword)
		}
		if err := stages[len(stages)-1].apply(keyword, rest); err != nil {
			return nil, fmt.Errorf("line %d: %s: %w", ins.line, keyword, err)
		}
	}
	if len(stages) == 0 {
		return nil, fmt.Errorf("the Dockerfile has no FROM")
	}
	return stages, nil
}

func (st *Stage) apply(keyword, rest string) error {
	c := &st.Config
	switch keyword {
	case "ARG":
		name, def, _ := strings.Cut(rest, "=")
		st.Args[name] = def
	case "WORKDIR":
		c.WorkingDir = rest
	case "RUN":
		st.Runs = append(st.Runs, rest)
	case "COPY":
		f := strings.Fields(rest)
		var cp Copy
		for len(f) > 0 && strings.HasPrefix(f[0], "--") {
			v, ok := strings.CutPrefix(f[0], "--from=")
			if !ok {
				return fmt.Errorf("only the --from flag is understood, not %s", f[0])
			}
			cp.From, f = v, f[1:]
		}
		if len(f) < 2 {
			return fmt.Errorf("want a source and a destination")
		}
		if cp.From != "" && len(f) != 2 {
			return fmt.Errorf("want one source and one destination when copying from a stage")
		}
		cp.Src, cp.Dst = strings.Join(f[:len(f)-1], " "), f[len(f)-1]
		st.Copies = append(st.Copies, cp)
	case "USER":
		c.User = rest
	case "EXPOSE":
		for _, p := range strings.Fields(rest) {
			if !strings.Contains(p, "/") {
				p += "/tcp"
			}
			if c.ExposedPorts == nil {
				c.ExposedPorts = map[string]struct{}{}
			}
			c.ExposedPorts[p] = struct{}{}
		}
	case "ENV":
		for _, kv := range strings.Fields(rest) {
			if !strings.Contains(kv, "=") {
				return fmt.Errorf("want NAME=value pairs, got %q", kv)
			}
			c.Env = append(c.Env, kv)
		}
	case "ENTRYPOINT":
		return execForm(rest, &c.Entrypoint)
	case "CMD":
		return execForm(rest, &c.Cmd)
	case "HEALTHCHECK":
		hc, err := parseHealthcheck(rest)
		if err != nil {
			return err
		}
		c.Healthcheck = hc
	default:
		return fmt.Errorf("this instruction is not understood")
	}
	return nil
}

// execForm reads an instruction's JSON array; the shell form would need a
// shell, which an image from scratch has not.
func execForm(s string, dst *[]string) error {
	if err := json.Unmarshal([]byte(s), dst); err != nil || len(*dst) == 0 {
		return fmt.Errorf("want the exec form, a JSON array of strings, got %s", s)
	}
	return nil
}

func parseHealthcheck(s string) (*v1.HealthConfig, error) {
	if strings.EqualFold(s, "NONE") {
		return &v1.HealthConfig{Test: []string{"NONE"}}, nil
	}
	hc := &v1.HealthConfig{}
	for {
		flag, rest, _ := strings.Cut(s, " ")
		if !strings.HasPrefix(flag, "--") {
			break
		}
		name, value, _ := strings.Cut(strings.TrimPrefix(flag, "--"), "=")
		var err error
		switch name {
		case "interval":
			hc.Interval, err = time.ParseDuration(value)
		case "timeout":
			hc.Timeout, err = time.ParseDuration(value)
		case "start-period":
			hc.StartPeriod, err = time.ParseDuration(value)
		case "retries":
			hc.Retries, err = strconv.Atoi(value)
		default:
			err = fmt.Errorf("unknown option --%s", name)
		}
		if err != nil {
			return nil, err
		}
		s = strings.TrimSpace(rest)
	}
	cmd, ok := strings.CutPrefix(s, "CMD ")
	if !ok {
		return nil, fmt.Errorf("want CMD after the options, got %q", s)
	}
	var test []string
	if err := execForm(strings.TrimSpace(cmd), &test); err != nil {
		return nil, err
	}
	hc.Test = append([]string{"CMD"}, test...)
	return hc, nil
}

type logicalLine struct {
	line int // where the instruction starts
	text string
}

// logicalLines returns the instructions of a Dockerfile, each with its
// continuation lines joined, without comments and blank lines.
func logicalLines(dockerfile string) []logicalLine {
	var out []logicalLine
	var cur strings.Builder
	start := 0
	for n, line := range strings.Split(dockerfile, "\n") {
		t := strings.TrimSpace(line)
		if cur.Len() == 0 && (t == "" || strings.HasPrefix(t, "#")) {
			continue
		}
		if cur.Len() == 0 {
			start = n + 1
		} else if strings.HasPrefix(t, "#") {
			continue // a comment inside a continued instruction
		}
		if c, ok := strings.CutSuffix(t, `\`); ok {
			cur.WriteString(strings.TrimSpace(c) + " ")
			continue
		}
		cur.WriteString(t)
		out = append(out, logicalLine{start, strings.TrimSpace(cur.String())})
		cur.Reset()
	}
	if cur.Len() > 0 {
		out = append(out, logicalLine{start, strings.TrimSpace(cur.String())})
	}
	return out
}

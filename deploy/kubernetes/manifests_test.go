package kubernetes

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/deploy/image"
	"github.com/articlebot/articlebot/deploy/internal/repo"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// newObject returns an empty object of the kind a manifest declares, for
// the kinds articlebot's manifests use.
func newObject(apiVersion, kind string) any {
	switch apiVersion + " " + kind {
	case "apps/v1 Deployment":
		return &appsv1.Deployment{}
	case "apps/v1 StatefulSet":
		return &appsv1.StatefulSet{}
	case "v1 Service":
		return &corev1.Service{}
	case "autoscaling/v2 HorizontalPodAutoscaler":
		return &autoscalingv2.HorizontalPodAutoscaler{}
	case "policy/v1 PodDisruptionBudget":
		return &policyv1.PodDisruptionBudget{}
	case "batch/v1 Job":
		return &batchv1.Job{}
	}
	return nil
}

// object is one decoded manifest document.
type object struct {
	where string // file and document number
	obj   any
}

// decodeManifests decodes every document of every YAML file here strictly
// into its k8s.io/api type: an unknown or misspelt field, a duplicate key or
// a kind the test does not know is an error.
func decodeManifests(t *testing.T) []object {
	t.Helper()
	files, err := filepath.Glob("*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifests: %v", err)
	}
	var objs []object
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for n, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(src), -1) {
			where := fmt.Sprintf("%s, document %d", file, n+1)
			js, err := yaml.YAMLToJSONStrict([]byte(doc))
			if err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			if bytes.Equal(bytes.TrimSpace(js), []byte("null")) {
				continue // only comments
			}
			var tm metav1.TypeMeta
			if err := sigsjson.UnmarshalCaseSensitivePreserveInts(js, &tm); err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			obj := newObject(tm.APIVersion, tm.Kind)
			if obj == nil {
				t.Errorf("%s: kind %s %s is not one this test knows", where, tm.APIVersion, tm.Kind)
				continue
			}
			strict, err := sigsjson.UnmarshalStrict(js, obj, sigsjson.DisallowUnknownFields)
			if err != nil || len(strict) > 0 {
				t.Errorf("%s (%s): does not decode strictly: %v %v", where, tm.Kind, err, strict)
				continue
			}
			objs = append(objs, object{where, obj})
		}
	}
	return objs
}

// TestManifests checks articlebot's Kubernetes manifests against k8s.io/api
// and against the binary: the commands and variables it knows, the ports it
// listens on and the paths it serves, the user of its image, and the shard
// settings of the gateway mode.
func TestManifests(t *testing.T) {
	objs := decodeManifests(t)
	bin := repo.Binary(t)
	b := binaryFacts{
		commands: repo.Subcommands(t, bin),
		vars:     repo.Variables(t),
		serve:    repo.Help(t, bin, "serve"),
		run:      repo.Help(t, bin, "run"),
		user:     imageUser(t),
	}

	workloads := map[string]*corev1.PodTemplateSpec{} // by kind/name
	modes := map[string]bool{}
	for _, o := range objs {
		var tmpl *corev1.PodTemplateSpec
		var name, kind string
		switch obj := o.obj.(type) {
		case *appsv1.Deployment:
			tmpl, name, kind = &obj.Spec.Template, obj.Name, "Deployment"
			checkSelector(t, o.where, obj.Spec.Selector, tmpl)
		case *appsv1.StatefulSet:
			tmpl, name, kind = &obj.Spec.Template, obj.Name, "StatefulSet"
			checkSelector(t, o.where, obj.Spec.Selector, tmpl)
			checkShards(t, o.where, obj)
			checkHeadless(t, o.where, obj.Spec.ServiceName, objs)
		case *batchv1.Job:
			tmpl, name, kind = &obj.Spec.Template, obj.Name, "Job"
		default:
			continue
		}
		workloads[kind+"/"+name] = tmpl
		for _, c := range tmpl.Spec.Containers {
			modes[b.checkContainer(t, o.where, tmpl.Spec, c)] = true
		}
	}
	for _, mode := range []string{"serve", "run", "register"} {
		if !modes[mode] {
			t.Errorf("no manifest runs articlebot %s", mode)
		}
	}
	for _, o := range objs {
		switch obj := o.obj.(type) {
		case *corev1.Service:
			checkService(t, o.where, obj, workloads)
		case *autoscalingv2.HorizontalPodAutoscaler:
			checkAutoscaler(t, o.where, obj, workloads)
		case *policyv1.PodDisruptionBudget:
			if !selectsAny(obj.Spec.Selector, workloads) {
				t.Errorf("%s: PodDisruptionBudget %s selects no workload's pods", o.where, obj.Name)
			}
		}
	}
}

// binaryFacts is what the manifests must agree with.
type binaryFacts struct {
	commands   map[string]bool
	vars       map[string]bool
	serve, run string // the help of serve and run
	user       int64  // the image's user
}

// checkContainer checks one container running articlebot and returns the
// command it runs.
func (b binaryFacts) checkContainer(t *testing.T, where string, pod corev1.PodSpec, c corev1.Container) string {
	t.Helper()
	where += ", container " + c.Name
	if c.Image == "" || len(c.Command) > 0 {
		t.Errorf("%s: image %q, command %q: want the image, and its entry point left alone", where, c.Image, c.Command)
	}
	if len(c.Args) == 0 || !b.commands[c.Args[0]] {
		t.Fatalf("%s: args %q, want one of articlebot's commands %v first", where, c.Args, b.commands)
	}
	mode := c.Args[0]
	env := map[string]corev1.EnvVar{}
	for _, e := range c.Env {
		if !b.vars[e.Name] {
			t.Errorf("%s: sets %s, which articlebot does not read (.env.example lists what it reads)", where, e.Name)
		}
		if _, dup := env[e.Name]; dup {
			t.Errorf("%s: sets %s twice", where, e.Name)
		}
		env[e.Name] = e
		if ref := e.ValueFrom; ref != nil {
			switch {
			case ref.SecretKeyRef != nil && ref.SecretKeyRef.Key != e.Name,
				ref.ConfigMapKeyRef != nil && ref.ConfigMapKeyRef.Key != e.Name:
				t.Errorf("%s: %s comes from a key of another name; the kubectl commands of docs/deployment.md name the key as the variable", where, e.Name)
			}
		}
	}
	if e, ok := env["DISCORD_TOKEN"]; ok && (e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil) {
		t.Errorf("%s: DISCORD_TOKEN is not read from a Secret", where)
	}
	need := map[string][]string{"run": {"DISCORD_TOKEN"}, "register": {"DISCORD_TOKEN"}, "serve": {"DISCORD_PUBLIC_KEY"}}
	for _, v := range need[mode] {
		if _, ok := env[v]; !ok {
			t.Errorf("%s: articlebot %s needs %s, which is not set", where, mode, v)
		}
	}
	checkSecurity(t, where, pod, c, b.user)

	var addrVar, help string
	switch mode {
	case "serve":
		addrVar, help = "HTTP_ADDR", b.serve
	case "run":
		// The gateway mode serves its probes only on METRICS_ADDR.
		addrVar, help = "METRICS_ADDR", b.run
		if env[addrVar].Value == "" {
			t.Fatalf("%s: articlebot run without METRICS_ADDR serves no health endpoints for its probes", where)
		}
	default:
		return mode
	}
	port := listenPort(t, where, addrVar, env[addrVar].Value, b.serve)
	for probe, p := range map[string]*corev1.Probe{"readiness": c.ReadinessProbe, "liveness": c.LivenessProbe} {
		if p == nil || p.HTTPGet == nil {
			t.Errorf("%s: no HTTP %s probe", where, probe)
			continue
		}
		want := map[string]string{"readiness": "/readyz", "liveness": "/healthz"}[probe]
		if p.HTTPGet.Path != want || !strings.Contains(help, want) {
			t.Errorf("%s: %s probe asks %s, want %s, which articlebot %s serves", where, probe, p.HTTPGet.Path, want, mode)
		}
		if got := containerPort(c, p.HTTPGet.Port.String(), p.HTTPGet.Port.IntValue()); got != port {
			t.Errorf("%s: %s probe asks port %s (%d), want %d, where %s=%q listens", where, probe, p.HTTPGet.Port.String(), got, port, addrVar, env[addrVar].Value)
		}
	}
	if pod.TerminationGracePeriodSeconds == nil || *pod.TerminationGracePeriodSeconds < 5+preStopSeconds(c)+5 {
		t.Errorf("%s: terminationGracePeriodSeconds %v leaves too little time for the preStop pause and the 5-second drain", where, pod.TerminationGracePeriodSeconds)
	}
	return mode
}

// listenPort returns the port of the listen address value of the variable
// name, or of its default, which serve's help gives.
func listenPort(t *testing.T, where, name, value, serveHelp string) int32 {
	t.Helper()
	if value == "" && name == "HTTP_ADDR" {
		m := regexp.MustCompile(`HTTP_ADDR \(default (:\d+)\)`).FindStringSubmatch(serveHelp)
		if m == nil {
			t.Fatalf("articlebot help serve gives no default for HTTP_ADDR:\n%s", serveHelp)
		}
		value = m[1]
	}
	_, p, err := net.SplitHostPort(value)
	n, perr := strconv.ParseInt(p, 10, 32)
	if err != nil || perr != nil {
		t.Fatalf("%s: %s=%q is not host:port", where, name, value)
	}
	return int32(n)
}

// containerPort returns the number of the container's port called name, or
// number when name is empty or a number.
func containerPort(c corev1.Container, name string, number int) int32 {
	for _, p := range c.Ports {
		if p.Name == name {
			return p.ContainerPort
		}
	}
	return int32(number)
}

func preStopSeconds(c corev1.Container) int64 {
	if c.Lifecycle != nil && c.Lifecycle.PreStop != nil && c.Lifecycle.PreStop.Sleep != nil {
		return c.Lifecycle.PreStop.Sleep.Seconds
	}
	return 0
}

// checkSecurity checks that the container runs as the image's user, never
// root, with no privileges and a read-only file system.
func checkSecurity(t *testing.T, where string, pod corev1.PodSpec, c corev1.Container, user int64) {
	t.Helper()
	ps := pod.SecurityContext
	if ps == nil || ps.RunAsNonRoot == nil || !*ps.RunAsNonRoot || ps.RunAsUser == nil || *ps.RunAsUser != user {
		t.Errorf("%s: pod security context %+v, want runAsNonRoot and runAsUser %d, the Dockerfile's USER", where, ps, user)
	}
	sc := c.SecurityContext
	if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation ||
		sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem ||
		sc.Capabilities == nil || !slices.Equal(sc.Capabilities.Drop, []corev1.Capability{"ALL"}) {
		t.Errorf("%s: security context %+v, want no privilege escalation, a read-only root and every capability dropped", where, sc)
	}
	if pod.AutomountServiceAccountToken == nil || *pod.AutomountServiceAccountToken {
		t.Errorf("%s: the pod mounts a service account token articlebot never uses", where)
	}
}

// imageUser returns the numeric user the Dockerfile's last stage runs as.
func imageUser(t *testing.T) int64 {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repo.Root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	stages, err := image.Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	uid, _, _ := strings.Cut(stages[len(stages)-1].Config.User, ":")
	n, err := strconv.ParseInt(uid, 10, 64)
	if err != nil {
		t.Fatalf("the Dockerfile's USER %q is not numeric", uid)
	}
	return n
}

// checkShards checks that each pod of the gateway's StatefulSet is the
// shard of its ordinal, out of as many shards as there are pods.
func checkShards(t *testing.T, where string, s *appsv1.StatefulSet) {
	t.Helper()
	for _, c := range s.Spec.Template.Spec.Containers {
		var id, count *corev1.EnvVar
		for i, e := range c.Env {
			switch e.Name {
			case "SHARD_ID":
				id = &c.Env[i]
			case "SHARD_COUNT":
				count = &c.Env[i]
			}
		}
		const ordinal = "metadata.labels['apps.kubernetes.io/pod-index']"
		if id == nil || id.ValueFrom == nil || id.ValueFrom.FieldRef == nil || id.ValueFrom.FieldRef.FieldPath != ordinal {
			t.Errorf("%s: SHARD_ID = %+v, want it from the pod's ordinal, %s", where, id, ordinal)
		}
		replicas := 1 // the default
		if s.Spec.Replicas != nil {
			replicas = int(*s.Spec.Replicas)
		}
		if count == nil || count.Value != strconv.Itoa(replicas) {
			t.Errorf("%s: SHARD_COUNT = %+v with %d replicas, want as many shards as pods", where, count, replicas)
		}
	}
	if s.Spec.PodManagementPolicy != appsv1.OrderedReadyPodManagement || s.Spec.MinReadySeconds < 5 {
		t.Errorf("%s: pods start %s, %d s apart; want one at a time, at least 5 s apart, as Discord allows identifies", where, s.Spec.PodManagementPolicy, s.Spec.MinReadySeconds)
	}
}

func checkHeadless(t *testing.T, where, name string, objs []object) {
	t.Helper()
	for _, o := range objs {
		if s, ok := o.obj.(*corev1.Service); ok && s.Name == name {
			if s.Spec.ClusterIP != corev1.ClusterIPNone {
				t.Errorf("%s: the StatefulSet's Service %s is not headless", where, name)
			}
			return
		}
	}
	t.Errorf("%s: the StatefulSet names the Service %q, which no manifest defines", where, name)
}

func checkSelector(t *testing.T, where string, sel *metav1.LabelSelector, tmpl *corev1.PodTemplateSpec) {
	t.Helper()
	s, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil || s.Empty() || !s.Matches(labels.Set(tmpl.Labels)) {
		t.Errorf("%s: selector %v does not select the template's labels %v (%v)", where, sel, tmpl.Labels, err)
	}
}

func selectsAny(sel *metav1.LabelSelector, workloads map[string]*corev1.PodTemplateSpec) bool {
	s, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil || s.Empty() {
		return false
	}
	for _, tmpl := range workloads {
		if s.Matches(labels.Set(tmpl.Labels)) {
			return true
		}
	}
	return false
}

// checkService checks that a Service selects a workload's pods and sends
// each port to a port of their containers.
func checkService(t *testing.T, where string, s *corev1.Service, workloads map[string]*corev1.PodTemplateSpec) {
	t.Helper()
	for key, tmpl := range workloads {
		if strings.HasPrefix(key, "Job/") || len(s.Spec.Selector) == 0 || !labels.SelectorFromSet(s.Spec.Selector).Matches(labels.Set(tmpl.Labels)) {
			continue
		}
		for _, p := range s.Spec.Ports {
			found := false
			for _, c := range tmpl.Spec.Containers {
				found = found || containerPort(c, p.TargetPort.String(), -1) > 0
			}
			if !found {
				t.Errorf("%s: Service %s port %s targets %s, which the pods of %s do not have", where, s.Name, p.Name, p.TargetPort.String(), key)
			}
		}
		return
	}
	t.Errorf("%s: Service %s selects no workload's pods", where, s.Name)
}

// checkAutoscaler checks that the autoscaler scales a workload here, on a
// resource its containers request.
func checkAutoscaler(t *testing.T, where string, h *autoscalingv2.HorizontalPodAutoscaler, workloads map[string]*corev1.PodTemplateSpec) {
	t.Helper()
	tmpl := workloads[h.Spec.ScaleTargetRef.Kind+"/"+h.Spec.ScaleTargetRef.Name]
	if tmpl == nil {
		t.Fatalf("%s: the autoscaler scales %s/%s, which no manifest defines", where, h.Spec.ScaleTargetRef.Kind, h.Spec.ScaleTargetRef.Name)
	}
	if h.Spec.MinReplicas == nil || *h.Spec.MinReplicas < 2 || h.Spec.MaxReplicas < *h.Spec.MinReplicas {
		t.Errorf("%s: replicas from %v to %d, want at least 2, so that a replica can stop without a gap", where, h.Spec.MinReplicas, h.Spec.MaxReplicas)
	}
	for _, m := range h.Spec.Metrics {
		if m.Resource == nil {
			continue
		}
		for _, c := range tmpl.Spec.Containers {
			if _, ok := c.Resources.Requests[m.Resource.Name]; !ok {
				t.Errorf("%s: the autoscaler scales on %s, which container %s does not request", where, m.Resource.Name, c.Name)
			}
		}
	}
}

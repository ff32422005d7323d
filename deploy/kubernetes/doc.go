// Package kubernetes holds the test of articlebot's Kubernetes manifests,
// the YAML files beside it.
package kubernetes

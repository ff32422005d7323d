// Package compose holds the test of compose.yaml, articlebot's Docker
// Compose example.
package compose

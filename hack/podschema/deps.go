//go:build tools

package main

// The package deepcopy-gen generates deep copies for, required here so that the tool, run
// from this module, finds it (through the replace directive in go.mod).
import _ "github.com/jobkit/jobkit/job"

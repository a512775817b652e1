package sim_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/sim"
)

// The benchmark inputs, which the oracle module's BenchmarkUpstreamSync runs through
// upstream's controller: a Job of 10 pods in all phases, and an Indexed Job of 1,000 pods with
// half its indexes succeeded.
var benchInputs = []struct{ name, file string }{
	{"10-pods", "testdata/bench-10-pods.json"},
	{"1000-indexed-half-done", "testdata/bench-1000-indexed.json"},
}

func benchInput(b *testing.B, file string) sim.Input {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	var in conformance.SyncInput
	if err := json.Unmarshal(data, &in); err != nil {
		b.Fatal(err)
	}
	input, err := input(in)
	if err != nil {
		b.Fatal(err)
	}
	return input
}

func BenchmarkSync(b *testing.B) {
	for _, bi := range benchInputs {
		in := benchInput(b, bi.file)
		b.Run(bi.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if res, err := sim.Sync(in); err != nil || res.Err != nil {
					b.Fatal(err, res.Err)
				}
			}
		})
	}
}

package yamljson

import (
	"testing"

	sigsyaml "sigs.k8s.io/yaml"

	"github.com/jobkit/jobkit/internal/conformance"
)

// BenchmarkConvert sets Convert beside sigs.k8s.io/yaml on the typical Job of
// ../shared/bench written as kubectl writes YAML.
func BenchmarkConvert(b *testing.B) {
	src, err := sigsyaml.JSONToYAML(conformance.BenchInput(b, "typical-job.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("yamljson", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, ok := Convert(src); !ok {
				b.Fatal("declined")
			}
		}
	})
	b.Run("sigs.k8s.io/yaml", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := sigsyaml.YAMLToJSONStrict(src); err != nil {
				b.Fatal(err)
			}
		}
	})
}

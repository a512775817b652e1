package job_test

import (
	"testing"

	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
)

// BenchmarkDecode measures reading the typical Job of ../shared/bench, as JSON and as
// YAML, under each field validation mode.
func BenchmarkDecode(b *testing.B) {
	data := conformance.BenchInput(b, "typical-job.json")
	j, _, err := job.Decode(data, job.DecodeOptions{})
	if err != nil {
		b.Fatal(err)
	}
	yamlData, err := job.EncodeYAML(j)
	if err != nil {
		b.Fatal(err)
	}
	inputs := []struct {
		name string
		data []byte
		mode job.FieldValidation
	}{
		{"json/strict", data, job.Strict},
		{"json/warn", data, job.Warn},
		{"json/ignore", data, job.Ignore},
		{"yaml/strict", yamlData, job.Strict},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				if _, _, err := job.Decode(in.data, job.DecodeOptions{FieldValidation: in.mode}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEncode measures writing the typical Job back as JSON and as YAML.
func BenchmarkEncode(b *testing.B) {
	j, _, err := job.Decode(conformance.BenchInput(b, "typical-job.json"), job.DecodeOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := job.Encode(j); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := job.EncodeYAML(j); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package job_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/job"
)

var decodeSeeds = []string{
	piYAML,
	`{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","labels":{"a":"b"}},"spec":{"completionMode":"Indexed","completions":3,"podFailurePolicy":{"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"}]}]},"template":{"spec":{"containers":[{"name":"c","image":"i","resources":{"requests":{"cpu":"1"}}}],"restartPolicy":"Never","volumes":[{"name":"v","emptyDir":{}}]}}},"status":{"conditions":[{"type":"Complete","status":"True","lastTransitionTime":"2025-01-01T00:00:00Z"}],"failedIndexes":"","uncountedTerminatedPods":{}}}`,
	`{"apiVersion":"batch/v1","kind":"JobList","items":[{"metadata":{"name":"a"}},{"kind":"Pod"}]}`,
	"a: 1\n---\n- x\n---\nspec: {parallelism: \"2\"}\n",
	`{"spec":{"scheduling":{"schedulingPolicy":{"gang":{"minCount":2}},"resourceClaims":[{"name":"r","resourceClaimName":"c"}]},"retries":1,"retries":2}}`,
}

// FuzzDecode decodes anything in every field validation mode: no panic, and a decoded Job
// encodes to JSON that decodes to the same encoding.
func FuzzDecode(f *testing.F) {
	for _, s := range decodeSeeds {
		for mode := range 3 {
			f.Add([]byte(s), uint8(mode))
		}
	}
	modes := []job.FieldValidation{job.Strict, job.Warn, job.Ignore}
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		opts := job.DecodeOptions{FieldValidation: modes[int(mode)%len(modes)]}
		for _, d := range job.DecodeAll(data, opts) {
			if (d.Job == nil) == (d.Err == nil) {
				t.Fatalf("document %d: Job %v, Err %v", d.Number, d.Job, d.Err)
			}
			if d.Err != nil {
				continue
			}
			first, err := json.Marshal(d.Job)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			var again job.Job
			if err := json.Unmarshal(first, &again); err != nil {
				t.Fatalf("decode of the encoding %s: %v", first, err)
			}
			second, err := json.Marshal(&again)
			if err != nil || !bytes.Equal(first, second) {
				t.Fatalf("encoding is not stable:\n%s\n%s\n%v", first, second, err)
			}
		}
	})
}

// FuzzDocuments reads any stream as documents: numbered in order (a JobList's items share
// its number, an empty JobList yields none), at lines that do not go back, each a Job or an
// error.
func FuzzDocuments(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
		f.Add([]byte(s + "\n...\n" + s))
		f.Add([]byte("---\n" + s + "\n--- # c\n" + s))
	}
	f.Add([]byte("a: \"x\n---\ny\"\n---\nb: 1\n"))
	f.Add([]byte("a: |\n  ---\n  x\n---\nb: 'it''s\n...\n'\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		number, line := 0, 0
		for d := range job.Documents(bytes.NewReader(data), job.DecodeOptions{}) {
			if (d.Job == nil) == (d.Err == nil) {
				t.Fatalf("document %d: Job %v, Err %v", d.Number, d.Job, d.Err)
			}
			if d.Number < max(number, 1) || d.Line < line {
				t.Fatalf("document %d at line %d after document %d at line %d", d.Number, d.Line, number, line)
			}
			number, line = d.Number, d.Line
		}
	})
}

// podTemplateSeeds reach the generated pod template codec: embedded sources and handlers,
// ints or strings, quantities, selectors, object metadata, unknown members.
var podTemplateSeeds = []string{
	`{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","ports":[{"containerPort":80}],"livenessProbe":{"httpGet":{"port":"http","httpHeaders":[{"name":"a","value":"b"}]}},"lifecycle":{"preStop":{"sleep":{"seconds":1}}}}]}}`,
	`{"spec":{"volumes":[{"name":"v","configMap":{"name":"c","items":[{"key":"k","path":"p","mode":420}]},"x":1},{"name":"e","ephemeral":{"volumeClaimTemplate":{"metadata":{"labels":{"a":"b"}},"spec":{"resources":{"requests":{"storage":"1Gi"}}}}}}]}}`,
	`{"spec":{"affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{"a":"b"}},"topologyKey":"k"}]}},"overhead":{"cpu":"1.5"},"topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"z","whenUnsatisfiable":"DoNotSchedule"}]}}`,
	`{"spec":{"securityContext":{"sysctls":[{"name":"a","value":"b"}],"seccompProfile":{"type":"Localhost"}},"containers":[{"name":"c","env":[{"name":"A","valueFrom":{"resourceFieldRef":{"resource":"limits.cpu","divisor":"1m"}}}],"resources":{"claims":[{"name":"g"}]}}],"resourceClaims":[{"name":"g","resourceClaimName":"x"}]}}`,
}

// FuzzPodTemplate decodes any pod template: no panic, and a decoded one encodes stably,
// decodes back to a semantically equal template, and deep-copies to one.
func FuzzPodTemplate(f *testing.F) {
	for _, s := range podTemplateSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var tmpl job.PodTemplateSpec
		if tmpl.UnmarshalJSON(data) != nil {
			return
		}
		first, err := json.Marshal(tmpl)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		var again job.PodTemplateSpec
		if err := again.UnmarshalJSON(first); err != nil {
			t.Fatalf("decode of the encoding %s: %v", first, err)
		}
		second, err := json.Marshal(again)
		if err != nil || !bytes.Equal(first, second) {
			t.Fatalf("encoding is not stable:\n%s\n%s\n%v", first, second, err)
		}
		if !tmpl.SemanticEqual(&again) || !tmpl.SemanticEqual(tmpl.DeepCopy()) {
			t.Fatalf("a template is not equal to its encoding read back or to its copy: %s", first)
		}
	})
}

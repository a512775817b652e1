package job

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/internal/jsonwire"
)

// decodeIssues decodes in with read and returns the unknown and duplicate members it met
// and its error.
func decodeIssues(read func(*jsonwire.Decoder), in string) (issues []string, err error) {
	d := jsonwire.NewDecoder([]byte(in))
	read(d)
	d.Finish()
	for _, i := range d.Issues() {
		issues = append(issues, i.String())
	}
	return issues, d.Err()
}

func TestPodDecodeIssues(t *testing.T) {
	tests := []struct {
		name    string
		typ     func(*jsonwire.Decoder)
		in      string
		issues  []string
		wantErr string
	}{
		{name: "empty", typ: new(PodSpec).decode, in: `{}`},
		{name: "null object", typ: new(PodSpec).decode, in: `null`},
		{name: "every scalar kind", typ: new(PodSpec).decode, in: `{"hostname":"h","hostNetwork":false,"priority":-3,"activeDeadlineSeconds":9007199254740993,"overhead":{"memory":1.5}}`},
		{name: "nulls everywhere", typ: new(PodSpec).decode, in: `{"hostname":null,"hostNetwork":null,"priority":null,"overhead":null,"volumes":null,"nodeSelector":{"a":null}}`},
		{name: "int or string as both", typ: new(Container).decode, in: `{"livenessProbe":{"tcpSocket":{"port":80}},"readinessProbe":{"httpGet":{"port":"http"}}}`},
		{name: "time", typ: new(PodSpec).decode, in: `{"volumes":[{"ephemeral":{"volumeClaimTemplate":{"metadata":{"creationTimestamp":"2026-01-02T03:04:05Z"}}}}]}`},
		{name: "any", typ: new(PodSpec).decode, in: `{"volumes":[{"ephemeral":{"volumeClaimTemplate":{"metadata":{"managedFields":[{"fieldsV1":{"f:a":{}}}]}}}}]}`},
		{name: "inline members", typ: new(Volume).decode, in: `{"name":"v","configMap":{"name":"c","items":[{"key":"k","path":"p"}]}}`},
		{name: "inline members of an ephemeral container", typ: new(PodSpec).decode, in: `{"ephemeralContainers":[{"name":"d","image":"i","targetContainerName":"c"}]}`},
		{
			name:   "unknown members at every depth",
			typ:    new(PodSpec).decode,
			in:     `{"x":1,"volumes":[{"name":"v"},{"emptyDir":{"y":{"z":1}}}],"affinity":{"podAffinity":{"w":[]}}}`,
			issues: []string{`unknown field "x"`, `unknown field "volumes[1].emptyDir.y"`, `unknown field "affinity.podAffinity.w"`},
		},
		{name: "names are case-sensitive", typ: new(Container).decode, in: `{"Name":"c"}`, issues: []string{`unknown field "Name"`}},
		{name: "duplicates inside a known member", typ: new(Container).decode, in: `{"env":[{"name":"a","name":"b"}]}`, issues: []string{`duplicate field "env[0].name"`}},
		{name: "nothing reported inside an unknown member", typ: new(Container).decode, in: `{"x":{"a":1,"a":2}}`, issues: []string{`unknown field "x"`}},
		{name: "string for a number", typ: new(PodSpec).decode, in: `{"priority":"1"}`, wantErr: `priority: expected int32, found string "1"`},
		{name: "fraction for an integer", typ: new(PodSpec).decode, in: `{"activeDeadlineSeconds":1.5}`, wantErr: `activeDeadlineSeconds: expected int64, found number 1.5`},
		{name: "out of int32 range", typ: new(PodSpec).decode, in: `{"priority":2147483648}`, wantErr: `priority: expected int32`},
		{name: "number for a string", typ: new(PodSpec).decode, in: `{"hostname":1}`, wantErr: `hostname: expected string, found number 1`},
		{name: "string for a bool", typ: new(PodSpec).decode, in: `{"hostNetwork":"true"}`, wantErr: `hostNetwork: expected boolean`},
		{name: "object for a list", typ: new(PodSpec).decode, in: `{"volumes":{}}`, wantErr: `volumes: expected array, found object`},
		{name: "list for an object", typ: new(PodSpec).decode, in: `{"affinity":[]}`, wantErr: `affinity: expected object, found array`},
		{name: "number in a list of strings", typ: new(Container).decode, in: `{"args":["a",2]}`, wantErr: `args[1]: expected string, found number 2`},
		{name: "number in a map of strings", typ: new(PodSpec).decode, in: `{"nodeSelector":{"a":1}}`, wantErr: `nodeSelector.a: expected string`},
		{name: "bad quantity", typ: new(ResourceRequirements).decode, in: `{"limits":{"cpu":"lots"}}`, wantErr: `limits.cpu: invalid quantity`},
		{name: "bool for an int or string", typ: new(Container).decode, in: `{"livenessProbe":{"httpGet":{"port":true}}}`, wantErr: `livenessProbe.httpGet.port: invalid int or string`},
		{name: "bad time", typ: new(PodSpec).decode, in: `{"volumes":[{"ephemeral":{"volumeClaimTemplate":{"metadata":{"creationTimestamp":"yesterday"}}}}]}`, wantErr: `volumeClaimTemplate.metadata: invalid object metadata: parsing time "yesterday"`},
		{name: "syntax error", typ: new(PodSpec).decode, in: `{"volumes":[{"name":}]}`, wantErr: `invalid JSON`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issues, err := decodeIssues(tt.typ, tt.in)
			if diff := cmp.Diff(tt.issues, issues); diff != "" {
				t.Errorf("issues (-want +got):\n%s", diff)
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

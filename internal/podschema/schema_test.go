package podschema_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/internal/jsonwire"
	"github.com/jobkit/jobkit/internal/podschema"
)

// check decodes in as an object of type t and returns its issues and its error.
func check(t podschema.Type, in string) (issues []string, err error) {
	d := jsonwire.NewDecoder([]byte(in))
	podschema.Shape{Kind: podschema.Object, Type: t}.Check(d)
	d.Finish()
	for _, i := range d.Issues() {
		issues = append(issues, i.String())
	}
	return issues, d.Err()
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		typ     podschema.Type
		in      string
		issues  []string
		wantErr string
	}{
		{name: "empty", typ: podschema.PodSpec, in: `{}`},
		{name: "null object", typ: podschema.PodSpec, in: `null`},
		{name: "every scalar kind", typ: podschema.PodSpec, in: `{"hostname":"h","hostNetwork":false,"priority":-3,"activeDeadlineSeconds":9007199254740993,"overhead":{"memory":1.5}}`},
		{name: "nulls everywhere", typ: podschema.PodSpec, in: `{"hostname":null,"hostNetwork":null,"priority":null,"overhead":null,"volumes":null,"nodeSelector":{"a":null}}`},
		{name: "int or string as both", typ: podschema.Container, in: `{"livenessProbe":{"tcpSocket":{"port":80}},"readinessProbe":{"httpGet":{"port":"http"}}}`},
		{name: "time", typ: podschema.PodSpec, in: `{"volumes":[{"ephemeral":{"volumeClaimTemplate":{"metadata":{"creationTimestamp":"2026-01-02T03:04:05Z"}}}}]}`},
		{name: "any", typ: podschema.PodSpec, in: `{"volumes":[{"ephemeral":{"volumeClaimTemplate":{"metadata":{"managedFields":[{"fieldsV1":{"f:a":{}}}]}}}}]}`},
		{name: "inline members", typ: podschema.Volume, in: `{"name":"v","configMap":{"name":"c","items":[{"key":"k","path":"p"}]}}`},
		{name: "inline members of an ephemeral container", typ: podschema.PodSpec, in: `{"ephemeralContainers":[{"name":"d","image":"i","targetContainerName":"c"}]}`},
		{
			name:   "unknown members at every depth",
			typ:    podschema.PodSpec,
			in:     `{"x":1,"volumes":[{"name":"v"},{"emptyDir":{"y":{"z":1}}}],"affinity":{"podAffinity":{"w":[]}}}`,
			issues: []string{`unknown field "x"`, `unknown field "volumes[1].emptyDir.y"`, `unknown field "affinity.podAffinity.w"`},
		},
		{name: "names are case-sensitive", typ: podschema.Container, in: `{"Name":"c"}`, issues: []string{`unknown field "Name"`}},
		{name: "duplicates inside a known member", typ: podschema.Container, in: `{"env":[{"name":"a","name":"b"}]}`, issues: []string{`duplicate field "env[0].name"`}},
		{name: "nothing reported inside an unknown member", typ: podschema.Container, in: `{"x":{"a":1,"a":2}}`, issues: []string{`unknown field "x"`}},
		{name: "string for a number", typ: podschema.PodSpec, in: `{"priority":"1"}`, wantErr: `priority: expected int32, found string "1"`},
		{name: "fraction for an integer", typ: podschema.PodSpec, in: `{"activeDeadlineSeconds":1.5}`, wantErr: `activeDeadlineSeconds: expected int64, found number 1.5`},
		{name: "out of int32 range", typ: podschema.PodSpec, in: `{"priority":2147483648}`, wantErr: `priority: expected int32`},
		{name: "number for a string", typ: podschema.PodSpec, in: `{"hostname":1}`, wantErr: `hostname: expected string, found number 1`},
		{name: "string for a bool", typ: podschema.PodSpec, in: `{"hostNetwork":"true"}`, wantErr: `hostNetwork: expected boolean`},
		{name: "object for a list", typ: podschema.PodSpec, in: `{"volumes":{}}`, wantErr: `volumes: expected array, found object`},
		{name: "list for an object", typ: podschema.PodSpec, in: `{"affinity":[]}`, wantErr: `affinity: expected object, found array`},
		{name: "number in a list of strings", typ: podschema.Container, in: `{"args":["a",2]}`, wantErr: `args[1]: expected string, found number 2`},
		{name: "number in a map of strings", typ: podschema.PodSpec, in: `{"nodeSelector":{"a":1}}`, wantErr: `nodeSelector.a: expected string`},
		{name: "bad quantity", typ: podschema.ResourceRequirements, in: `{"limits":{"cpu":"lots"}}`, wantErr: `limits.cpu: invalid quantity`},
		{name: "bool for an int or string", typ: podschema.Container, in: `{"livenessProbe":{"httpGet":{"port":true}}}`, wantErr: `livenessProbe.httpGet.port: invalid int or string`},
		{name: "bad time", typ: podschema.PodSpec, in: `{"volumes":[{"ephemeral":{"volumeClaimTemplate":{"metadata":{"creationTimestamp":"yesterday"}}}}]}`, wantErr: `creationTimestamp: invalid time`},
		{name: "syntax error", typ: podschema.PodSpec, in: `{"volumes":[{"name":}]}`, wantErr: `invalid JSON`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issues, err := check(tt.typ, tt.in)
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

func TestMember(t *testing.T) {
	tests := []struct {
		typ  podschema.Type
		name string
		want podschema.Shape
		ok   bool
	}{
		{podschema.PodSpec, "containers", podschema.Shape{Kind: podschema.List, Elem: podschema.Object, Type: podschema.Container}, true},
		{podschema.PodSpec, "nodeSelector", podschema.Shape{Kind: podschema.Map, Elem: podschema.String}, true},
		{podschema.PodSpec, "overhead", podschema.Shape{Kind: podschema.Map, Elem: podschema.Quantity}, true},
		{podschema.PodSpec, "terminationGracePeriodSeconds", podschema.Shape{Kind: podschema.Int64}, true},
		{podschema.Volume, "emptyDir", podschema.Shape{Kind: podschema.Object, Type: podschema.EmptyDirVolumeSource}, true},
		{podschema.Probe, "httpGet", podschema.Shape{Kind: podschema.Object, Type: podschema.HTTPGetAction}, true},
		{podschema.HTTPGetAction, "port", podschema.Shape{Kind: podschema.IntOrString}, true},
		{podschema.Container, "name", podschema.Shape{Kind: podschema.String}, true},
		{podschema.Container, "Name", podschema.Shape{}, false},
		{podschema.Volume, "VolumeSource", podschema.Shape{}, false},
		{podschema.Type(0), "name", podschema.Shape{}, false},
	}
	for _, tt := range tests {
		got, ok := podschema.Member(tt.typ, tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Member(%v, %q) = %+v, %v; want %+v, %v", tt.typ, tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTypeString(t *testing.T) {
	for typ, want := range map[podschema.Type]string{podschema.PodSpec: "PodSpec", podschema.Container: "Container", 0: "Type(0)", 60000: "Type(60000)"} {
		if got := typ.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", typ, got, want)
		}
	}
}

// FuzzCheck checks that the schema walk never panics and accepts only well-formed JSON.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{`{}`, `{"containers":[{"name":"c","ports":[{"containerPort":80}]}]}`, `{"overhead":{"cpu":"1"}}`, `{"volumes":[{"ephemeral":{"volumeClaimTemplate":{"metadata":{}}}}]}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		_, err := check(podschema.PodSpec, in)
		if err == nil && !json.Valid([]byte(in)) {
			t.Fatalf("accepted malformed JSON %q", in)
		}
	})
}

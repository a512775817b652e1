package job_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/job"
)

func TestParsePath(t *testing.T) {
	tests := []struct {
		path    string
		want    job.Path
		methods string
		err     string
	}{
		{path: "/apis/batch/v1/jobs", want: job.Path{}, methods: "GET"},
		{path: "/apis/batch/v1/watch/jobs", want: job.Path{Watch: true}, methods: "GET"},
		{path: "/apis/batch/v1/namespaces/ns/jobs", want: job.Path{Namespace: "ns"}, methods: "GET POST DELETE"},
		{path: "/apis/batch/v1/watch/namespaces/ns/jobs", want: job.Path{Namespace: "ns", Watch: true}, methods: "GET"},
		{path: "/apis/batch/v1/namespaces/ns/jobs/pi", want: job.Path{Namespace: "ns", Name: "pi"}, methods: "GET PUT PATCH DELETE"},
		{path: "/apis/batch/v1/watch/namespaces/ns/jobs/pi", want: job.Path{Namespace: "ns", Name: "pi", Watch: true}, methods: "GET"},
		{path: "/apis/batch/v1/namespaces/ns/jobs/pi/status", want: job.Path{Namespace: "ns", Name: "pi", Subresource: "status"}, methods: "GET PUT PATCH"},
		{path: "/apis/batch/v1/namespaces/ns/jobs/pi/scale", err: `unknown subresource "scale"`},
		{path: "/apis/batch/v1/watch/namespaces/ns/jobs/pi/status", err: "cannot be watched"},
		{path: "/apis/batch/v1/jobs/pi", err: "addressed within its namespace"},
		{path: "/apis/batch/v2/jobs", err: "does not start with /apis/batch/v1/"},
		{path: "/apis/batch/v1/cronjobs", err: "the resource is not jobs"},
		{path: "/apis/batch/v1/namespaces//jobs", err: "the namespace is empty"},
		{path: "/apis/batch/v1/namespaces/ns/jobs/", err: "the name is empty"},
		{path: "/apis/batch/v1/namespaces/ns/jobs/a/status/x", err: "too many segments"},
		{path: "/apis/batch/v1/namespaces/ns/jobs/..", err: `name "..": may not be "." or ".."`},
		{path: "/apis/batch/v1/namespaces/ns/jobs/a%2Fb", err: `may not contain "/" or "%"`},
		{path: "/apis/batch/v1/namespaces/ns/jobs?watch=true", err: "no query"},
		{path: "", err: "does not start with"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got, err := job.ParsePath(tt.path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
			if s := got.String(); s != tt.path {
				t.Fatalf("String() = %q, want %q", s, tt.path)
			}
			if m := strings.Join(got.Methods(), " "); m != tt.methods {
				t.Fatalf("Methods() = %q, want %q", m, tt.methods)
			}
		})
	}
}

func FuzzParsePath(f *testing.F) {
	f.Add("/apis/batch/v1/namespaces/ns/jobs/pi/status")
	f.Add("/apis/batch/v1/watch/jobs")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := job.ParsePath(s)
		if err != nil {
			return
		}
		if p.String() != s {
			t.Fatalf("ParsePath(%q) renders back as %q", s, p.String())
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("ParsePath(%q) accepted a path Validate rejects: %v", s, err)
		}
	})
}

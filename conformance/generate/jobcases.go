package generate

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	batchv1 "k8s.io/api/batch/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/jobkit/jobkit/conformance/oracle"
)

// jobMembers is every member path of a Job outside its pod template and status.
func jobMembers() []string {
	var out []string
	for _, m := range Members(reflect.TypeFor[batchv1.JobSpec]()) {
		if m != "template" && !strings.HasPrefix(m, "template.") {
			out = append(out, "spec."+m)
		}
	}
	for _, m := range Members(reflect.TypeFor[metav1.ObjectMeta]()) {
		if !strings.HasPrefix(m, "managedFields") {
			out = append(out, "metadata."+m)
		}
	}
	return out
}

// mutateJob sets the member at path (below the Job) with the filler.
func mutateJob(f *filler, j *batchv1.Job, path string, hostile bool) {
	top, rest, _ := strings.Cut(path, ".")
	switch top {
	case "spec":
		f.mutate(reflect.ValueOf(&j.Spec).Elem(), rest, hostile)
	case "metadata":
		f.mutate(reflect.ValueOf(&j.ObjectMeta).Elem(), rest, hostile)
	case "status":
		f.mutate(reflect.ValueOf(&j.Status).Elem(), rest, hostile)
	}
}

// jobCreateCases are create requests with members of the Job itself mutated: every member
// on every base, plausible and hostile, then the rule scenarios, then random combinations.
func jobCreateCases(g *gen, random int) []oracle.ValidateInput {
	var out []oracle.ValidateInput
	members := jobMembers()
	for _, b := range bases {
		for _, m := range members {
			for _, hostile := range []bool{false, true} {
				j := b.job()
				mutateJob(&filler{r: g.r}, j, m, hostile)
				out = append(out, oracle.ValidateInput{ID: fmt.Sprintf("create/job/%s/%s/%s", m, kind(hostile), b.name), Op: "create", Object: marshal(j)})
			}
		}
		for _, s := range scenarios {
			for n := range 3 {
				j := b.job()
				s.apply(g, j)
				out = append(out, oracle.ValidateInput{ID: fmt.Sprintf("create/rule/%s/%s/%d", s.name, b.name, n), Op: "create", Object: marshal(j)})
			}
		}
	}
	for n := range random {
		b := bases[g.r.IntN(len(bases))]
		j := b.job()
		for range 1 + g.r.IntN(3) {
			if g.r.IntN(2) == 0 {
				scenarios[g.r.IntN(len(scenarios))].apply(g, j)
			} else {
				mutateJob(&filler{r: g.r}, j, members[g.r.IntN(len(members))], g.r.IntN(2) == 0)
			}
		}
		out = append(out, oracle.ValidateInput{ID: fmt.Sprintf("create/random/%d/%s", n, b.name), Op: "create", Object: marshal(j)})
	}
	return out
}

func kind(hostile bool) string {
	if hostile {
		return "hostile"
	}
	return "plausible"
}

// stored is a base Job as the API server stores it after its create: the oracle's prepared
// object.
func stored(b base) *batchv1.Job {
	e := oracle.Validate(oracle.ValidateInput{ID: "base", Op: "create", Object: marshal(b.job())})
	if len(e.Errors) > 0 || e.Prepared == nil {
		panic(fmt.Sprintf("base %s is not accepted: %+v", b.name, e.Errors))
	}
	j := &batchv1.Job{}
	if err := json.Unmarshal(e.Prepared, j); err != nil {
		panic(err)
	}
	j.ResourceVersion = "7"
	return j
}

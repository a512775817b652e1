package generate

import (
	"fmt"
	"reflect"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/jobkit/jobkit/conformance/oracle"
)

// podSpecMembers is every member path of core/v1 PodSpec.
func podSpecMembers() []string { return Members(reflect.TypeFor[corev1.PodSpec]()) }

// templateNames collects the names in a pod spec that other members refer to.
func templateNames(spec *corev1.PodSpec) map[string][]string {
	names := map[string][]string{}
	for _, v := range spec.Volumes {
		names["volume"] = append(names["volume"], v.Name)
	}
	for _, c := range spec.Containers {
		names["container"] = append(names["container"], c.Name)
		for _, p := range c.Ports {
			if p.Name != "" {
				names["port"] = append(names["port"], p.Name)
			}
		}
	}
	for _, c := range spec.ResourceClaims {
		names["claim"] = append(names["claim"], c.Name)
	}
	return names
}

// podTemplateCases are create requests whose pod template has one member (or a few) set by
// the generator: first every member of PodSpec once with a plausible and once with a
// hostile value, then random ones until there are total cases.
func podTemplateCases(g *gen, total int) []oracle.ValidateInput {
	members := podSpecMembers()
	var out []oracle.ValidateInput
	add := func(id string, paths []string, hostile []bool) {
		b := bases[len(out)%len(bases)]
		j := b.job()
		f := &filler{r: g.r, names: templateNames(&j.Spec.Template.Spec)}
		spec := reflect.ValueOf(&j.Spec.Template.Spec).Elem()
		for i, p := range paths {
			f.mutate(spec, p, hostile[i])
		}
		out = append(out, oracle.ValidateInput{ID: fmt.Sprintf("%s/%s", id, b.name), Op: "create", Object: marshal(j)})
	}
	for _, m := range members {
		add("create/podtemplate/"+m+"/plausible", []string{m}, []bool{false})
		add("create/podtemplate/"+m+"/hostile", []string{m}, []bool{true})
	}
	for n := 0; len(out) < total; n++ {
		k := 1 + g.r.IntN(3)/2 // one member most of the time, else two
		paths, hostile := make([]string, k), make([]bool, k)
		for i := range k {
			paths[i], hostile[i] = randomMember(g, members), g.r.IntN(3) > 0
		}
		add(fmt.Sprintf("create/podtemplate/random/%d", n), paths, hostile)
	}
	return out
}

// randomMember picks a member path, seldom one of an ephemeral container, which a pod
// template may not have at all.
func randomMember(g *gen, members []string) string {
	for {
		m := members[g.r.IntN(len(members))]
		if !strings.HasPrefix(m, "ephemeralContainers") || g.r.IntN(20) == 0 {
			return m
		}
	}
}

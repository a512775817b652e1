package validation

import (
	"maps"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// podResources checks the pod's own resources: none on Windows, no claims, names a pod may
// ask for and valid quantities, requests no less than its containers', huge page limits no
// less than theirs, and no container's limit above the pod's.
func (v *validator) podResources(s *job.PodSpec, p *path) {
	r := s.Resources
	if r == nil {
		return
	}
	rp := p.child("resources")
	if s.OS != nil && s.OS.Name == "windows" {
		v.add(field.Forbidden(rp.build(), "may not be set for a windows pod"))
		return
	}
	cp := rp.child("claims")
	if r.Claims != nil {
		v.add(field.Forbidden(cp.build(), "claims may not be set for Resources at pod-level"))
	}
	v.quantities(r, &rp, true)
	v.claimReferences(r.Claims, &cp)
	v.podResourcesCover(s, &rp)
}

// podResourcesCover checks the pod's requests and limits against its containers'.
func (v *validator) podResourcesCover(s *job.PodSpec, rp *path) {
	r := s.Resources
	qp := rp.child("requests")
	requests := aggregate(s, requestsOf)
	for _, name := range slices.Sorted(maps.Keys(requests)) {
		pod, ok := r.Requests[name]
		if sum := requests[name]; ok && sum.Cmp(pod) > 0 {
			kp := qp.key(string(name))
			v.add(field.Invalid(kp.build(), pod.String(), "must be greater than or equal to aggregate container requests of "+sum.String()))
		}
	}
	lp := rp.child("limits")
	limits := aggregate(s, limitsOf)
	for _, name := range slices.Sorted(maps.Keys(limits)) {
		pod, ok := r.Limits[name]
		if sum := limits[name]; ok && strings.HasPrefix(string(name), hugePagesPrefix) && sum.Cmp(pod) > 0 {
			kp := lp.key(string(name))
			v.add(field.Invalid(kp.build(), pod.String(), "must be greater than or equal to aggregate container limits of "+sum.String()))
		}
	}
	cp := rp.child("containers")
	for i := range s.Containers {
		cl := s.Containers[i].Resources.Limits
		for _, name := range slices.Sorted(maps.Keys(cl)) {
			pod, ok := r.Limits[name]
			if c := cl[name]; ok && c.Cmp(pod) > 0 {
				ip := cp.at(i)
				kp := ip.key(string(name))
				fp := kp.child("limits")
				v.add(field.Invalid(fp.build(), c.String(), "must be less than or equal to pod limits of "+pod.String()))
			}
		}
	}
}

// aggregate is what the containers of a pod request (or are limited to, by pick)
// together: the containers and sidecars all at once, or an init container with the
// sidecars started before it, whichever is more, resource by resource.
func aggregate(s *job.PodSpec, pick func(*job.ResourceRequirements) job.ResourceList) job.ResourceList {
	total := job.ResourceList{}
	for i := range s.Containers {
		addResources(total, pick(&s.Containers[i].Resources))
	}
	sidecars, initPeak := job.ResourceList{}, job.ResourceList{}
	for i := range s.InitContainers {
		c := &s.InitContainers[i]
		running := sidecars
		if isSidecar(c) {
			addResources(total, pick(&c.Resources))
			addResources(sidecars, pick(&c.Resources))
		} else {
			running = job.ResourceList{}
			addResources(running, pick(&c.Resources))
			addResources(running, sidecars)
		}
		maxResources(initPeak, running)
	}
	maxResources(total, initPeak)
	return total
}

func requestsOf(r *job.ResourceRequirements) job.ResourceList { return r.Requests }

func limitsOf(r *job.ResourceRequirements) job.ResourceList { return r.Limits }

func addResources(to, from job.ResourceList) {
	for name, q := range from {
		sum := to[name]
		sum.Add(q)
		to[name] = sum
	}
}

func maxResources(to, from job.ResourceList) {
	for name, q := range from {
		if cur, ok := to[name]; !ok || q.Cmp(cur) > 0 {
			to[name] = q.DeepCopy()
		}
	}
}

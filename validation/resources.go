package validation

import (
	"maps"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/internal/quantity"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/api/resource"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Resource name forms of core/v1.
const (
	hugePagesPrefix       = "hugepages-"
	requestsPrefix        = "requests."
	nativeResourcesDomain = "kubernetes.io/"
)

// resources checks a container's resource requirements as core validation does: each
// resource name is one a container may ask for, each quantity is not negative (and whole
// for integer resources), each request is within its limit (equal to it for resources that
// may not be overcommitted, which must have one), and huge pages come in whole pages and
// with cpu or memory. The API server walks the two maps in no fixed order; jobkit reports
// by resource name.
func (v *validator) resources(r *job.ResourceRequirements, p *path) {
	rp := p.child("resources")
	if !resourcesOK(r, v.allowIndivisibleHugePages) {
		v.quantities(r, &rp, false)
	}
	cp := rp.child("claims")
	v.claimReferences(r.Claims, &cp)
}

// quantities is resources for the limits and requests.
func (v *validator) quantities(r *job.ResourceRequirements, rp *path, podLevel bool) {
	lp, qp := rp.child("limits"), rp.child("requests")
	cpuOrMemory, hugePages := false, false
	for _, name := range slices.Sorted(maps.Keys(r.Limits)) {
		kp := lp.key(string(name))
		v.resourceQuantity(name, r.Limits[name], &kp, podLevel)
		cpuOrMemory = cpuOrMemory || name == job.ResourceCPU || name == job.ResourceMemory
		hugePages = hugePages || strings.HasPrefix(string(name), hugePagesPrefix)
	}
	for _, name := range slices.Sorted(maps.Keys(r.Requests)) {
		q := r.Requests[name]
		kp := qp.key(string(name))
		v.resourceQuantity(name, q, &kp, podLevel)
		v.requestWithinLimit(name, q, r.Limits, &lp, &qp)
		cpuOrMemory = cpuOrMemory || name == job.ResourceCPU || name == job.ResourceMemory
		hugePages = hugePages || strings.HasPrefix(string(name), hugePagesPrefix)
	}
	if hugePages && !cpuOrMemory {
		v.add(field.Forbidden(rp.build(), "HugePages require cpu or memory"))
	}
}

// resourceQuantity checks one entry of limits or requests, at p, of a container or, with
// podLevel, of the pod.
func (v *validator) resourceQuantity(name job.ResourceName, q resource.Quantity, p *path, podLevel bool) {
	if podLevel {
		v.podResourceName(name, p)
	} else {
		v.containerResourceName(name, p)
	}
	if q.Sign() < 0 {
		v.add(field.Invalid(p.build(), q.String(), apivalidation.IsNegativeErrorMsg))
	}
	if integerResource(name) && q.MilliValue()%1000 != 0 {
		v.add(field.Invalid(p.build(), q, "must be an integer"))
	}
	if strings.HasPrefix(string(name), hugePagesPrefix) && !v.allowIndivisibleHugePages && !wholeHugePages(name, q) {
		v.add(field.Invalid(p.build(), q.String(), q.String()+" is not positive integer multiple of "+string(name)))
	}
}

// requestWithinLimit checks a request against the limit of the same resource.
func (v *validator) requestWithinLimit(name job.ResourceName, q resource.Quantity, limits job.ResourceList, lp, qp *path) {
	limit, ok := limits[name]
	switch {
	case !ok && !overcommitAllowed(name):
		v.add(field.Required(lp.build(), "Limit must be set for non overcommitable resources"))
	case !ok:
	case q.Cmp(limit) != 0 && !overcommitAllowed(name):
		v.add(field.Invalid(qp.build(), q.String(), "must be equal to "+string(name)+" limit of "+limit.String()))
	case q.Cmp(limit) > 0:
		v.add(field.Invalid(qp.build(), q.String(), "must be less than or equal to "+string(name)+" limit of "+limit.String()))
	}
}

// podResourceName checks that name is a resource a pod may ask for as a whole: a valid
// resource name, and cpu, memory or huge pages.
func (v *validator) podResourceName(name job.ResourceName, p *path) {
	s := string(name)
	if v.resourceName(name, p) && name != job.ResourceCPU && name != job.ResourceMemory && !strings.HasPrefix(s, hugePagesPrefix) {
		v.add(field.NotSupported(p.build(), name, []job.ResourceName{job.ResourceCPU, hugePagesPrefix, job.ResourceMemory}))
	}
}

// containerResourceName checks that name is a resource a container may ask for: a standard
// one (cpu, memory, ephemeral-storage, hugepages-<size>) or a fully qualified extended one.
func (v *validator) containerResourceName(name job.ResourceName, p *path) {
	s := string(name)
	v.resourceName(name, p)
	switch {
	case !strings.Contains(s, "/"):
		if !standardContainerResource(s) {
			v.add(field.Invalid(p.build(), name, "must be a standard resource for containers"))
		}
	case !nativeResource(s) && !extendedResource(s):
		v.add(field.Invalid(p.build(), name, "doesn't follow extended resource name standard"))
	}
}

// resourceName checks that name is a resource name, a qualified name that is standard or
// fully qualified, and reports whether it is.
func (v *validator) resourceName(name job.ResourceName, p *path) bool {
	s := string(name)
	if !names.IsQualifiedName(s) {
		for _, msg := range validation.IsQualifiedName(s) {
			v.add(field.Invalid(p.build(), name, msg))
		}
		return false
	}
	if !strings.Contains(s, "/") && !standardResource(s) {
		v.add(field.Invalid(p.build(), name, "must be a standard resource type or fully qualified"))
		return false
	}
	return true
}

// resourcesOK reports whether the requirements surely pass resources, without allocating.
func resourcesOK(r *job.ResourceRequirements, allowIndivisible bool) bool {
	cpuOrMemory, hugePages := false, false
	for name, q := range r.Limits {
		if !quantityOK(name, q, allowIndivisible) {
			return false
		}
		cpuOrMemory = cpuOrMemory || name == job.ResourceCPU || name == job.ResourceMemory
		hugePages = hugePages || strings.HasPrefix(string(name), hugePagesPrefix)
	}
	for name, q := range r.Requests {
		limit, ok := r.Limits[name]
		if !quantityOK(name, q, allowIndivisible) || !overcommitAllowed(name) && (!ok || q.Cmp(limit) != 0) || ok && q.Cmp(limit) > 0 {
			return false
		}
		cpuOrMemory = cpuOrMemory || name == job.ResourceCPU || name == job.ResourceMemory
		hugePages = hugePages || strings.HasPrefix(string(name), hugePagesPrefix)
	}
	return cpuOrMemory || !hugePages
}

// quantityOK reports whether one entry of limits or requests is valid.
func quantityOK(name job.ResourceName, q resource.Quantity, allowIndivisible bool) bool {
	s := string(name)
	nameOK := names.IsQualifiedName(s) && (strings.Contains(s, "/") || standardContainerResource(s)) &&
		(!strings.Contains(s, "/") || nativeResource(s) || extendedResource(s))
	return nameOK && q.Sign() >= 0 && (!integerResource(name) || q.MilliValue()%1000 == 0) &&
		(allowIndivisible || !strings.HasPrefix(s, hugePagesPrefix) || wholeHugePages(name, q))
}

// standardContainerResource reports whether an unqualified name is one a container may ask
// for.
func standardContainerResource(s string) bool {
	switch job.ResourceName(s) {
	case job.ResourceCPU, job.ResourceMemory, job.ResourceEphemeralStorage:
		return true
	}
	return strings.HasPrefix(s, hugePagesPrefix)
}

// standardResource reports whether an unqualified name is a resource core/v1 knows, for
// containers or for quotas.
func standardResource(s string) bool {
	switch s {
	case "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory",
		"requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage",
		"storage", "requests.storage":
		return true
	}
	return integerStandardResource(s) || strings.HasPrefix(s, hugePagesPrefix) || strings.HasPrefix(s, "requests.hugepages-")
}

// integerStandardResource reports whether s is a standard resource counted in whole units.
func integerStandardResource(s string) bool {
	switch s {
	case "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
		"persistentvolumeclaims", "services.nodeports", "services.loadbalancers":
		return true
	}
	return false
}

// integerResource reports whether the resource is counted in whole units: a standard
// integer resource or an extended resource.
func integerResource(name job.ResourceName) bool {
	return integerStandardResource(string(name)) || extendedResource(string(name))
}

// nativeResource reports whether a resource is in the kubernetes.io domain: unqualified,
// or qualified with a *kubernetes.io/ prefix.
func nativeResource(s string) bool {
	return !strings.Contains(s, "/") || strings.Contains(s, nativeResourcesDomain)
}

// extendedResource reports whether a resource is an extended resource: outside the
// kubernetes.io domain, not named requests.*, and a qualified name once prefixed with
// "requests." as quotas name it. The prefixed name is a qualified name exactly when the
// name is one and its domain has room for the prefix.
func extendedResource(s string) bool {
	if nativeResource(s) || strings.HasPrefix(s, requestsPrefix) {
		return false
	}
	domain, _, _ := strings.Cut(s, "/")
	return names.IsQualifiedName(s) && len(requestsPrefix)+len(domain) <= validation.DNS1123SubdomainMaxLength
}

// overcommitAllowed reports whether a request may be below its limit: for native resources
// other than huge pages.
func overcommitAllowed(name job.ResourceName) bool {
	return nativeResource(string(name)) && !strings.HasPrefix(string(name), hugePagesPrefix)
}

// wholeHugePages reports whether q is a whole number of the pages that the huge page
// resource name names, such as hugepages-2Mi.
func wholeHugePages(name job.ResourceName, q resource.Quantity) bool {
	page, err := quantity.Parse(strings.TrimPrefix(string(name), hugePagesPrefix))
	if err != nil || page.Sign() <= 0 || page.MilliValue()%1000 != 0 {
		return false
	}
	return q.Value()%page.Value() == 0
}

// indivisibleHugePages reports whether a container or init container of the pod asks for
// huge pages in a quantity that is not a whole number of pages.
func indivisibleHugePages(pod *job.PodSpec) bool {
	for _, cs := range [][]job.Container{pod.Containers, pod.InitContainers} {
		for i := range cs {
			for _, list := range []job.ResourceList{cs[i].Resources.Limits, cs[i].Resources.Requests} {
				for name, q := range list {
					if strings.HasPrefix(string(name), hugePagesPrefix) && !wholeHugePages(name, q) {
						return true
					}
				}
			}
		}
	}
	return false
}

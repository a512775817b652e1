package validation

import (
	"slices"
	"strings"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// claimReferences checks a container's references to the pod's resource claims: each
// names a claim of the pod, with a request that is a DNS label, and no claim or request is
// referenced twice (a whole claim covers its requests).
func (v *validator) claimReferences(claims []job.ResourceClaim, p *path) {
	if len(claims) == 0 {
		return
	}
	var taken []string // "claim" or "claim/request"
	for i := range claims {
		c := &claims[i]
		ip := p.at(i)
		if c.Name == "" {
			v.add(field.Required(ip.build(), ""))
			continue
		}
		if slices.Contains(taken, c.Name) {
			v.add(field.Duplicate(ip.build(), c.Name))
		} else {
			key := c.Name
			if c.Request != "" {
				if !names.IsDNS1123Label(c.Request) {
					rp := ip.child("request")
					v.dns1123Label(c.Request, &rp)
				}
				key += "/" + c.Request
			}
			switch {
			case slices.Contains(taken, key):
				v.add(field.Duplicate(ip.build(), key))
			case c.Request == "":
				for _, k := range taken {
					if claim, _, ok := strings.Cut(k, "/"); ok && claim == c.Name {
						v.add(field.Duplicate(ip.build(), c.Name))
					}
				}
			}
			taken = append(taken, key)
		}
		if !v.podClaimNamed(c.Name) {
			e := field.NotFound(ip.build(), c.Name)
			e.Detail = "must be one of the names in pod.spec.resourceClaims" + v.podClaimList()
			v.errs = append(v.errs, e)
		}
	}
}

// podClaimNamed reports whether the pod has a resource claim named name.
func (v *validator) podClaimNamed(name string) bool {
	for i := range v.podClaims {
		if v.podClaims[i].Name == name {
			return true
		}
	}
	return false
}

// podClaimList ends the detail of a reference to a claim the pod does not have.
func (v *validator) podClaimList() string {
	var list []string
	for i := range v.podClaims {
		if n := v.podClaims[i].Name; n != "" && !slices.Contains(list, n) {
			list = append(list, n)
		}
	}
	if len(list) == 0 {
		return " which is empty"
	}
	slices.Sort(list)
	return ": " + strings.Join(list, ", ")
}

package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// topologySpread checks the pod's topology spread constraints: a positive skew, a
// topology key, a known action, no key and action twice, minDomains only positive and
// with DoNotSchedule, known node policies, match label keys, and the label selector.
func (v *validator) topologySpread(constraints []job.TopologySpreadConstraint, p *path) {
	cp := p.child("topologySpreadConstraints")
	for i := range constraints {
		c := &constraints[i]
		ip := cp.at(i)
		if c.MaxSkew <= 0 {
			sp := ip.child("maxSkew")
			v.add(field.Invalid(sp.build(), int64(c.MaxSkew), "must be greater than zero").WithOrigin("minimum"))
		}
		if c.TopologyKey == "" {
			kp := ip.child("topologyKey")
			v.add(field.Required(kp.build(), "can not be empty"))
		}
		if c.WhenUnsatisfiable != "DoNotSchedule" && c.WhenUnsatisfiable != "ScheduleAnyway" {
			wp := ip.child("whenUnsatisfiable")
			v.add(field.NotSupported(wp.build(), c.WhenUnsatisfiable, []job.UnsatisfiableConstraintAction{"DoNotSchedule", "ScheduleAnyway"}))
		}
		for k := i + 1; k < len(constraints); k++ {
			if r := &constraints[k]; r.TopologyKey == c.TopologyKey && r.WhenUnsatisfiable == c.WhenUnsatisfiable {
				dp := ip.child("{topologyKey, whenUnsatisfiable}")
				v.add(field.Duplicate(dp.build(), fmt.Sprintf("{%v, %v}", c.TopologyKey, c.WhenUnsatisfiable)))
				break
			}
		}
		if m := c.MinDomains; m != nil {
			mp := ip.child("minDomains")
			if *m <= 0 {
				v.add(field.Invalid(mp.build(), int64(*m), "must be greater than zero").WithOrigin("minimum"))
			}
			if c.WhenUnsatisfiable != "DoNotSchedule" {
				v.add(field.Invalid(mp.build(), m, fmt.Sprintf("can only use minDomains if whenUnsatisfiable=%s, not %s", "DoNotSchedule", c.WhenUnsatisfiable)).WithOrigin("dependsOn"))
			}
		}
		v.nodeInclusionPolicy(c.NodeAffinityPolicy, &ip, "nodeAffinityPolicy")
		v.nodeInclusionPolicy(c.NodeTaintsPolicy, &ip, "nodeTaintsPolicy")
		v.matchLabelKeys(c.MatchLabelKeys, nil, c.LabelSelector, &ip)
		lp := ip.child("labelSelector")
		v.labelSelector(c.LabelSelector, &lp)
	}
}

func (v *validator) nodeInclusionPolicy(policy *job.NodeInclusionPolicy, p *path, member string) {
	if policy != nil && *policy != "Honor" && *policy != "Ignore" {
		mp := p.child(member)
		v.add(field.NotSupported(mp.build(), policy, []job.NodeInclusionPolicy{"Honor", "Ignore"}))
	}
}

// fileKeyRefVolumes checks that the volume each env-file reference names, in every
// container, is an emptyDir volume of the pod.
func (v *validator) fileKeyRefVolumes(s *job.PodSpec, p *path) {
	for _, kind := range containerKinds {
		n, at := containersOf(s, kind)
		lp := p.child(kind)
		for i := range n {
			for j, env := range at(i).Env {
				if env.ValueFrom != nil && env.ValueFrom.FileKeyRef != nil {
					v.fileKeyRefVolume(s.Volumes, env.ValueFrom.FileKeyRef.VolumeName, &lp, i, j)
				}
			}
		}
	}
}

func (v *validator) fileKeyRefVolume(vols []job.Volume, name string, list *path, i, j int) {
	ip := list.at(i)
	ep := ip.child("env")
	jp := ep.at(j)
	vp := jp.child("valueFrom")
	fp := vp.child("fileKeyRef")
	np := fp.child("volumeName")
	for k := len(vols) - 1; k >= 0; k-- { // the last volume of a name is the one the server finds
		if vols[k].Name == name {
			if vols[k].EmptyDir == nil {
				v.add(field.Invalid(np.build(), name, "referenced volume must be of type emptyDir"))
			}
			return
		}
	}
	v.add(field.NotFound(np.build(), name))
}

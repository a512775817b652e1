package validation

import (
	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/selector"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"slices"
)

// affinity checks the pod's node affinity, pod affinity and pod anti-affinity.
func (v *validator) affinity(a *job.Affinity, p *path) {
	if a == nil {
		return
	}
	ap := p.child("affinity")
	if na := a.NodeAffinity; na != nil {
		np := ap.child("nodeAffinity")
		if na.RequiredDuringSchedulingIgnoredDuringExecution != nil {
			rp := np.child("requiredDuringSchedulingIgnoredDuringExecution")
			v.nodeSelector(na.RequiredDuringSchedulingIgnoredDuringExecution, &rp)
		}
		pp := np.child("preferredDuringSchedulingIgnoredDuringExecution")
		for i := range na.PreferredDuringSchedulingIgnoredDuringExecution {
			t := &na.PreferredDuringSchedulingIgnoredDuringExecution[i]
			ip := pp.at(i)
			v.weight(t.Weight, &ip)
			tp := ip.child("preference")
			v.nodeSelectorTerm(&t.Preference, &tp, true) // preferred terms may have any value
		}
	}
	if pa := a.PodAffinity; pa != nil {
		pp := ap.child("podAffinity")
		v.podAffinityTerms(pa.RequiredDuringSchedulingIgnoredDuringExecution, pa.PreferredDuringSchedulingIgnoredDuringExecution, &pp)
	}
	if pa := a.PodAntiAffinity; pa != nil {
		pp := ap.child("podAntiAffinity")
		v.podAffinityTerms(pa.RequiredDuringSchedulingIgnoredDuringExecution, pa.PreferredDuringSchedulingIgnoredDuringExecution, &pp)
	}
}

// weight checks the weight of a preferred term: from 1 to 100.
func (v *validator) weight(w int32, p *path) {
	if w <= 0 || w > 100 {
		wp := p.child("weight")
		v.add(field.Invalid(wp.build(), w, "must be in the range 1-100"))
	}
}

// nodeSelector checks a required node selector: at least one term, each valid.
func (v *validator) nodeSelector(ns *job.NodeSelector, p *path) {
	tp := p.child("nodeSelectorTerms")
	if len(ns.NodeSelectorTerms) == 0 {
		v.add(field.Required(tp.build(), "must have at least one node selector term"))
		return
	}
	for i := range ns.NodeSelectorTerms {
		ip := tp.at(i)
		v.nodeSelectorTerm(&ns.NodeSelectorTerms[i], &ip, false)
	}
}

// nodeSelectorTerm checks a term's label and field requirements.
func (v *validator) nodeSelectorTerm(t *job.NodeSelectorTerm, p *path, anyValue bool) {
	ep := p.child("matchExpressions")
	for j := range t.MatchExpressions {
		jp := ep.at(j)
		v.nodeSelectorRequirement(&t.MatchExpressions[j], &jp, anyValue)
	}
	fp := p.child("matchFields")
	for j := range t.MatchFields {
		jp := fp.at(j)
		v.nodeFieldRequirement(&t.MatchFields[j], &jp)
	}
}

// nodeSelectorRequirement checks a node label requirement: values as its operator wants
// them, a label name for key, and label values.
func (v *validator) nodeSelectorRequirement(r *job.NodeSelectorRequirement, p *path, anyValue bool) {
	vp := p.child("values")
	switch r.Operator {
	case "In", "NotIn":
		if len(r.Values) == 0 {
			v.add(field.Required(vp.build(), "must be specified when `operator` is 'In' or 'NotIn'"))
		}
	case "Exists", "DoesNotExist":
		if len(r.Values) > 0 {
			v.add(field.Forbidden(vp.build(), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
		}
	case "Gt", "Lt":
		if len(r.Values) != 1 {
			v.add(field.Required(vp.build(), "must be specified single value when `operator` is 'Lt' or 'Gt'"))
		}
	default:
		op := p.child("operator")
		v.add(field.Invalid(op.build(), r.Operator, "not a valid selector operator"))
	}
	kp := p.child("key")
	v.labelName(r.Key, &kp)
	if anyValue {
		return
	}
	for i, value := range r.Values {
		if names.IsLabelValue(value) {
			continue
		}
		ip := vp.at(i)
		for _, msg := range validation.IsValidLabelValue(value) {
			v.add(field.Invalid(ip.build(), value, msg).WithOrigin("format=k8s-label-value"))
		}
	}
}

// nodeFieldRequirement checks a node field requirement: metadata.name, In or NotIn one
// node name.
func (v *validator) nodeFieldRequirement(r *job.NodeSelectorRequirement, p *path) {
	switch r.Operator {
	case "In", "NotIn":
		if len(r.Values) != 1 {
			vp := p.child("values")
			v.add(field.Required(vp.build(), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
		}
	default:
		op := p.child("operator")
		v.add(field.Invalid(op.build(), r.Operator, "not a valid selector operator"))
	}
	if r.Key != "metadata.name" {
		kp := p.child("key")
		v.add(field.Invalid(kp.build(), r.Key, "not a valid field selector key"))
		return
	}
	vp := p.child("values")
	for i, value := range r.Values {
		if names.IsDNS1123Subdomain(value) {
			continue
		}
		ip := vp.at(i)
		for _, msg := range validation.IsDNS1123Subdomain(value) {
			v.add(field.Invalid(ip.build(), value, msg))
		}
	}
}

// labelName checks that key, at p, is a label name.
func (v *validator) labelName(key string, p *path) {
	if !names.IsQualifiedName(key) {
		v.addAll(metav1validation.ValidateLabelName(key, p.build()))
	}
}

// labelSelector checks a label selector, when set, with label values required valid.
func (v *validator) labelSelector(sel *metav1.LabelSelector, p *path) {
	if sel != nil && !selector.Valid(sel) {
		v.addAll(metav1validation.ValidateLabelSelector(sel, metav1validation.LabelSelectorValidationOptions{}, p.build()))
	}
}

// podAffinityTerms checks the required and preferred terms of pod affinity or
// anti-affinity.
func (v *validator) podAffinityTerms(required []job.PodAffinityTerm, preferred []job.WeightedPodAffinityTerm, p *path) {
	rp := p.child("requiredDuringSchedulingIgnoredDuringExecution")
	for i := range required {
		ip := rp.at(i)
		v.podAffinityTerm(&required[i], &ip)
	}
	pp := p.child("preferredDuringSchedulingIgnoredDuringExecution")
	for i := range preferred {
		ip := pp.at(i)
		v.weight(preferred[i].Weight, &ip)
		tp := ip.child("podAffinityTerm")
		v.podAffinityTerm(&preferred[i].PodAffinityTerm, &tp)
	}
}

// podAffinityTerm checks a pod affinity term: its selectors, namespaces, match and
// mismatch label keys, and topology key.
func (v *validator) podAffinityTerm(t *job.PodAffinityTerm, p *path) {
	lp := p.child("labelSelector")
	v.labelSelector(t.LabelSelector, &lp)
	np := p.child("namespaceSelector")
	v.labelSelector(t.NamespaceSelector, &np)
	for _, ns := range t.Namespaces {
		if !names.IsDNS1123Label(ns) {
			sp := p.child("namespace") // sic
			for _, msg := range validation.IsDNS1123Label(ns) {
				v.add(field.Invalid(sp.build(), ns, msg))
			}
		}
	}
	v.matchLabelKeys(t.MatchLabelKeys, t.MismatchLabelKeys, t.LabelSelector, p)
	tp := p.child("topologyKey")
	if t.TopologyKey == "" {
		v.add(field.Required(tp.build(), "can not be empty"))
	}
	v.labelName(t.TopologyKey, &tp)
}

// matchLabelKeys checks a term's match and mismatch label keys: label names, only with a
// label selector, a match key not also in the selector, and no key in both lists.
func (v *validator) matchLabelKeys(match, mismatch []string, sel *metav1.LabelSelector, p *path) {
	mp := p.child("matchLabelKeys")
	v.labelKeys(match, sel, &mp)
	xp := p.child("mismatchLabelKeys")
	v.labelKeys(mismatch, sel, &xp)
	if sel != nil && len(match) > 0 {
		for k, r := range sel.MatchExpressions {
			i := lastIndex(match, r.Key)
			_, inLabels := sel.MatchLabels[r.Key]
			if i >= 0 && (inLabels || slices.ContainsFunc(sel.MatchExpressions[:k], func(e metav1.LabelSelectorRequirement) bool { return e.Key == r.Key })) {
				ip := p.at(i)
				v.add(field.Invalid(ip.build(), r.Key, "exists in both matchLabelKeys and labelSelector").WithOrigin("duplicatedLabelKeys"))
			}
		}
	}
	for i, k := range match {
		if contains(mismatch, k) {
			ip := mp.at(i)
			v.add(field.Invalid(ip.build(), k, "exists in both matchLabelKeys and mismatchLabelKeys").WithOrigin("duplicatedMismatchLabelKeys"))
		}
	}
}

// lastIndex is the index of the last s in list, or -1.
func lastIndex(list []string, s string) int {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i] == s {
			return i
		}
	}
	return -1
}

// labelKeys checks match or mismatch label keys: none without a label selector, each a
// label name.
func (v *validator) labelKeys(keys []string, sel *metav1.LabelSelector, p *path) {
	if len(keys) == 0 {
		return
	}
	if sel == nil {
		v.add(field.Forbidden(p.build(), "must not be specified when labelSelector is not set"))
		return
	}
	for i, k := range keys {
		ip := p.at(i)
		v.labelName(k, &ip)
	}
}

package validation

import (
	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// ephemeral checks a generic ephemeral volume: a claim template, whose metadata holds
// only labels and annotations, and whose spec is a valid claim's.
func (v *validator) ephemeral(e *job.EphemeralVolumeSource, p *path) {
	ep := p.child("ephemeral")
	tp := ep.child("volumeClaimTemplate")
	if e.VolumeClaimTemplate == nil {
		v.add(field.Required(tp.build(), ""))
		return
	}
	t := e.VolumeClaimTemplate
	mp := tp.child("metadata")
	v.templateObjectMeta(t, &mp)
	sp := tp.child("spec")
	v.claimSpec(&t.Spec, &sp)
}

// templateObjectMeta checks a claim template's metadata: valid labels and annotations,
// and nothing else set.
func (v *validator) templateObjectMeta(t *job.PersistentVolumeClaimTemplate, p *path) {
	m := &t.ObjectMeta
	if !annotationsOK(m.Annotations) {
		ap := p.child("annotations")
		v.addAll(apivalidation.ValidateAnnotations(m.Annotations, ap.build()))
	}
	if !labelsOK(m.Labels) {
		lp := p.child("labels")
		v.addAll(metav1validation.ValidateLabels(m.Labels, lp.build()))
	}
	for _, f := range [...]struct {
		name string
		set  bool
	}{
		{"name", m.Name != ""}, {"generateName", m.GenerateName != ""}, {"namespace", m.Namespace != ""},
		{"selfLink", selfLink(m)}, {"uID", m.UID != ""}, {"resourceVersion", m.ResourceVersion != ""},
		{"generation", m.Generation != 0}, {"creationTimestamp", !m.CreationTimestamp.IsZero()},
		{"deletionTimestamp", m.DeletionTimestamp != nil}, {"deletionGracePeriodSeconds", m.DeletionGracePeriodSeconds != nil},
		{"ownerReferences", m.OwnerReferences != nil}, {"finalizers", m.Finalizers != nil}, {"managedFields", m.ManagedFields != nil},
	} {
		if f.set {
			fp := p.child(f.name)
			v.add(field.Forbidden(fp.build(), "cannot be set"))
		}
	}
}

// selfLink reports whether the deprecated selfLink is set: the server still refuses it in
// a claim template.
func selfLink(m *metav1.ObjectMeta) bool {
	//lint:ignore SA1019 the rule is about the deprecated member
	return m.SelfLink != ""
}

var (
	accessModes = []job.PersistentVolumeAccessMode{"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"}
	volumeModes = []job.PersistentVolumeMode{job.PersistentVolumeBlock, job.PersistentVolumeFilesystem}
)

// claimSpec checks the spec of a persistent volume claim: access modes, its selector, a
// positive storage request, class names, volume mode and data sources.
func (v *validator) claimSpec(s *job.PersistentVolumeClaimSpec, p *path) {
	ap := p.child("accessModes")
	if len(s.AccessModes) == 0 {
		v.add(field.Required(ap.build(), "at least 1 access mode is required"))
	}
	sp := p.child("selector")
	v.labelSelector(s.Selector, &sp)
	once, other := false, false
	for _, mode := range s.AccessModes {
		known := contains(accessModes, mode)
		if !known {
			v.add(field.NotSupported(ap.build(), mode, accessModes))
		}
		once = once || mode == "ReadWriteOncePod"
		other = other || known && mode != "ReadWriteOncePod"
	}
	if once && other {
		v.add(field.Forbidden(ap.build(), "may not use ReadWriteOncePod with other access modes"))
	}
	rp := p.child("resources")
	kp := rp.key(string(job.ResourceStorage))
	if q, ok := s.Resources.Requests[job.ResourceStorage]; !ok {
		v.add(field.Required(kp.build(), ""))
	} else if q.Sign() <= 0 {
		v.add(field.Invalid(kp.build(), q.String(), "must be greater than zero"))
	}
	if s.StorageClassName != nil && *s.StorageClassName != "" {
		v.subdomainName(*s.StorageClassName, p, "storageClassName")
	}
	if s.VolumeMode != nil && !contains(volumeModes, *s.VolumeMode) {
		mp := p.child("volumeMode")
		v.add(field.NotSupported(mp.build(), *s.VolumeMode, volumeModes))
	}
	v.dataSources(s, p)
	if s.VolumeAttributesClassName != nil && *s.VolumeAttributesClassName != "" {
		v.subdomainName(*s.VolumeAttributesClassName, p, "volumeAttributesClassName")
	}
}

// dataSources checks a claim's data source and data source reference, and that they agree.
func (v *validator) dataSources(s *job.PersistentVolumeClaimSpec, p *path) {
	if d := s.DataSource; d != nil {
		dp := p.child("dataSource")
		v.typedReference(d.APIGroup, d.Kind, d.Name, &dp)
	}
	r := s.DataSourceRef
	if r != nil {
		rp := p.child("dataSourceRef")
		v.typedReference(r.APIGroup, r.Kind, r.Name, &rp)
		if r.Namespace != nil && *r.Namespace != "" && !names.IsDNS1123Label(*r.Namespace) {
			np := rp.child("namespace")
			for _, msg := range validation.IsDNS1123Label(*r.Namespace) {
				v.add(field.Invalid(np.build(), *r.Namespace, msg))
			}
		}
	}
	switch {
	case r != nil && r.Namespace != nil && *r.Namespace != "":
		if s.DataSource != nil {
			dp := p.child("dataSource")
			v.add(field.Invalid(p.build(), dp.build(), "may not be specified when dataSourceRef.namespace is specified"))
		}
	case s.DataSource != nil && r != nil:
		d := s.DataSource
		if !stringPtrEqual(d.APIGroup, r.APIGroup) || d.Kind != r.Kind || d.Name != r.Name {
			dp := p.child("dataSource")
			v.add(field.Invalid(p.build(), dp.build(), "must match dataSourceRef"))
		}
	}
}

// typedReference checks a data source: a name and kind, and an API group that is a DNS
// subdomain, or none for a PersistentVolumeClaim.
func (v *validator) typedReference(apiGroup *string, kind, name string, p *path) {
	v.required(name, p, "name")
	v.required(kind, p, "kind")
	group := ""
	if apiGroup != nil {
		group = *apiGroup
	}
	if group == "" && kind != "PersistentVolumeClaim" {
		v.add(field.Invalid(p.build(), kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"))
	}
	if group != "" && !names.IsDNS1123Subdomain(group) {
		gp := p.child("apiGroup")
		for _, msg := range validation.IsDNS1123Subdomain(group) {
			v.add(field.Invalid(gp.build(), group, msg))
		}
	}
}

func stringPtrEqual(a, b *string) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// projected checks a projected volume: its default mode and user, and each source: one
// kind, each valid, and no path twice across them.
func (v *validator) projected(pv *job.ProjectedVolumeSource, p *path) {
	pp := p.child("projected")
	v.fileMode(pv.DefaultMode, &pp, "defaultMode")
	v.user(pv.DefaultUser, &pp, "defaultUser")
	paths := projectedPaths{}
	sp := pp.child("sources")
	for i := range pv.Sources {
		src := &pv.Sources[i]
		ip := sp.at(i)
		n := 0
		if src.Secret != nil {
			n++
			v.projectedItems(src.Secret.Name, src.Secret.Items, &ip, "secret", &pp, &paths)
		}
		if src.ConfigMap != nil {
			n++
			v.projectedItems(src.ConfigMap.Name, src.ConfigMap.Items, &ip, "configMap", &pp, &paths)
		}
		if src.DownwardAPI != nil {
			n++
			dp := ip.child("downwardAPI")
			for k := range src.DownwardAPI.Items {
				f := &src.DownwardAPI.Items[k]
				v.downwardAPIFile(f, &dp)
				if f.Path != "" && paths.seen(f.Path) {
					v.add(field.Invalid(pp.build(), f.Path, "conflicting duplicate paths"))
				}
			}
		}
		if src.ServiceAccountToken != nil {
			n++
			v.serviceAccountToken(src.ServiceAccountToken, &ip, &pp)
		}
		if src.ClusterTrustBundle != nil {
			n++
			v.clusterTrustBundle(src.ClusterTrustBundle, &ip, &pp, &paths)
		}
		if src.PodCertificate != nil {
			n++
			v.podCertificate(src.PodCertificate, &ip, &pp, &paths)
		}
		if n > 1 {
			v.add(field.Forbidden(ip.build(), "may not specify more than 1 volume type per source"))
		}
	}
}

// projectedPaths are the paths a projected volume's sources have taken: the first few
// without allocating.
type projectedPaths struct {
	few  [8]string
	n    int
	more []string
}

// seen reports whether path was taken, and takes it.
func (s *projectedPaths) seen(path string) bool {
	if contains(s.few[:s.n], path) || contains(s.more, path) {
		return true
	}
	if s.n < len(s.few) {
		s.few[s.n] = path
		s.n++
	} else {
		s.more = append(s.more, path)
	}
	return false
}

// projectedItems checks a Secret or ConfigMap projection: a name, and valid items whose
// paths no other source of the volume has.
func (v *validator) projectedItems(name string, items []job.KeyToPath, p *path, member string, volume *path, paths *projectedPaths) {
	mp := p.child(member)
	v.required(name, &mp, "name")
	ip := mp.child("items")
	for i := range items {
		kp := ip.at(i)
		v.keyToPath(&items[i], &kp)
		if items[i].Path != "" && paths.seen(items[i].Path) {
			v.add(field.Invalid(volume.build(), name, "conflicting duplicate paths"))
		}
	}
}

// serviceAccountToken checks a token projection: an expiry from ten minutes to 2^32
// seconds, a local path (whose errors the server reports at the volume's path) and a user.
func (v *validator) serviceAccountToken(t *job.ServiceAccountTokenProjection, p, volume *path) {
	tp := p.child("serviceAccountToken")
	ep := tp.child("expirationSeconds")
	if exp := t.ExpirationSeconds; exp == nil {
		v.add(field.Required(ep.build(), ""))
	} else {
		if *exp < 10*60 {
			v.add(field.Invalid(ep.build(), *exp, "may not specify a duration less than 10 minutes"))
		}
		if *exp > 1<<32 {
			v.add(field.Invalid(ep.build(), *exp, "may not specify a duration larger than 2^32 seconds"))
		}
	}
	pp := volume.child("path")
	if t.Path == "" {
		v.add(field.Required(pp.build(), ""))
	} else {
		v.localNonReservedPath(t.Path, &pp)
	}
	v.user(t.User, &tp, "user")
}

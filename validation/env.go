package validation

import (
	"strings"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// env checks each environment variable: a name of printable ASCII without '=', and at most
// one source for its value, each source valid.
func (v *validator) env(vars []job.EnvVar, p *path) {
	ep := p.child("env")
	for i := range vars {
		ev := &vars[i]
		ip := ep.at(i)
		np := ip.child("name")
		if ev.Name == "" {
			v.add(field.Required(np.build(), ""))
		} else if !envVarNameOK(ev.Name) {
			for _, msg := range validation.IsRelaxedEnvVarName(ev.Name) {
				v.add(field.Invalid(np.build(), ev.Name, msg))
			}
		}
		v.valueFrom(ev, &ip)
	}
}

// valueFrom checks an environment variable's valueFrom: exactly one source, and no value
// beside it.
func (v *validator) valueFrom(ev *job.EnvVar, p *path) {
	src := ev.ValueFrom
	if src == nil {
		return
	}
	vp := p.child("valueFrom")
	n := 0
	if src.FieldRef != nil {
		n++
		fp := vp.child("fieldRef")
		v.objectFieldSelector(src.FieldRef, envFieldPaths, &fp)
	}
	if src.ResourceFieldRef != nil {
		n++
		rp := vp.child("resourceFieldRef")
		v.resourceFieldSelector(src.ResourceFieldRef, &rp, false)
	}
	if src.ConfigMapKeyRef != nil {
		n++
		cp := vp.child("configMapKeyRef")
		v.keySelector(src.ConfigMapKeyRef.Name, src.ConfigMapKeyRef.Key, &cp)
	}
	if src.SecretKeyRef != nil {
		n++
		sp := vp.child("secretKeyRef")
		v.keySelector(src.SecretKeyRef.Name, src.SecretKeyRef.Key, &sp)
	}
	if src.FileKeyRef != nil {
		n++
		fp := vp.child("fileKeyRef")
		v.fileKeySelector(src.FileKeyRef, &fp)
	}
	switch {
	case n == 0:
		v.add(field.Invalid(vp.build(), "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`"))
	case ev.Value != "":
		v.add(field.Invalid(vp.build(), "", "may not be specified when `value` is not empty"))
	case n > 1:
		v.add(field.Invalid(vp.build(), "", "may not have more than one field specified at a time"))
	}
}

// envFieldPaths are the pod fields an environment variable may take its value from.
var envFieldPaths = []string{"metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
	"spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"}

// objectFieldSelector checks a downward API field reference: apiVersion v1 and a field path
// of the pod that may be referenced, or a label or annotation by a valid key.
func (v *validator) objectFieldSelector(fs *job.ObjectFieldSelector, allowed []string, p *path) {
	if fs.APIVersion == "" {
		ap := p.child("apiVersion")
		v.add(field.Required(ap.build(), ""))
		return
	}
	fp := p.child("fieldPath")
	if fs.FieldPath == "" {
		v.add(field.Required(fp.build(), ""))
		return
	}
	internal, err := downwardFieldLabel(fs.APIVersion, fs.FieldPath)
	if err != "" {
		v.add(field.Invalid(fp.build(), fs.FieldPath, "error converting fieldPath: "+err))
		return
	}
	if fieldPath, subscript, ok := splitSubscript(internal); ok {
		switch fieldPath {
		case "metadata.annotations":
			v.qualifiedName(strings.ToLower(subscript), p)
		case "metadata.labels":
			v.qualifiedName(subscript, p)
		default:
			v.add(field.Invalid(p.build(), fieldPath, "does not support subscript"))
		}
		return
	}
	for _, a := range allowed {
		if a == internal {
			return
		}
	}
	v.add(field.NotSupported(fp.build(), internal, allowed))
}

// downwardFieldLabel converts a downward API field path of a pod of apiVersion version to
// its internal form, or says why it cannot.
func downwardFieldLabel(version, label string) (string, string) {
	if version != "v1" {
		return "", "unsupported pod version: " + version
	}
	if fieldPath, _, ok := splitSubscript(label); ok {
		if fieldPath == "metadata.annotations" || fieldPath == "metadata.labels" {
			return label, ""
		}
		return "", "field label does not support subscript: " + label
	}
	switch label {
	case "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid",
		"spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName",
		"status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs":
		return label, ""
	case "spec.host":
		return "spec.nodeName", "" // what old clients send
	}
	return "", "field label not supported: " + label
}

// splitSubscript splits a field path such as metadata.labels['app'] into its path and
// subscript.
func splitSubscript(fieldPath string) (string, string, bool) {
	s, ok := strings.CutSuffix(fieldPath, "']")
	if !ok {
		return fieldPath, "", false
	}
	before, after, found := strings.Cut(s, "['")
	if !found || before == "" {
		return fieldPath, "", false
	}
	return before, after, true
}

// qualifiedName checks that value, at p, is a qualified name.
func (v *validator) qualifiedName(value string, p *path) {
	for _, msg := range validation.IsQualifiedName(value) {
		v.add(field.Invalid(p.build(), value, msg).WithOrigin("format=qualified-name"))
	}
}

// containerResourcePaths are the container resources a downward API reference may read;
// huge pages by prefix as well.
var containerResourcePaths = []string{"limits.cpu", "limits.ephemeral-storage", "limits.memory",
	"requests.cpu", "requests.ephemeral-storage", "requests.memory"}

// resourceFieldSelector checks a downward API resource reference: a resource that may be
// read (and, in a volume, the container it is read from) and a divisor that suits it.
func (v *validator) resourceFieldSelector(fs *job.ResourceFieldSelector, p *path, volume bool) {
	switch {
	case volume && fs.ContainerName == "":
		cp := p.child("containerName")
		v.add(field.Required(cp.build(), ""))
	case fs.Resource == "":
		rp := p.child("resource")
		v.add(field.Required(rp.build(), ""))
	case !contains(containerResourcePaths, fs.Resource) && !strings.HasPrefix(fs.Resource, "requests.hugepages-") && !strings.HasPrefix(fs.Resource, "limits.hugepages-"):
		rp := p.child("resource")
		v.add(field.NotSupported(rp.build(), fs.Resource, containerResourcePaths))
	}
	v.divisor(fs.Resource, fs, p)
}

// contains reports whether s is in list.
func contains[T comparable](list []T, s T) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// divisor checks a resource reference's divisor against those its resource allows.
func (v *validator) divisor(resource string, fs *job.ResourceFieldSelector, p *path) {
	if fs.Divisor.IsZero() {
		return
	}
	d := fs.Divisor.String()
	dp := p.child("divisor")
	switch resource {
	case "limits.cpu", "requests.cpu":
		if d != "1m" && d != "1" {
			v.add(field.Invalid(dp.build(), resource, "only divisor's values 1m and 1 are supported with the cpu resource"))
		}
	case "limits.memory", "requests.memory":
		if !byteDivisor(d) {
			v.add(field.Invalid(dp.build(), resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource"))
		}
	case "limits.ephemeral-storage", "requests.ephemeral-storage":
		if !byteDivisor(d) {
			v.add(field.Invalid(dp.build(), resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource"))
		}
	}
	if strings.HasPrefix(resource, "requests.hugepages-") || strings.HasPrefix(resource, "limits.hugepages-") {
		if !byteDivisor(d) {
			v.add(field.Invalid(dp.build(), resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource"))
		}
	}
}

// byteDivisor reports whether d divides a quantity of bytes: 1 or one of a unit.
func byteDivisor(d string) bool {
	switch d {
	case "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei":
		return true
	}
	return false
}

// keySelector checks a reference to a key of a ConfigMap or Secret: a name that is a DNS
// subdomain and a key that is a valid config key.
func (v *validator) keySelector(name, key string, p *path) {
	v.subdomainName(name, p, "name")
	kp := p.child("key")
	if key == "" {
		v.add(field.Required(kp.build(), ""))
		return
	}
	for _, msg := range validation.IsConfigMapKey(key) {
		v.add(field.Invalid(kp.build(), key, msg))
	}
}

// fileKeySelector checks a reference to a key of an env file in a volume: a key that is an
// environment variable name, a volume name that is a DNS label, and a path without "..".
func (v *validator) fileKeySelector(s *job.FileKeySelector, p *path) {
	kp := p.child("key")
	if s.Key == "" {
		v.add(field.Required(kp.build(), ""))
	} else if !envVarNameOK(s.Key) {
		for _, msg := range validation.IsRelaxedEnvVarName(s.Key) {
			v.add(field.Invalid(kp.build(), s.Key, msg))
		}
	}
	np := p.child("volumeName")
	if s.VolumeName == "" {
		v.add(field.Required(np.build(), ""))
	} else if !names.IsDNS1123Label(s.VolumeName) {
		v.dns1123Label(s.VolumeName, &np)
	}
	pp := p.child("path")
	if s.Path == "" {
		v.add(field.Required(pp.build(), ""))
	} else {
		v.noBacksteps(s.Path, &pp)
	}
}

// noBacksteps checks that a relative path has no ".." element.
func (v *validator) noBacksteps(target string, p *path) {
	for item := range strings.SplitSeq(target, "/") {
		if item == ".." {
			v.add(field.Invalid(p.build(), target, "must not contain '..'"))
			return
		}
	}
}

// envFrom checks each source of environment variables: a valid prefix, and exactly one of
// a ConfigMap and a Secret, named by a DNS subdomain.
func (v *validator) envFrom(sources []job.EnvFromSource, p *path) {
	ep := p.child("envFrom")
	for i := range sources {
		s := &sources[i]
		ip := ep.at(i)
		if s.Prefix != "" && !envVarNameOK(s.Prefix) {
			pp := ip.child("prefix")
			for _, msg := range validation.IsRelaxedEnvVarName(s.Prefix) {
				v.add(field.Invalid(pp.build(), s.Prefix, msg))
			}
		}
		n := 0
		if s.ConfigMapRef != nil {
			n++
			cp := ip.child("configMapRef")
			v.envSourceName(s.ConfigMapRef.Name, &cp)
		}
		if s.SecretRef != nil {
			n++
			sp := ip.child("secretRef")
			v.envSourceName(s.SecretRef.Name, &sp)
		}
		switch {
		case n == 0:
			v.add(field.Invalid(ep.build(), "", "must specify one of: `configMapRef` or `secretRef`"))
		case n > 1:
			v.add(field.Invalid(ep.build(), "", "may not have more than one field specified at a time"))
		}
	}
}

// envSourceName checks the name of the ConfigMap or Secret of an envFrom source.
func (v *validator) envSourceName(name string, p *path) {
	np := p.child("name")
	if name == "" {
		v.add(field.Required(np.build(), ""))
		return
	}
	if !names.IsDNS1123Subdomain(name) {
		for _, msg := range apivalidation.NameIsDNSSubdomain(name, true) {
			v.add(field.Invalid(np.build(), name, msg))
		}
	}
}

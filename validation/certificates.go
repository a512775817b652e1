package validation

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// The longest certificate lifetimes a pod certificate may ask for: any signer's, and a
// signer of the Kubernetes project's.
const (
	maxCertificateSeconds           = 91 * 24 * 60 * 60
	maxKubernetesCertificateSeconds = 24 * 60 * 60
)

// clusterTrustBundle checks a cluster trust bundle projection: a bundle by name or by
// signer (with a label selector) but not both, a path not another source's, and a user.
func (v *validator) clusterTrustBundle(b *job.ClusterTrustBundleProjection, p, volume *path, paths *projectedPaths) {
	bp := p.child("clusterTrustBundle")
	switch {
	case b.Name != nil && b.SignerName != nil:
		v.add(field.Invalid(bp.build(), b, "only one of name and signerName may be used"))
	case b.Name != nil:
		np := bp.child("name")
		if *b.Name == "" {
			v.add(field.Required(np.build(), "must be a valid object name"))
		}
		for _, msg := range trustBundleNameProblems(*b.Name) {
			v.add(field.Invalid(np.build(), *b.Name, "not a valid clustertrustbundlename: "+msg))
		}
		if b.LabelSelector != nil {
			lp := bp.child("labelSelector")
			v.add(field.Invalid(lp.build(), b.LabelSelector, "labelSelector must be unset if name is specified"))
		}
	case b.SignerName != nil:
		sp := bp.child("signerName")
		if *b.SignerName == "" {
			v.add(field.Required(sp.build(), "must be a valid signer name"))
		}
		v.signerName(*b.SignerName, &sp)
		lp := bp.child("labelSelector")
		v.labelSelector(b.LabelSelector, &lp)
	default:
		v.add(field.Required(bp.build(), "either name or signerName must be specified"))
	}
	pp := bp.child("path")
	if b.Path == "" {
		v.add(field.Required(pp.build(), ""))
	}
	v.user(b.User, &bp, "user")
	v.localNonReservedPath(b.Path, &pp)
	if paths.seen(b.Path) {
		v.add(field.Invalid(volume.build(), b.Path, "conflicting duplicate paths"))
	}
}

// trustBundleNameProblems says what is wrong with the name of a cluster trust bundle: one
// with a colon belongs to the signer its prefix names.
func trustBundleNameProblems(name string) []string {
	i := strings.LastIndex(name, ":")
	if i < 0 {
		return apivalidation.NameIsDNSSubdomain(name, false)
	}
	signer := strings.ReplaceAll(name[:i], ":", "/")
	if signer == "" {
		return []string{"ClusterTrustBundle without signer name must not have \":\" in its name"}
	}
	prefix := strings.ReplaceAll(signer, "/", ":") + ":"
	if !strings.HasPrefix(name, prefix) {
		return []string{fmt.Sprintf("ClusterTrustBundle for signerName %s must be named with prefix %s", signer, prefix)}
	}
	return apivalidation.NameIsDNSSubdomain(strings.TrimPrefix(name, prefix), false)
}

// signerName checks a signer name: domain.example/name, each part of DNS labels and
// subdomains, of bounded length.
func (v *validator) signerName(name string, p *path) {
	if name == "" {
		v.add(field.Required(p.build(), ""))
		return
	}
	domain, rest, ok := strings.Cut(name, "/")
	if !ok || strings.Contains(rest, "/") {
		v.add(field.Invalid(p.build(), name, "must be a fully qualified domain and path of the form 'example.com/signer-name'"))
		return
	}
	if len(domain) > validation.DNS1123SubdomainMaxLength {
		v.add(field.TooLong(p.build(), "", validation.DNS1123SubdomainMaxLength))
	}
	labels := strings.Split(domain, ".")
	for _, l := range labels {
		if errs := validation.IsDNS1123Label(l); len(errs) > 0 {
			for _, msg := range errs {
				v.add(field.Invalid(p.build(), domain, fmt.Sprintf("validating label %q: %s", l, msg)))
			}
			break
		}
	}
	if len(labels) < 2 {
		v.add(field.Invalid(p.build(), domain, "should be a domain with at least two segments separated by dots"))
	}
	for l := range strings.SplitSeq(rest, ".") {
		if errs := validation.IsDNS1123Subdomain(l); len(errs) > 0 {
			for _, msg := range errs {
				v.add(field.Invalid(p.build(), rest, fmt.Sprintf("validating label %q: %s", l, msg)))
			}
			break
		}
	}
	if max := 2*validation.DNS1123SubdomainMaxLength + validation.DNS1123LabelMaxLength + 2; len(name) > max {
		v.add(field.TooLong(p.build(), "", max))
	}
}

var certificateKeyTypes = []string{"RSA3072", "RSA4096", "ECDSAP256", "ECDSAP384", "ECDSAP521", "ED25519"}

// podCertificate checks a pod certificate projection: its signer, user annotations, user,
// key type, lifetime, and at least one path, none another source's.
func (v *validator) podCertificate(c *job.PodCertificateProjection, p, volume *path, paths *projectedPaths) {
	cp := p.child("podCertificate")
	sp := cp.child("signerName")
	v.signerName(c.SignerName, &sp)
	if c.UserAnnotations != nil {
		ap := cp.child("userAnnotations")
		for _, k := range slices.Sorted(maps.Keys(c.UserAnnotations)) {
			v.addAll(validation.IsDomainPrefixedKey(ap.build(), strings.ToLower(k)))
		}
		if apivalidation.ValidateAnnotationsSize(c.UserAnnotations) != nil {
			v.add(field.TooLong(ap.build(), "", apivalidation.TotalAnnotationSizeLimitB))
		}
	}
	v.user(c.User, &cp, "user")
	if !slices.Contains(certificateKeyTypes, c.KeyType) {
		kp := cp.child("keyType")
		v.add(field.NotSupported(kp.build(), c.KeyType, certificateKeyTypes))
	}
	if m := c.MaxExpirationSeconds; m != nil {
		mp := cp.child("maxExpirationSeconds")
		if *m < 3600 {
			v.add(field.Invalid(mp.build(), *m, "if provided, maxExpirationSeconds must be >= 3600"))
		}
		limit := maxCertificateSeconds
		if host, _, _ := strings.Cut(c.SignerName, "/"); host == "kubernetes.io" || strings.HasSuffix(host, ".kubernetes.io") {
			limit = maxKubernetesCertificateSeconds
		}
		if int(*m) > limit {
			v.add(field.Invalid(mp.build(), *m, fmt.Sprintf("if provided, maxExpirationSeconds must be <= %d", limit)))
		}
	}
	n := 0
	for _, f := range [...]struct{ name, path string }{
		{"credentialBundlePath", c.CredentialBundlePath}, {"keyPath", c.KeyPath}, {"certificateChainPath", c.CertificateChainPath},
	} {
		if f.path == "" {
			continue
		}
		n++
		fp := cp.child(f.name)
		v.localNonReservedPath(f.path, &fp)
		if paths.seen(f.path) {
			v.add(field.Invalid(volume.build(), f.path, "conflicting duplicate paths"))
		}
	}
	if n == 0 {
		v.add(field.Required(cp.build(), "specify at least one of credentialBundlePath, keyPath, and certificateChainPath"))
	}
}

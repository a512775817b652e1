package validation

import (
	"math"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// podSpec runs the core pod spec checks that jobkit reproduces (the package doc lists
// them), in the API server's order, at p. Members that core defaulting fills in
// (dnsPolicy, a container's imagePullPolicy, a port's protocol) are accepted empty.
func (v *validator) podSpec(s *job.PodSpec, p *path) {
	v.podRestartPolicy, v.podOS, v.gracePeriod = s.RestartPolicy, s.OS, s.TerminationGracePeriodSeconds
	v.hostUsers = s.HostUsers == nil || *s.HostUsers
	v.hostNetwork, v.hostIPC = s.HostNetwork, s.HostIPC
	v.podClaims = s.ResourceClaims
	vols := v.volumes(s.Volumes, p)
	v.podResourceClaims(s.ResourceClaims, p)
	v.containers(s.Containers, vols, p)
	v.initContainers(s, vols, p)
	v.ephemeralContainers(s, vols, p)
	v.podResources(s, p)
	v.hostNetworkPorts(s, p)
	v.podPolicies(s, p)
	if !labelsOK(s.NodeSelector) {
		np := p.child("nodeSelector")
		v.addAll(metav1validation.ValidateLabels(s.NodeSelector, np.build()))
	}
	v.podSecurityContext(s.SecurityContext, p)
	v.shareProcessNamespace(s, p)
	v.affinity(s.Affinity, p)
	v.dnsConfig(s, p)
	v.readinessGates(s.ReadinessGates, p)
	v.schedulingGates(s.SchedulingGates, p)
	v.topologySpread(s.TopologySpreadConstraints, p)
	v.windowsHostProcess(s, p)
	v.hostnameOverride(s, p)
	v.objectName(serviceAccountName(s), p, "serviceAccountName")
	v.objectName(s.NodeName, p, "nodeName")
	if d := s.ActiveDeadlineSeconds; d != nil && (*d < 1 || *d > math.MaxInt32) {
		dp := p.child("activeDeadlineSeconds")
		v.add(field.Invalid(dp.build(), *d, validation.InclusiveRangeError(1, math.MaxInt32)))
	}
	if s.Hostname != "" && !names.IsDNS1123Label(s.Hostname) {
		hp := p.child("hostname")
		v.dns1123Label(s.Hostname, &hp)
	}
	if s.Subdomain != "" && !names.IsDNS1123Label(s.Subdomain) {
		sp := p.child("subdomain")
		v.dns1123Label(s.Subdomain, &sp)
	}
	v.tolerations(s.Tolerations, p)
	v.hostAliases(s.HostAliases, p)
	v.objectName(s.PriorityClassName, p, "priorityClassName")
	v.schedulingExtras(s, p)
	v.os(s, p)
	v.fileKeyRefVolumes(s, p)
}

// podPolicies checks the pod's restart and DNS policies. Core validation checks the
// restart policy before the Job's own rule does; the DNS policy may be empty, as core
// defaulting fills it in.
func (v *validator) podPolicies(s *job.PodSpec, p *path) {
	switch s.RestartPolicy {
	case job.RestartPolicyAlways, job.RestartPolicyOnFailure, job.RestartPolicyNever:
	case "":
		rp := p.child("restartPolicy")
		v.add(field.Required(rp.build(), ""))
	default:
		rp := p.child("restartPolicy")
		v.add(field.NotSupported(rp.build(), s.RestartPolicy, []job.RestartPolicy{job.RestartPolicyAlways, job.RestartPolicyOnFailure, job.RestartPolicyNever}))
	}
	switch s.DNSPolicy {
	case "", job.DNSClusterFirstWithHostNet, job.DNSClusterFirst, job.DNSDefault, job.DNSNone:
	default:
		dp := p.child("dnsPolicy")
		v.add(field.NotSupported(dp.build(), s.DNSPolicy, []job.DNSPolicy{job.DNSClusterFirstWithHostNet, job.DNSClusterFirst, job.DNSDefault, job.DNSNone}))
	}
}

// schedulingGates checks that each gate's name is a qualified name, and unique.
func (v *validator) schedulingGates(gates []job.PodSchedulingGate, p *path) {
	gp := p.child("schedulingGates")
	seen := newRepeats(len(gates), func(g *job.PodSchedulingGate) string { return g.Name })
	for i := range gates {
		name := gates[i].Name
		ip := gp.at(i)
		if !names.IsQualifiedName(name) {
			for _, msg := range validation.IsQualifiedName(name) {
				v.add(field.Invalid(ip.build(), name, msg).WithOrigin("format=qualified-name"))
			}
		}
		if seen.before(gates, i) {
			v.add(field.Duplicate(ip.build(), name))
		}
	}
}

// serviceAccountName returns the service account the pod runs as: serviceAccountName, or
// when that is empty the deprecated serviceAccount member, which core defaulting copies
// into it before validation.
func serviceAccountName(s *job.PodSpec) string {
	if s.ServiceAccountName != "" {
		return s.ServiceAccountName
	}
	return s.DeprecatedServiceAccount
}

// objectName checks the member of p that may name another object (a service account, a
// priority class): when set, a DNS subdomain.
func (v *validator) objectName(value string, p *path, member string) {
	if value != "" {
		v.subdomainName(value, p, member)
	}
}

// subdomainName checks the member of p that names an object: a DNS subdomain, which the
// empty string is not.
func (v *validator) subdomainName(value string, p *path, member string) {
	if names.IsDNS1123Subdomain(value) {
		return
	}
	mp := p.child(member)
	for _, msg := range apivalidation.NameIsDNSSubdomain(value, false) {
		v.add(field.Invalid(mp.build(), value, msg))
	}
}

// dns1123Label reports value, which is not a DNS label, at p as core validation does.
func (v *validator) dns1123Label(value string, p *path) {
	for _, msg := range validation.IsDNS1123Label(value) {
		v.add(field.Invalid(p.build(), value, msg).WithOrigin("format=k8s-short-name"))
	}
}

// podResourceClaims checks the pod's resource claims: each has a name that is a DNS label
// unique among them, and exactly one source, a valid claim or claim template name.
func (v *validator) podResourceClaims(claims []job.PodResourceClaim, p *path) {
	cp := p.child("resourceClaims")
	seen := newRepeats(len(claims), func(c *job.PodResourceClaim) string { return c.Name })
	for i := range claims {
		c := &claims[i]
		ip := cp.at(i)
		np := ip.child("name")
		switch {
		case c.Name == "":
			v.add(field.Required(np.build(), ""))
		case seen.before(claims, i):
			v.add(field.Duplicate(np.build(), c.Name))
		case !names.IsDNS1123Label(c.Name):
			v.dns1123Label(c.Name, &np)
		}
		switch {
		case c.ResourceClaimName != nil && c.ResourceClaimTemplateName != nil:
			v.add(field.Invalid(ip.build(), *c, "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified"))
		case c.ResourceClaimName == nil && c.ResourceClaimTemplateName == nil:
			v.add(field.Invalid(ip.build(), *c, "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`"))
		}
		if c.ResourceClaimName != nil {
			v.subdomainName(*c.ResourceClaimName, &ip, "resourceClaimName")
		}
		if c.ResourceClaimTemplateName != nil {
			v.subdomainName(*c.ResourceClaimTemplateName, &ip, "resourceClaimTemplateName")
		}
	}
}

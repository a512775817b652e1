package validation

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// The limits of a pod's DNS configuration.
const (
	maxNameservers       = 3
	maxSearchPaths       = 32
	maxSearchListLength  = 2048
	maxHostnameOverrides = 64
)

// shareProcessNamespace checks that the pod does not share its process namespace while
// using the host's.
func (v *validator) shareProcessNamespace(s *job.PodSpec, p *path) {
	if s.ShareProcessNamespace != nil && *s.ShareProcessNamespace && s.HostPID {
		sp := p.child("shareProcessNamespace")
		v.add(field.Invalid(sp.build(), *s.ShareProcessNamespace, "ShareProcessNamespace and HostPID cannot both be enabled"))
	}
}

// dnsConfig checks the pod's DNS configuration: given, with a nameserver, for the None
// policy; at most three nameservers, each an IP; at most 32 search paths of 2048
// characters in all, each a DNS subdomain (underscores allowed); named options.
func (v *validator) dnsConfig(s *job.PodSpec, p *path) {
	dc := s.DNSConfig
	dp := p.child("dnsConfig")
	if s.DNSPolicy == "None" {
		if dc == nil {
			v.add(field.Required(dp.build(), "must provide `dnsConfig` when `dnsPolicy` is None"))
			return
		}
		if len(dc.Nameservers) == 0 {
			np := dp.child("nameservers")
			v.add(field.Required(np.build(), "must provide at least one DNS nameserver when `dnsPolicy` is None"))
			return
		}
	}
	if dc == nil {
		return
	}
	np := dp.child("nameservers")
	if len(dc.Nameservers) > maxNameservers {
		v.add(field.Invalid(np.build(), dc.Nameservers, fmt.Sprintf("must not have more than %v nameservers", maxNameservers)))
	}
	for i, ns := range dc.Nameservers {
		ip := np.at(i)
		v.legacyIP(ns, &ip)
	}
	sp := dp.child("searches")
	if len(dc.Searches) > maxSearchPaths {
		v.add(field.Invalid(sp.build(), dc.Searches, fmt.Sprintf("must not have more than %v search paths", maxSearchPaths)))
	}
	if searchListLength(dc.Searches) > maxSearchListLength {
		v.add(field.Invalid(sp.build(), dc.Searches, fmt.Sprintf("must not have more than %v characters (including spaces) in the search list", maxSearchListLength)))
	}
	for i, search := range dc.Searches {
		if search == "." {
			continue
		}
		search = strings.TrimSuffix(search, ".")
		for _, msg := range validation.IsDNS1123SubdomainWithUnderscore(search) {
			ip := sp.at(i)
			v.add(field.Invalid(ip.build(), search, msg).WithOrigin("format=k8s-dns-subdomain-with-underscore"))
		}
	}
	op := dp.child("options")
	for i, o := range dc.Options {
		if o.Name == "" {
			ip := op.at(i)
			v.add(field.Required(ip.build(), "must not be empty"))
		}
	}
}

// searchListLength is the length of the search paths joined by spaces.
func searchListLength(searches []string) int {
	n := max(len(searches)-1, 0)
	for _, s := range searches {
		n += len(s)
	}
	return n
}

// legacyIP checks an IP address of a field that has always taken one, strictly. An
// address in its canonical form is valid, and is recognized without allocating.
func (v *validator) legacyIP(value string, p *path) {
	if a, err := netip.ParseAddr(value); err == nil && a.Zone() == "" && !a.Is4In6() {
		var buf [64]byte
		if string(a.AppendTo(buf[:0])) == value {
			return
		}
	}
	v.addAll(validation.IsValidIPForLegacyField(p.build(), value, true, nil))
}

// readinessGates checks that each readiness gate's condition type is a qualified name.
func (v *validator) readinessGates(gates []job.PodReadinessGate, p *path) {
	gp := p.child("readinessGates")
	for i := range gates {
		ct := string(gates[i].ConditionType)
		if names.IsQualifiedName(ct) {
			continue
		}
		ip := gp.at(i)
		cp := ip.child("conditionType")
		v.qualifiedName(ct, &cp)
	}
}

// hostnameOverride checks the pod's hostname override: not with setHostnameAsFQDN or the
// host network, at most 64 characters, and a DNS subdomain.
func (v *validator) hostnameOverride(s *job.PodSpec, p *path) {
	h := s.HostnameOverride
	if h == nil {
		return
	}
	hp := p.child("hostnameOverride")
	if s.SetHostnameAsFQDN != nil && *s.SetHostnameAsFQDN {
		v.add(field.Forbidden(hp.build(), "may not be specified when setHostnameAsFQDN is true"))
	}
	if s.HostNetwork {
		v.add(field.Forbidden(hp.build(), "may not be specified when hostNetwork is true"))
	}
	if len(*h) > maxHostnameOverrides {
		v.add(field.TooLong(hp.build(), "", maxHostnameOverrides))
	}
	for _, msg := range validation.IsDNS1123Subdomain(*h) {
		v.add(field.Invalid(hp.build(), *h, msg).WithOrigin("format=k8s-long-name"))
	}
}

// hostAliases checks each host alias: an IP address and DNS subdomain host names.
func (v *validator) hostAliases(aliases []job.HostAlias, p *path) {
	ap := p.child("hostAliases")
	for i := range aliases {
		ip := ap.at(i)
		pp := ip.child("ip")
		v.legacyIP(aliases[i].IP, &pp)
		hp := ip.child("hostnames")
		for j, h := range aliases[i].Hostnames {
			if names.IsDNS1123Subdomain(h) {
				continue
			}
			jp := hp.at(j)
			for _, msg := range validation.IsDNS1123Subdomain(h) {
				v.add(field.Invalid(jp.build(), h, msg).WithOrigin("format=k8s-long-name"))
			}
		}
	}
}

// schedulingExtras checks the pod's runtime class name and preemption policy.
func (v *validator) schedulingExtras(s *job.PodSpec, p *path) {
	if s.RuntimeClassName != nil {
		v.subdomainName(*s.RuntimeClassName, p, "runtimeClassName")
	}
	if pp := s.PreemptionPolicy; pp != nil {
		fp := p.child("preemptionPolicy")
		switch *pp {
		case "PreemptLowerPriority", "Never":
		case "":
			v.add(field.Required(fp.build(), ""))
		default:
			v.add(field.NotSupported(fp.build(), pp, []job.PreemptionPolicy{"PreemptLowerPriority", "Never"}))
		}
	}
	if s.Overhead != nil {
		op := p.child("overhead")
		r := job.ResourceRequirements{Limits: s.Overhead}
		if !resourcesOK(&r, v.allowIndivisibleHugePages) {
			v.quantities(&r, &op, false)
		}
	}
}

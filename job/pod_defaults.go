package job

import (
	"github.com/jobkit/jobkit/internal/imageref"
	"k8s.io/apimachinery/pkg/api/resource"
)

// This file holds core/v1 defaulting of a Job's pod template: what the API server's defaulter
// does to every PodSpec it decodes, in its order — the pod spec, then each volume, init
// container, container and ephemeral container, then the pod's overhead and resources.

// Default values of core/v1.
const (
	DefaultTerminationMessagePath        = "/dev/termination-log"
	DefaultTerminationGracePeriodSeconds = 30
	DefaultSchedulerName                 = "default-scheduler"
	// The file modes a secret, configMap, downwardAPI or projected volume's files get
	// unless the volume says otherwise: 0644.
	DefaultVolumeMode = 0o644
	// DefaultTokenExpirationSeconds is how long a projected service account token lives
	// unless the projection says otherwise: an hour.
	DefaultTokenExpirationSeconds = 3600
)

// setPodSpecDefaults applies core/v1 defaulting to a pod spec.
func setPodSpecDefaults(s *PodSpec) {
	setPodDefaults(s)
	for i := range s.Volumes {
		setVolumeDefaults(&s.Volumes[i])
	}
	allContainers(s, func(c containerFields) bool { setContainerDefaults(c); return true })
	roundUpToMilli(s.Overhead)
	if r := s.Resources; r != nil {
		roundUpToMilli(r.Limits)
		roundUpToMilli(r.Requests)
	}
}

// setPodDefaults applies the pod spec's own defaults. The deprecated serviceAccount is an
// alias of serviceAccountName, which wins when both are set; afterwards the two are equal.
func setPodDefaults(s *PodSpec) {
	if s.ServiceAccountName == "" {
		s.ServiceAccountName = s.DeprecatedServiceAccount
	}
	s.DeprecatedServiceAccount = s.ServiceAccountName
	if s.DNSPolicy == "" {
		s.DNSPolicy = DNSClusterFirst
	}
	if s.RestartPolicy == "" {
		s.RestartPolicy = RestartPolicyAlways
	}
	if s.SecurityContext == nil {
		s.SecurityContext = &PodSecurityContext{}
	}
	if s.TerminationGracePeriodSeconds == nil {
		s.TerminationGracePeriodSeconds = new(int64(DefaultTerminationGracePeriodSeconds))
	}
	if s.SchedulerName == "" {
		s.SchedulerName = DefaultSchedulerName
	}
}

// setVolumeDefaults gives a volume without a source an emptyDir, and fills in its source's
// defaults.
func setVolumeDefaults(v *Volume) {
	s := &v.VolumeSource
	if volumeSourceCount(s) == 0 {
		s.EmptyDir = &EmptyDirVolumeSource{}
	}
	if img := s.Image; img != nil && img.PullPolicy == "" {
		img.PullPolicy = pullPolicyFor(img.Reference)
	}
	if h := s.HostPath; h != nil && h.Type == nil {
		h.Type = new(HostPathUnset)
	}
	if sec := s.Secret; sec != nil {
		defaultMode(&sec.DefaultMode)
	}
	if i := s.ISCSI; i != nil && i.ISCSIInterface == "" {
		i.ISCSIInterface = "default"
	}
	if r := s.RBD; r != nil {
		setRBDDefaults(r)
	}
	if d := s.DownwardAPI; d != nil {
		defaultMode(&d.DefaultMode)
		setDownwardAPIFileDefaults(d.Items)
	}
	if c := s.ConfigMap; c != nil {
		defaultMode(&c.DefaultMode)
	}
	if a := s.AzureDisk; a != nil {
		setAzureDiskDefaults(a)
	}
	if p := s.Projected; p != nil {
		setProjectedDefaults(p)
	}
	if sc := s.ScaleIO; sc != nil {
		if sc.StorageMode == "" {
			sc.StorageMode = "ThinProvisioned"
		}
		if sc.FSType == "" {
			sc.FSType = "xfs"
		}
	}
	if e := s.Ephemeral; e != nil && e.VolumeClaimTemplate != nil {
		spec := &e.VolumeClaimTemplate.Spec
		if spec.VolumeMode == nil {
			spec.VolumeMode = new(PersistentVolumeFilesystem)
		}
		roundUpToMilli(spec.Resources.Limits)
		roundUpToMilli(spec.Resources.Requests)
	}
}

func defaultMode(mode **int32) {
	if *mode == nil {
		*mode = new(int32(DefaultVolumeMode))
	}
}

func setRBDDefaults(r *RBDVolumeSource) {
	if r.RBDPool == "" {
		r.RBDPool = "rbd"
	}
	if r.RadosUser == "" {
		r.RadosUser = "admin"
	}
	if r.Keyring == "" {
		r.Keyring = "/etc/ceph/keyring"
	}
}

func setAzureDiskDefaults(a *AzureDiskVolumeSource) {
	if a.CachingMode == nil {
		a.CachingMode = new(AzureDataDiskCachingReadWrite)
	}
	if a.FSType == nil {
		a.FSType = new("ext4")
	}
	if a.ReadOnly == nil {
		a.ReadOnly = new(false)
	}
	if a.Kind == nil {
		a.Kind = new(AzureSharedBlobDisk)
	}
}

func setProjectedDefaults(p *ProjectedVolumeSource) {
	defaultMode(&p.DefaultMode)
	for i := range p.Sources {
		src := &p.Sources[i]
		if d := src.DownwardAPI; d != nil {
			setDownwardAPIFileDefaults(d.Items)
		}
		if t := src.ServiceAccountToken; t != nil && t.ExpirationSeconds == nil {
			t.ExpirationSeconds = new(int64(DefaultTokenExpirationSeconds))
		}
	}
}

func setDownwardAPIFileDefaults(files []DownwardAPIVolumeFile) {
	for i := range files {
		setFieldSelectorDefaults(files[i].FieldRef)
	}
}

// setFieldSelectorDefaults makes a field reference's API version v1 when it has none.
func setFieldSelectorDefaults(f *ObjectFieldSelector) {
	if f != nil && f.APIVersion == "" {
		f.APIVersion = "v1"
	}
}

// containerFields are the members of a container, or of an ephemeral container, that
// defaulting and the dropping of disabled fields read and write.
type containerFields struct {
	image                    string
	imagePullPolicy          *PullPolicy
	terminationMessagePath   *string
	terminationMessagePolicy *TerminationMessagePolicy
	ports                    []ContainerPort
	env                      []EnvVar
	resources                *ResourceRequirements
	volumeMounts             []VolumeMount
	probes                   [3]*Probe
	lifecycle                **Lifecycle
}

func containerOf(c *Container) containerFields {
	return containerFields{c.Image, &c.ImagePullPolicy, &c.TerminationMessagePath, &c.TerminationMessagePolicy,
		c.Ports, c.Env, &c.Resources, c.VolumeMounts, [3]*Probe{c.LivenessProbe, c.ReadinessProbe, c.StartupProbe}, &c.Lifecycle}
}

func ephemeralContainerOf(e *EphemeralContainer) containerFields {
	c := &e.EphemeralContainerCommon
	return containerFields{c.Image, &c.ImagePullPolicy, &c.TerminationMessagePath, &c.TerminationMessagePolicy,
		c.Ports, c.Env, &c.Resources, c.VolumeMounts, [3]*Probe{c.LivenessProbe, c.ReadinessProbe, c.StartupProbe}, &c.Lifecycle}
}

// allContainers calls f with every container of s: init containers, containers, then
// ephemeral containers, until f returns false.
func allContainers(s *PodSpec, f func(containerFields) bool) {
	for i := range s.InitContainers {
		if !f(containerOf(&s.InitContainers[i])) {
			return
		}
	}
	for i := range s.Containers {
		if !f(containerOf(&s.Containers[i])) {
			return
		}
	}
	for i := range s.EphemeralContainers {
		if !f(ephemeralContainerOf(&s.EphemeralContainers[i])) {
			return
		}
	}
}

// setContainerDefaults applies a container's defaults: its pull policy (Always for the
// latest tag, else IfNotPresent), termination message path and policy, port protocols, env
// sources, resource quantities rounded up to millis, probe timings and HTTP actions.
func setContainerDefaults(c containerFields) {
	if *c.imagePullPolicy == "" {
		*c.imagePullPolicy = pullPolicyFor(c.image)
	}
	if *c.terminationMessagePath == "" {
		*c.terminationMessagePath = DefaultTerminationMessagePath
	}
	if *c.terminationMessagePolicy == "" {
		*c.terminationMessagePolicy = TerminationMessageReadFile
	}
	for i := range c.ports {
		if p := &c.ports[i]; p.Protocol == "" {
			p.Protocol = ProtocolTCP
		}
	}
	for i := range c.env {
		setEnvSourceDefaults(c.env[i].ValueFrom)
	}
	roundUpToMilli(c.resources.Limits)
	roundUpToMilli(c.resources.Requests)
	for _, p := range c.probes {
		setProbeDefaults(p)
	}
	if l := *c.lifecycle; l != nil {
		for _, h := range [...]*LifecycleHandler{l.PostStart, l.PreStop} {
			if h != nil {
				setHTTPGetDefaults(h.HTTPGet)
			}
		}
	}
}

func setEnvSourceDefaults(s *EnvVarSource) {
	if s == nil {
		return
	}
	setFieldSelectorDefaults(s.FieldRef)
	if f := s.FileKeyRef; f != nil && f.Optional == nil {
		f.Optional = new(false)
	}
}

// setProbeDefaults gives a probe's zero timings their defaults: a timeout of 1 s, a period
// of 10 s, a success threshold of 1 and a failure threshold of 3.
func setProbeDefaults(p *Probe) {
	if p == nil {
		return
	}
	if p.TimeoutSeconds == 0 {
		p.TimeoutSeconds = 1
	}
	if p.PeriodSeconds == 0 {
		p.PeriodSeconds = 10
	}
	if p.SuccessThreshold == 0 {
		p.SuccessThreshold = 1
	}
	if p.FailureThreshold == 0 {
		p.FailureThreshold = 3
	}
	setHTTPGetDefaults(p.HTTPGet)
	if g := p.GRPC; g != nil && g.Service == nil {
		g.Service = new("")
	}
}

func setHTTPGetDefaults(h *HTTPGetAction) {
	if h == nil {
		return
	}
	if h.Path == "" {
		h.Path = "/"
	}
	if h.Scheme == "" {
		h.Scheme = URISchemeHTTP
	}
}

// pullPolicyFor is the pull policy an image gets by default: Always when it pulls the
// latest tag (named, or implied by a reference without tag or digest), IfNotPresent
// otherwise, and for a reference that is not valid.
func pullPolicyFor(image string) PullPolicy {
	if imageref.Tag(image) == "latest" {
		return PullAlways
	}
	return PullIfNotPresent
}

// roundUpToMilli rounds every quantity of a resource list up to a whole number of
// thousandths, as the API server does.
func roundUpToMilli(list ResourceList) {
	for name, q := range list {
		q.RoundUp(resource.Milli)
		list[name] = q
	}
}

// volumeSourceCount counts the sources a volume has set.
func volumeSourceCount(s *VolumeSource) int {
	n := 0
	for _, set := range [...]bool{
		s.HostPath != nil, s.EmptyDir != nil, s.GCEPersistentDisk != nil, s.AWSElasticBlockStore != nil,
		s.GitRepo != nil, s.Secret != nil, s.NFS != nil, s.ISCSI != nil, s.Glusterfs != nil,
		s.PersistentVolumeClaim != nil, s.RBD != nil, s.FlexVolume != nil, s.Cinder != nil,
		s.CephFS != nil, s.Flocker != nil, s.DownwardAPI != nil, s.FC != nil, s.AzureFile != nil,
		s.ConfigMap != nil, s.VsphereVolume != nil, s.Quobyte != nil, s.AzureDisk != nil,
		s.PhotonPersistentDisk != nil, s.Projected != nil, s.PortworxVolume != nil, s.ScaleIO != nil,
		s.StorageOS != nil, s.CSI != nil, s.Ephemeral != nil, s.Image != nil,
	} {
		if set {
			n++
		}
	}
	return n
}

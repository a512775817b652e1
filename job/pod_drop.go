package job

// This file drops, on create and update, the pod template members of features that are off,
// as the API server does before it validates a Job: a member of a disabled feature is
// cleared unless the stored template (old, nil on create) already uses it. Of Kubernetes
// 1.37's pod features, those that are off by default and have members are listed here; the
// others are on, and their members are kept.

// dropDisabledPodFields clears the members of disabled features from t, and the init
// container annotations of the pod template, which the API server always drops.
func dropDisabledPodFields(t, old *PodTemplateSpec, gates FeatureGates) {
	s := &t.Spec
	var o *PodSpec
	if old != nil {
		o = &old.Spec
	}
	for _, d := range podFieldDrops() {
		if !gates.Enabled(d.gate) && (o == nil || !d.inUse(o)) {
			d.drop(s)
		}
	}
	for _, key := range initContainerAnnotations() {
		delete(t.Annotations, key)
	}
}

// initContainerAnnotations are the annotations that described init containers before they
// were fields.
func initContainerAnnotations() [4]string {
	return [...]string{
		"pod.beta.kubernetes.io/init-containers",
		"pod.alpha.kubernetes.io/init-containers",
		"pod.beta.kubernetes.io/init-container-statuses",
		"pod.alpha.kubernetes.io/init-container-statuses",
	}
}

// podFieldDrop is a feature's members: whether a pod spec uses them, and how to clear them.
type podFieldDrop struct {
	gate  Feature
	inUse func(*PodSpec) bool
	drop  func(*PodSpec)
}

// podFieldDrops are the pod features that are off by default and have members.
func podFieldDrops() [8]podFieldDrop {
	return [...]podFieldDrop{
		{AtomicWriteVolumeUserFields, volumeUsersInUse, dropVolumeUsers},
		{GenericWorkload, func(s *PodSpec) bool { return s.SchedulingGroup != nil }, func(s *PodSpec) { s.SchedulingGroup = nil }},
		{GRPCContainerProbeTLS, grpcModeInUse, dropGRPCMode},
		{EvictionRequestAPI, func(s *PodSpec) bool { return len(s.EvictionResponders) > 0 }, func(s *PodSpec) { s.EvictionResponders = nil }},
		{EmptyDirVolumeMode, emptyDirModeInUse, dropEmptyDirMode},
		{VolumeBindMountOptions, bindMountOptionsInUse, dropBindMountOptions},
		{ContainerStopSignals, stopSignalsInUse, dropStopSignals},
		{H2CContainerProbe, httpProtocolInUse, dropHTTPProtocol},
	}
}

// volumeUsersInUse reports whether a secret, configMap, downwardAPI or projected volume
// names a user for its files.
func volumeUsersInUse(s *PodSpec) bool {
	for i := range s.Volumes {
		v := &s.Volumes[i].VolumeSource
		switch {
		case v.Secret != nil:
			if v.Secret.DefaultUser != nil || keyUsersSet(v.Secret.Items) {
				return true
			}
		case v.ConfigMap != nil:
			if v.ConfigMap.DefaultUser != nil || keyUsersSet(v.ConfigMap.Items) {
				return true
			}
		case v.DownwardAPI != nil:
			if v.DownwardAPI.DefaultUser != nil || fileUsersSet(v.DownwardAPI.Items) {
				return true
			}
		case v.Projected != nil:
			if v.Projected.DefaultUser != nil || projectionUsersSet(v.Projected.Sources) {
				return true
			}
		}
	}
	return false
}

func projectionUsersSet(sources []VolumeProjection) bool {
	for i := range sources {
		p := &sources[i]
		switch {
		case p.Secret != nil:
			if keyUsersSet(p.Secret.Items) {
				return true
			}
		case p.DownwardAPI != nil:
			if fileUsersSet(p.DownwardAPI.Items) {
				return true
			}
		case p.ConfigMap != nil:
			if keyUsersSet(p.ConfigMap.Items) {
				return true
			}
		case p.ServiceAccountToken != nil:
			if p.ServiceAccountToken.User != nil {
				return true
			}
		case p.ClusterTrustBundle != nil:
			if p.ClusterTrustBundle.User != nil {
				return true
			}
		case p.PodCertificate != nil:
			if p.PodCertificate.User != nil {
				return true
			}
		}
	}
	return false
}

func keyUsersSet(items []KeyToPath) bool {
	for i := range items {
		if items[i].User != nil {
			return true
		}
	}
	return false
}

func fileUsersSet(items []DownwardAPIVolumeFile) bool {
	for i := range items {
		if items[i].User != nil {
			return true
		}
	}
	return false
}

// dropVolumeUsers clears the users of volume files. Like the API server, it looks at the
// first source a volume has (a volume with two is invalid anyway).
func dropVolumeUsers(s *PodSpec) {
	for i := range s.Volumes {
		v := &s.Volumes[i].VolumeSource
		switch {
		case v.Secret != nil:
			v.Secret.DefaultUser = nil
			clearKeyUsers(v.Secret.Items)
		case v.ConfigMap != nil:
			v.ConfigMap.DefaultUser = nil
			clearKeyUsers(v.ConfigMap.Items)
		case v.DownwardAPI != nil:
			v.DownwardAPI.DefaultUser = nil
			clearFileUsers(v.DownwardAPI.Items)
		case v.Projected != nil:
			v.Projected.DefaultUser = nil
			clearProjectionUsers(v.Projected.Sources)
		}
	}
}

func clearProjectionUsers(sources []VolumeProjection) {
	for i := range sources {
		p := &sources[i]
		switch {
		case p.Secret != nil:
			clearKeyUsers(p.Secret.Items)
		case p.DownwardAPI != nil:
			clearFileUsers(p.DownwardAPI.Items)
		case p.ConfigMap != nil:
			clearKeyUsers(p.ConfigMap.Items)
		case p.ServiceAccountToken != nil:
			p.ServiceAccountToken.User = nil
		case p.ClusterTrustBundle != nil:
			p.ClusterTrustBundle.User = nil
		case p.PodCertificate != nil:
			p.PodCertificate.User = nil
		}
	}
}

func clearKeyUsers(items []KeyToPath) {
	for i := range items {
		items[i].User = nil
	}
}

func clearFileUsers(items []DownwardAPIVolumeFile) {
	for i := range items {
		items[i].User = nil
	}
}

// anyContainer reports whether f holds for a container of s.
func anyContainer(s *PodSpec, f func(containerFields) bool) bool {
	found := false
	allContainers(s, func(c containerFields) bool {
		found = f(c)
		return !found
	})
	return found
}

func grpcModeInUse(s *PodSpec) bool {
	return anyContainer(s, func(c containerFields) bool {
		for _, p := range c.probes {
			if p != nil && p.GRPC != nil && p.GRPC.Mode != nil {
				return true
			}
		}
		return false
	})
}

func dropGRPCMode(s *PodSpec) {
	allContainers(s, func(c containerFields) bool {
		for _, p := range c.probes {
			if p != nil && p.GRPC != nil {
				p.GRPC.Mode = nil
			}
		}
		return true
	})
}

func emptyDirModeInUse(s *PodSpec) bool {
	for i := range s.Volumes {
		if e := s.Volumes[i].EmptyDir; e != nil && e.Mode != nil {
			return true
		}
	}
	return false
}

func dropEmptyDirMode(s *PodSpec) {
	for i := range s.Volumes {
		if e := s.Volumes[i].EmptyDir; e != nil {
			e.Mode = nil
		}
	}
}

func bindMountOptionsInUse(s *PodSpec) bool {
	return anyContainer(s, func(c containerFields) bool {
		for i := range c.volumeMounts {
			if len(c.volumeMounts[i].BindMountOptions) > 0 {
				return true
			}
		}
		return false
	})
}

func dropBindMountOptions(s *PodSpec) {
	allContainers(s, func(c containerFields) bool {
		for i := range c.volumeMounts {
			c.volumeMounts[i].BindMountOptions = nil
		}
		return true
	})
}

func stopSignalsInUse(s *PodSpec) bool {
	return anyContainer(s, func(c containerFields) bool {
		return *c.lifecycle != nil && (*c.lifecycle).StopSignal != nil
	})
}

// dropStopSignals clears stop signals, and a lifecycle left with nothing else.
func dropStopSignals(s *PodSpec) {
	allContainers(s, func(c containerFields) bool {
		if l := *c.lifecycle; l != nil && l.StopSignal != nil {
			l.StopSignal = nil
			if l.PostStart == nil && l.PreStop == nil {
				*c.lifecycle = nil
			}
		}
		return true
	})
}

// httpActions calls f with the HTTP action of every probe and lifecycle hook of c.
func httpActions(c containerFields, f func(*HTTPGetAction)) {
	for _, p := range c.probes {
		if p != nil && p.HTTPGet != nil {
			f(p.HTTPGet)
		}
	}
	if l := *c.lifecycle; l != nil {
		for _, h := range [...]*LifecycleHandler{l.PostStart, l.PreStop} {
			if h != nil && h.HTTPGet != nil {
				f(h.HTTPGet)
			}
		}
	}
}

func httpProtocolInUse(s *PodSpec) bool {
	return anyContainer(s, func(c containerFields) bool {
		set := false
		httpActions(c, func(h *HTTPGetAction) { set = set || h.Protocol != nil })
		return set
	})
}

func dropHTTPProtocol(s *PodSpec) {
	allContainers(s, func(c containerFields) bool {
		httpActions(c, func(h *HTTPGetAction) { h.Protocol = nil })
		return true
	})
}

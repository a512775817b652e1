package job

// DropUnknown removes from j every member its schema does not have, at every depth: the
// members decoding kept in Extra. What is left is the Job the API server stores, which
// drops unknown members whatever the request's field validation (Strict rejects them
// instead). A nil j is left alone.
func (j *Job) DropUnknown() {
	if j == nil {
		return
	}
	j.Extra = nil
	j.Spec.dropUnknown()
	j.Status.dropUnknown()
}

// DropUnknown removes from t every member its schema does not have, at every depth, as the
// API server does before it stores a CronJob's Job template. A nil t is left alone.
func (t *JobTemplateSpec) DropUnknown() {
	if t == nil {
		return
	}
	t.Extra = nil
	t.Spec.dropUnknown()
}

// DropUnknown removes from t every member core/v1 does not have, at every depth. A nil t is
// left alone.
func (t *PodTemplateSpec) DropUnknown() {
	if t != nil {
		t.dropUnknown()
	}
}

func (s *JobSpec) dropUnknown() {
	s.Extra = nil
	if p := s.PodFailurePolicy; p != nil {
		p.Extra = nil
		for i := range p.Rules {
			r := &p.Rules[i]
			r.Extra = nil
			if r.OnExitCodes != nil {
				r.OnExitCodes.Extra = nil
			}
			for k := range r.OnPodConditions {
				r.OnPodConditions[k].Extra = nil
			}
		}
	}
	if p := s.SuccessPolicy; p != nil {
		p.Extra = nil
		for i := range p.Rules {
			p.Rules[i].Extra = nil
		}
	}
	s.Template.dropUnknown()
	if c := s.Scheduling; c != nil {
		c.dropUnknown()
	}
}

func (c *JobSchedulingConfiguration) dropUnknown() {
	c.Extra = nil
	if p := c.SchedulingPolicy; p != nil {
		p.Extra = nil
		if p.Basic != nil {
			p.Basic.Extra = nil
		}
		if p.Gang != nil {
			p.Gang.Extra = nil
		}
	}
	if sc := c.SchedulingConstraints; sc != nil {
		sc.Extra = nil
		for i := range sc.Topology {
			sc.Topology[i].Extra = nil
		}
	}
	if m := c.DisruptionMode; m != nil {
		m.Extra = nil
		if m.Single != nil {
			m.Single.Extra = nil
		}
		if m.All != nil {
			m.All.Extra = nil
		}
	}
	for i := range c.ResourceClaims {
		c.ResourceClaims[i].Extra = nil
	}
}

func (s *JobStatus) dropUnknown() {
	s.Extra = nil
	for i := range s.Conditions {
		s.Conditions[i].Extra = nil
	}
	if u := s.UncountedTerminatedPods; u != nil {
		u.Extra = nil
	}
}

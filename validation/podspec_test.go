package validation_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

const notFound = field.ErrorTypeNotFound

// volume is a pod volume with an emptyDir source, or with the sources given, by their
// member names, each empty.
func volume(name string, sources ...string) job.Volume {
	if len(sources) == 0 {
		sources = []string{"emptyDir"}
	}
	v := job.Volume{Name: name}
	fromJSON(`{"`+strings.Join(sources, `":{},"`)+`":{}}`, &v.VolumeSource)
	return v
}

// fromJSON reads a fixture written as JSON into v with encoding/json, which reads jobkit's
// pod types by their core/v1 tags.
func fromJSON(s string, v any) {
	if err := json.Unmarshal([]byte(s), v); err != nil {
		panic(err)
	}
}

func withPod(f func(s *job.PodSpec)) *job.Job {
	return with(mk(), func(j *job.Job) { f(&j.Spec.Template.Spec) })
}

func mount(name, path string) job.VolumeMount { return job.VolumeMount{Name: name, MountPath: path} }

// TestVolumeSources checks the rules of volume sources, each case one a user might break;
// a volume with an error cannot be mounted.
func TestVolumeSources(t *testing.T) {
	const v0 = "spec.template.spec.volumes[0]"
	source := func(src string) func(s *job.PodSpec) {
		return func(s *job.PodSpec) {
			vol := job.Volume{Name: "v"}
			fromJSON(src, &vol.VolumeSource)
			s.Volumes = []job.Volume{vol}
			s.Containers[0].VolumeMounts = []job.VolumeMount{mount("v", "/v")}
		}
	}
	unmountable := e(notFound, "spec.template.spec.containers[0].volumeMounts[0].name")
	runCreate(t, []createCase{
		{name: "a ConfigMap with items", job: withPod(source(`{"configMap":{"name":"app","items":[{"key":"k","path":"a/b"}],"defaultMode":420}}`))},
		{name: "a ConfigMap item at an absolute path", job: withPod(source(`{"configMap":{"name":"app","items":[{"key":"k","path":"/etc/x"}]}}`)),
			want: field.ErrorList{e(invalid, v0+".configMap.items[0].path"), unmountable}},
		{name: "a ConfigMap item going up", job: withPod(source(`{"configMap":{"name":"app","items":[{"key":"","path":"../x"}]}}`)),
			want: field.ErrorList{e(required, v0+".configMap.items[0].key"), e(invalid, v0+".configMap.items[0].path"), unmountable}},
		{name: "a Secret without a name and a mode out of range", job: withPod(source(`{"secret":{"defaultMode":4096}}`)),
			want: field.ErrorList{e(required, v0+".secret.secretName"), e(invalid, v0+".secret.defaultMode"), unmountable}},
		{name: "a relative NFS path", job: withPod(source(`{"nfs":{"server":"nfs","path":"data"}}`)),
			want: field.ErrorList{e(invalid, v0+".nfs.path"), unmountable}},
		{name: "a host path going up, of an unknown type", job: withPod(source(`{"hostPath":{"path":"/a/../b","type":"Dir"}}`)),
			want: field.ErrorList{e(invalid, v0+".hostPath.path"), e(notSupported, v0+".hostPath.type"), unmountable}},
		{name: "a GCE disk, reported as persistentDisk", job: withPod(source(`{"gcePersistentDisk":{"partition":300}}`)),
			want: field.ErrorList{e(required, v0+".persistentDisk.pdName"), e(invalid, v0+".persistentDisk.partition"), unmountable}},
		{name: "an ephemeral volume", job: withPod(source(`{"ephemeral":{"volumeClaimTemplate":{"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}}}`))},
		{name: "an ephemeral volume without storage, named", job: withPod(source(`{"ephemeral":{"volumeClaimTemplate":{"metadata":{"name":"x"},"spec":{"accessModes":["ReadWriteOncePod","ReadOnlyMany"]}}}}`)),
			want: field.ErrorList{
				e(forbidden, v0+".ephemeral.volumeClaimTemplate.metadata.name"),
				e(forbidden, v0+".ephemeral.volumeClaimTemplate.spec.accessModes"),
				e(required, v0+".ephemeral.volumeClaimTemplate.spec.resources[storage]"),
				unmountable,
			}},
		{name: "a projected volume with a path twice", job: withPod(source(`{"projected":{"sources":[{"configMap":{"name":"a","items":[{"key":"k","path":"p"}]}},{"secret":{"name":"b","items":[{"key":"k","path":"p"}]}}]}}`)),
			want: field.ErrorList{e(invalid, v0+".projected"), unmountable}},
		{name: "a short-lived token", job: withPod(source(`{"projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":60,"path":"token"}}]}}`)),
			want: field.ErrorList{e(invalid, v0+".projected.sources[0].serviceAccountToken.expirationSeconds"), unmountable}},
		{name: "a downward API file of an unknown field", job: withPod(source(`{"downwardAPI":{"items":[{"path":"f","fieldRef":{"apiVersion":"v1","fieldPath":"spec.nodeName"}}]}}`)),
			want: field.ErrorList{e(notSupported, v0+".downwardAPI.fieldRef.fieldPath"), unmountable}},
		{name: "a second type is reported, not checked", job: withPod(source(`{"emptyDir":{},"downwardAPI":{"items":[{}]}}`)),
			want: field.ErrorList{e(forbidden, v0+".downwarAPI"), unmountable}},
	})
}

func TestVolumes(t *testing.T) {
	const c0 = "spec.template.spec.containers[0]"
	runCreate(t, []createCase{
		{name: "mounted volumes", job: withPod(func(s *job.PodSpec) {
			config := job.Volume{Name: "config"}
			fromJSON(`{"configMap":{"name":"app"}}`, &config.VolumeSource)
			s.Volumes = []job.Volume{volume("data"), config}
			s.Containers[0].VolumeMounts = []job.VolumeMount{mount("data", "/data"), mount("config", "/etc/app")}
		})},
		{name: "a volume without a source is defaulted to emptyDir", job: withPod(func(s *job.PodSpec) {
			s.Volumes = []job.Volume{{Name: "scratch"}}
			s.Containers[0].VolumeMounts = []job.VolumeMount{mount("scratch", "/tmp")}
		})},
		{name: "volume names", job: withPod(func(s *job.PodSpec) {
			s.Volumes = []job.Volume{volume(""), volume("Data"), volume("a"), volume("a")}
		}), want: field.ErrorList{
			e(required, "spec.template.spec.volumes[0].name"),
			e(invalid, "spec.template.spec.volumes[1].name"),
			e(duplicate, "spec.template.spec.volumes[3].name"),
		}},
		{name: "a volume with two sources cannot be mounted", job: withPod(func(s *job.PodSpec) {
			s.Volumes = []job.Volume{volume("both", "emptyDir", "configMap")}
			s.Containers[0].VolumeMounts = []job.VolumeMount{mount("both", "/x")}
		}), want: field.ErrorList{e(forbidden, "spec.template.spec.volumes[0].configMap"), e(notFound, c0+".volumeMounts[0].name")}},
		{name: "an unknown member is not a source", job: withPod(func(s *job.PodSpec) {
			s.Volumes = []job.Volume{volume("v", "emptyDir", "emptyDirr")}
			s.Containers[0].VolumeMounts = []job.VolumeMount{mount("v", "/x")}
		})},
		{name: "mounts", job: withPod(func(s *job.PodSpec) {
			s.Volumes = []job.Volume{volume("data")}
			s.Containers[0].VolumeMounts = []job.VolumeMount{mount("", "/a"), mount("missing", ""), mount("data", "/a")}
			s.InitContainers = []job.Container{{Name: "init", Image: "busybox", VolumeMounts: []job.VolumeMount{mount("missing", "/a")}}}
		}), want: field.ErrorList{
			e(required, c0+".volumeMounts[0].name"),
			e(notFound, c0+".volumeMounts[0].name"),
			e(notFound, c0+".volumeMounts[1].name"),
			e(required, c0+".volumeMounts[1].mountPath"),
			e(invalid, c0+".volumeMounts[2].mountPath"),
			e(notFound, "spec.template.spec.initContainers[0].volumeMounts[0].name"),
		}},
		{name: "a mount of a misnamed volume", job: withPod(func(s *job.PodSpec) {
			s.Volumes = []job.Volume{volume("Data")}
			s.Containers[0].VolumeMounts = []job.VolumeMount{mount("Data", "/data")}
		}), want: field.ErrorList{e(invalid, "spec.template.spec.volumes[0].name"), e(notFound, c0+".volumeMounts[0].name")}},
	})
}

func TestLongVolumeLists(t *testing.T) {
	j := withPod(func(s *job.PodSpec) {
		for i := range 40 {
			s.Volumes = append(s.Volumes, volume("v"+string(rune('a'+i%26))+string(rune('a'+i/26))))
		}
		s.Volumes = append(s.Volumes, volume("vaa"))
		for i := range 40 {
			s.Containers[0].VolumeMounts = append(s.Containers[0].VolumeMounts, mount(s.Volumes[i].Name, "/m"+s.Volumes[i].Name))
		}
		s.Containers[0].VolumeMounts = append(s.Containers[0].VolumeMounts, mount("nope", "/mvaa"))
	})
	want := field.ErrorList{
		e(duplicate, "spec.template.spec.volumes[40].name"),
		e(notFound, "spec.template.spec.containers[0].volumeMounts[40].name"),
		e(invalid, "spec.template.spec.containers[0].volumeMounts[40].mountPath"),
	}
	checkErrors(t, want, validation.ValidateJob(j, validation.Options{}))
}

func TestPodSpecMembers(t *testing.T) {
	const sp = "spec.template.spec."
	runCreate(t, []createCase{
		{name: "valid members", job: withPod(func(s *job.PodSpec) {
			s.DNSPolicy, s.NodeSelector = job.DNSClusterFirst, map[string]string{"kubernetes.io/os": "linux"}
			s.ServiceAccountName, s.PriorityClassName = "runner.v1", "high"
			s.Hostname, s.Subdomain = "worker", "workers"
			s.ActiveDeadlineSeconds = new(int64(60))
			s.SchedulingGates = []job.PodSchedulingGate{{Name: "example.com/quota"}}
			s.Containers[0].ImagePullPolicy = job.PullIfNotPresent
		})},
		{name: "members core defaulting fills in are accepted empty", job: withPod(func(s *job.PodSpec) {
			s.DNSPolicy, s.Containers[0].ImagePullPolicy = "", ""
		})},
		{name: "enums", job: withPod(func(s *job.PodSpec) {
			s.DNSPolicy, s.Containers[0].ImagePullPolicy = "Anywhere", "Sometimes"
		}), want: field.ErrorList{e(notSupported, sp+"containers[0].imagePullPolicy"), e(notSupported, sp+"dnsPolicy")}},
		{name: "names", job: withPod(func(s *job.PodSpec) {
			s.NodeSelector = map[string]string{"zone": "-a"}
			s.ServiceAccountName, s.PriorityClassName = "Runner", "high_priority"
			s.Hostname, s.Subdomain = "worker.1", "Workers"
		}), want: field.ErrorList{
			e(invalid, sp+"nodeSelector"), e(invalid, sp+"serviceAccountName"),
			e(invalid, sp+"hostname"), e(invalid, sp+"subdomain"), e(invalid, sp+"priorityClassName"),
		}},
		{name: "the deprecated serviceAccount stands in for an empty serviceAccountName", job: withPod(func(s *job.PodSpec) {
			s.DeprecatedServiceAccount = "Runner"
		}), want: field.ErrorList{e(invalid, sp+"serviceAccountName")}},
		{name: "serviceAccountName wins over the deprecated serviceAccount", job: withPod(func(s *job.PodSpec) {
			s.ServiceAccountName, s.DeprecatedServiceAccount = "runner", "Runner"
		})},
		{name: "deadline bounds", job: withPod(func(s *job.PodSpec) { s.ActiveDeadlineSeconds = new(int64(0)) }),
			want: field.ErrorList{e(invalid, sp+"activeDeadlineSeconds")}},
		{name: "deadline above int32", job: withPod(func(s *job.PodSpec) { s.ActiveDeadlineSeconds = new(int64(1 << 31)) }),
			want: field.ErrorList{e(invalid, sp+"activeDeadlineSeconds")}},
		{name: "scheduling gates", job: withPod(func(s *job.PodSpec) {
			s.SchedulingGates = []job.PodSchedulingGate{{Name: "a"}, {Name: "bad gate"}, {Name: "a"}}
		}), want: field.ErrorList{e(invalid, sp+"schedulingGates[1]"), e(duplicate, sp+"schedulingGates[2]")}},
	})
}

// resourcesJob is the plain Job whose container has the given limits and requests.
func resourcesJob(limits, requests map[job.ResourceName]string) *job.Job {
	list := func(m map[job.ResourceName]string) job.ResourceList {
		if m == nil {
			return nil
		}
		out := job.ResourceList{}
		for k, v := range m {
			out[k] = resource.MustParse(v)
		}
		return out
	}
	return withPod(func(s *job.PodSpec) {
		s.Containers[0].Resources = job.ResourceRequirements{Limits: list(limits), Requests: list(requests)}
	})
}

func TestResources(t *testing.T) {
	const r = "spec.template.spec.containers[0].resources"
	type m = map[job.ResourceName]string
	runCreate(t, []createCase{
		{name: "requests within limits", job: resourcesJob(m{"cpu": "1", "memory": "1Gi"}, m{"cpu": "500m", "memory": "1Gi", "ephemeral-storage": "1Gi"})},
		{name: "extended resource with an equal limit", job: resourcesJob(m{"example.com/gpu": "2"}, m{"example.com/gpu": "2"})},
		{name: "huge pages with memory", job: resourcesJob(m{"hugepages-2Mi": "4Mi", "memory": "1Gi"}, nil)},
		{name: "request above limit", job: resourcesJob(m{"cpu": "500m"}, m{"cpu": "1"}),
			want: field.ErrorList{e(invalid, r+".requests")}},
		{name: "negative quantities", job: resourcesJob(m{"memory": "-1"}, m{"cpu": "-1"}),
			want: field.ErrorList{e(invalid, r+".limits[memory]"), e(invalid, r+".requests[cpu]")}},
		{name: "resource names", job: resourcesJob(m{"pods": "1", "gpu": "1", "example.com/x/y": "1"}, nil), want: field.ErrorList{
			e(invalid, r+".limits[example.com/x/y]"), e(invalid, r+".limits[example.com/x/y]"),
			e(invalid, r+".limits[gpu]"), e(invalid, r+".limits[gpu]"),
			e(invalid, r+".limits[pods]"),
		}},
		{name: "extended resources are whole and not overcommitted", job: resourcesJob(m{"example.com/gpu": "2"}, m{"example.com/gpu": "1", "example.com/fpga": "500m"}), want: field.ErrorList{
			e(invalid, r+".requests[example.com/fpga]"), e(required, r+".limits"), e(invalid, r+".requests"),
		}},
		{name: "huge pages in part pages, without cpu or memory", job: resourcesJob(m{"hugepages-2Mi": "3Mi"}, nil), want: field.ErrorList{
			e(invalid, r+".limits[hugepages-2Mi]"), e(forbidden, r),
		}},
	})
}

func TestResourceMessages(t *testing.T) {
	j := resourcesJob(map[job.ResourceName]string{"cpu": "500m"}, map[job.ResourceName]string{"cpu": "1"})
	j.Spec.Template.Spec.Volumes = []job.Volume{volume("data")}
	j.Spec.Template.Spec.Containers[0].VolumeMounts = []job.VolumeMount{mount("logs", "/logs")}
	want := []string{
		`spec.template.spec.containers[0].volumeMounts[0].name: Not found: "logs"`,
		`spec.template.spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m`,
	}
	got := validation.ValidateJob(j, validation.Options{})
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].Error() != want[i] {
			t.Errorf("error %d = %q, want %q", i, got[i].Error(), want[i])
		}
	}
}

// TestIndivisibleHugePagesOnUpdate: a stored template with part pages keeps them allowed.
func TestIndivisibleHugePagesOnUpdate(t *testing.T) {
	old := resourcesJob(map[job.ResourceName]string{"hugepages-2Mi": "3Mi", "memory": "1Gi"}, nil)
	if errs := scaleStored(old); len(errs) != 0 {
		t.Fatalf("update of a Job with stored part pages: %v", errs)
	}
	if errs := validation.ValidateJob(jobtest.Make("pi", "default").Obj(), validation.Options{}); len(errs) != 0 {
		t.Fatal(errs)
	}
}

func TestContainerMembers(t *testing.T) {
	const c0 = "spec.template.spec.containers[0]."
	port := func(name string, container, host int32, protocol job.Protocol) job.ContainerPort {
		return job.ContainerPort{Name: name, ContainerPort: container, HostPort: host, Protocol: protocol}
	}
	runCreate(t, []createCase{
		{name: "valid ports and env", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].Ports = []job.ContainerPort{port("http", 8080, 0, ""), port("metrics-2", 9090, 9090, job.ProtocolUDP)}
			s.Containers[0].Env = []job.EnvVar{{Name: "MODE", Value: "fast"}, {Name: "my.var-1"}}
		})},
		{name: "ports", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].Ports = []job.ContainerPort{
				port("http", 0, 70000, "HTTP"), port("http", 80, 0, ""), port("Bad--name", 65536, 0, ""),
			}
		}), want: field.ErrorList{
			e(required, c0+"ports[0].containerPort"), e(invalid, c0+"ports[0].hostPort"), e(notSupported, c0+"ports[0].protocol"),
			e(duplicate, c0+"ports[1].name"),
			e(invalid, c0+"ports[2].name"), e(invalid, c0+"ports[2].name"), e(invalid, c0+"ports[2].containerPort"),
		}},
		{name: "host ports on the host network", job: withPod(func(s *job.PodSpec) {
			s.HostNetwork = true
			s.Containers[0].Ports = []job.ContainerPort{port("", 80, 0, ""), port("", 81, 81, ""), port("", 82, 8082, "")}
		}), want: field.ErrorList{e(invalid, c0+"ports[2].hostPort")}},
		{name: "env names", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].Env = []job.EnvVar{{Name: ""}, {Name: "A=B"}, {Name: "tab\there"}}
		}), want: field.ErrorList{e(required, c0+"env[0].name"), e(invalid, c0+"env[1].name"), e(invalid, c0+"env[2].name")}},
		{name: "security context", opts: validation.Options{DenyPrivileged: true}, job: withPod(func(s *job.PodSpec) {
			s.Containers[0].SecurityContext = &job.SecurityContext{Privileged: new(true), RunAsUser: new(int64(-1)), RunAsGroup: new(int64(1 << 31)), AllowPrivilegeEscalation: new(false)}
		}), want: field.ErrorList{
			e(forbidden, c0+"securityContext.privileged"), e(invalid, c0+"securityContext.runAsUser"),
			e(invalid, c0+"securityContext.runAsGroup"), e(invalid, c0+"securityContext"),
		}},
		{name: "privileged, as most clusters allow", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].SecurityContext = &job.SecurityContext{Privileged: new(true)}
		})},
		{name: "pod security context", job: withPod(func(s *job.PodSpec) {
			s.SecurityContext = &job.PodSecurityContext{RunAsUser: new(int64(1000)), FSGroup: new(int64(-2)), SupplementalGroups: []int64{5, -5}}
		}), want: field.ErrorList{
			e(invalid, "spec.template.spec.securityContext.fsGroup"), e(invalid, "spec.template.spec.securityContext.supplementalGroups[1]"),
		}},
	})
}

func TestTolerations(t *testing.T) {
	const tp = "spec.template.spec.tolerations"
	tol := func(key string, op job.TolerationOperator, value string, effect job.TaintEffect) job.Toleration {
		return job.Toleration{Key: key, Operator: op, Value: value, Effect: effect}
	}
	lt := withPod(func(s *job.PodSpec) { s.Tolerations = []job.Toleration{tol("cpu-gen", job.TolerationOpLt, "5", "")} })
	runCreate(t, []createCase{
		{name: "valid", job: withPod(func(s *job.PodSpec) {
			s.Tolerations = []job.Toleration{
				tol("", job.TolerationOpExists, "", ""), tol("gpu", "", "a100", job.TaintEffectNoSchedule),
				{Key: "node.kubernetes.io/unreachable", Operator: job.TolerationOpExists, Effect: job.TaintEffectNoExecute, TolerationSeconds: new(int64(30))},
			}
		})},
		{name: "invalid", job: withPod(func(s *job.PodSpec) {
			s.Tolerations = []job.Toleration{
				tol("", "", "", ""), tol("a/b/c", job.TolerationOpExists, "x", "Sometimes"), tol("k", "", "-bad", ""),
				{Key: "k", Operator: "Like", TolerationSeconds: new(int64(1))},
			}
		}), want: field.ErrorList{
			e(invalid, tp+"[0].operator"),
			e(invalid, tp+"[1].key"), e(invalid, tp+"[1].operator"), e(notSupported, tp+"[1].effect"),
			e(invalid, tp+"[2].operator"),
			e(invalid, tp+"[3].effect"), e(notSupported, tp+"[3].operator"),
		}},
		{name: "comparison operators need their gate", job: lt, want: field.ErrorList{e(notSupported, tp+"[0].operator")}},
		{name: "comparison operators with the gate", job: lt, opts: validation.Options{FeatureGates: job.FeatureGates{job.TaintTolerationComparisonOperators: true}}},
		{name: "comparison values are integers", opts: validation.Options{FeatureGates: job.FeatureGates{job.TaintTolerationComparisonOperators: true}},
			job:  withPod(func(s *job.PodSpec) { s.Tolerations = []job.Toleration{tol("k", job.TolerationOpGt, "1.5", "")} }),
			want: field.ErrorList{e(invalid, tp+"[0].value"), e(invalid, tp+"[0].value")}},
	})
}

// TestComparisonTolerationsStayAllowed: a stored template that uses Lt keeps it allowed.
func TestComparisonTolerationsStayAllowed(t *testing.T) {
	old := withPod(func(s *job.PodSpec) {
		s.Tolerations = []job.Toleration{{Key: "cpu-gen", Operator: job.TolerationOpLt, Value: "5"}}
	})
	if errs := scaleStored(old); len(errs) != 0 {
		t.Fatalf("update of a Job that stores an Lt toleration: %v", errs)
	}
}

func TestProbes(t *testing.T) {
	const c0 = "spec.template.spec.containers[0]."
	// probe makes a probe with the handlers named, each valid.
	probe := func(handlers ...string) *job.Probe {
		valid := map[string]string{"exec": `{"command":["true"]}`, "httpGet": `{"path":"/","port":8080}`,
			"tcpSocket": `{"port":"http"}`, "grpc": `{"port":9000}`}
		p := &job.Probe{}
		var members []string
		for _, h := range handlers {
			members = append(members, `"`+h+`":`+valid[h])
		}
		fromJSON(`{`+strings.Join(members, ",")+`}`, &p.ProbeHandler)
		return p
	}
	sidecar := job.ContainerRestartPolicyAlways
	exec := job.ProbeHandler{Exec: &job.ExecAction{Command: []string{"true"}}}
	runCreate(t, []createCase{
		{name: "valid probes", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].LivenessProbe = probe("httpGet")
			s.Containers[0].ReadinessProbe = &job.Probe{SuccessThreshold: 3, ProbeHandler: job.ProbeHandler{Exec: &job.ExecAction{Command: []string{"true"}}}}
			s.InitContainers = []job.Container{{Name: "proxy", Image: "envoy", RestartPolicy: &sidecar, StartupProbe: probe("tcpSocket")}}
		})},
		{name: "handlers", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].LivenessProbe = probe()
			s.Containers[0].ReadinessProbe = probe("exec", "grpc")
		}), want: field.ErrorList{e(required, c0+"livenessProbe"), e(forbidden, c0+"readinessProbe.grpc")}},
		{name: "timings", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].LivenessProbe = &job.Probe{PeriodSeconds: -1, SuccessThreshold: 2, TerminationGracePeriodSeconds: new(int64(0)), ProbeHandler: exec}
			s.Containers[0].ReadinessProbe = &job.Probe{TerminationGracePeriodSeconds: new(int64(5)), ProbeHandler: exec}
		}), want: field.ErrorList{
			e(invalid, c0+"livenessProbe.periodSeconds"), e(invalid, c0+"livenessProbe.terminationGracePeriodSeconds"),
			e(invalid, c0+"livenessProbe.successThreshold"), e(invalid, c0+"readinessProbe.terminationGracePeriodSeconds"),
		}},
		{name: "probes of a plain init container", job: withPod(func(s *job.PodSpec) {
			s.InitContainers = []job.Container{{Name: "setup", Image: "busybox", ReadinessProbe: probe("exec"), Lifecycle: &job.Lifecycle{}}}
		}), want: field.ErrorList{
			e(forbidden, "spec.template.spec.initContainers[0].lifecycle"), e(forbidden, "spec.template.spec.initContainers[0].readinessProbe"),
		}},
		{name: "handler members", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].LivenessProbe = &job.Probe{ProbeHandler: job.ProbeHandler{Exec: &job.ExecAction{}}}
			s.Containers[0].ReadinessProbe = probe("httpGet")
			s.Containers[0].ReadinessProbe.HTTPGet.Port = intstr.FromInt32(0)
			s.Containers[0].StartupProbe = probe("tcpSocket")
			s.Containers[0].StartupProbe.TCPSocket.Port = intstr.FromString("a_b")
		}), want: field.ErrorList{
			e(required, c0+"livenessProbe.exec.command"), e(invalid, c0+"readinessProbe.httpGet.port"), e(invalid, c0+"startupProbe.tcpSocket.port"),
		}},
		{name: "lifecycle hooks", job: withPod(func(s *job.PodSpec) {
			s.TerminationGracePeriodSeconds = new(int64(30))
			s.Containers[0].Lifecycle = &job.Lifecycle{
				PostStart: &job.LifecycleHandler{},
				PreStop:   &job.LifecycleHandler{Sleep: &job.SleepAction{Seconds: 60}, Exec: &job.ExecAction{Command: []string{"true"}}},
			}
		}), want: field.ErrorList{
			e(required, c0+"lifecycle.postStart"), e(forbidden, c0+"lifecycle.preStop.sleep"),
		}},
		{name: "a sleep past the grace period", job: withPod(func(s *job.PodSpec) {
			s.TerminationGracePeriodSeconds = new(int64(30))
			s.Containers[0].Lifecycle = &job.Lifecycle{PreStop: &job.LifecycleHandler{Sleep: &job.SleepAction{Seconds: 60}}}
		}), want: field.ErrorList{e(invalid, c0+"lifecycle.preStop.sleep")}},
		{name: "a stop signal without the pod's OS", job: withPod(func(s *job.PodSpec) {
			sig := job.Signal("SIGTERM")
			s.Containers[0].Lifecycle = &job.Lifecycle{StopSignal: &sig}
		}), want: field.ErrorList{e(forbidden, c0+"lifecycle.stopSignal")}},
		{name: "a stop signal Windows does not have", job: withPod(func(s *job.PodSpec) {
			sig := job.Signal("SIGRTMIN+3")
			s.OS = &job.PodOS{Name: "windows"}
			s.Containers[0].Lifecycle = &job.Lifecycle{StopSignal: &sig}
		}), want: field.ErrorList{e(notSupported, c0+"lifecycle.stopSignal")}},
	})
}

// scaleStored validates an update that changes only the parallelism of old, stored as the
// API server holds it: template rules that tighten over time must keep such updates valid.
func scaleStored(old *job.Job) field.ErrorList {
	old.ResourceVersion = "1"
	updated := old.DeepCopy()
	updated.Spec.Parallelism = new(int32(2))
	job.PrepareForUpdate(updated, old, nil)
	return validation.ValidateJobUpdate(updated, old, validation.Options{})
}

// TestSecurityContexts checks the rules of container and pod security contexts, each case
// one a user might break.
func TestSecurityContexts(t *testing.T) {
	const c0 = "spec.template.spec.containers[0].securityContext"
	const pod = "spec.template.spec.securityContext"
	container := func(sc string) *job.Job {
		return withPod(func(s *job.PodSpec) {
			s.Containers[0].SecurityContext = &job.SecurityContext{}
			fromJSON(sc, s.Containers[0].SecurityContext)
		})
	}
	podLevel := func(sc string) *job.Job {
		return withPod(func(s *job.PodSpec) {
			s.SecurityContext = &job.PodSecurityContext{}
			fromJSON(sc, s.SecurityContext)
		})
	}
	runCreate(t, []createCase{
		{name: "a hardened container", job: container(`{"runAsNonRoot":true,"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"seccompProfile":{"type":"RuntimeDefault"},"appArmorProfile":{"type":"Localhost","localhostProfile":"k8s-default"}}`)},
		{name: "an unmasked proc mount in the host's user namespace", job: container(`{"procMount":"Unmasked"}`),
			want: field.ErrorList{e(invalid, c0+".procMount")}},
		{name: "an unknown proc mount", job: container(`{"procMount":"Masked"}`),
			want: field.ErrorList{e(notSupported, c0+".procMount")}},
		{name: "a localhost seccomp profile without its path", job: container(`{"seccompProfile":{"type":"Localhost"}}`),
			want: field.ErrorList{e(required, c0+".seccompProfile.localhostProfile")}},
		{name: "a seccomp profile path without Localhost", job: container(`{"seccompProfile":{"type":"RuntimeDefault","localhostProfile":"p.json"}}`),
			want: field.ErrorList{e(invalid, c0+".seccompProfile.localhostProfile")}},
		{name: "an AppArmor profile without a type", job: container(`{"appArmorProfile":{}}`),
			want: field.ErrorList{e(required, c0+".appArmorProfile.type")}},
		{name: "a padded AppArmor profile", job: container(`{"appArmorProfile":{"type":"Localhost","localhostProfile":" p "}}`),
			want: field.ErrorList{e(invalid, c0+".appArmorProfile.localhostProfile")}},
		{name: "CAP_SYS_ADMIN without privilege escalation", job: container(`{"allowPrivilegeEscalation":false,"capabilities":{"add":["CAP_SYS_ADMIN"]}}`),
			want: field.ErrorList{e(invalid, c0)}},
		{name: "a Windows user name with a bad character", job: container(`{"windowsOptions":{"runAsUserName":"DOMAIN\\us:er"}}`),
			want: field.ErrorList{e(invalid, c0+".windowsOptions.runAsUserName")}},
		{name: "a Windows user name with two backslashes", job: container(`{"windowsOptions":{"runAsUserName":"a\\b\\c"}}`),
			want: field.ErrorList{e(invalid, c0+".windowsOptions.runAsUserName")}},
		{name: "sysctls", job: podLevel(`{"sysctls":[{"name":"net.core.somaxconn","value":"1024"},{"name":"Net.Bad"},{"name":"net.core.somaxconn"},{"name":""}]}`),
			want: field.ErrorList{e(invalid, pod+".sysctls[1].name"), e(duplicate, pod+".sysctls[2].name"), e(required, pod+".sysctls[3].name")}},
		{name: "namespaced sysctls on the host's namespaces", job: withPod(func(s *job.PodSpec) {
			s.HostNetwork, s.HostIPC = true, true
			s.SecurityContext = &job.PodSecurityContext{Sysctls: []job.Sysctl{
				{Name: "net/ipv4/ip_forward", Value: "1"}, {Name: "kernel.shmmax", Value: "1"}, {Name: "kernel.pid_max", Value: "1"},
			}}
		}), want: field.ErrorList{e(invalid, pod+".sysctls[0].name"), e(invalid, pod+".sysctls[1].name")}},
		{name: "pod policies", job: podLevel(`{"fsGroupChangePolicy":"Sometimes","supplementalGroupsPolicy":"Loose","seLinuxChangePolicy":"Never"}`),
			want: field.ErrorList{e(notSupported, pod+".fsGroupChangePolicy"), e(notSupported, pod+".supplementalGroupsPolicy"), e(notSupported, pod+".seLinuxChangePolicy")}},
	})
}

// TestAffinity checks the rules of node and pod affinity, each case one a user might break.
func TestAffinity(t *testing.T) {
	const a = "spec.template.spec.affinity"
	with := func(affinity string) *job.Job {
		return withPod(func(s *job.PodSpec) {
			s.Affinity = &job.Affinity{}
			fromJSON(affinity, s.Affinity)
		})
	}
	runCreate(t, []createCase{
		{name: "spread by zone", job: with(`{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"kubernetes.io/arch","operator":"In","values":["amd64"]}]}]}},"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":50,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"x"}},"topologyKey":"topology.kubernetes.io/zone"}}]}}`)},
		{name: "no node selector terms", job: with(`{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[]}}}`),
			want: field.ErrorList{e(required, a+".nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms")}},
		{name: "operators and values", job: with(`{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"a","operator":"In"},{"key":"b","operator":"Exists","values":["x"]},{"key":"c","operator":"Near"},{"key":"d","operator":"In","values":["bad value"]}]}]}}}`),
			want: field.ErrorList{
				e(required, a+".nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values"),
				e(forbidden, a+".nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values"),
				e(invalid, a+".nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[2].operator"),
				e(invalid, a+".nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[3].values[0]"),
			}},
		{name: "a field selector by label", job: with(`{"nodeAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":0,"preference":{"matchFields":[{"key":"metadata.labels","operator":"In","values":["a"]}]}}]}}`),
			want: field.ErrorList{
				e(invalid, a+".nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight"),
				e(invalid, a+".nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchFields[0].key"),
			}},
		{name: "a pod affinity term without a topology key", job: with(`{"podAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{"app":"x"}},"namespaces":["Bad"]}]}}`),
			want: field.ErrorList{
				e(invalid, a+".podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespace"),
				e(required, a+".podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey"),
				// an empty name is both empty and not of the name characters
				e(invalid, a+".podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey"),
				e(invalid, a+".podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey"),
			}},
		{name: "match label keys without a selector, and in both lists", job: with(`{"podAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"topologyKey":"zone","matchLabelKeys":["app"],"mismatchLabelKeys":["app"]}]}}`),
			want: field.ErrorList{
				e(forbidden, a+".podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys"),
				e(forbidden, a+".podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].mismatchLabelKeys"),
				e(invalid, a+".podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]"),
			}},
	})
}

// TestTopologySpreadAndEnvFiles checks topology spread constraints and the volumes of
// env-file references.
func TestTopologySpreadAndEnvFiles(t *testing.T) {
	const ts = "spec.template.spec.topologySpreadConstraints"
	spread := func(constraints string) *job.Job {
		return withPod(func(s *job.PodSpec) { fromJSON(constraints, &s.TopologySpreadConstraints) })
	}
	envFile := func(from string) *job.Job {
		return withPod(func(s *job.PodSpec) {
			s.Volumes = []job.Volume{volume("cache"), {Name: "conf"}}
			fromJSON(`{"configMap":{"name":"c"}}`, &s.Volumes[1].VolumeSource)
			s.Containers[0].Env = []job.EnvVar{{Name: "A", ValueFrom: &job.EnvVarSource{FileKeyRef: &job.FileKeySelector{VolumeName: from, Path: "env", Key: "A"}}}}
		})
	}
	runCreate(t, []createCase{
		{name: "spread over zones", job: spread(`[{"maxSkew":1,"topologyKey":"topology.kubernetes.io/zone","whenUnsatisfiable":"DoNotSchedule","labelSelector":{"matchLabels":{"app":"x"}},"minDomains":3}]`)},
		{name: "a constraint of every mistake", job: spread(`[{"maxSkew":0,"whenUnsatisfiable":"Never","minDomains":0,"nodeTaintsPolicy":"Sometimes"}]`),
			want: field.ErrorList{
				e(invalid, ts+"[0].maxSkew"), e(required, ts+"[0].topologyKey"), e(notSupported, ts+"[0].whenUnsatisfiable"),
				e(invalid, ts+"[0].minDomains"), e(invalid, ts+"[0].minDomains"), e(notSupported, ts+"[0].nodeTaintsPolicy"),
			}},
		{name: "a constraint twice", job: spread(`[{"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"ScheduleAnyway"},{"maxSkew":2,"topologyKey":"zone","whenUnsatisfiable":"ScheduleAnyway"}]`),
			want: field.ErrorList{e(duplicate, ts+"[0].{topologyKey, whenUnsatisfiable}")}},
		{name: "an env file in an emptyDir", job: envFile("cache")},
		{name: "an env file in a ConfigMap", job: envFile("conf"),
			want: field.ErrorList{e(invalid, "spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName")}},
		{name: "an env file in no volume", job: envFile("none"),
			want: field.ErrorList{e(notFound, "spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName")}},
	})
}

// TestPodOS checks the rules of a pod's OS and of Windows host process pods.
func TestPodOS(t *testing.T) {
	const spec = "spec.template.spec"
	yes := true
	runCreate(t, []createCase{
		{name: "an unknown OS", job: withPod(func(s *job.PodSpec) { s.OS = &job.PodOS{Name: "plan9"} }),
			want: field.ErrorList{e(notSupported, spec+".os")}},
		{name: "Windows options on Linux", job: withPod(func(s *job.PodSpec) {
			s.OS = &job.PodOS{Name: "linux"}
			s.Containers[0].SecurityContext = &job.SecurityContext{WindowsOptions: &job.WindowsSecurityContextOptions{}}
		}), want: field.ErrorList{e(forbidden, spec+".containers[0].securityContext.windowsOptions")}},
		{name: "Linux settings on Windows", job: withPod(func(s *job.PodSpec) {
			s.OS = &job.PodOS{Name: "windows"}
			s.HostPID = true
			s.Containers[0].SecurityContext = &job.SecurityContext{RunAsUser: new(int64(1000))}
		}), want: field.ErrorList{e(forbidden, spec+".hostPID"), e(forbidden, spec+".containers[0].securityContext.runAsUser")}},
		{name: "a host process pod off the host network, beside a container that is not one", job: withPod(func(s *job.PodSpec) {
			s.InitContainers = []job.Container{{Name: "init", Image: "busybox", SecurityContext: &job.SecurityContext{WindowsOptions: &job.WindowsSecurityContextOptions{HostProcess: &yes}}}}
		}), want: field.ErrorList{e(invalid, spec), e(invalid, spec+".hostNetwork")}}, // and Forbidden when the cluster denies privilege
	})
}

// TestPodMembers checks the rules of the pod's DNS configuration, host aliases, readiness
// gates, hostname override, runtime class, preemption policy and process namespace.
func TestPodMembers(t *testing.T) {
	const spec = "spec.template.spec"
	yes := true
	runCreate(t, []createCase{
		{name: "a DNS policy of None without a config", job: withPod(func(s *job.PodSpec) { s.DNSPolicy = job.DNSNone }),
			want: field.ErrorList{e(required, spec+".dnsConfig")}},
		{name: "a DNS config of every mistake", job: withPod(func(s *job.PodSpec) {
			s.DNSConfig = &job.PodDNSConfig{Nameservers: []string{"1.1.1.1", "dns"}, Searches: []string{"ok.example.", "-bad"}, Options: []job.PodDNSConfigOption{{}}}
		}), want: field.ErrorList{e(invalid, spec+".dnsConfig.nameservers[1]"), e(invalid, spec+".dnsConfig.searches[1]"), e(required, spec+".dnsConfig.options[0]")}},
		{name: "host aliases", job: withPod(func(s *job.PodSpec) {
			s.HostAliases = []job.HostAlias{{IP: "10.0.0.1", Hostnames: []string{"db.local"}}, {IP: "010.0.0.1", Hostnames: []string{"Bad_Name"}}}
		}), want: field.ErrorList{e(invalid, spec+".hostAliases[1].ip"), e(invalid, spec+".hostAliases[1].hostnames[0]")}},
		{name: "a readiness gate", job: withPod(func(s *job.PodSpec) {
			s.ReadinessGates = []job.PodReadinessGate{{ConditionType: "example.com/ready"}, {ConditionType: "not ok"}}
		}), want: field.ErrorList{e(invalid, spec+".readinessGates[1].conditionType")}},
		{name: "a hostname override on the host network", job: withPod(func(s *job.PodSpec) {
			s.HostNetwork = true
			s.HostnameOverride = new("node_1")
		}), want: field.ErrorList{e(forbidden, spec+".hostnameOverride"), e(invalid, spec+".hostnameOverride")}},
		{name: "a runtime class and a preemption policy", job: withPod(func(s *job.PodSpec) {
			s.RuntimeClassName = new("GVisor")
			s.PreemptionPolicy = new(job.PreemptionPolicy("Sometimes"))
		}), want: field.ErrorList{e(invalid, spec+".runtimeClassName"), e(notSupported, spec+".preemptionPolicy")}},
		{name: "a shared process namespace on the host's", job: withPod(func(s *job.PodSpec) {
			s.HostPID, s.ShareProcessNamespace = true, &yes
		}), want: field.ErrorList{e(invalid, spec+".shareProcessNamespace")}},
	})
}

// TestPodResources checks the pod's own resources against what it may ask for and what its
// containers ask for.
func TestPodResources(t *testing.T) {
	const r = "spec.template.spec.resources"
	pod := func(requests, limits string, containers ...string) *job.Job {
		return withPod(func(s *job.PodSpec) {
			s.Resources = &job.ResourceRequirements{}
			fromJSON(`{"requests":`+requests+`,"limits":`+limits+`}`, s.Resources)
			for i, c := range containers {
				if i > 0 {
					s.Containers = append(s.Containers, job.Container{Name: fmt.Sprintf("c%d", i), Image: "busybox"})
				}
				fromJSON(c, &s.Containers[i].Resources)
			}
		})
	}
	runCreate(t, []createCase{
		{name: "a pod budget over its containers", job: pod(`{"cpu":"2","memory":"1Gi"}`, `{"cpu":"4"}`, `{"requests":{"cpu":"1"},"limits":{"cpu":"2"}}`)},
		{name: "resources a pod may not ask for", job: pod(`{"ephemeral-storage":"1Gi","example.com/gpu":"1"}`, `{}`),
			want: field.ErrorList{e(notSupported, r+".requests[ephemeral-storage]"), e(notSupported, r+".requests[example.com/gpu]"),
				e(required, r+".limits")}}, // an extended resource may not be overcommitted
		{name: "a pod asking less than its containers", job: pod(`{"cpu":"1"}`, `{}`, `{"requests":{"cpu":"600m"}}`, `{"requests":{"cpu":"600m"}}`),
			want: field.ErrorList{e(invalid, r+".requests[cpu]")}},
		{name: "a container over the pod's limit", job: pod(`{}`, `{"memory":"1Gi"}`, `{"limits":{"memory":"2Gi"}}`),
			want: field.ErrorList{e(invalid, r+".containers[0][memory].limits")}},
		{name: "on Windows", job: withPod(func(s *job.PodSpec) {
			s.OS = &job.PodOS{Name: "windows"}
			s.Resources = &job.ResourceRequirements{Requests: job.ResourceList{"cpu": resource.MustParse("1")}}
		}), want: field.ErrorList{e(forbidden, r)}},
	})
}

// TestHostPortConflicts checks that two ports may not take one host port of a protocol and
// host IP: across containers, and within each init container alone.
func TestHostPortConflicts(t *testing.T) {
	port := func(host int32, protocol job.Protocol) job.ContainerPort {
		return job.ContainerPort{ContainerPort: 80, HostPort: host, Protocol: protocol}
	}
	runCreate(t, []createCase{
		{name: "one host port for TCP and UDP", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].Ports = []job.ContainerPort{port(8080, "TCP"), port(8080, "UDP")}
		})},
		{name: "one host port twice, across containers", job: withPod(func(s *job.PodSpec) {
			s.Containers[0].Ports = []job.ContainerPort{port(8080, "TCP")}
			s.Containers = append(s.Containers, job.Container{Name: "b", Image: "busybox", Ports: []job.ContainerPort{port(8080, "TCP")}})
		}), want: field.ErrorList{e(duplicate, "spec.template.spec.containers[1].ports[0].hostPort")}},
		{name: "init containers may share a host port, running one at a time", job: withPod(func(s *job.PodSpec) {
			s.InitContainers = []job.Container{
				{Name: "a", Image: "busybox", Ports: []job.ContainerPort{port(9000, "TCP")}},
				{Name: "b", Image: "busybox", Ports: []job.ContainerPort{port(9000, "TCP"), {Name: "x", ContainerPort: 81, HostPort: 9000, Protocol: "TCP"}}},
			}
		}), want: field.ErrorList{e(duplicate, "spec.template.spec.initContainers[0].ports[1].hostPort")}}, // sic: the server's index
	})
}

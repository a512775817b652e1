package job_test

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/job"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// podSpecJSON decodes a Job whose pod spec is spec, applies f, and returns the pod spec as
// JSON.
func podSpecJSON(t *testing.T, spec string, f func(*job.Job)) string {
	t.Helper()
	j, _, err := job.Decode([]byte(`{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"template":{"spec":`+spec+`}}}`), job.DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f(j)
	out, err := json.Marshal(&j.Spec.Template.Spec)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestPodDefaults(t *testing.T) {
	tests := []struct{ name, spec, want string }{
		{"pod", `{"containers":[{"name":"c","image":"busybox"}],"serviceAccount":"runner"}`,
			`{"containers":[{"name":"c","image":"busybox","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"Always"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","serviceAccountName":"runner","serviceAccount":"runner","securityContext":{},"schedulerName":"default-scheduler"}`},
		{"pull policy by tag and digest", `{"containers":[{"name":"a","image":"busybox:1.36"},{"name":"b","image":"busybox:latest"},{"name":"c","image":"Bad Image"},{"name":"d","image":"busybox@sha256:` + sha64 + `"}],"restartPolicy":"Never"}`,
			`{"containers":[{"name":"a","image":"busybox:1.36","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"},{"name":"b","image":"busybox:latest","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"Always"},{"name":"c","image":"Bad Image","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"},{"name":"d","image":"busybox@sha256:` + sha64 + `","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Never","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}`},
		{"volumes", `{"volumes":[{"name":"a"},{"name":"b","configMap":{"name":"x"}},{"name":"c","projected":{"sources":[{"serviceAccountToken":{"path":"t"}},{"downwardAPI":{"items":[{"path":"p","fieldRef":{"fieldPath":"metadata.name"}}]}}]}}],"containers":[],"restartPolicy":"Never"}`,
			`{"volumes":[{"name":"a","emptyDir":{}},{"name":"b","configMap":{"name":"x","defaultMode":420}},{"name":"c","projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":3600,"path":"t"}},{"downwardAPI":{"items":[{"path":"p","fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}]}}],"defaultMode":420}}],"containers":[],"restartPolicy":"Never","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}`},
		{"probes, ports and quantities", `{"containers":[{"name":"c","image":"i:1","ports":[{"containerPort":80}],"resources":{"requests":{"cpu":"0.0001"}},"livenessProbe":{"httpGet":{"port":80}},"readinessProbe":{"grpc":{"port":9}}}],"restartPolicy":"Never"}`,
			`{"containers":[{"name":"c","image":"i:1","ports":[{"containerPort":80,"protocol":"TCP"}],"resources":{"requests":{"cpu":"1m"}},"livenessProbe":{"httpGet":{"path":"/","port":80,"scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},"readinessProbe":{"grpc":{"port":9,"service":""},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Never","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}`},
	}
	for _, tt := range tests {
		if got := podSpecJSON(t, tt.spec, job.SetDefaults); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

const sha64 = "0000000000000000000000000000000000000000000000000000000000000000"

func TestPrepareDropsDisabledPodFields(t *testing.T) {
	spec := `{"containers":[{"name":"c","lifecycle":{"stopSignal":"SIGTERM"},"volumeMounts":[{"name":"v","mountPath":"/v","bindMountOptions":["x"]}]}],"schedulingGroup":{"podGroupName":"g"},"volumes":[{"name":"v","emptyDir":{"mode":448}}]}`
	create := func(gates job.FeatureGates) func(*job.Job) {
		return func(j *job.Job) {
			j.Spec.Template.Annotations = map[string]string{"pod.beta.kubernetes.io/init-containers": "[]", "keep": "1"}
			job.PrepareForCreate(j, gates)
			if _, ok := j.Spec.Template.Annotations["pod.beta.kubernetes.io/init-containers"]; ok || j.Spec.Template.Annotations["keep"] != "1" {
				t.Errorf("annotations after PrepareForCreate: %v", j.Spec.Template.Annotations)
			}
		}
	}
	if got, want := podSpecJSON(t, spec, create(nil)), `{"volumes":[{"name":"v","emptyDir":{}}],"containers":[{"name":"c","resources":{},"volumeMounts":[{"name":"v","mountPath":"/v"}]}]}`; got != want {
		t.Errorf("default gates:\n got %s\nwant %s", got, want)
	}
	on := job.FeatureGates{job.ContainerStopSignals: true, job.GenericWorkload: true, job.EmptyDirVolumeMode: true, job.VolumeBindMountOptions: true}
	if got := podSpecJSON(t, spec, create(on)); got == podSpecJSON(t, spec, create(nil)) {
		t.Errorf("enabled gates dropped the members too: %s", got)
	}
	// On update, members the stored template uses stay.
	update := func(j *job.Job) {
		old := j.DeepCopy()
		job.PrepareForUpdate(j, old, nil)
	}
	if got, want := podSpecJSON(t, spec, update), podSpecJSON(t, spec, func(*job.Job) {}); got != want {
		t.Errorf("update of a template that uses the members:\n got %s\nwant %s", got, want)
	}
}

func TestDedupOwnerReferences(t *testing.T) {
	ref := func(uid, name string) metav1.OwnerReference {
		return metav1.OwnerReference{APIVersion: "v1", Kind: "ConfigMap", Name: name, UID: types.UID("u" + uid)}
	}
	j := &job.Job{}
	j.OwnerReferences = []metav1.OwnerReference{ref("1", "a"), ref("2", "b"), ref("1", "a"), ref("1", "other"), ref("2", "b")}
	w := job.DedupOwnerReferences(j)
	if len(j.OwnerReferences) != 3 || j.OwnerReferences[2].Name != "other" {
		t.Errorf("kept %v", j.OwnerReferences)
	}
	if want := "duplicate UID(s) observed: u1, u2"; len(w) < len(want) || w[len(w)-len(want):] != want {
		t.Errorf("warning %q", w)
	}
	if w := job.DedupOwnerReferences(j); w != "" {
		t.Errorf("second dedup warned %q", w)
	}
}

func TestDropUnknown(t *testing.T) {
	j, warnings, err := job.Decode([]byte(`{"apiVersion":"batch/v1","kind":"Job","x":1,"metadata":{"name":"j"},"spec":{"y":2,"template":{"z":3,"spec":{"containers":[{"name":"c","w":4}]}}},"status":{"v":5}}`), job.DecodeOptions{})
	if err != nil || len(warnings) != 5 {
		t.Fatalf("decode: %v, warnings %q", err, warnings)
	}
	j.DropUnknown()
	out, _ := json.Marshal(j)
	if want := `{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j"},"spec":{"template":{"metadata":{},"spec":{"containers":[{"name":"c","resources":{}}]}}},"status":{}}`; string(out) != want {
		t.Errorf("got %s\nwant %s", out, want)
	}
	var nilJob *job.Job
	nilJob.DropUnknown() // no panic
	var nilTemplate *job.PodTemplateSpec
	nilTemplate.DropUnknown()
}

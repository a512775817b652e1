package validation_test

import (
	"os"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

var validateSeeds = []string{
	`{"metadata":{"name":"pi","namespace":"ns"},"spec":{"template":{"spec":{"containers":[{"name":"pi","image":"perl"}],"restartPolicy":"Never"}}}}`,
	`{"metadata":{"name":"idx"},"spec":{"completionMode":"Indexed","completions":5,"parallelism":2,"backoffLimitPerIndex":1,"maxFailedIndexes":1,"successPolicy":{"rules":[{"succeededIndexes":"0-2","succeededCount":2}]},"podFailurePolicy":{"rules":[{"action":"FailIndex","onExitCodes":{"operator":"In","values":[1,2]}},{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"}]}]},"template":{"spec":{"containers":[{"name":"c","image":"i"}],"restartPolicy":"Never"}}},"status":{"completedIndexes":"0,1","failedIndexes":"3","active":1,"ready":1}}`,
	`{"metadata":{"name":"s","finalizers":["x"],"ownerReferences":[{"apiVersion":"v1","kind":"Pod","name":"p","uid":"u","controller":true}]},"spec":{"suspend":true,"selector":{"matchExpressions":[{"key":"a","operator":"In","values":["-"]}]},"manualSelector":true,"template":{"metadata":{"labels":{"a":"-"}},"spec":{"containers":[],"restartPolicy":"OnFailure","affinity":{"nodeAffinity":{}}}}},"status":{"startTime":"2025-01-01T00:00:00Z","conditions":[{"type":"Failed","status":"True"},{"type":"SuccessCriteriaMet","status":"True"}],"uncountedTerminatedPods":{"failed":["a","a",""]}}}`,
	// a probe's port by an empty name once made the port check index an empty string
	`{"metadata":{"name":"p"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"i","livenessProbe":{"tcpSocket":{"port":""}},"readinessProbe":{"httpGet":{"port":0}}}],"restartPolicy":"Never"}}}}`,
	`{"metadata":{"name":"v"},"spec":{"template":{"spec":{"os":{"name":"windows"},"hostNetwork":true,"volumes":[{"name":"a","projected":{"sources":[{"clusterTrustBundle":{"name":":x","path":"p"}},{"podCertificate":{"signerName":"a/b/c","keyType":"RSA"}}]}},{"name":"b","ephemeral":{"volumeClaimTemplate":{"spec":{"dataSourceRef":{"kind":"","name":"","namespace":"x"},"dataSource":{"kind":"K","name":"n"}}}}},{"name":"c","iscsi":{"targetPortal":"t","iqn":"iqn.x","lun":-1,"initiatorName":"naa.1"}}],"containers":[{"name":"c","image":"i","ports":[{"containerPort":1,"hostPort":1},{"containerPort":2,"hostPort":1}],"volumeDevices":[{"name":"b","devicePath":"/d/../e"}],"resources":{"claims":[{"name":"x"},{"name":"x","request":"r"}]},"env":[{"name":"E","valueFrom":{"fileKeyRef":{"volumeName":"a","path":"..","key":"k"}}}],"securityContext":{"windowsOptions":{"runAsUserName":"a\\b\\c","hostProcess":true}}}],"ephemeralContainers":[{"name":"c","image":" i ","targetContainerName":"z","ports":[{"containerPort":1}]}],"resources":{"requests":{"cpu":"1m"}},"dnsConfig":{"searches":["."]},"topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"k","whenUnsatisfiable":"DoNotSchedule","matchLabelKeys":["a"],"labelSelector":{"matchExpressions":[{"key":"a","operator":"Exists"}]}}],"restartPolicy":"Never"}}}}`,
	`{"metadata":{"name":"g"},"spec":{"parallelism":2,"scheduling":{"schedulingPolicy":{"basic":{},"gang":{"minCount":0}},"disruptionMode":{"all":{}},"schedulingConstraints":{"topology":[{"key":""},{"key":"b"}]}},"template":{"spec":{"containers":[{"name":"c","image":"i"}],"restartPolicy":"Never"}}}}`,
}

// FuzzValidate runs anything that decodes as a Job through the create, update, status
// update and template validations: none may panic, and each error has a path and a type.
func FuzzValidate(f *testing.F) {
	seeds := validateSeeds
	if full, err := os.ReadFile("testdata/full-pod-job.json"); err == nil {
		seeds = append(seeds[:len(seeds):len(seeds)], string(full))
	}
	for _, a := range seeds {
		for _, b := range seeds {
			f.Add([]byte(a), []byte(b))
		}
	}
	f.Fuzz(func(t *testing.T, obj, stored []byte) {
		opts := job.DecodeOptions{FieldValidation: job.Ignore}
		decode := func(data []byte) *job.Job {
			j, _, err := job.Decode(data, opts)
			if err != nil {
				return nil
			}
			return j
		}
		j := decode(obj)
		if j == nil {
			return
		}
		for _, gates := range []job.FeatureGates{nil, {job.WorkloadWithJob: true, job.MutablePodResourcesForSuspendedJobs: false}} {
			vopts := validation.Options{FeatureGates: gates}
			created := j.DeepCopy()
			job.SetDefaults(created)
			job.SetSystemFields(created, job.SystemFields{UID: "u", Namespace: "default", NameSuffix: "x7b9z"})
			job.PrepareForCreate(created, gates)
			wellFormed(t, validation.ValidateJob(created, vopts))
			validation.Warnings(created, nil)
			wellFormed(t, validation.ValidateJobTemplateSpec(&job.JobTemplateSpec{Spec: j.Spec}, field.NewPath("spec", "jobTemplate"), vopts))
			old := decode(stored)
			if old == nil {
				continue
			}
			job.SetDefaults(old)
			updated := j.DeepCopy()
			job.SetDefaults(updated)
			job.PrepareForUpdate(updated, old, gates)
			wellFormed(t, validation.ValidateJobUpdate(updated, old, vopts))
			validation.Warnings(updated, old)
			status := j.DeepCopy()
			job.PrepareForStatusUpdate(status, old)
			wellFormed(t, validation.ValidateJobStatusUpdate(status, old, vopts))
		}
	})
}

// wellFormed requires every error to have a type and a field path.
func wellFormed(t *testing.T, errs field.ErrorList) {
	t.Helper()
	for _, e := range errs {
		if e.Type == "" || e.Field == "" && e.Type != field.ErrorTypeInternal {
			t.Fatalf("malformed error %#v", e)
		}
	}
}

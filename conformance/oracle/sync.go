package oracle

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-logr/logr"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/strategicpatch"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/record"
	"k8s.io/client-go/util/workqueue"
	"k8s.io/klog/v2"
	clocktesting "k8s.io/utils/clock/testing"
	"k8s.io/utils/ptr"

	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/apis/batch"
	"k8s.io/kubernetes/pkg/controller"
	jobregistry "k8s.io/kubernetes/pkg/registry/batch/job"
)

// Sync judges one sync of a Job by a freshly started Job controller.
func Sync(in SyncInput) SyncExpect {
	out, _ := judgeSync(in)
	return out
}

// Aftermath is what a sync left behind: the Job as stored, and the pods, with the patches it
// sent applied, the pods it created (named as the API server would name them) and the names
// of those it deleted.
type Aftermath struct {
	Job     *batchv1.Job
	Pods    []*corev1.Pod
	Created []*corev1.Pod
	Deleted []string
}

// SyncStep is Sync, also returning the aftermath, from which a next step can be made. The
// aftermath is nil when the input could not be read.
func SyncStep(in SyncInput) (SyncExpect, *Aftermath) {
	out, w := judgeSync(in)
	if w == nil || w.stored == nil {
		return out, nil
	}
	after := &Aftermath{Job: toV1(w.stored.DeepCopy()), Created: w.named, Deleted: sorted(w.deleted)}
	slices.SortFunc(after.Created, func(a, b *corev1.Pod) int { return strings.Compare(a.Name, b.Name) })
	for _, name := range w.order {
		after.Pods = append(after.Pods, w.pods[name])
	}
	return out, after
}

// world is the API server and pod cache a sync runs against: it answers the controller's
// requests and keeps what they asked for.
type world struct {
	mu        sync.Mutex
	ns        string
	stored    *batch.Job // the Job as the API server stores it
	writes    []*batch.Job
	rejected  field.ErrorList
	pods      map[string]*corev1.Pod
	created   []*corev1.Pod
	named     []*corev1.Pod // created, as the API server answered
	generated map[string]int
	order     []string // pod names in the case's order
	deleted   []string
	unfinal   []string
	adopted   []string
	released  []string
	delays    []time.Duration
}

// recordingQueue is the controller's work queue, keeping the delays of the re-syncs asked for.
type recordingQueue struct {
	workqueue.TypedRateLimitingInterface[string]
	w *world
}

func (q recordingQueue) AddAfter(item string, d time.Duration) {
	q.w.mu.Lock()
	q.w.delays = append(q.w.delays, d)
	q.w.mu.Unlock()
	q.TypedRateLimitingInterface.AddAfter(item, d)
}

func judgeSync(in SyncInput) (out SyncExpect, w *world) {
	out.ID = in.ID
	defer func() {
		if r := recover(); r != nil {
			out = SyncExpect{ID: in.ID, Panic: fmt.Sprint(r)}
		}
	}()
	now, err := time.Parse(time.RFC3339, in.Now)
	if err != nil {
		return SyncExpect{ID: in.ID, InputError: "now: " + err.Error()}, nil
	}
	job, err := storedJob(in.Job)
	if err != nil {
		return SyncExpect{ID: in.ID, InputError: "job: " + err.Error()}, nil
	}
	w = &world{ns: job.Namespace, pods: map[string]*corev1.Pod{}, generated: map[string]int{}}
	if w.stored, _, err = decodeJob(mustJSON(job), false); err != nil {
		return SyncExpect{ID: in.ID, InputError: "job: " + err.Error()}, nil
	}
	pods := make([]*corev1.Pod, 0, len(in.Pods))
	position := map[string]int{}
	for i, raw := range in.Pods {
		pod, err := decodeV1Pod(raw)
		if err != nil {
			return SyncExpect{ID: in.ID, InputError: fmt.Sprintf("pods[%d]: %v", i, err)}, nil
		}
		if pod.Namespace == "" {
			pod.Namespace = job.Namespace
		}
		if pod.UID == "" {
			pod.UID = types.UID(pod.Name)
		}
		pods = append(pods, pod)
		position[pod.Namespace+"/"+pod.Name] = i
		w.pods[pod.Name] = pod
		w.order = append(w.order, pod.Name)
	}

	ctx := klog.NewContext(context.Background(), logr.Discard())
	client := fake.NewClientset()
	w.react(client)
	factory := informers.NewSharedInformerFactory(client, 0)
	podInformer, jobInformer := factory.Core().V1().Pods(), factory.Batch().V1().Jobs()
	jm, err := newController(ctx, client, clocktesting.NewFakeClock(now), podInformer, jobInformer)
	if err != nil {
		return SyncExpect{ID: in.ID, InputError: "controller: " + err.Error()}, nil
	}
	events := record.NewFakeRecorder(1 << 14)
	setField(jm, "recorder", record.EventRecorder(events))
	setField(jm, "podControl", controller.PodControlInterface(controller.RealPodControl{KubeClient: client, Recorder: events}))
	queue := controllerField(jm, "queue").Interface().(workqueue.TypedRateLimitingInterface[string])
	setField(jm, "queue", workqueue.TypedRateLimitingInterface[string](recordingQueue{queue, w}))
	indexer := podInformer.Informer().GetIndexer()
	setField(jm, "podIndexer", cache.Indexer(orderedIndexer{indexer, position}))
	if err := jobInformer.Informer().GetIndexer().Add(job); err != nil {
		return SyncExpect{ID: in.ID, InputError: err.Error()}, nil
	}
	for _, p := range pods {
		if err := indexer.Add(p); err != nil {
			return SyncExpect{ID: in.ID, InputError: err.Error()}, nil
		}
	}
	key := job.Namespace + "/" + job.Name
	store := podBackoffStore(jm)
	if in.Backoff != nil {
		record := backoffRecord{key: key, failuresAfterLastSuccess: in.Backoff.FailuresAfterLastSuccess}
		if in.Backoff.LastFailureTime != nil {
			t, err := time.Parse(time.RFC3339, *in.Backoff.LastFailureTime)
			if err != nil {
				return SyncExpect{ID: in.ID, InputError: "backoff: " + err.Error()}, nil
			}
			record.lastFailureTime = &t
		}
		if err := updateBackoffRecord(store, record); err != nil {
			return SyncExpect{ID: in.ID, InputError: "backoff: " + err.Error()}, nil
		}
	}

	syncErr := syncJob(jm, ctx, key)
	close(events.Events)

	w.mu.Lock()
	defer w.mu.Unlock()
	out = w.outcome(in.ID, job, syncErr)
	for e := range events.Events {
		out.Events = append(out.Events, e)
	}
	slices.Sort(out.Events)
	out.Backoff = &Backoff{}
	if r, ok := readBackoffRecord(store, key); ok {
		out.Backoff.FailuresAfterLastSuccess = r.failuresAfterLastSuccess
		if r.lastFailureTime != nil {
			out.Backoff.LastFailureTime = ptr.To(r.lastFailureTime.UTC().Format(time.RFC3339))
		}
	}
	return out, w
}

// storedJob reads the Job of a sync case as the controller's informer holds it, with what a
// stored Job always has.
func storedJob(raw json.RawMessage) (*batchv1.Job, error) {
	job, err := decodeV1Job(raw)
	if err != nil {
		return nil, err
	}
	if job.UID == "" {
		job.UID = FixedUID
	}
	if job.CreationTimestamp.IsZero() {
		job.CreationTimestamp = FixedCreation
	}
	if job.Namespace == "" {
		job.Namespace = DefaultNS
	}
	if job.ResourceVersion == "" {
		job.ResourceVersion = StoredVersion
	}
	return job, nil
}

func (w *world) outcome(id string, job *batchv1.Job, syncErr error) SyncExpect {
	out := SyncExpect{ID: id}
	final := w.stored
	if n := len(w.writes); n > 0 {
		final = w.writes[n-1]
		for _, s := range w.writes[:n-1] {
			out.InterimStatuses = append(out.InterimStatuses, statusJSON(s))
		}
	}
	out.Status = statusJSON(final)
	out.StatusUpdates = ptr.To(len(w.writes))
	for _, e := range w.rejected {
		out.StatusRejected = append(out.StatusRejected, errorOf(e, nil))
	}
	out.PodsCreated = ptr.To(len(w.created))
	indexed := ptr.Deref(job.Spec.CompletionMode, "") == batchv1.IndexedCompletion
	if indexed {
		out.CreatedIndexes = []int{}
	}
	for _, p := range w.created {
		if indexed {
			if ix, err := strconv.Atoi(p.Annotations[batchv1.JobCompletionIndexAnnotation]); err == nil {
				out.CreatedIndexes = append(out.CreatedIndexes, ix)
			}
		}
		out.CreatedPods = append(out.CreatedPods, createdPod(p))
	}
	slices.Sort(out.CreatedIndexes)
	slices.SortFunc(out.CreatedPods, func(a, b json.RawMessage) int { return strings.Compare(string(a), string(b)) })
	out.PodsDeleted = sorted(w.deleted)
	out.FinalizersRemoved = sorted(w.unfinal)
	if len(w.adopted) > 0 {
		out.PodsAdopted = sorted(w.adopted)
	}
	if len(w.released) > 0 {
		out.PodsReleased = sorted(w.released)
	}
	for _, d := range w.delays {
		out.RequeueAfterMs = append(out.RequeueAfterMs, d.Milliseconds())
	}
	if syncErr != nil {
		out.Error = syncErr.Error()
	}
	return out
}

// sorted returns the names in s, each once, in order.
func sorted(s []string) []string {
	out := append([]string{}, s...)
	sort.Strings(out)
	return slices.Compact(out)
}

// createdPod is what the case format keeps of a pod the controller asked to create.
func createdPod(p *corev1.Pod) json.RawMessage {
	return mustJSON(struct {
		GenerateName string            `json:"generateName,omitempty"`
		Hostname     string            `json:"hostname,omitempty"`
		Labels       map[string]string `json:"labels,omitempty"`
		Annotations  map[string]string `json:"annotations,omitempty"`
		Finalizers   []string          `json:"finalizers,omitempty"`
	}{p.GenerateName, p.Spec.Hostname, p.Labels, p.Annotations, p.Finalizers})
}

func statusJSON(j *batch.Job) json.RawMessage {
	return mustJSON(toV1(j).Status)
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// react answers the controller's API requests as an API server would, and keeps them.
func (w *world) react(client *fake.Clientset) {
	client.PrependReactor("create", "pods", w.createPod)
	client.PrependReactor("delete", "pods", w.deletePod)
	client.PrependReactor("patch", "pods", w.patchPod)
	client.PrependReactor("update", "jobs", w.updateJob)
	client.PrependReactor("get", "jobs", w.getJob)
}

func (w *world) createPod(action k8stesting.Action) (bool, runtime.Object, error) {
	pod := action.(k8stesting.CreateAction).GetObject().(*corev1.Pod).DeepCopy()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.created = append(w.created, pod)
	created := pod.DeepCopy()
	// Pods with one generateName are alike, so naming them by count is the same whatever the
	// order of the controller's concurrent requests.
	w.generated[pod.GenerateName]++
	created.Name = fmt.Sprintf("%s%05d", pod.GenerateName, w.generated[pod.GenerateName])
	created.Namespace = action.GetNamespace()
	created.UID = types.UID(created.Name)
	w.named = append(w.named, created.DeepCopy())
	return true, created, nil
}

func (w *world) deletePod(action k8stesting.Action) (bool, runtime.Object, error) {
	name := action.(k8stesting.DeleteAction).GetName()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.deleted = append(w.deleted, name)
	return true, nil, nil
}

func (w *world) patchPod(action k8stesting.Action) (bool, runtime.Object, error) {
	pa := action.(k8stesting.PatchAction)
	name, patch := pa.GetName(), pa.GetPatch()
	w.mu.Lock()
	defer w.mu.Unlock()
	pod, ok := w.pods[name]
	if !ok {
		return true, nil, apierrors.NewNotFound(corev1.Resource("pods"), name)
	}
	text := string(patch)
	switch {
	case strings.Contains(text, `"$patch":"delete"`):
		w.released = append(w.released, name)
		if strings.Contains(text, "$deleteFromPrimitiveList/finalizers") {
			w.unfinal = append(w.unfinal, name)
		}
	case strings.Contains(text, "$deleteFromPrimitiveList/finalizers"):
		w.unfinal = append(w.unfinal, name)
	case strings.Contains(text, "ownerReferences"):
		w.adopted = append(w.adopted, name)
	}
	patched, err := strategicpatch.StrategicMergePatch(mustJSON(pod), patch, corev1.Pod{})
	if err != nil {
		return true, nil, err
	}
	next := &corev1.Pod{}
	if err := json.Unmarshal(patched, next); err != nil {
		return true, nil, err
	}
	w.pods[name] = next
	return true, next, nil
}

func (w *world) getJob(action k8stesting.Action) (bool, runtime.Object, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if action.(k8stesting.GetAction).GetName() != w.stored.Name {
		return true, nil, apierrors.NewNotFound(batch.Resource("jobs"), action.(k8stesting.GetAction).GetName())
	}
	return true, toV1(w.stored.DeepCopy()), nil
}

// updateJob answers a status write as the API server does: decoded from the body, checked
// against the Job as stored at that moment with the status strategy, and stored with a new
// resource version when accepted.
func (w *world) updateJob(action k8stesting.Action) (bool, runtime.Object, error) {
	ua := action.(k8stesting.UpdateAction)
	if ua.GetSubresource() != "status" {
		return true, nil, apierrors.NewMethodNotSupported(batch.Resource("jobs"), "update")
	}
	body := mustJSON(ua.GetObject())
	w.mu.Lock()
	defer w.mu.Unlock()
	next, _, err := decodeJob(body, true)
	if err != nil {
		return true, nil, apierrors.NewBadRequest(err.Error())
	}
	old := w.stored
	if next.ResourceVersion != "" && next.ResourceVersion != old.ResourceVersion {
		return true, nil, apierrors.NewConflict(batch.Resource("jobs"), old.Name, fmt.Errorf("the object has been modified; please apply your changes to the latest version and try again"))
	}
	next.ResourceVersion = old.ResourceVersion
	ctx := requestContext(context.Background(), "update", old.Namespace, old.Name, "status")
	s := &observed{strategy: jobregistry.StatusStrategy}
	if err := rest.BeforeUpdate(s, ctx, next, old.DeepCopy()); err != nil {
		if apierrors.IsInvalid(err) {
			w.rejected = s.validationErrors(err)
		}
		return true, nil, err
	}
	rv, _ := strconv.Atoi(old.ResourceVersion)
	next.ResourceVersion = strconv.Itoa(rv + 1)
	w.stored = next
	w.writes = append(w.writes, next)
	// Conversion shares memory: the controller goes on with, and mutates, what it gets back.
	return true, toV1(next.DeepCopy()), nil
}

func toV1(j *batch.Job) *batchv1.Job {
	out := &batchv1.Job{}
	if err := legacyscheme.Scheme.Convert(j, out, nil); err != nil {
		panic(err)
	}
	out.APIVersion, out.Kind = "batch/v1", "Job"
	return out
}

// Package sim is the Kubernetes 1.37 Job controller as pure functions: what one sync does
// with a Job and its pods, a simulator that runs syncs on a virtual clock as the controller
// would be triggered, and statuses derived from it for tests.
//
// Sync answers as upstream's syncJob does, word for word where the controller writes words
// (condition reasons and messages, events, errors): the status writes in order, each checked
// as the API server checks status updates (a rejected one ends the sync, as on a cluster),
// the pods to create (with their indexes, labels, annotations, finalizer and hostname), to
// delete and to patch, the re-syncs asked for, and the in-memory backoff record. It reads
// nothing but its input and keeps no state.
package sim

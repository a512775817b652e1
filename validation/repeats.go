package validation

// linearNames is how long a list may be before repeated names in it are found with a set
// rather than by scanning: scanning allocates nothing, the set keeps long lists linear.
const linearNames = 16

// repeats finds the items of a list, walked in order, whose key an earlier item has.
type repeats[T any] struct {
	key  func(*T) string
	seen map[string]bool // for long lists
}

func newRepeats[T any](n int, key func(*T) string) repeats[T] {
	r := repeats[T]{key: key}
	if n > linearNames {
		r.seen = make(map[string]bool, n)
	}
	return r
}

// before reports whether an item before items[i] has its key. With a set, the items must be
// asked about in order.
func (r repeats[T]) before(items []T, i int) bool {
	k := r.key(&items[i])
	if r.seen != nil {
		seen := r.seen[k]
		r.seen[k] = true
		return seen
	}
	for j := range items[:i] {
		if r.key(&items[j]) == k {
			return true
		}
	}
	return false
}

// Package warnings keeps the warnings of one request as the API server sends them: each text
// once, in the order first added, and at most 4096 characters (runes) in all; past that, the
// API server cuts every warning to 256 characters and stops taking more once it is over the
// total again.
package warnings

import "unicode/utf8"

// The API server's limits (its warning recorder's truncateAtTotalRunes and truncateItemRunes).
const (
	MaxTotalRunes = 4 * 1024
	MaxItemRunes  = 256
)

// A Recorder collects warnings. The zero value is empty and ready.
type Recorder struct {
	seen       map[string]bool
	ordered    []string // every distinct warning taken, whole
	sent       []string // what the API server would send
	written    int
	truncating bool
}

// Add takes a warning; empty texts are ignored.
func (r *Recorder) Add(text string) {
	if text == "" || r.written >= MaxTotalRunes && r.truncating || r.seen[text] {
		return
	}
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	r.seen[text] = true
	r.ordered = append(r.ordered, text)
	n := utf8.RuneCountInString(text)
	if r.truncating {
		text, n = cut(text, n)
	}
	if r.written+n <= MaxTotalRunes || r.truncating {
		r.written += n
		r.sent = append(r.sent, text)
		return
	}
	r.truncating, r.written, r.sent = true, 0, r.sent[:0]
	for _, w := range r.ordered {
		w, n := cut(w, utf8.RuneCountInString(w))
		r.written += n
		r.sent = append(r.sent, w)
	}
}

// List returns the warnings as the API server would send them; nil when there are none.
func (r *Recorder) List() []string {
	if len(r.sent) == 0 {
		return nil
	}
	return append([]string(nil), r.sent...)
}

// Of records texts in order and returns what the API server would send of them.
func Of(texts []string) []string {
	var r Recorder
	for _, t := range texts {
		r.Add(t)
	}
	return r.List()
}

func cut(text string, n int) (string, int) {
	if n <= MaxItemRunes {
		return text, n
	}
	return string([]rune(text)[:MaxItemRunes]), MaxItemRunes
}

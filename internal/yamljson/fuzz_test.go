package yamljson

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzConvert checks Convert against sigs.k8s.io/yaml: whatever the fast path reads, it
// must read as the slow path does, without
// panicking on any input.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"a: 1\n",
		"apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n  labels: {app: pi}\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n        args: [\"-c\", 'x']\n        command:\n        - sh\n        - |\n          echo 1\n          echo 2\n      restartPolicy: Never\n",
		"a: >-\n  one\n\n  two\n    three\nb: |+\n  x\n\n",
		"a: \"\\u00e9\\t\\x41\"\nb: 'it''s'\nc: [1, {d: e}, ]\n",
		"a: 0x1F\nb: 1e3\nc: yes\nd: ~\ne: 2024-01-02\n",
	} {
		f.Add([]byte(s))
	}
	if paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "manifests", "*.yaml")); err == nil {
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		agree(t, src)
	})
}

package yamljson

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	yaml3 "go.yaml.in/yaml/v3"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/jobkit/jobkit/internal/conformance"
)

// TestCorpusAsYAML converts every object of the judged corpus written as YAML the way
// kubectl writes it (sigs.k8s.io/yaml) and the way go-yaml v3 writes it, and checks that
// Convert agrees with sigs.k8s.io/yaml on each and reads nearly all of them.
func TestCorpusAsYAML(t *testing.T) {
	cases := conformance.CorpusValidate(t)
	writers := []struct {
		name  string
		write func(json.RawMessage) ([]byte, error)
		least float64 // the share Convert must read
	}{
		{"kubectl", func(j json.RawMessage) ([]byte, error) { return sigsyaml.JSONToYAML(j) }, 0.99},
		{"go-yaml v3", func(j json.RawMessage) ([]byte, error) {
			var v any
			if err := yaml3.Unmarshal(j, &v); err != nil {
				return nil, err
			}
			return yaml3.Marshal(v)
		}, 0.99},
	}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			total, fast := 0, 0
			for _, c := range cases {
				src, err := w.write(c.Input.Object)
				if err != nil || !bytes.HasPrefix(bytes.TrimSpace(c.Input.Object), []byte("{")) {
					continue
				}
				total++
				if agree(t, src) {
					fast++
				}
			}
			share := float64(fast) / float64(total)
			t.Logf("%d of %d documents read by the fast path (%.1f%%)", fast, total, 100*share)
			if total == 0 || share < w.least {
				t.Errorf("the fast path read %.1f%% of %d documents, want at least %.0f%%", 100*share, total, 100*w.least)
			}
		})
	}
}

// TestRepositoryManifests checks Convert against sigs.k8s.io/yaml on every YAML document
// in the repository's examples and test data.
func TestRepositoryManifests(t *testing.T) {
	root := filepath.Join("..", "..")
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "conformance" && path != root || d.Name() == ".git") {
			return filepath.SkipDir
		}
		if ext := filepath.Ext(path); ext != ".yaml" && ext != ".yml" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, doc := range strings.Split(string(data), "\n---\n") {
			agree(t, []byte(doc))
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("checked %d documents; the examples hold more", n)
	}
}

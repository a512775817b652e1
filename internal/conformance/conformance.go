// Package conformance loads the judged cases of ../shared/conformance and
// ../shared/realworld for jobkit's tests. The files are read in place, never copied.
//
// The folder is found next to the module root, or at $JOBKIT_SHARED. When it is missing the
// tests skip with a message, except under CI (CI=true), where they fail.
package conformance

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder (holding conformance/ and realworld/), or skips or fails t
// when it is missing.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := find()
	if err == nil {
		return dir
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("conformance cases are required under CI: %v", err)
	}
	t.Skipf("skipping: %v (set JOBKIT_SHARED to the folder holding conformance/)", err)
	return ""
}

// SharedAvailable reports whether the shared folder is there, for tests that read it when
// it is and go on without it.
func SharedAvailable() bool {
	_, err := find()
	return err == nil
}

// find locates the shared folder: beside the root of the first module above the working
// directory that has one there (nested modules, such as examples with their own go.mod, sit
// inside jobkit's).
func find() (string, error) {
	if dir := os.Getenv("JOBKIT_SHARED"); dir != "" {
		return dir, checkDir(dir)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	var first error
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			err := checkDir(shared)
			if err == nil {
				return shared, nil
			}
			if first == nil {
				first = err
			}
		}
		if parent := filepath.Dir(dir); parent == dir {
			if first == nil {
				first = errors.New("no go.mod above " + wd)
			}
			return "", first
		}
	}
}

func checkDir(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "conformance", "validate.jsonl")); err != nil {
		return fmt.Errorf("no conformance cases in %s", dir)
	}
	return nil
}

// Case is one line of a case file: its input and the expected answer.
type Case[I, E any] struct {
	Input  I `json:"input"`
	Expect E `json:"expect"`
}

// Load reads every case of the JSON Lines file rel (such as "conformance/match.jsonl")
// under the shared folder.
func Load[I, E any](t testing.TB, rel string) []Case[I, E] {
	t.Helper()
	path := filepath.Join(Dir(t), rel)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []Case[I, E]
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var c Case[I, E]
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return cases
}

// BenchInput reads an input file of ../shared/bench, such as "typical-job.json".
func BenchInput(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Dir(t), "bench", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

package conformance

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// CorpusDir returns the folder of jobkit's own judged corpus, conformance/corpus at the top
// of the repository, found from the working directory upward. Its absence fails t: the corpus
// is part of every clone.
func CorpusDir(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		corpus := filepath.Join(dir, "conformance", "corpus")
		if _, err := os.Stat(filepath.Join(corpus, "validate.jsonl.gz")); err == nil {
			return corpus
		}
		if filepath.Dir(dir) == dir {
			t.Fatalf("no conformance/corpus above %s", wd)
		}
	}
}

// LoadCorpus reads every case of the corpus file name (such as "validate.jsonl.gz").
func LoadCorpus[I, E any](t testing.TB, name string) []Case[I, E] {
	t.Helper()
	path := filepath.Join(CorpusDir(t), name)
	cases, err := readGzipLines[I, E](path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return cases
}

func readGzipLines[I, E any](path string) ([]Case[I, E], error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	var cases []Case[I, E]
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var c Case[I, E]
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, errors.Join(err, zr.Close())
	}
	return cases, zr.Close()
}

// CorpusValidate loads the corpus's create, update and status update cases.
func CorpusValidate(t testing.TB) []ValidateCase {
	return LoadCorpus[ValidateInput, ValidateExpect](t, "validate.jsonl.gz")
}

// CorpusMatch loads the corpus's pod failure policy cases.
func CorpusMatch(t testing.TB) []MatchCase {
	return LoadCorpus[MatchInput, MatchExpect](t, "match.jsonl.gz")
}

// CorpusIndexes loads the corpus's index string cases.
func CorpusIndexes(t testing.TB) []IndexesCase {
	return LoadCorpus[IndexesInput, IndexesExpect](t, "indexes.jsonl.gz")
}

// CorpusCronJob loads the corpus's CronJob create cases.
func CorpusCronJob(t testing.TB) []ValidateCase {
	return LoadCorpus[ValidateInput, ValidateExpect](t, "cronjob.jsonl.gz")
}

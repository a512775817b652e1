package conformance

import (
	"bufio"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateKnown = flag.Bool("update-known", false, "rewrite conformance/known-disagreements.txt with the disagreements found")

// KnownFile is the list of the corpus cases jobkit is known to answer differently from
// Kubernetes, by corpus file and area.
const KnownFile = "known-disagreements.txt"

// Known reads the known disagreements of one corpus file: case id to area.
func Known(t testing.TB, corpusFile string) map[string]string {
	t.Helper()
	sections, err := readKnown(knownPath(t))
	if err != nil {
		t.Fatal(err)
	}
	return sections[corpusFile]
}

func knownPath(t testing.TB) string { return filepath.Join(filepath.Dir(CorpusDir(t)), KnownFile) }

// CheckKnown compares the disagreements found on a corpus file (case id to area) with the
// known ones. A disagreement not on the list fails t, and so does a listed case that now
// agrees, so that the list cannot go stale. With -update-known the list is rewritten instead.
func CheckKnown(t *testing.T, corpusFile string, found map[string]string, problems map[string]string) {
	t.Helper()
	path := knownPath(t)
	sections, err := readKnown(path)
	if err != nil {
		t.Fatal(err)
	}
	if *updateKnown {
		sections[corpusFile] = found
		if err := writeKnown(path, sections); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: wrote %d known disagreements of %s", path, len(found), corpusFile)
		return
	}
	known := sections[corpusFile]
	shown := 0
	for _, id := range slices.Sorted(maps.Keys(found)) {
		if _, ok := known[id]; !ok {
			if shown++; shown <= 30 {
				t.Errorf("%s: disagrees with Kubernetes and is not in %s: %s", id, KnownFile, problems[id])
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(known)) {
		if _, ok := found[id]; !ok {
			if shown++; shown <= 30 {
				t.Errorf("%s: now agrees with Kubernetes; remove it from %s (go test -run %s -update-known)", id, KnownFile, t.Name())
			}
		}
	}
	if shown > 30 {
		t.Errorf("... %d differences from %s in all", shown, KnownFile)
	}
}

// The file: comment lines (#), a [corpus file] line opening each section, and in it one
// "area: case id" line per known disagreement, sorted by area and id.
func readKnown(path string) (map[string]map[string]string, error) {
	sections := map[string]map[string]string{}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return sections, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	section := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
			sections[section] = map[string]string{}
		default:
			i := strings.LastIndex(line, ": ") // areas may hold ": ", ids do not
			if i < 0 || section == "" {
				return nil, fmt.Errorf("%s:%d: want \"area: case id\" in a [section]", path, n)
			}
			sections[section][line[i+2:]] = line[:i]
		}
	}
	return sections, sc.Err()
}

func writeKnown(path string, sections map[string]map[string]string) error {
	var b strings.Builder
	b.WriteString(`# The cases of the judged corpus (conformance/corpus) that jobkit answers differently from
# Kubernetes, by corpus file and area. The tests fail on a disagreement that is not listed
# here, and on a listed case that agrees, so the list is exact. Rewrite it with
#   go test -p 1 ./apiserver ./policy ./indexes ./sim -update-known
# after a change that makes cases agree, and read the diff.
`)
	for _, file := range slices.Sorted(maps.Keys(sections)) {
		entries := sections[file]
		fmt.Fprintf(&b, "\n[%s]\n", file)
		byArea := map[string][]string{}
		for id, area := range entries {
			byArea[area] = append(byArea[area], id)
		}
		for _, area := range slices.Sorted(maps.Keys(byArea)) {
			ids := byArea[area]
			slices.Sort(ids)
			fmt.Fprintf(&b, "# %s: %d\n", area, len(ids))
			for _, id := range ids {
				fmt.Fprintf(&b, "%s: %s\n", area, id)
			}
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

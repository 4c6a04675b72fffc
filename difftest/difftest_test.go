package difftest

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTranscripts plays every testdata/*.txt transcript.
func TestTranscripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) { RunFile(t, f) })
	}
}

package difftest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModuleTranscripts plays testdata/modules/<stem>.txt with
// bin/modules/<stem>.so loaded into both servers: the same unmodified .so
// must behave the same in modhost and in real Redis.
func TestModuleTranscripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/modules/*.txt")
	for _, f := range files {
		stem := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(stem, func(t *testing.T) {
			so, err := filepath.Abs(filepath.Join("..", "bin", "modules", stem+".so"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(so); err != nil {
				t.Fatalf("%s is not built (make modules): %v", so, err)
			}
			RunFile(t, f, Module(so))
		})
	}
}

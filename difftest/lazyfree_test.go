package difftest

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestLazyFreeModuleValue: UNLINK of a module value whose free_effort
// exceeds 64 frees it in the background on both servers (lazyfreed_objects
// counts it), a small one and a DEL are freed at once.
func TestLazyFreeModuleValue(t *testing.T) {
	so, err := filepath.Abs(filepath.Join("..", "bin", "modules", "mhkeys.so"))
	if err != nil {
		t.Fatal(err)
	}
	p := Start(t, Module(so))
	for i := 0; i < 100; i++ {
		p.Do("mk.tpush", "big", strconv.Itoa(i))
	}
	p.Do("mk.tpush", "small", "1")
	p.Do("mk.tpush", "deleted", "1")
	p.Do("UNLINK", "small")
	p.Do("DEL", "deleted")
	p.Do("UNLINK", "big")
	p.Do("EXISTS", "big")
	for _, side := range []string{"modhost", "redis"} {
		deadline := time.Now().Add(5 * time.Second)
		for {
			mod, red := p.Replies("INFO", "memory")
			raw := mod
			if side == "redis" {
				raw = red
			}
			if infoField(raw, "lazyfreed_objects") == "1" && infoField(raw, "lazyfree_pending_objects") == "0" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: lazyfreed_objects=%s pending=%s, want 1 and 0", side,
					infoField(raw, "lazyfreed_objects"), infoField(raw, "lazyfree_pending_objects"))
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

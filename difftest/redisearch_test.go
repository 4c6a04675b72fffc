package difftest

import (
	"os"
	"testing"

	"modhost/internal/testserver"
)

// redisearchSO is Debian's prebuilt RediSearch 1.2.2 (package
// redis-redisearch), a real third-party module loaded unmodified.
const redisearchSO = "/usr/lib/redis/modules/redisearch.so"

// TestRediSearch plays testdata/redisearch/redisearch.txt with the same
// RediSearch .so loaded into modhost and real Redis.
func TestRediSearch(t *testing.T) {
	if _, err := os.Stat(redisearchSO); err != nil {
		testserver.SkipOrFail(t, "%s is not installed (make deps installs redis-redisearch)", redisearchSO)
	}
	RunFile(t, "testdata/redisearch/redisearch.txt", Module(redisearchSO))
}

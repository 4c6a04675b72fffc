package difftest

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"modhost/config"
)

// TestNotify plays the keyspace-notification transcripts in
// testdata/notify/ with notify-keyspace-events set on both servers. They
// live apart from testdata/*.txt because they need the setting from the
// start: the file name (before .txt) is the flag string, "KEA" style.
func TestNotify(t *testing.T) {
	files, _ := os.ReadDir("testdata/notify")
	for _, f := range files {
		name, ok := strings.CutSuffix(f.Name(), ".txt")
		if !ok {
			continue
		}
		flags := strings.SplitN(name, "-", 2)[0]
		t.Run(name, func(t *testing.T) {
			p := Start(t, Args("--notify-keyspace-events", flags))
			// modhost may not read the option from its command line yet;
			// set the engine's mask directly so the test does not depend
			// on that wiring.
			mask, ok := config.ParseKeyspaceEvents(flags)
			if !ok {
				t.Fatalf("bad flags %q", flags)
			}
			eng := p.Modhost.In.Eng
			eng.Lock.Lock()
			eng.Settings.NotifyFlags = mask
			eng.Lock.Unlock()
			playFile(t, p, "testdata/notify/"+f.Name())
		})
	}
}

// playFile plays a transcript on an already started pair, line by line as
// RunFile does.
func playFile(t *testing.T, p *Pair, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		t.Run(strconv.Itoa(line)+":"+shorten(text), func(t *testing.T) {
			p.t = t
			run(t, p, text)
		})
	}
}

package aof

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"modhost/config"
)

// File types as the manifest spells them.
const (
	TypeBase    = 'b'
	TypeHistory = 'h'
	TypeIncr    = 'i'
)

// FileInfo is one manifest line: a file of the multi-part AOF.
type FileInfo struct {
	Name string
	Seq  int64
	Type byte
}

// Manifest lists the files of a multi-part AOF: at most one base, the
// history files waiting for deletion, and the incr files in replay order.
type Manifest struct {
	Base    *FileInfo
	History []FileInfo
	Incr    []FileInfo
	// BaseSeq and IncrSeq are the highest sequence numbers used so far.
	BaseSeq, IncrSeq int64
}

// errManifest is the reason Redis gives for any malformed manifest.
var errManifest = errors.New("Invalid AOF manifest file format")

// ParseManifest reads a manifest's text. Lines are "key value" pairs
// separated by spaces; lines starting with '#' are comments.
func ParseManifest(data []byte) (*Manifest, error) {
	if len(data) == 0 {
		return nil, errors.New("Found an empty AOF manifest")
	}
	m := &Manifest{}
	for len(data) > 0 {
		// Redis reads lines of at most 1024 bytes; a longer one, or a
		// last line without its newline, is refused.
		chunk := data
		if len(chunk) > manifestMaxLine {
			chunk = chunk[:manifestMaxLine]
		}
		nl := bytes.IndexByte(chunk, '\n')
		if chunk[0] == '#' {
			if nl < 0 {
				data = data[len(chunk):]
			} else {
				data = data[nl+1:]
			}
			continue
		}
		if nl < 0 {
			return nil, errors.New("The AOF manifest file contains too long line")
		}
		line := strings.Trim(string(chunk[:nl]), " \t\r\n")
		data = data[nl+1:]
		if line == "" {
			return nil, errManifest
		}
		f, err := config.SplitArgs(line)
		if err != nil || len(f) < 6 || len(f)%2 != 0 {
			return nil, errManifest
		}
		var fi FileInfo
		for j := 0; j < len(f); j += 2 {
			switch strings.ToLower(f[j]) {
			case "file":
				fi.Name = f[j+1]
				if strings.ContainsRune(fi.Name, '/') {
					return nil, errors.New("File can't be a path, just a filename")
				}
			case "seq":
				fi.Seq = atoll(f[j+1])
			case "type":
				if f[j+1] != "" {
					fi.Type = f[j+1][0]
				}
			}
		}
		if fi.Name == "" || fi.Seq == 0 || fi.Type == 0 {
			return nil, errManifest
		}
		switch fi.Type {
		case TypeBase:
			if m.Base != nil {
				return nil, errors.New("Found duplicate base file information")
			}
			b := fi
			m.Base = &b
			m.BaseSeq = fi.Seq
		case TypeHistory:
			m.History = append(m.History, fi)
		case TypeIncr:
			if fi.Seq <= m.IncrSeq {
				return nil, errors.New("Found a non-monotonic sequence number")
			}
			m.Incr = append(m.Incr, fi)
			m.IncrSeq = fi.Seq
		default:
			return nil, errors.New("Unknown AOF file type")
		}
	}
	return m, nil
}

// manifestMaxLine is the longest manifest line Redis reads.
const manifestMaxLine = 1024

// atoll is C's atoll: leading blanks, a sign, digits; 0 when none.
func atoll(s string) int64 {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	end := 0
	if end < len(s) && (s[end] == '-' || s[end] == '+') {
		end++
	}
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	n, _ := strconv.ParseInt(s[:end], 10, 64)
	return n
}

// manifestName quotes a file name the way Redis writes it into the
// manifest: as is unless it has blanks, quotes, backslashes or
// unprintable bytes.
func manifestName(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c <= ' ' || c >= 0x7f || c == '"' || c == '\\' {
			return config.Repr(name)
		}
	}
	return name
}

// Encode writes the manifest as Redis does: the base, then history files,
// then incr files, one "file <name> seq <n> type <t>" line each.
func (m *Manifest) Encode() []byte {
	var b bytes.Buffer
	line := func(fi FileInfo) {
		fmt.Fprintf(&b, "file %s seq %d type %c\n", manifestName(fi.Name), fi.Seq, fi.Type)
	}
	if m.Base != nil {
		line(*m.Base)
	}
	for _, fi := range m.History {
		line(fi)
	}
	for _, fi := range m.Incr {
		line(fi)
	}
	return b.Bytes()
}

// Clone returns a deep copy.
func (m *Manifest) Clone() *Manifest {
	c := *m
	if m.Base != nil {
		b := *m.Base
		c.Base = &b
	}
	c.History = append([]FileInfo(nil), m.History...)
	c.Incr = append([]FileInfo(nil), m.Incr...)
	return &c
}

// writeAtomic writes data to dir/name through a synced temporary file
// renamed over the target, then syncs the directory, so a crash leaves
// either the old or the new content.
func writeAtomic(dir, name string, data []byte) error {
	tmp := filepath.Join(dir, "temp-"+name)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(dir)
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

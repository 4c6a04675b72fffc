package server

import (
	"bytes"
	"errors"
	"io"
	"math"
)

// Limits Redis applies while parsing requests.
const (
	inlineMax       = 64 * 1024 // PROTO_INLINE_MAX_SIZE
	maxMultibulk    = math.MaxInt32
	unauthMultibulk = 10
	unauthBulk      = 16384
	readChunk       = 16 * 1024
	bigArgThreshold = 32 * 1024 // PROTO_MBULK_BIG_ARG
)

// protoError is a protocol violation; the client gets "-ERR Protocol
// error: ..." and is disconnected, as Redis does.
type protoError string

func (e protoError) Error() string { return "Protocol error: " + string(e) }

// emptyRequest is what next returns for a request without arguments; it
// must be non-nil, since nil means "need more input".
var emptyRequest = [][]byte{}

// errQueryBufLimit means the client exceeded client-query-buffer-limit.
var errQueryBufLimit = errors.New("query buffer limit")

// reader parses requests from a connection the way Redis's
// processMultibulkBuffer and processInlineBuffer do. It is used by one
// goroutine at a time.
type reader struct {
	rd         io.Reader
	buf        []byte
	start, end int
	// need is how many buffered bytes the next command needs at least,
	// learned from a bulk length, so big values are read in one go.
	need int
	// limits, refreshed by the caller before each parse.
	maxBulk int64
	qbLimit int64
	authed  bool
	// pending holds bytes read while the client was blocked, appended to
	// the buffer by the next fill.
	pending []byte
	// splitArgs splits an inline request the way sdssplitargs does.
	splitArgs func(line string) ([]string, bool)
}

func newReader(rd io.Reader) *reader {
	return &reader{rd: rd, buf: make([]byte, readChunk)}
}

// buffered reports the number of unparsed bytes.
func (r *reader) buffered() int { return r.end - r.start }

// fill reads more bytes from the connection.
func (r *reader) fill() error {
	if r.start == r.end {
		r.start, r.end = 0, 0
		if len(r.buf) > 4*readChunk && r.need == 0 {
			r.buf = make([]byte, readChunk)
		}
	}
	want := r.need
	if want < readChunk {
		want = readChunk
	}
	if len(r.buf)-r.end < readChunk || r.end-r.start+want > len(r.buf) {
		// Compact, and grow if what we need does not fit.
		size := len(r.buf)
		for size < r.end-r.start+want {
			size *= 2
		}
		nb := r.buf
		if size != len(r.buf) {
			nb = make([]byte, size)
		}
		n := copy(nb, r.buf[r.start:r.end])
		r.buf, r.start, r.end = nb, 0, n
	}
	if len(r.pending) > 0 && len(r.buf)-r.end >= len(r.pending) {
		r.end += copy(r.buf[r.end:], r.pending)
		r.pending = nil
		return nil
	}
	if len(r.pending) > 0 {
		// Rare: a large read-ahead; grow and retry.
		nb := make([]byte, r.end-r.start+len(r.pending)+readChunk)
		n := copy(nb, r.buf[r.start:r.end])
		n += copy(nb[n:], r.pending)
		r.buf, r.start, r.end, r.pending = nb, 0, n, nil
		return nil
	}
	n, err := r.rd.Read(r.buf[r.end:])
	r.end += n
	if n > 0 {
		return nil
	}
	if err == nil {
		err = io.ErrNoProgress
	}
	return err
}

// next parses one command from the buffer. It returns nil args (and a nil
// error) when the buffer holds no complete command yet. An empty request
// (an empty inline line, "*0") returns an empty non-nil slice.
func (r *reader) next(args [][]byte) ([][]byte, error) {
	b := r.buf[r.start:r.end]
	if len(b) == 0 {
		return nil, nil
	}
	if b[0] != '*' {
		return r.inline(b, args)
	}
	nl := bytes.IndexByte(b, '\r')
	if nl < 0 {
		if len(b) > inlineMax {
			return nil, protoError("too big mbulk count string")
		}
		return nil, r.checkLimit()
	}
	if nl+1 >= len(b) {
		return nil, r.checkLimit()
	}
	count, ok := parseLen(b[1:nl])
	if !ok || count > maxMultibulk {
		return nil, protoError("invalid multibulk length")
	}
	if count > unauthMultibulk && !r.authed {
		return nil, protoError("unauthenticated multibulk length")
	}
	pos := nl + 2
	if count <= 0 {
		r.start += pos
		r.need = 0
		return emptyRequest, nil
	}
	args = args[:0]
	for i := int64(0); i < count; i++ {
		if pos >= len(b) {
			return nil, r.checkLimit()
		}
		if b[pos] != '$' {
			return nil, protoError("expected '$', got '" + string(b[pos]) + "'")
		}
		e := bytes.IndexByte(b[pos:], '\r')
		if e < 0 {
			if len(b)-pos > inlineMax {
				return nil, protoError("too big bulk count string")
			}
			return nil, r.checkLimit()
		}
		if pos+e+1 >= len(b) {
			return nil, r.checkLimit()
		}
		n, ok := parseLen(b[pos+1 : pos+e])
		if !ok || n < 0 || n > r.maxBulk {
			return nil, protoError("invalid bulk length")
		}
		if !r.authed && n > unauthBulk {
			return nil, protoError("unauthenticated bulk length")
		}
		// Redis keeps a big argument alone in its query buffer, so the
		// limit applies to the argument itself: one that cannot fit
		// closes the connection once it arrives, whatever else is queued.
		if n >= bigArgThreshold && r.qbLimit > 0 && n+2 > r.qbLimit {
			return nil, errQueryBufLimit
		}
		pos += e + 2
		if int64(len(b)-pos) < n+2 {
			r.need = pos + int(n) + 2
			return nil, r.checkLimit()
		}
		args = append(args, b[pos:pos+int(n):pos+int(n)])
		pos += int(n) + 2
	}
	r.start += pos
	r.need = 0
	return args, nil
}

// checkLimit enforces client-query-buffer-limit on an incomplete command.
func (r *reader) checkLimit() error {
	if r.qbLimit > 0 && int64(r.end-r.start) > r.qbLimit {
		return errQueryBufLimit
	}
	return nil
}

func (r *reader) inline(b []byte, args [][]byte) ([][]byte, error) {
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 {
		if len(b) > inlineMax {
			return nil, protoError("too big inline request")
		}
		return nil, r.checkLimit()
	}
	line := b[:nl]
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	r.start += nl + 1
	parts, ok := r.splitArgs(string(line))
	if !ok {
		return nil, protoError("unbalanced quotes in request")
	}
	if len(parts) == 0 {
		return emptyRequest, nil
	}
	args = args[:0]
	for _, p := range parts {
		args = append(args, []byte(p))
	}
	return args, nil
}

// parseLen parses a request length as Redis's string2ll would.
func parseLen(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	neg := false
	if b[0] == '-' {
		neg = true
		b = b[1:]
		if len(b) == 0 {
			return 0, false
		}
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

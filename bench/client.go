package bench

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"
)

// Reply is one parsed RESP2/RESP3 reply.
type Reply struct {
	// Kind is the RESP type byte: '+', '-', ':', '$', '*', '%', ',' ...;
	// a null bulk or array has Kind '_'.
	Kind byte
	// Str holds simple strings, errors, bulk strings and the text of
	// numbers.
	Str string
	// Elems holds array, set, push and map elements (maps flattened).
	Elems []Reply
}

// Field looks a key up in a flattened map or key/value array reply.
func (r Reply) Field(name string) (string, bool) {
	for i := 0; i+1 < len(r.Elems); i += 2 {
		if strings.EqualFold(r.Elems[i].Str, name) {
			return r.Elems[i+1].Str, true
		}
	}
	return "", false
}

// Client is a plain RESP connection with explicit pipelining.
type Client struct {
	c  net.Conn
	rd *bufio.Reader
	wr *bufio.Writer
}

// Dial connects to addr.
func Dial(addr string) (*Client, error) {
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	return &Client{c: c, rd: bufio.NewReaderSize(c, 64<<10), wr: bufio.NewWriterSize(c, 64<<10)}, nil
}

// Close closes the connection.
func (c *Client) Close() error { return c.c.Close() }

// Deadline sets the read/write deadline for what follows.
func (c *Client) Deadline(d time.Duration) { _ = c.c.SetDeadline(time.Now().Add(d)) }

// Append buffers one command.
func (c *Client) Append(args ...string) {
	c.wr.WriteString("*" + strconv.Itoa(len(args)) + "\r\n")
	for _, a := range args {
		c.wr.WriteString("$" + strconv.Itoa(len(a)) + "\r\n")
		c.wr.WriteString(a)
		c.wr.WriteString("\r\n")
	}
}

// Flush sends the buffered commands.
func (c *Client) Flush() error { return c.wr.Flush() }

// Do sends one command and reads its reply (30s deadline).
func (c *Client) Do(args ...string) (Reply, error) {
	c.Deadline(30 * time.Second)
	c.Append(args...)
	if err := c.Flush(); err != nil {
		return Reply{}, err
	}
	return c.Read()
}

func (c *Client) line() ([]byte, error) {
	l, err := c.rd.ReadSlice('\n')
	if err != nil {
		return nil, err
	}
	if len(l) < 3 || l[len(l)-2] != '\r' {
		return nil, fmt.Errorf("bad RESP line %q", l)
	}
	return l[:len(l)-2], nil
}

// Read reads one full reply.
func (c *Client) Read() (Reply, error) {
	l, err := c.line()
	if err != nil {
		return Reply{}, err
	}
	kind, rest := l[0], string(l[1:])
	switch kind {
	case '+', '-', ':', ',', '#', '(':
		return Reply{Kind: kind, Str: rest}, nil
	case '$', '=', '!':
		n, err := strconv.Atoi(rest)
		if err != nil {
			return Reply{}, err
		}
		if n < 0 {
			return Reply{Kind: '_'}, nil
		}
		buf := make([]byte, n+2)
		if _, err := io.ReadFull(c.rd, buf); err != nil {
			return Reply{}, err
		}
		return Reply{Kind: '$', Str: string(buf[:n])}, nil
	case '_':
		return Reply{Kind: '_'}, nil
	case '*', '~', '>', '%', '|':
		n, err := strconv.Atoi(rest)
		if err != nil {
			return Reply{}, err
		}
		if n < 0 {
			return Reply{Kind: '_'}, nil
		}
		if kind == '%' || kind == '|' {
			n *= 2
		}
		r := Reply{Kind: '*', Elems: make([]Reply, 0, n)}
		for i := 0; i < n; i++ {
			e, err := c.Read()
			if err != nil {
				return Reply{}, err
			}
			r.Elems = append(r.Elems, e)
		}
		if kind == '|' {
			return c.Read() // attributes precede the real reply
		}
		return r, nil
	}
	return Reply{}, fmt.Errorf("unknown RESP type %q", kind)
}

// Skip reads one reply without keeping it and returns the error text when
// it is an error reply. It is the cheap path for the API benchmark, whose
// replies can be arrays of thousands of integers.
func (c *Client) Skip() (string, error) {
	l, err := c.line()
	if err != nil {
		return "", err
	}
	switch l[0] {
	case '-':
		return string(l[1:]), nil
	case '$':
		n, err := strconv.Atoi(string(l[1:]))
		if err != nil {
			return "", err
		}
		if n >= 0 {
			_, err = c.rd.Discard(n + 2)
		}
		return "", err
	case '*':
		n, err := strconv.Atoi(string(l[1:]))
		if err != nil {
			return "", err
		}
		for i := 0; i < n; i++ {
			if msg, err := c.Skip(); err != nil || msg != "" {
				return msg, err
			}
		}
	}
	return "", nil
}

// ErrReply is an error reply turned into a Go error.
type ErrReply string

func (e ErrReply) Error() string { return string(e) }

// Check turns an error reply into an error.
func Check(r Reply, err error) (Reply, error) {
	if err != nil {
		return r, err
	}
	if r.Kind == '-' {
		return r, ErrReply(r.Str)
	}
	return r, nil
}

// Pipeline sends cmds in batches of batch commands and fails on the first
// error reply, naming the command.
func (c *Client) Pipeline(cmds [][]string, batch int) error {
	for i := 0; i < len(cmds); i += batch {
		end := min(i+batch, len(cmds))
		c.Deadline(60 * time.Second)
		for _, cmd := range cmds[i:end] {
			c.Append(cmd...)
		}
		if err := c.Flush(); err != nil {
			return err
		}
		for j := i; j < end; j++ {
			msg, err := c.Skip()
			if err != nil {
				return err
			}
			if msg != "" {
				return errors.New(cmds[j][0] + ": " + msg)
			}
		}
	}
	return nil
}

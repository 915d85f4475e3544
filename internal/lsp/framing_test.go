package lsp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

func framed(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// readAll reads every frame of data as the server's read loop does, and
// returns the bodies that decode as messages.
func readAll(t testing.TB, data []byte) (bodies []string, malformed int) {
	r := newReader(bytes.NewReader(data))
	for i := 0; ; i++ {
		if i > len(data)+16 {
			t.Fatalf("the reader made no progress after %d reads of %d bytes", i, len(data))
		}
		body, err := r.read()
		if errors.Is(err, errMalformed) {
			malformed++
			continue
		}
		if err != nil {
			return bodies, malformed
		}
		if len(body) > len(data) {
			t.Fatalf("a %d-byte body from %d bytes of input", len(body), len(data))
		}
		if _, err := decode(body); err != nil {
			malformed++
			if !json.Valid(body) {
				r.bodyLost(body)
			}
			continue
		}
		bodies = append(bodies, string(body))
	}
}

// TestFramingResynchronizes: a frame whose Content-Length is wrong, or
// garbage between frames, costs that frame, not the rest of the stream.
func TestFramingResynchronizes(t *testing.T) {
	a := `{"jsonrpc":"2.0","method":"a","params":{}}`
	b := `{"jsonrpc":"2.0","id":2,"method":"b"}`
	c := `{"jsonrpc":"2.0","id":3,"method":"c"}`
	tests := []struct {
		name, in string
		want     []string
	}{
		{"length too small", framed(a) + "Content-Length: 10\r\n\r\n" + a + framed(b) + framed(c), []string{a, b, c}},
		{"length too large swallows the next frame", "Content-Length: 120\r\n\r\n" + a + framed(b) + framed(c), []string{b, c}},
		{"garbage between frames", framed(a) + "garbage\r\nmore: garbage" + framed(b), []string{a, b}},
		{"header line without a colon", "hello\r\n" + framed(b), []string{b}},
		{"bad number", "Content-Length: 1e3\r\n\r\n" + a + framed(b), []string{b}},
		{"lower-case header", strings.ToLower("CONTENT-LENGTH: ") + fmt.Sprint(len(b)) + "\r\n\r\n" + b, []string{b}},
		{"announced length past the limit", fmt.Sprintf("Content-Length: %d\r\n\r\n", maxMessageSize+1) + framed(c), []string{c}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := readAll(t, []byte(tt.in))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("messages read:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestHeaderLineIsBounded: a "header line" that never ends is skipped as it
// streams by, not held in memory.
func TestHeaderLineIsBounded(t *testing.T) {
	b := `{"jsonrpc":"2.0","id":2,"method":"b"}`
	const junk = 32 << 20
	in := io.MultiReader(&repeatReader{b: 'X', n: junk}, strings.NewReader(framed(b)))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := newReader(in)
	var got []string
	for {
		body, err := r.read()
		if errors.Is(err, errMalformed) {
			if !strings.Contains(err.Error(), "header line longer than") {
				t.Errorf("error %v, want one about the header line's length", err)
			}
			continue
		}
		if err != nil {
			break
		}
		got = append(got, string(body))
	}
	runtime.ReadMemStats(&after)
	if len(got) != 1 || got[0] != b {
		t.Errorf("read %q after the long line, want the frame after it", got)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("reading a %d MB line allocated %d MB", junk>>20, alloc>>20)
	}
}

// TestAnnouncedLengthIsNotAllocated: memory follows the bytes that arrive,
// not the length a header claims.
func TestAnnouncedLengthIsNotAllocated(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := newReader(strings.NewReader(fmt.Sprintf("Content-Length: %d\r\n\r\n{}", maxMessageSize)))
	if _, err := r.read(); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a body cut short: %v, want io.ErrUnexpectedEOF", err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("a 2-byte body announced as %d MB allocated %d MB", maxMessageSize>>20, alloc>>20)
	}
}

type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.n)
	for i := range p[:n] {
		p[i] = r.b
	}
	r.n -= n
	return n, nil
}

// TestServerSurvivesAWrongContentLength is the session the hostile-input
// report describes: after a frame with a Content-Length too small, the
// server still answers, publishes and shuts down properly.
func TestServerSurvivesAWrongContentLength(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize("", nil, nil)
	body := `{"jsonrpc":"2.0","method":"initialized","params":{}}`
	c.raw("Content-Length: 10\r\n\r\n" + body)
	uri := "file:///newsroom/drafts/resync.md"
	c.open(uri, "markdown", "Officials said the plan would pass.\n")
	if got := c.diagnosticsFor(uri); len(got.Diagnostics) != 1 {
		t.Errorf("after a bad frame: %d diagnostics, want 1", len(got.Diagnostics))
	}
	c.shutdownAndExit()
	if !strings.Contains(c.log.String(), "skipped a message") {
		t.Errorf("the bad frame is not in the log:\n%s", c.log.String())
	}
}

// FuzzFraming: reading frames from arbitrary bytes never panics, always
// makes progress and never returns more than it was given.
func FuzzFraming(f *testing.F) {
	ok := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`
	for _, seed := range []string{
		framed(ok),
		framed(ok) + framed(`{"jsonrpc":"2.0","method":"exit"}`),
		"Content-Length: 10\r\n\r\n" + ok + framed(ok),
		"Content-Length: 999\r\n\r\n" + ok + framed(ok),
		"Content-Length: -1\r\n\r\n" + framed(ok),
		"Content-Length: 99999999999999999999\r\n\r\n",
		strings.Repeat("X", maxHeaderLine+10) + framed(ok),
		"\r\n\r\n\n\ncontent-length:2\n\n{}",
		"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}}",
		"Content-Length: 40\r\n\r\nContent-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[]",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readAll(t, data)
	})
}

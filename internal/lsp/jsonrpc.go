package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// JSON-RPC 2.0 and LSP error codes.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
)

// maxMessageSize bounds a message body: a draft is at most a few megabytes,
// and a client that announces more is broken or hostile.
const maxMessageSize = 64 << 20

// message is any JSON-RPC 2.0 message: a request (ID and Method), a
// notification (Method alone) or a response (ID with Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (m *message) isRequest() bool { return m.Method != "" && len(m.ID) > 0 }

// rpcError is the error object of a JSON-RPC response.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("jsonrpc error %d: %s", e.Code, e.Message) }

// errMalformed marks a frame that could not be used: a bad header, a body
// that is not JSON. Reading goes on, resynchronized on the next header if
// the framing was lost.
var errMalformed = errors.New("malformed message")

// maxHeaderLine bounds one header line. The LSP headers are two short
// lines; a "line" that runs past this without a newline is not a header,
// and is skipped rather than held in memory.
const maxHeaderLine = 16 << 10

// contentLength is what resynchronization looks for, compared without
// regard to case (header names are case-insensitive). Its first byte occurs
// nowhere else in it, which the scan relies on.
const contentLength = "content-length:"

// reader reads Content-Length framed messages (the LSP base protocol). A
// stream whose framing was lost (a Content-Length too small or too large, a
// header line that never ends, garbage between messages) is resynchronized
// on the next "Content-Length:", so that one bad frame costs that frame,
// not the session. Memory is bounded by the largest message it returns, and
// a body is allocated as its bytes arrive, not as announced.
type reader struct {
	src  *pushback
	r    *bufio.Reader
	lost bool // the framing is lost: scan for the next header first
}

// pushback is a reader that returns held-back bytes before its source's.
type pushback struct {
	held []byte
	r    io.Reader
}

func (p *pushback) Read(b []byte) (int, error) {
	if len(p.held) > 0 {
		n := copy(b, p.held)
		p.held = p.held[n:]
		return n, nil
	}
	return p.r.Read(b)
}

func newReader(r io.Reader) *reader {
	src := &pushback{r: r}
	return &reader{src: src, r: bufio.NewReaderSize(src, 64<<10)}
}

// read returns the next frame's body. An error wrapping errMalformed is a
// frame that could not be used; the next call reads on. Any other error
// (io.EOF, io.ErrUnexpectedEOF, a read error) ends the stream.
func (r *reader) read() ([]byte, error) {
	if r.lost {
		if err := r.resync(); err != nil {
			return nil, err
		}
		r.lost = false
	}
	body, err := r.frame()
	if err != nil && errors.Is(err, errMalformed) {
		r.lost = true
	}
	return body, err
}

// frame reads one header and the body it announces.
func (r *reader) frame() ([]byte, error) {
	length := -1
	sawHeader := false
	for {
		line, err := r.line()
		if err != nil {
			if errors.Is(err, io.EOF) && sawHeader {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if line == "" {
			if !sawHeader {
				continue // stray blank lines between messages
			}
			break
		}
		sawHeader = true
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%w: header line %.80q has no colon", errMalformed, line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("%w: bad Content-Length %.80q", errMalformed, strings.TrimSpace(value))
			}
			if n > maxMessageSize {
				return nil, fmt.Errorf("%w: a %d-byte message is larger than %d bytes", errMalformed, n, maxMessageSize)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: header without Content-Length", errMalformed)
	}
	// Grow the body as bytes arrive: an announced length is a claim.
	var body bytes.Buffer
	body.Grow(min(length, 64<<10))
	if _, err := io.CopyN(&body, r.r, int64(length)); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return body.Bytes(), nil
}

// line returns the next header line without its line terminator. A line
// longer than maxHeaderLine is a framing error.
func (r *reader) line() (string, error) {
	chunk, err := r.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) || len(chunk) > maxHeaderLine+2 {
		return "", fmt.Errorf("%w: a header line longer than %d bytes", errMalformed, maxHeaderLine)
	}
	if err != nil {
		if errors.Is(err, io.EOF) && len(chunk) > 0 {
			return "", io.ErrUnexpectedEOF
		}
		return "", err
	}
	return strings.TrimRight(string(chunk), "\r\n"), nil
}

// resync skips bytes up to the next "Content-Length:" (any case) and
// leaves the reader at its start, so that frame reads that header next.
func (r *reader) resync() error {
	matched := 0
	for {
		if r.r.Buffered() == 0 {
			if _, err := r.r.Peek(1); err != nil {
				return err
			}
		}
		buf, _ := r.r.Peek(r.r.Buffered())
		for i, c := range buf {
			matched = step(matched, c)
			if matched == len(contentLength) {
				_, _ = r.r.Discard(i + 1)
				r.unread([]byte("Content-Length:"))
				return nil
			}
		}
		_, _ = r.r.Discard(len(buf))
	}
}

// step advances a match of contentLength by one byte.
func step(matched int, c byte) int {
	switch lower(c) {
	case contentLength[matched]:
		return matched + 1
	case contentLength[0]:
		return 1
	}
	return 0
}

// indexHeader returns the offset of the first "Content-Length:" (any case)
// in b, or -1.
func indexHeader(b []byte) int {
	matched := 0
	for i, c := range b {
		if matched = step(matched, c); matched == len(contentLength) {
			return i + 1 - len(contentLength)
		}
	}
	return -1
}

// unread puts b back in front of what is still to be read.
func (r *reader) unread(b []byte) {
	buffered, _ := r.r.Peek(r.r.Buffered())
	held := make([]byte, 0, len(b)+len(buffered)+len(r.src.held))
	held = append(held, b...)
	held = append(held, buffered...)
	held = append(held, r.src.held...)
	r.src.held = held
	r.r.Reset(r.src)
}

// bodyLost is called when a frame's body is not JSON: its Content-Length
// was probably wrong. When the body holds the start of another frame (the
// length was too large and swallowed it), reading goes on from there;
// otherwise from the next header in the stream.
func (r *reader) bodyLost(body []byte) {
	r.lost = true
	if i := indexHeader(body); i >= 0 {
		r.unread(body[i:])
	}
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// decode parses a frame's body as one JSON-RPC message. Batches are not
// part of LSP and are rejected.
func decode(body []byte) (*message, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return nil, fmt.Errorf("%w: JSON-RPC batches are not used by LSP", errMalformed)
	}
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("%w: %w", errMalformed, err)
	}
	if m.Method == "" && len(m.ID) == 0 {
		return nil, fmt.Errorf("%w: neither a method nor an id", errMalformed)
	}
	return &m, nil
}

// writer writes framed messages; it is safe for concurrent use, so that
// lint goroutines can publish while the read loop replies.
type writer struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

// errStopped is the write error of a server that Serve has left.
var errStopped = errors.New("the server has stopped")

// stop makes every later write fail: a message still being handled when
// Serve returns writes nothing.
func (w *writer) stop() {
	w.mu.Lock()
	w.err = errStopped
	w.mu.Unlock()
}

func (w *writer) write(m *message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode %s: %w", m.Method, err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	var buf bytes.Buffer
	buf.Grow(len(body) + 32)
	fmt.Fprintf(&buf, "Content-Length: %d\r\n\r\n", len(body))
	buf.Write(body)
	if _, err := w.w.Write(buf.Bytes()); err != nil {
		w.err = err
		return err
	}
	return nil
}

func (w *writer) notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return fmt.Errorf("encode %s: %w", method, err)
	}
	return w.write(&message{Method: method, Params: raw})
}

func (w *writer) reply(id json.RawMessage, result any) error {
	raw, err := json.Marshal(result)
	if err != nil {
		return w.replyError(id, codeInternalError, err.Error())
	}
	return w.write(&message{ID: id, Result: raw})
}

func (w *writer) replyError(id json.RawMessage, code int, msg string) error {
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	return w.write(&message{ID: id, Error: &rpcError{Code: code, Message: msg}})
}

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

// errMalformed marks a frame that was read whole but could not be
// understood; the stream is still in step and reading goes on.
var errMalformed = errors.New("malformed message")

// reader reads Content-Length framed messages (the LSP base protocol).
type reader struct {
	r *bufio.Reader
}

func newReader(r io.Reader) *reader { return &reader{r: bufio.NewReaderSize(r, 64<<10)} }

// read returns the next frame's body. An error wrapping errMalformed is a
// frame that could not be used (a bad header); the next call reads on. Any
// other error (io.EOF, a read error) ends the stream.
func (r *reader) read() ([]byte, error) {
	length := -1
	var bad error
	sawHeader := false
	for {
		line, err := r.r.ReadString('\n')
		if err != nil {
			if err == io.EOF && (sawHeader || line != "") {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if !sawHeader {
				continue // stray blank lines between messages
			}
			break
		}
		sawHeader = true
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			bad = fmt.Errorf("%w: header line %q has no colon", errMalformed, line)
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				bad = fmt.Errorf("%w: bad Content-Length %q", errMalformed, strings.TrimSpace(value))
				continue
			}
			length = n
		}
	}
	if length < 0 {
		if bad == nil {
			bad = fmt.Errorf("%w: header without Content-Length", errMalformed)
		}
		return nil, bad
	}
	if length > maxMessageSize {
		// Skip the body so that the stream stays in step.
		if _, err := io.CopyN(io.Discard, r.r, int64(length)); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %d-byte message is larger than %d bytes", errMalformed, length, maxMessageSize)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r.r, body); err != nil {
		return nil, err
	}
	if bad != nil {
		return nil, bad
	}
	return body, nil
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

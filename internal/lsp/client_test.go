package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

// testClient drives a Server over in-memory pipes, as an editor would.
type testClient struct {
	t    testing.TB
	in   *io.PipeWriter // the server's stdin
	msgs chan *message  // what the server wrote, in order
	done chan error     // Serve's result
	log  *syncBuffer
	id   int
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startServer(t testing.TB, opt Options) *testClient {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &testClient{t: t, in: inW, msgs: make(chan *message, 1000), done: make(chan error, 1), log: &syncBuffer{}}
	opt.Log = c.log
	go func() {
		err := Serve(inR, outW, opt)
		outW.Close()
		c.done <- err
	}()
	go func() {
		r := newReader(outR)
		for {
			body, err := r.read()
			if err != nil {
				close(c.msgs)
				return
			}
			m, err := decode(body)
			if err != nil {
				t.Errorf("the server wrote a malformed message: %v\n%s", err, body)
				continue
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() {
		inW.Close()
		select {
		case <-c.done:
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop after its input was closed")
		}
		go func() {
			for range c.msgs { //nolint:revive // drain
			}
		}()
	})
	return c
}

// send writes one framed message.
func (c *testClient) send(m map[string]any) {
	c.t.Helper()
	m["jsonrpc"] = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		c.t.Fatal(err)
	}
	c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

func (c *testClient) raw(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.in, s); err != nil {
		c.t.Fatalf("write to the server: %v", err)
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"method": method, "params": params})
}

// call sends a request and returns its response, checking that nothing but
// notifications came before it.
func (c *testClient) call(method string, params any) *message {
	c.t.Helper()
	c.id++
	id := c.id
	m := map[string]any{"id": id, "method": method}
	if params != nil {
		m["params"] = params
	}
	c.send(m)
	want := fmt.Sprint(id)
	for {
		got := c.next(2 * time.Second)
		if got == nil {
			c.t.Fatalf("no response to %s", method)
		}
		if got.Method == "" && string(got.ID) == want {
			return got
		}
		if got.Method == "" {
			c.t.Fatalf("response to id %s while waiting for %s (id %d)", got.ID, method, id)
		}
	}
}

// next returns the next message, or nil after timeout.
func (c *testClient) next(timeout time.Duration) *message {
	select {
	case m := <-c.msgs:
		return m
	case <-time.After(timeout):
		return nil
	}
}

// waitFor returns the next notification of method for which ok is true,
// skipping others; it fails the test after timeout.
func (c *testClient) waitFor(method string, timeout time.Duration, ok func(json.RawMessage) bool) json.RawMessage {
	c.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		m := c.next(time.Until(deadline))
		if m == nil {
			c.t.Fatalf("no %s within %v; server log:\n%s", method, timeout, c.log.String())
		}
		if m.Method == method && (ok == nil || ok(m.Params)) {
			return m.Params
		}
	}
}

// diagnosticsFor waits for the diagnostics published for uri.
func (c *testClient) diagnosticsFor(uri string) PublishDiagnosticsParams {
	c.t.Helper()
	var p PublishDiagnosticsParams
	raw := c.waitFor("textDocument/publishDiagnostics", 3*time.Second, func(raw json.RawMessage) bool {
		var q PublishDiagnosticsParams
		return json.Unmarshal(raw, &q) == nil && q.URI == uri
	})
	if err := json.Unmarshal(raw, &p); err != nil {
		c.t.Fatal(err)
	}
	return p
}

// initialize runs the handshake with the given client capabilities and
// initialization options and returns the server's capabilities.
func (c *testClient) initialize(rootURI string, caps, initOpts any) serverCapabilities {
	c.t.Helper()
	if caps == nil {
		caps = map[string]any{}
	}
	params := map[string]any{"processId": nil, "rootUri": rootURI, "capabilities": caps}
	if initOpts != nil {
		params["initializationOptions"] = initOpts
	}
	resp := c.call("initialize", params)
	if resp.Error != nil {
		c.t.Fatalf("initialize: %v", resp.Error)
	}
	var res initializeResult
	if err := json.Unmarshal(resp.Result, &res); err != nil {
		c.t.Fatal(err)
	}
	c.notify("initialized", map[string]any{})
	return res.Capabilities
}

func (c *testClient) open(uri, lang, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": lang, "version": 1, "text": text}})
}

// shutdownAndExit ends the session properly and checks Serve's result.
func (c *testClient) shutdownAndExit() {
	c.t.Helper()
	if resp := c.call("shutdown", nil); resp.Error != nil || string(resp.Result) != "null" {
		c.t.Fatalf("shutdown: result %s, error %v; want null", resp.Result, resp.Error)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			c.t.Fatalf("Serve after shutdown and exit = %v, want nil", err)
		}
		c.done <- nil
	case <-time.After(2 * time.Second):
		c.t.Fatal("the server did not exit")
	}
}

func messageOf(d []Diagnostic) string {
	var b strings.Builder
	for _, x := range d {
		fmt.Fprintf(&b, "  %d:%d-%d:%d %s: %s\n", x.Range.Start.Line, x.Range.Start.Character, x.Range.End.Line, x.Range.End.Character, x.Code, x.Message)
	}
	return b.String()
}

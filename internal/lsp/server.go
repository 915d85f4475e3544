// Package lsp is attrlint's language server: LSP 3.17 over JSON-RPC 2.0 on
// a byte stream (standard input and output for `attrlint lsp`). It lints the
// editor's in-memory text of each open draft (Markdown, plain text, HTML)
// with the rules of the nearest .attrlint.yaml, a short while after the last
// change, and publishes the findings as diagnostics whose ranges are
// converted exactly from attrlint's byte offsets to the position encoding the
// client negotiated (UTF-16 unless it offers UTF-8 or UTF-32).
//
// The JSON-RPC layer is this package's own (jsonrpc.go): LSP needs one
// framing, a handful of messages and a read loop that survives a malformed
// message, which general-purpose JSON-RPC libraries treat as the end of the
// connection.
package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"sync"
	"time"
)

// DefaultDebounce is how long the server waits after the last change of a
// draft before linting it: long enough to skip most keystrokes of a burst,
// short enough that with a lint of a few milliseconds the diagnostics follow
// typing within 100 ms.
const DefaultDebounce = 50 * time.Millisecond

// Options tune a server.
type Options struct {
	// Debounce is the wait after the last change before a draft is
	// linted; 0 means DefaultDebounce. A client can also set it with the
	// initialization option debounceMs.
	Debounce time.Duration
	// Log receives what the server has to say about malformed messages
	// and failures (the client's stderr log); nil discards it.
	Log io.Writer
	// Version is the version reported in serverInfo.
	Version string
	// Stop, when closed, ends the session at once (see Serve); `attrlint
	// lsp` closes it on SIGTERM, SIGINT and SIGHUP (StopOnSignals).
	Stop <-chan struct{}
}

// ErrStopped is returned by Serve when Options.Stop was closed: the process
// was asked to end (SIGTERM, SIGINT, SIGHUP) and the server cleaned up.
var ErrStopped = errors.New("stopped by a signal")

// ErrNoShutdown is returned by Serve when the client sent exit, or closed
// the stream, without asking for shutdown first; `attrlint lsp` then exits
// with status 1, as the specification asks.
var ErrNoShutdown = errors.New("the client ended the session without a shutdown request")

// Server is one language server session.
type Server struct {
	opt Options
	out *writer
	log *log.Logger

	lintMu sync.Mutex // one lint at a time: they take milliseconds

	mu          sync.Mutex // guards everything below
	initialized bool
	shutdown    bool
	exited      bool
	enc         Encoding
	debounce    time.Duration
	rootDir     string
	watchDyn    bool
	docs        map[string]*document
	pending     []string // warnings to show once initialize is answered
	configs     *configCache
	git         *gitVersions
	nextID      int
}

// Serve runs a session: it reads requests and notifications from in and
// writes responses and notifications to out until the client sends exit or
// closes in. It returns nil after a shutdown request and exit,
// ErrNoShutdown when the client ended the session otherwise, or the error
// that made reading or writing impossible.
//
// When opt.Stop is closed, Serve cleans up (the earlier versions written
// for the editor are removed) and returns ErrStopped at once, without
// waiting for the message being read.
func Serve(in io.Reader, out io.Writer, opt Options) error {
	s := newServer(out, opt)
	defer s.close()
	if opt.Stop == nil {
		return s.run(newReader(in))
	}
	done := make(chan error, 1)
	go func() { done <- s.run(newReader(in)) }()
	select {
	case err := <-done:
		return err
	case <-opt.Stop:
		s.out.stop() // nothing is written after Serve returns
		return ErrStopped
	}
}

func newServer(out io.Writer, opt Options) *Server {
	logw := opt.Log
	if logw == nil {
		logw = io.Discard
	}
	debounce := opt.Debounce
	if debounce <= 0 {
		debounce = DefaultDebounce
	}
	return &Server{
		opt:      opt,
		out:      &writer{w: out},
		log:      log.New(logw, "attrlint lsp: ", 0),
		enc:      UTF16,
		debounce: debounce,
		docs:     map[string]*document{},
		configs:  newConfigCache(),
	}
}

func (s *Server) run(r *reader) error {
	for {
		body, err := r.read()
		if err != nil {
			if errors.Is(err, errMalformed) {
				s.log.Printf("skipped a message: %v; reading on from the next Content-Length header", err)
				continue
			}
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				s.mu.Lock()
				down := s.shutdown
				s.mu.Unlock()
				if down {
					return nil
				}
				return ErrNoShutdown
			}
			return fmt.Errorf("read: %w", err)
		}
		m, err := decode(body)
		if err != nil {
			if !json.Valid(body) {
				// Most likely a wrong Content-Length: find the
				// next frame rather than read garbage as headers.
				r.bodyLost(body)
			}
			s.log.Printf("skipped a message: %v", err)
			if werr := s.out.replyError(nil, codeParseError, err.Error()); werr != nil {
				return fmt.Errorf("write: %w", werr)
			}
			continue
		}
		done, err := s.handle(m)
		if done {
			return err
		}
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
}

// close stops every pending lint; nothing is written after Serve returns.
func (s *Server) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.exited = true
	for _, d := range s.docs {
		d.stop()
	}
	if s.git != nil {
		s.git.cleanup()
	}
}

// handle answers one message. done is true after exit, with Serve's result
// in err; otherwise err is a write error.
func (s *Server) handle(m *message) (done bool, err error) {
	if m.Method == "" {
		return false, nil // a response to one of our requests: nothing waits for it
	}
	if m.Method == "exit" {
		s.mu.Lock()
		down := s.shutdown
		s.mu.Unlock()
		if down {
			return true, nil
		}
		return true, ErrNoShutdown
	}
	s.mu.Lock()
	initialized, down := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case !initialized && m.Method != "initialize":
		if m.isRequest() {
			return false, s.out.replyError(m.ID, codeServerNotInitialized, "the server is not initialized yet: send initialize first")
		}
		return false, nil // notifications before initialize are dropped
	case down:
		if m.isRequest() {
			return false, s.out.replyError(m.ID, codeInvalidRequest, "the server is shutting down: only exit is accepted")
		}
		return false, nil
	}
	if m.isRequest() {
		return false, s.request(m)
	}
	s.notification(m)
	return false, nil
}

// request answers a request.
func (s *Server) request(m *message) error {
	var (
		result any
		err    error
	)
	switch m.Method {
	case "initialize":
		result, err = s.initialize(m.Params)
		if err == nil {
			if err := s.out.reply(m.ID, result); err != nil {
				return err
			}
			s.mu.Lock()
			pending := s.pending
			s.pending = nil
			s.mu.Unlock()
			for _, msg := range pending {
				s.log.Print(msg)
				s.showMessage(messageWarning, msg)
			}
			return nil
		}
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		for _, d := range s.docs {
			d.stop()
		}
		s.mu.Unlock()
		return s.out.reply(m.ID, nil)
	case "textDocument/hover":
		result, err = s.hover(m.Params)
	case "textDocument/codeAction":
		result, err = s.codeActions(m.Params)
	default:
		return s.out.replyError(m.ID, codeMethodNotFound, fmt.Sprintf("attrlint does not implement %q", m.Method))
	}
	if err != nil {
		var re *rpcError
		if errors.As(err, &re) {
			return s.out.replyError(m.ID, re.Code, re.Message)
		}
		return s.out.replyError(m.ID, codeInternalError, err.Error())
	}
	return s.out.reply(m.ID, result)
}

// notification handles a notification; problems are logged, since there is
// no one to answer.
func (s *Server) notification(m *message) {
	var err error
	switch m.Method {
	case "initialized":
		s.registerWatchers()
	case "textDocument/didOpen":
		err = s.didOpen(m.Params)
	case "textDocument/didChange":
		err = s.didChange(m.Params)
	case "textDocument/didSave":
		err = s.didSave(m.Params)
	case "textDocument/didClose":
		err = s.didClose(m.Params)
	case "workspace/didChangeWatchedFiles":
		err = s.didChangeWatchedFiles(m.Params)
	default:
		if !strings.HasPrefix(m.Method, "$/") {
			s.log.Printf("ignored the notification %q", m.Method)
		}
	}
	if err != nil {
		s.log.Printf("%s: %v", m.Method, err)
	}
}

func invalidParams(method string, err error) error {
	return &rpcError{Code: codeInvalidParams, Message: fmt.Sprintf("%s: %v", method, err)}
}

func (s *Server) initialize(raw json.RawMessage) (any, error) {
	var p initializeParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, invalidParams("initialize", err)
	}
	opts, problems := parseInitOptions(p.InitializationOptions)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.initialized {
		return nil, &rpcError{Code: codeInvalidRequest, Message: "initialize was already sent"}
	}
	s.initialized = true
	if g := p.Capabilities.General; g != nil {
		s.enc = negotiate(g.PositionEncodings)
	}
	if w := p.Capabilities.Workspace; w != nil && w.DidChangeWatchedFiles != nil {
		s.watchDyn = w.DidChangeWatchedFiles.DynamicRegistration
	}
	if opts.DebounceMs > 0 {
		s.debounce = time.Duration(opts.DebounceMs) * time.Millisecond
	}
	if p.RootURI != "" {
		if dir, err := uriToPath(p.RootURI); err == nil {
			s.rootDir = dir
		}
	}
	if s.rootDir == "" {
		s.rootDir, _ = os.Getwd()
	}
	s.configs.fallbackDir = s.rootDir
	if opts.Against != "" {
		g, err := newGitVersions(opts.Against)
		if err != nil {
			s.log.Printf("cross-version rules in the editor are off: %v", err)
			problems = append(problems, fmt.Sprintf("cross-version rules are off: %v", err))
		} else {
			s.git = g
		}
	}
	// Shown after the response (see request): the user learns that an
	// option was not used, and the session goes on with the defaults.
	for _, p := range problems {
		s.pending = append(s.pending, "attrlint: "+p)
	}
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding: string(s.enc),
			TextDocumentSync: textDocumentSyncOptions{OpenClose: true, Change: syncIncremental, Save: saveOptions{}},
			HoverProvider:    true,
			CodeActionProvider: codeActionOptions{
				CodeActionKinds: []string{"quickfix"},
			},
		},
		ServerInfo: serverInfo{Name: "attrlint", Version: s.opt.Version},
	}, nil
}

// registerWatchers asks a client that can register file watchers to tell
// the server when a .attrlint.yaml is created, changed or deleted.
func (s *Server) registerWatchers() {
	s.mu.Lock()
	if !s.watchDyn {
		s.mu.Unlock()
		return
	}
	s.nextID++
	id := fmt.Sprintf(`"attrlint-%d"`, s.nextID)
	s.mu.Unlock()
	params, _ := json.Marshal(registrationParams{Registrations: []registration{{
		ID:     "attrlint-config-watcher",
		Method: "workspace/didChangeWatchedFiles",
		RegisterOptions: didChangeWatchedFilesRegistrationOptions{
			Watchers: []fileSystemWatcher{{GlobPattern: "**/.attrlint.yaml"}},
		},
	}}})
	if err := s.out.write(&message{ID: json.RawMessage(id), Method: "client/registerCapability", Params: params}); err != nil {
		s.log.Printf("register the config watcher: %v", err)
	}
}

// showMessage tells the user something in the editor's message area.
func (s *Server) showMessage(typ int, msg string) {
	if err := s.out.notify("window/showMessage", showMessageParams{Type: typ, Message: msg}); err != nil {
		s.log.Printf("show a message: %v", err)
	}
}

package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func text(t *testing.T, run *Run, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Text(&b, run, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTextGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := text(t, c.run(t), Options{})
			golden(t, c.name+".txt", out)
			if bytes.Contains(out, []byte("\x1b")) {
				t.Errorf("color off, but the output has escape codes:\n%q", out)
			}
		})
	}
}

var escape = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestTextColor(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run := c.run(t)
			colored := text(t, run, Options{Color: true})
			plain := text(t, run, Options{Color: false})
			if len(run.Findings) > 0 && !escape.Match(colored) {
				t.Errorf("color on, but no escape codes:\n%s", colored)
			}
			if got := escape.ReplaceAll(colored, nil); !bytes.Equal(got, plain) {
				t.Errorf("colored output without its escape codes differs from the plain output:\n%s\n---\n%s", got, plain)
			}
			if c.name == "severities" {
				golden(t, "severities.color.txt", colored)
			}
		})
	}
}

// TestTextCarets checks, for every finding of every case, that the carets
// start under the first character of the finding and are as wide as the part
// of it shown on its first line, measured in display cells.
func TestTextCarets(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run := c.run(t)
			lines := strings.Split(string(text(t, run, Options{})), "\n")
			fi := 0
			for i := 0; i+2 < len(lines); i++ {
				if !strings.HasSuffix(lines[i], "]") || !strings.Contains(lines[i+1], " | ") {
					continue
				}
				f := run.Findings[fi]
				fi++
				src := after(lines[i+1], " | ")
				car := after(lines[i+2], " | ")
				if w := cells.StringWidth(src); w > DefaultWidth {
					t.Errorf("source line is %d cells wide, more than %d:\n%s", w, DefaultWidth, lines[i+1])
				}
				span := string(f.Doc.Text[f.Start:f.End])
				span, _, _ = strings.Cut(span, "\n")
				span = strings.TrimSuffix(span, "\r")
				if span == "" {
					if n := strings.Count(car, "^"); n != 1 {
						t.Errorf("empty span: %d carets, want 1:\n%s\n%s", n, lines[i+1], lines[i+2])
					}
					continue
				}
				k := strings.Index(src, span)
				if k < 0 {
					continue // special characters in the span: left to the golden file
				}
				lead := len(car) - len(strings.TrimLeft(car, " "))
				if want := cells.StringWidth(src[:k]); lead != want {
					t.Errorf("carets start at cell %d, the finding at cell %d:\n%s\n%s", lead, want, lines[i+1], lines[i+2])
				}
				if n, want := strings.Count(car, "^"), cells.StringWidth(span); n != want {
					t.Errorf("%d carets under a finding %d cells wide:\n%s\n%s", n, want, lines[i+1], lines[i+2])
				}
			}
			if fi != len(run.Findings) {
				t.Errorf("found %d blocks, want %d", fi, len(run.Findings))
			}
		})
	}
}

func after(s, sep string) string {
	_, a, _ := strings.Cut(s, sep)
	return a
}

func TestTextSummary(t *testing.T) {
	plain, severities, related := cases[0].run(t), cases[9].run(t), cases[8].run(t)
	tests := []struct {
		name string
		run  *Run
		want string
	}{
		{"nothing found in two files", &Run{Files: 2}, "2 files checked: no findings\n"},
		{"nothing found in one file", &Run{Files: 1}, "1 file checked: no findings\n"},
		{"one warning", plain, "3 files checked: 1 warning\n"},
		{"one of each", severities, "2 files checked: 1 error, 1 warning, 1 info\n"},
		{"plurals", &Run{Files: 2, Findings: append(append(severities.Findings, severities.Findings...), related.Findings...)},
			"2 files checked: 2 errors, 3 warnings, 2 info\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := string(text(t, tt.run, Options{}))
			lines := strings.SplitAfter(out, "\n")
			if got := lines[len(lines)-2]; got != tt.want {
				t.Errorf("last line = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextWidth(t *testing.T) {
	run := cases[4].run(t) // the 2,000-character line
	for _, width := range []int{40, 80, 100, 160} {
		out := text(t, run, Options{Width: width})
		src := strings.Split(string(out), "\n")[1]
		if w := cells.StringWidth(src); w > width {
			t.Errorf("width %d: source line is %d cells:\n%s", width, w, src)
		}
		if !strings.Contains(src, "…Two people") && !strings.Contains(src, "Two people familiar") {
			t.Errorf("width %d: the finding is cut away:\n%s", width, src)
		}
	}
	out := text(t, run, Options{Width: -1})
	if src := strings.Split(string(out), "\n")[1]; strings.Contains(src, "…") || len(src) < 2000 {
		t.Errorf("no width limit, yet the line was cut to %d bytes", len(src))
	}
}

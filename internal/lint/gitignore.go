package lint

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// gitIgnored returns the inputs that git does not ignore: what .gitignore
// files, .git/info/exclude and the user's core.excludesFile say, with
// git's own semantics (nested files, negation, directory patterns), asked
// of `git check-ignore` once per repository. Inputs outside a repository,
// or everything when git is not installed, are kept: the walk's own
// include and exclude still apply.
func gitIgnored(inputs []Input) []Input {
	if len(inputs) == 0 {
		return inputs
	}
	byTop := map[string][]int{} // repository top -> indexes into inputs
	tops := map[string]string{} // directory -> its repository's top ("" outside)
	for i, in := range inputs {
		dir, err := filepath.Abs(filepath.Dir(in.File))
		if err != nil {
			continue
		}
		if top := repoTopOf(dir, tops); top != "" {
			byTop[top] = append(byTop[top], i)
		}
	}
	ignored := make([]bool, len(inputs))
	for top, idx := range byTop {
		var stdin bytes.Buffer
		abs := make(map[string]int, len(idx))
		for _, i := range idx {
			a, err := filepath.Abs(inputs[i].File)
			if err != nil {
				continue
			}
			abs[a] = i
			stdin.WriteString(a)
			stdin.WriteByte(0)
		}
		cmd := exec.Command("git", "check-ignore", "--stdin", "-z")
		cmd.Dir = top
		cmd.Env = GitEnv()
		cmd.Stdin = &stdin
		var out bytes.Buffer
		cmd.Stdout = &out
		// Exit status 1 means nothing is ignored; anything else but 0 is
		// a failure, and then nothing is left out.
		if err := cmd.Run(); err != nil {
			continue
		}
		for _, p := range strings.Split(out.String(), "\x00") {
			if i, ok := abs[p]; ok {
				ignored[i] = true
			}
		}
	}
	out := inputs[:0:0]
	for i, in := range inputs {
		if !ignored[i] {
			out = append(out, in)
		}
	}
	return out
}

// repoTopOf returns the top of the git work tree that holds dir (an
// absolute path), or "": the nearest directory up from dir with a .git
// entry (a directory, or a file in a linked worktree or submodule). It
// looks with stat, not git, so that a walk outside any repository costs
// no process; memo holds the answers so far, by directory.
func repoTopOf(dir string, memo map[string]string) string {
	if top, ok := memo[dir]; ok {
		return top
	}
	top := ""
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		top = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		top = repoTopOf(parent, memo)
	}
	memo[dir] = top
	return top
}

// GitEnv is the environment attrlint runs git in: the C locale, so that
// nothing depends on the wording of its messages, no optional locks, and
// nothing that a hook exported to point git at another repository
// (GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE, ...), so that git finds the
// repository from its working directory alone.
func GitEnv() []string {
	env := make([]string, 0, len(os.Environ())+2)
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR",
			"GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LC_ALL=C", "GIT_OPTIONAL_LOCKS=0")
}

package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is one file of a set that [WriteSet] writes: its name in the
// directory, and what to write into it. A nil Write says that the set
// has no such file: one left by an earlier set is removed with the set.
type File struct {
	Name  string
	Write func(io.Writer) error
}

// WriteSet writes files into dir, which it creates if need be, as one
// set: whatever happens, either every file is new or every file is as it
// was.
//
//   - Writers of one directory take turns: each holds a lock on dir while
//     it writes (flock, where the system has it), which the system drops
//     if the process dies, and a run waits for the one before it (or for
//     ctx).
//   - Every file's place is checked first: a directory where a file goes
//     fails the set before anything is written.
//   - Each file is written to a temporary file beside it, ".NAME.*.tmp",
//     synced and closed; on any error, or when ctx is done before all are
//     written (an interrupt), the temporary files are removed and the error
//     returned.
//   - Then each file's old version is kept (".NAME.old", a hard link),
//     a journal listing the set is written (".exbench-set"), and each new
//     version is renamed over its file, one after another; if a rename
//     fails, the files already replaced are put back. Renames are quick
//     and atomic, so the set changes almost at once, and every file is
//     always whole; ctx is not looked at any more. Removing the journal
//     completes the set.
//
// A name may hold a directory below dir ("predictions/a.csv"). A run
// killed (SIGKILL) while it writes can leave temporary files, and one
// killed during its renames its journal: the next run that writes to dir
// puts back the set the journal names, as it was before the killed run,
// and removes what is left.
func WriteSet(ctx context.Context, dir string, files []File) (err error) {
	for _, f := range files {
		if !filepath.IsLocal(f.Name) {
			return fmt.Errorf("report: %q is not a file name inside the output directory", f.Name)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot write to %s: %w", dir, err)
	}
	unlock, err := lockDir(ctx, dir)
	if err != nil {
		return err
	}
	defer unlock()
	if err := recoverSet(dir); err != nil {
		return err
	}
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			return fmt.Errorf("%s is a directory: cannot replace it with a file", path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("cannot write to %s: %w", filepath.Dir(path), err)
		}
		if err := removeStale(path); err != nil {
			return err
		}
	}
	var tmps []string
	defer func() {
		for _, t := range tmps {
			if t != "" {
				os.Remove(t) // renamed already if all went well: no harm
			}
		}
	}()
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("interrupted, nothing written to %s: %w", dir, err)
		}
		if f.Write == nil {
			tmps = append(tmps, "") // to remove
			continue
		}
		tmp, err := writeTemp(filepath.Join(dir, f.Name), f.Write)
		if err != nil {
			return err
		}
		tmps = append(tmps, tmp)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted, nothing written to %s: %w", dir, err)
	}
	return commit(dir, files, tmps)
}

// journalName is the file that lists the files of a set being renamed
// into place; it exists only while they are.
const journalName = ".exbench-set"

// commit renames each temporary file over its file, keeping a link to
// the old one until all are in place, and puts the old ones back if a
// rename fails. While it renames, a journal in dir lists the files, so
// that a run killed meanwhile is undone by the next one (see recoverSet).
func commit(dir string, files []File, tmps []string) error {
	type replaced struct {
		path string
		had  bool // an old version is kept at oldName(path)
	}
	set := make([]replaced, len(files))
	var journal strings.Builder
	for i, f := range files {
		path := filepath.Join(dir, f.Name)
		set[i] = replaced{path: path}
		if _, err := os.Lstat(path); err != nil && tmps[i] == "" {
			continue // not there, and not to be: nothing to do
		} else if err == nil {
			if err := keepOld(path); err != nil {
				for _, r := range set[:i] {
					if r.had {
						os.Remove(oldName(r.path))
					}
				}
				return fmt.Errorf("cannot keep the old %s while replacing it: %w", path, err)
			}
			set[i].had = true
		}
		fmt.Fprintf(&journal, "%t\t%s\n", set[i].had, f.Name)
	}
	jpath := filepath.Join(dir, journalName)
	if err := writeJournal(jpath, journal.String()); err != nil {
		for _, r := range set {
			if r.had {
				os.Remove(oldName(r.path))
			}
		}
		return err
	}
	for i := range files {
		var err error
		switch {
		case tmps[i] != "":
			err = os.Rename(tmps[i], set[i].path)
		case set[i].had:
			err = os.Remove(set[i].path)
		}
		if err != nil {
			for _, r := range set[:i] {
				undo(r.path, r.had)
			}
			for _, r := range set[i:] {
				if r.had {
					os.Remove(oldName(r.path))
				}
			}
			os.Remove(jpath)
			return err
		}
	}
	// The set is in place once the journal is gone.
	if err := os.Remove(jpath); err != nil {
		return err
	}
	for _, r := range set {
		if r.had {
			os.Remove(oldName(r.path))
		}
	}
	return nil
}

// keepOld keeps the file at path at oldName(path) as well: a hard link,
// or a copy where the file system has none.
func keepOld(path string) error {
	if os.Link(path, oldName(path)) == nil {
		return nil
	}
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(oldName(path), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(oldName(path))
	}
	return err
}

// undo puts back the old version of the file at path, or removes the
// file when it had none.
func undo(path string, had bool) {
	if had {
		os.Rename(oldName(path), path)
	} else {
		os.Remove(path)
	}
}

// writeJournal writes the journal at path and syncs it.
func writeJournal(path, content string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(content)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// recoverSet undoes the commit of a run killed while it renamed files into
// dir, which left the journal: each file it lists is put back as it was,
// so the directory holds the set before that run. It is called with the
// lock held, so no other run is committing.
func recoverSet(dir string) error {
	jpath := filepath.Join(dir, journalName)
	data, err := os.ReadFile(jpath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for line := range strings.Lines(string(data)) {
		had, name, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok || !filepath.IsLocal(name) || !strings.HasSuffix(line, "\n") {
			continue // a journal cut short: its run had not renamed anything
		}
		path := filepath.Join(dir, name)
		switch _, err := os.Lstat(oldName(path)); {
		case had == "true" && err == nil:
			if err := os.Rename(oldName(path), path); err != nil {
				return fmt.Errorf("cannot put back %s, which a killed run was replacing: %w", path, err)
			}
		case had == "false":
			os.Remove(path) // new in that run: it was not there before
		}
	}
	return os.Remove(jpath)
}

// oldName is the link that keeps a file's old version while its new one
// takes its place.
func oldName(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".old")
}

// WriteFile writes the file at path through write, as [WriteSet] does,
// making its directory.
func WriteFile(path string, write func(io.Writer) error) error {
	return WriteSet(context.Background(), filepath.Dir(path), []File{{filepath.Base(path), write}})
}

// writeTemp writes a file through write to a new temporary file beside
// path, named ".NAME.*.tmp", and syncs and closes it, readable by all.
// It returns the temporary file's path; on error it removes the file.
func writeTemp(path string, write func(io.Writer) error) (tmp string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return "", err
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// removeStale removes what a killed run left of the file at path: its
// temporary files, ".NAME.DIGITS.tmp", and an old version moved aside,
// ".NAME.old".
func removeStale(path string) error {
	dir, name := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), "."+name+".")
		digits, ok2 := strings.CutSuffix(rest, ".tmp")
		stale := ok && ok2 && digits != "" && strings.Trim(digits, "0123456789") == "" || e.Name() == "."+name+".old"
		if stale && e.Type().IsRegular() {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// CheckDir fails when dir, where output goes, exists and is not a
// directory or cannot be one (it lies under a file), so that a command
// fails before its work rather than after.
func CheckDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot write to %s: %w", dir, err)
	case !fi.IsDir():
		return fmt.Errorf("cannot write to %s: it is a file, not a directory", dir)
	}
	return nil
}

// FileName makes a system's name, which the user chooses (-name), a safe
// file name: letters, digits and . _ + - are kept, anything else becomes
// _, and a name that is empty or starts with a dot gets a leading _, so it
// can never reach outside the output directory.
func FileName(name string) string {
	b := []byte(name)
	for i, c := range b {
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '+' || c == '-'
		if !ok {
			b[i] = '_'
		}
	}
	if len(b) == 0 || b[0] == '.' {
		b = append([]byte{'_'}, b...)
	}
	return string(b)
}

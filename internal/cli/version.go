package cli

import (
	"fmt"
	"io"
	"runtime/debug"
)

// release is exbench's version; the build adds the VCS revision when it
// recorded one.
const release = "0.1.0"

// exbenchVersion is the release and the VCS revision the binary was built
// from, as far as the build recorded it.
func exbenchVersion() string {
	v := release
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
		if s.Key == "vcs.modified" && s.Value == "true" {
			v += "+modified"
		}
	}
	return v
}

// printVersion prints the release, the module version and VCS revision
// the binary was built from (as runtime/debug.ReadBuildInfo has them:
// "go install ...@v1.2.3" records the module version, a build in a clone
// the revision), and the Go version.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "exbench %s\n", release)
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		fmt.Fprintln(w, "build information: none recorded")
		return
	}
	fmt.Fprintf(w, "module %s %s\n", bi.Main.Path, bi.Main.Version)
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		fmt.Fprintf(w, "revision %s", rev)
		if t := settings["vcs.time"]; t != "" {
			fmt.Fprintf(w, " (%s)", t)
		}
		if settings["vcs.modified"] == "true" {
			fmt.Fprint(w, ", with uncommitted changes")
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "built with %s\n", bi.GoVersion)
}

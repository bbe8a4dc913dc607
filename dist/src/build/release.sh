#!/bin/sh
# Build steps of the release (dist/pom.xml runs them with exec-maven-plugin):
#
#   release.sh runtime TARGET JDK   jlink the trimmed Java runtime TARGET/runtime from the JDK 21+
#                                   JDK (else one found under /usr/lib/jvm), once: it is linked
#                                   again only when the JDK or the module list changes
#                                   (TARGET/runtime.stamp)
#   release.sh retarget TARGET JDK JAR  TARGET/retargeted/JAR's name: JAR with its class files
#                                   older than Java 6 rewritten with stack maps (Retarget.java),
#                                   so that class-data sharing and the AOT cache take them
#   release.sh train DIST VERSIONS  the AOT cache DIST/lib/strata.aot (and .aot.runtime, the
#                                   runtime it is for), from a training run of DIST/bin/strata on
#                                   a copy of the revision folder VERSIONS
#
# The modules: what `jdeps --print-module-deps` finds in lib/*.jar (java.base java.compiler
# java.desktop java.management java.naming java.security.jgss java.sql jdk.net), plus what the
# jars load by name at run time: java.logging and java.xml (jOOQ, the JDBC drivers),
# jdk.unsupported (sun.misc.Unsafe), jdk.charsets (client encodings such as LATIN1 or SJIS),
# jdk.crypto.ec (TLS to a database), jdk.zipfs (zip archives). dist's LauncherIT and ReleaseIT run
# the real commands with the result.
set -eu

modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming
modules=$modules,java.security.jgss,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.net
modules=$modules,jdk.unsupported,jdk.zipfs

release_value() {
  [ -f "$1/release" ] && sed -n "s/^$2=\"\\([^\"]*\\)\".*/\\1/p" "$1/release" | head -n 1
}

# a JDK 21+ with jlink: $1 when it is one, else the newest under /usr/lib/jvm
pick_jdk() {
  best="" best_major=0
  for jdk in "$1" /usr/lib/jvm/*; do
    [ -x "$jdk/bin/jlink" ] || continue
    v=$(release_value "$jdk" JAVA_VERSION)
    major=${v%%.*}
    case $major in ''|*[!0-9]*) continue ;; esac
    [ "$major" -ge 21 ] || continue
    [ "$jdk" = "$1" ] && { printf '%s\n' "$jdk"; return; }
    [ "$major" -gt "$best_major" ] && { best=$jdk; best_major=$major; }
  done
  printf '%s\n' "$best"
}

case $1 in
  retarget)
    # retarget TARGET JDK JAR: TARGET/retargeted/<name of JAR>, JAR's pre-Java 6 class files
    # rewritten with stack maps so that the class-data archive and the AOT cache take them
    # (Retarget.java; needs the Class-File API of JDK 24+, else the jar is copied unchanged)
    target=$2 java_home=$3 jar=$4
    mkdir -p "$target/retargeted"
    out="$target/retargeted/$(basename "$jar")"
    if [ "$out" -nt "$jar" ] && [ "$out" -nt "$0" ] && [ "$out" -nt "$(dirname "$0")/Retarget.java" ]; then
      echo "release.sh: $out is up to date"
      exit 0
    fi
    # Maven's own JDK when it is 24+, else the newest 24+ under /usr/lib/jvm
    tool="" tool_major=0
    for jdk in "$java_home" /usr/lib/jvm/*; do
      v=$(release_value "$jdk" JAVA_VERSION)
      major=${v%%.*}
      case $major in ''|*[!0-9]*) continue ;; esac
      [ "$major" -ge 24 ] && [ -x "$jdk/bin/java" ] || continue
      [ "$jdk" = "$java_home" ] && { tool=$jdk; break; }
      [ "$major" -gt "$tool_major" ] && { tool=$jdk; tool_major=$major; }
    done
    if [ -n "$tool" ]; then
      "$tool/bin/java" "$(dirname "$0")/Retarget.java" "$jar" "$out.tmp"
      mv "$out.tmp" "$out"
    else
      echo "release.sh: no JDK 24+ (looked at $java_home and /usr/lib/jvm):" \
        "$(basename "$jar") copied unchanged"
      cp "$jar" "$out"
    fi
    ;;
  runtime)
    target=$2
    jdk=$(pick_jdk "$3")
    [ -n "$jdk" ] || { echo "release.sh: no JDK 21+ with jlink (looked at $3 and /usr/lib/jvm)" >&2; exit 1; }
    stamp="$jdk $(release_value "$jdk" JAVA_RUNTIME_VERSION) $modules"
    if [ -x "$target/runtime/bin/java" ] && [ -f "$target/runtime.stamp" ] &&
       [ "$(cat "$target/runtime.stamp")" = "$stamp" ]; then
      echo "release.sh: $target/runtime is up to date ($jdk)"
      exit 0
    fi
    rm -rf "$target/runtime" "$target/runtime.stamp"
    echo "release.sh: jlink $jdk -> $target/runtime"
    # --generate-cds-archive: the runtime's own class-data archive (lib/server/classes.jsa), on
    # which the launcher's per-user archive of strata's classes is built (it is deterministic:
    # two links give the same bytes, unlike an AOT cache)
    "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
      --generate-cds-archive --output "$target/runtime" >/dev/null
    printf '%s\n' "$stamp" >"$target/runtime.stamp"
    ;;
  train)
    dist=$2
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cp -R "$3" "$work/versions"
    rm -f "$dist/lib/strata.aot" "$dist/lib/strata.aot.runtime"
    v=$work/versions
    # every command reads the chain; upgrade and bundle render it, bundle writes an archive
    STRATA_AOT_TRAIN="$work/strata.aot" "$dist/bin/strata" \
      heads --versions "$v" , check --versions "$v" , upgrade base:head --versions "$v" , \
      downgrade head:base --versions "$v" , \
      upgrade base:head --versions "$v" --dialect sqlite , \
      bundle base:head --versions "$v" -o "$work/bundle.tar.gz" >/dev/null
    if [ -f "$work/strata.aot" ]; then
      mv "$work/strata.aot" "$dist/lib/strata.aot"
      mv "$work/strata.aot.runtime" "$dist/lib/strata.aot.runtime"
      echo "release.sh: $dist/lib/strata.aot for $(cat "$dist/lib/strata.aot.runtime")"
    fi
    ;;
  *)
    echo "usage: release.sh runtime TARGET JDK | retarget TARGET JDK JAR | train DIST VERSIONS" >&2
    exit 2 ;;
esac

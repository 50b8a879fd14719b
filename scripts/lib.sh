# Shared by the scripts: sourced, not run.

# Selects a JDK >= 21 (the project's Java release) into JAVA_HOME/PATH: the current JAVA_HOME, the `java`
# on PATH, then the JDKs under /usr/lib/jvm, newest first. Fails with one clear line when there is none.
select_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    candidate=${candidate%/}
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME=$candidate
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "newsgraph: a JDK 21 or newer is required (none found in JAVA_HOME, PATH or /usr/lib/jvm); install e.g. openjdk-21-jdk or Temurin 21+" >&2
  return 1
}

# The repository root (the folder holding this scripts/ folder).
repo_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

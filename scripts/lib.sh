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

# free_port [FIRST [COUNT]]: a loopback port in FIRST..FIRST+COUNT-1 (default 18100-19899: below the kernel's ephemeral
# range, clear of the services' 8080-8083) that nothing listens on, picked at random so that scripts running side by
# side rarely pick the same one. A fixed port would find another script's process there and take it for its own.
free_port() {
  local first=${1:-18100} count=${2:-1800} p
  for _ in $(seq 1 100); do
    p=$((first + RANDOM % count))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  echo "free_port: no free port in $first-$((first + count - 1))" >&2
  return 1
}

# How Steward's launchers run its jar; sourced by ./steward and by the release's bin/steward (which
# ships a copy as lib/steward-java.sh). One place for the JVM's options:
#   - the worker (a long-lived process): a small heap and fixed memory pools, from measurement
#     (docs/benchmarks.md); the unit `steward install` writes sets the same (StewardUnits);
#   - every other command (short: people wait for it): C1 only, and the jar's class-data archive
#     (AppCDS), steward.jsa beside the jar, which steward_archive builds.
# $STEWARD_JAVA_OPTS is added last, so it can override any of them.

# The worker's options: the same as WorkerJvm.OPTIONS, which the unit gets (LauncherArchiveTest checks).
STEWARD_WORKER_JVM=(-Xms16m -Xmx128m -Xss512k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m
  -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

# A stale or unreadable archive is ignored by the JVM; these keep it from saying so on stdout.
STEWARD_QUIET_CDS=(-Xlog:cds=off -Xlog:cds+dynamic=off)

# steward_command ARGS…: the subcommand ARGS name, skipping the options before it.
steward_command() {
  while (($#)); do
    case "$1" in
      -c | --config) shift 2 || return 0 ;;
      -*) shift ;;
      *) echo "$1"; return 0 ;;
    esac
  done
}

# steward_archive JAR: (re)builds JAR's class-data archive when it is missing or older than JAR,
# by running `config check` on a throw-away target under -XX:ArchiveClassesAtExit (a dynamic
# archive holds the path of the jar it was made from: it is built where the jar stays). Does
# nothing, quietly, when the directory is not writable or java cannot build it: the archive only saves time.
steward_archive() {
  local jar="$1" java="${JAVA:-java}"
  local archive="${jar%.jar}.jsa"
  [[ -f "$archive" && ! "$jar" -nt "$archive" ]] && return 0
  [[ -w "$(dirname "$jar")" ]] || return 0
  local train
  train="$(mktemp -d)" || return 0
  mkdir -p "$train/app" "$train/data" && git init -q "$train/app" >/dev/null 2>&1 || true
  cat >"$train/steward.yaml" <<YAML
targets:
  example:
    checkout: $train/app
    state: $train/data
    service: {manager: process, start: ["true"]}
    snapshot: {dir: $train/backups}
    update: {git: {remote: origin, ref: main}}
    health: {http: "http://127.0.0.1:1/"}
YAML
  # Written aside and renamed: a launcher running meanwhile sees the old archive or the new one.
  "$java" -XX:ArchiveClassesAtExit="$archive.$$" "${STEWARD_QUIET_CDS[@]}" -XX:TieredStopAtLevel=1 \
    -jar "$jar" -c "$train/steward.yaml" config check >/dev/null 2>&1 || true
  if [[ -s "$archive.$$" ]]; then mv -f "$archive.$$" "$archive"; else rm -f "$archive.$$"; fi
  rm -rf "$train"
}

# steward_exec JAR ARGS…: runs JAR with the options for the command in ARGS, in place of this shell.
steward_exec() {
  local jar="$1" java="${JAVA:-java}"
  shift
  local options
  if [[ "$(steward_command "$@")" == worker ]]; then
    options=("${STEWARD_WORKER_JVM[@]}")
  else
    options=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${STEWARD_QUIET_CDS[@]}")
    local archive="${jar%.jar}.jsa"
    [[ -f "$archive" ]] && options+=(-XX:SharedArchiveFile="$archive")
  fi
  # shellcheck disable=SC2086 # STEWARD_JAVA_OPTS is a list of options, split on spaces
  exec "$java" "${options[@]}" ${STEWARD_JAVA_OPTS:-} -jar "$jar" "$@"
}

# How Steward's launchers run its jar; sourced by ./steward and by the release's bin/steward (which
# ships a copy as lib/steward-java.sh). One place for the JVM's options:
#   - the worker (a long-lived process): a small heap and fixed memory pools, from measurement
#     (docs/benchmarks.md); the unit `steward install` writes sets the same (StewardUnits);
#   - every other command (short: people wait for it): C1 only, and a class-data archive (AppCDS)
#     beside the jar, which steward_archive builds: steward-pipeline.jsa for the commands that run
#     pipelines (STEWARD_PIPELINE_COMMANDS), steward.jsa for the rest.
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

# The commands that run pipelines: on the embedded server they start the in-memory Temporal server
# and a worker in their own JVM: ~7,900 classes, against ~2,400 for `config check`. An archive of
# them (54 MB) takes about a second off their start, but mapping it slowed `config check` by
# ~0.4 s, so they get an archive of their own (docs/benchmarks.md).
STEWARD_PIPELINE_COMMANDS=(update recover restore rollout demo monitor)

# steward_archive_file JAR ARGS…: the class-data archive the command in ARGS starts from; nothing
# for the worker (a long-lived process: a few seconds of its start do not matter).
steward_archive_file() {
  local jar="$1" command
  shift
  command="$(steward_command "$@")"
  [[ "$command" == worker ]] && return 0
  if [[ " ${STEWARD_PIPELINE_COMMANDS[*]} " == *" $command "* ]]; then
    echo "${jar%.jar}-pipeline.jsa"
  else
    echo "${jar%.jar}.jsa"
  fi
}

# steward_archive JAR [ARGS…]: (re)builds the class-data archive the command in ARGS starts from
# (steward.jsa without ARGS) when it is missing or older than JAR, by a training run under
# -XX:ArchiveClassesAtExit on a throw-away target: `config check` for steward.jsa; for the pipeline
# archive an embedded `update` of a local git repository to its next commit (snapshot, restart of a
# shell loop, health by `true`; no network, a few seconds). A dynamic archive holds the path of the
# jar it was made from: it is built where the jar stays. Does nothing, quietly, when the directory is
# not writable or java cannot build it: the archive only saves time, and a training run that fails
# still archives the classes it loaded.
steward_archive() {
  local jar="$1" java="${JAVA:-java}" archive
  shift
  archive="$(steward_archive_file "$jar" "$@")"
  [[ -n "$archive" ]] || return 0
  [[ -f "$archive" && ! "$jar" -nt "$archive" ]] && return 0
  [[ -w "$(dirname "$jar")" ]] || return 0
  local train
  train="$(mktemp -d)" || return 0
  local training=(config check)
  if [[ "$archive" == *-pipeline.jsa ]]; then
    training=(update example)
    steward_training_repos "$train" >/dev/null 2>&1 || true
  else
    mkdir -p "$train/app" && git init -q "$train/app" >/dev/null 2>&1 || true
  fi
  mkdir -p "$train/data"
  # The service lives until the training directory is removed below.
  cat >"$train/steward.yaml" <<YAML
targets:
  example:
    checkout: $train/app
    state: $train/data
    service: {manager: process, start: [sh, -c, "while [ -d '$train' ]; do sleep 1; done"]}
    snapshot: {dir: $train/backups}
    update: {git: {remote: origin, ref: main}}
    health: {command: ["true"], stableFor: 0s}
YAML
  # Written aside and renamed: a launcher running meanwhile sees the old archive or the new one.
  # A clean environment: a TEMPORAL_ADDRESS or profile would send the training run to a server.
  env -i PATH="$PATH" HOME="$train" "$java" -XX:ArchiveClassesAtExit="$archive.$$" \
    "${STEWARD_QUIET_CDS[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -jar "$jar" -c "$train/steward.yaml" "${training[@]}" >/dev/null 2>&1 </dev/null || true
  if [[ -s "$archive.$$" ]]; then mv -f "$archive.$$" "$archive"; else rm -f "$archive.$$"; fi
  rm -rf "$train"
}

# steward_training_repos DIR: DIR/upstream with two commits on main, and DIR/app, a clone of it at
# the first: what the pipeline archive's training update moves.
steward_training_repos() {
  local dir="$1"
  local git=(git -c user.name=steward -c user.email=steward@localhost -c commit.gpgsign=false)
  "${git[@]}" init -q "$dir/upstream" && "${git[@]}" -C "$dir/upstream" checkout -q -b main &&
    echo 1 >"$dir/upstream/version" && "${git[@]}" -C "$dir/upstream" add version &&
    "${git[@]}" -C "$dir/upstream" commit -qm 1 &&
    git clone -q -b main "$dir/upstream" "$dir/app" &&
    echo 2 >"$dir/upstream/version" && "${git[@]}" -C "$dir/upstream" commit -qam 2
}

# steward_exec JAR ARGS…: runs JAR with the options for the command in ARGS, in place of this shell.
steward_exec() {
  local jar="$1" java="${JAVA:-java}"
  shift
  local options archive
  if [[ "$(steward_command "$@")" == worker ]]; then
    options=("${STEWARD_WORKER_JVM[@]}")
  else
    options=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${STEWARD_QUIET_CDS[@]}")
    archive="$(steward_archive_file "$jar" "$@")"
    [[ -f "$archive" ]] && options+=(-XX:SharedArchiveFile="$archive")
  fi
  # shellcheck disable=SC2086 # STEWARD_JAVA_OPTS is a list of options, split on spaces
  exec "$java" "${options[@]}" ${STEWARD_JAVA_OPTS:-} -jar "$jar" "$@"
}

#!/usr/bin/env bash
# Builds the release tarball dist/steward-VERSION.tar.gz: the fat jar, a launcher for the installed
# jar, bash completion, per-command help, the systemd unit template and the compose file.
# Usage: scripts/release.sh            (runs mvn package without tests; run mvn verify first)
#        scripts/release.sh --no-build (packages the cli/target/steward.jar already built)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
[[ "${1:-}" == "--no-build" ]] || mvn -B -q -DskipTests package
jar="$root/cli/target/steward.jar"
stage="$root/dist/steward-$version"
rm -rf "$stage" && mkdir -p "$stage"/{bin,lib,systemd,share/bash-completion/completions,share/help}

cp "$jar" "$stage/lib/steward.jar"
cp scripts/steward-java.sh "$stage/lib/steward-java.sh"
# No class-data archive in the tarball: Java 17's archive names the path of the jar it was made
# from and is refused anywhere else, so the launcher builds it where the jar is installed.
cat > "$stage/bin/steward" <<'LAUNCHER'
#!/usr/bin/env bash
# Runs the installed Steward: lib/steward.jar beside this bin/ directory. Needs Java 17+.
# A run where lib/ is writable (install.sh's) builds the class-data archive its command starts
# from: lib/steward.jsa, which halves the start of short commands, or lib/steward-pipeline.jsa, for
# the commands that run pipelines; JVM options: lib/steward-java.sh.
set -euo pipefail
home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
source "$home/lib/steward-java.sh"
steward_archive "$home/lib/steward.jar" "$@"
steward_exec "$home/lib/steward.jar" "$@"
LAUNCHER
chmod +x "$stage/bin/steward"

java -cp "$jar" dev.steward.cli.BashCompletion > "$stage/share/bash-completion/completions/steward"
java -jar "$jar" --help > "$stage/share/help/steward.txt"
for command in $(java -jar "$jar" --help | awk '/^Commands:/{on=1;next} on && /^  [a-z]/{print $1}'); do
  [[ "$command" == help ]] && continue
  java -jar "$jar" help "$command" > "$stage/share/help/steward-$command.txt"
done

cp deploy/systemd/steward-worker.service "$stage/systemd/"
cp docker-compose.yml "$stage/" && cp -r deploy/compose "$stage/deploy-compose"
sed -i 's:\./deploy/compose:./deploy-compose:g' "$stage/docker-compose.yml"
cp README.md "$stage/"
cat > "$stage/install.sh" <<'INSTALL'
#!/usr/bin/env bash
# Installs Steward under PREFIX (default /opt/steward) and links /usr/local/bin/steward to it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-/opt/steward}"
mkdir -p "$prefix"
# Made for the previous jar; built again below: steward.jsa by the --version, the pipeline commands'
# archive by a training run of its own (a few seconds: an update of a throw-away local target).
rm -f "$prefix/lib/steward.jsa" "$prefix/lib/steward-pipeline.jsa"
cp -r "$here"/bin "$here"/lib "$here"/share "$here"/systemd "$prefix"/
ln -sf "$prefix/bin/steward" /usr/local/bin/steward
if [[ -d /etc/bash_completion.d ]]; then
  ln -sf "$prefix/share/bash-completion/completions/steward" /etc/bash_completion.d/steward
fi
(source "$prefix/lib/steward-java.sh" && steward_archive "$prefix/lib/steward.jar" update)
echo "installed steward $("$prefix/bin/steward" --version) in $prefix"
INSTALL
chmod +x "$stage/install.sh"

tar -C "$root/dist" -czf "$root/dist/steward-$version.tar.gz" "steward-$version"
echo "$root/dist/steward-$version.tar.gz"

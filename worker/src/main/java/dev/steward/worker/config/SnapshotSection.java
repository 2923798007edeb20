package dev.steward.worker.config;

import dev.steward.workflows.host.TargetPlan.SnapshotPlan;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Reads a target's {@code snapshot:} section. */
final class SnapshotSection {
  static final int DEFAULT_KEEP = 7;
  static final String FILE_PLACEHOLDER = "{file}";

  private SnapshotSection() {}

  static SnapshotPlan read(ConfigNode node, ConfigPaths paths) {
    if (!node.present()) {
      throw node.missing("add snapshot: with dir: where snapshots go, e.g. dir: /srv/backups");
    }
    ConfigMap snapshot =
        node.map("dir: /srv/backups").allowOnly("dir", "keep", "exclude", "export", "import");
    ConfigNode dirNode = snapshot.get("dir");
    if (!dirNode.present()) {
      throw dirNode.missing("set the directory snapshots go to, e.g. dir: /srv/backups");
    }
    Path dir = paths.creatableDir(dirNode, "dir: /srv/backups");
    return new SnapshotPlan(
        dir.toString(),
        keep(snapshot.get("keep")),
        excludes(snapshot.get("exclude")),
        exportCommand(snapshot),
        importCommand(snapshot));
  }

  private static int keep(ConfigNode node) {
    if (!node.present()) {
      return DEFAULT_KEEP;
    }
    int keep = Values.wholeNumber(node, "keep: 7");
    if (keep < 1) {
      throw node.error(keep + " is less than 1", "keep at least 1: a rollback needs a snapshot");
    }
    return keep;
  }

  private static List<String> excludes(ConfigNode node) {
    if (!node.present()) {
      return List.of();
    }
    List<String> globs = node.strings("[\"*.tmp\", \"cache/**\"]");
    for (String glob : globs) {
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + glob);
      } catch (PatternSyntaxException e) {
        throw node.error(
            ConfigNode.quote(glob) + " is not a glob pattern: " + e.getDescription(),
            "fix the pattern, e.g. \"cache/**\"");
      }
    }
    return globs;
  }

  private static List<String> exportCommand(ConfigMap snapshot) {
    ConfigNode export = snapshot.get("export");
    if (!export.present()) {
      return List.of();
    }
    if (!snapshot.has("import")) {
      throw export.keyError(
          "is set without import", "add import: the command that restores a snapshot from {file}");
    }
    if (snapshot.has("exclude")) {
      throw snapshot
          .get("exclude")
          .keyError(
              "applies only to the built-in archive", "remove it: export replaces the archive");
    }
    return withFile(export, "[hermes, backup, -o, \"{file}\"]");
  }

  private static List<String> importCommand(ConfigMap snapshot) {
    ConfigNode importNode = snapshot.get("import");
    if (!importNode.present()) {
      return List.of();
    }
    if (!snapshot.has("export")) {
      throw importNode.keyError(
          "is set without export",
          "add export: the command that writes a snapshot to {file}, or remove import");
    }
    return withFile(importNode, "[hermes, import, --force, \"{file}\"]");
  }

  /** A command that must say where the snapshot file goes, through the {file} placeholder. */
  private static List<String> withFile(ConfigNode node, String example) {
    List<String> argv = node.argv(example);
    if (argv.stream().noneMatch(arg -> arg.contains(FILE_PLACEHOLDER))) {
      throw node.error(
          "never mentions " + FILE_PLACEHOLDER,
          "put \"{file}\" where the command takes the snapshot's path, e.g. " + example);
    }
    return argv;
  }
}

package dev.steward.worker.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Resolves and checks the paths a target names. Relative paths resolve against the directory of the
 * config file, not the directory Steward happens to run in, so a config means the same thing to the
 * worker (started by systemd in /) and to a person running the CLI next to it. A leading {@code ~/}
 * means {@code $HOME}.
 */
final class ConfigPaths {
  private final Path base;
  private final String home;

  ConfigPaths(Path base, String home) {
    this.base = base;
    this.home = home;
  }

  /** The absolute, normalised path a value names; it need not exist. */
  Path resolve(ConfigNode node, String example) {
    String text = node.text(example);
    if (text.isBlank()) {
      throw node.missing("set it, e.g. " + example);
    }
    if (text.equals("~") || text.startsWith("~/")) {
      if (home == null) {
        throw node.error("starts with ~ but HOME is not set", "write the full path");
      }
      text = home + text.substring(1);
    }
    return base.resolve(text).toAbsolutePath().normalize();
  }

  /** A directory that must already exist; {@code fix} says what to do when it does not. */
  Path existingDir(ConfigNode node, String example, Function<Path, String> fix) {
    Path path = resolve(node, example);
    if (!Files.exists(path)) {
      throw node.error(path + " does not exist", fix.apply(path));
    }
    if (!Files.isDirectory(path)) {
      throw node.error(path + " is not a directory", "point it at a directory");
    }
    return path;
  }

  /** A git work tree: an existing directory with a {@code .git} directory or file in it. */
  Path workTree(ConfigNode node, String example) {
    Path path = existingDir(node, example, p -> "clone the service's code there, or fix the path");
    if (!Files.exists(path.resolve(".git"))) {
      throw node.error(
          path + " is not a git work tree",
          "run git init or git clone there, or point it at the service's work tree");
    }
    return path;
  }

  /** The fix for a directory the owner should simply create. */
  static String mkdir(Path path) {
    return "create it: mkdir -p " + path;
  }

  /** A directory that may be created later, so only its parent must exist. */
  Path creatableDir(ConfigNode node, String example) {
    Path path = resolve(node, example);
    if (Files.exists(path)) {
      if (!Files.isDirectory(path)) {
        throw node.error(path + " is not a directory", "point it at a directory");
      }
      return path;
    }
    Path parent = path.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw node.error(
          path + " cannot be created: its parent " + parent + " does not exist",
          "create " + parent + ", or pick another directory");
    }
    return path;
  }
}

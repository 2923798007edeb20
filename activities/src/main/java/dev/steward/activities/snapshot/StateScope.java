package dev.steward.activities.snapshot;

import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which paths under the state directory a built-in snapshot covers. Left out, and left alone by a
 * restore: Steward's own files ({@code .steward/}, the status file), the snapshot directory and the
 * checkout when they lie inside the state directory, and the plan's exclude patterns.
 *
 * <p>Paths are relative to the state directory, with {@code /} between names. A pattern without
 * {@code /} matches a file or directory name at any depth ({@code *.tmp}); one with {@code /}
 * matches the whole relative path ({@code cache/**}). Whatever lies under a left-out directory is
 * left out too.
 */
final class StateScope {
  static final String STEWARD_DIR = ".steward";
  static final String STATUS_FILE = ".auto-update-status.json";

  private final Path state;
  private final Set<String> protectedPaths;
  private final List<PathMatcher> namePatterns;
  private final List<PathMatcher> pathPatterns;

  private StateScope(
      Path state,
      Set<String> protectedPaths,
      List<PathMatcher> namePatterns,
      List<PathMatcher> pathPatterns) {
    this.state = state;
    this.protectedPaths = protectedPaths;
    this.namePatterns = namePatterns;
    this.pathPatterns = pathPatterns;
  }

  /** The scope of a target's state directory. */
  static StateScope of(TargetPlan plan) {
    Path state = canonical(Path.of(plan.state()));
    List<String> protectedPaths = new ArrayList<>(List.of(STEWARD_DIR, STATUS_FILE));
    insideState(state, plan.snapshot().dir()).ifPresent(protectedPaths::add);
    insideState(state, plan.checkout()).ifPresent(protectedPaths::add);
    List<PathMatcher> names = new ArrayList<>();
    List<PathMatcher> paths = new ArrayList<>();
    List<String> exclude =
        plan.snapshot().exclude() == null ? List.of() : plan.snapshot().exclude();
    for (String pattern : exclude) {
      String trimmed = trimSlashes(pattern);
      if (trimmed.isEmpty()) {
        continue;
      }
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + trimmed);
      (trimmed.contains("/") ? paths : names).add(matcher);
    }
    return new StateScope(state, Set.copyOf(protectedPaths), names, paths);
  }

  /** The state directory, resolved through symlinks when it exists. */
  Path state() {
    return state;
  }

  /** The path of {@code file} relative to the state directory, with {@code /} between names. */
  String relative(Path file) {
    return state.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  /** Whether {@code relative} lies outside the snapshot: protected or excluded, or under such. */
  boolean leftOut(String relative) {
    String[] names = relative.split("/");
    StringBuilder prefix = new StringBuilder();
    for (String name : names) {
      if (prefix.length() > 0) {
        prefix.append('/');
      }
      prefix.append(name);
      if (leftOutItself(prefix.toString(), name)) {
        return true;
      }
    }
    return false;
  }

  private boolean leftOutItself(String path, String name) {
    if (protectedPaths.contains(path)) {
      return true;
    }
    Path namePath = Path.of(name);
    if (namePatterns.stream().anyMatch(m -> m.matches(namePath))) {
      return true;
    }
    Path relativePath = Path.of(path);
    return pathPatterns.stream().anyMatch(m -> m.matches(relativePath));
  }

  /** The relative path of {@code other} when it lies strictly inside the state directory. */
  private static Optional<String> insideState(Path state, String other) {
    if (other == null || other.isBlank()) {
      return Optional.empty();
    }
    Path path = canonical(Path.of(other));
    if (path.equals(state)) {
      throw Failures.snapshotFailed(
          other + " is the state directory itself; snapshots and code must live elsewhere");
    }
    if (!path.startsWith(state)) {
      return Optional.empty();
    }
    return Optional.of(state.relativize(path).toString().replace('\\', '/'));
  }

  // Symlinked paths (/tmp on some systems, a data dir linked elsewhere) must compare equal.
  private static Path canonical(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }

  private static String trimSlashes(String pattern) {
    String trimmed = pattern.strip();
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}

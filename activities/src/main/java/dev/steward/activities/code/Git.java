package dev.steward.activities.code;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The git commands a checkout needs, run as {@code git -C <checkout> …}. Every one of them is
 * idempotent, so none needs a guard. A failure is a {@code GIT_FAILED} application failure.
 */
final class Git {
  private final Path checkout;
  private final Duration timeout;

  Git(Path checkout, Duration timeout) {
    this.checkout = checkout;
    this.timeout = timeout;
  }

  /** The commit the work tree stands at. */
  String head() {
    return resolve("HEAD");
  }

  /**
   * The commit the work tree stands at, or empty when the checkout has none: it is missing, is not
   * a git repository, or has no commit yet. Any other failure of git is one.
   */
  Optional<String> headIfAny() {
    if (!Files.isDirectory(checkout)) {
      return Optional.empty();
    }
    List<String> argv =
        List.of(
            "git", "-C", checkout.toString(), "rev-parse", "--verify", "--quiet", "HEAD^{commit}");
    // LC_ALL=C: git's "not a git repository" is told by its words, which a locale translates.
    CommandResult result = Commands.run(argv, checkout, timeout, Map.of("LC_ALL", "C"));
    if (result.succeeded()) {
      return Optional.of(result.tail(1).strip());
    }
    boolean unborn = !result.timedOut() && result.exitCode() == 1;
    if (unborn || (result.exitCode() == 128 && result.output().contains("not a git repository"))) {
      return Optional.empty();
    }
    throw CodeFailures.gitFailed(result);
  }

  /** The commit {@code revision} names ({@code HEAD}, {@code FETCH_HEAD}, a sha, a tag). */
  String resolve(String revision) {
    // Only the sha is printed on stdout; stderr, merged in, could carry a warning before it.
    return run("rev-parse", "--verify", revision + "^{commit}").tail(1).strip();
  }

  /** The commit {@code revision} names, or empty when this repository has no such commit. */
  Optional<String> resolveIfAny(String revision) {
    List<String> argv =
        List.of(
            "git",
            "-C",
            checkout.toString(),
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            revision + "^{commit}");
    CommandResult result = Commands.run(argv, checkout, timeout);
    if (result.succeeded()) {
      return Optional.of(result.tail(1).strip());
    }
    if (!result.timedOut() && result.exitCode() == 1) {
      return Optional.empty();
    }
    throw CodeFailures.gitFailed(result);
  }

  /** Fetches {@code ref} from {@code remote}; {@code FETCH_HEAD} then names it. */
  CommandResult fetch(String remote, String ref) {
    return run("fetch", remote, ref);
  }

  /**
   * The newest commit on {@code revision}'s first-parent history committed at or before {@code
   * time}, if any.
   */
  Optional<String> newestCommittedBy(String revision, Instant time) {
    String sha =
        run("rev-list", "-1", "--first-parent", "--before=" + time.getEpochSecond(), revision)
            .tail(1)
            .strip();
    return sha.isEmpty() ? Optional.empty() : Optional.of(sha);
  }

  /** Whether {@code ancestor} is {@code descendant} or in its history. */
  boolean contains(String descendant, String ancestor) {
    List<String> argv =
        List.of(
            "git", "-C", checkout.toString(), "merge-base", "--is-ancestor", ancestor, descendant);
    CommandResult result = Commands.run(argv, checkout, timeout);
    if (result.exitCode() > 1 || result.timedOut()) {
      throw CodeFailures.gitFailed(result);
    }
    return result.exitCode() == 0;
  }

  /** Moves the work tree to {@code revision}, discarding local edits. */
  CommandResult resetHard(String revision) {
    return run("reset", "--hard", revision);
  }

  private CommandResult run(String... args) {
    List<String> argv = new ArrayList<>(List.of("git", "-C", checkout.toString()));
    argv.addAll(List.of(args));
    // With -C the working directory does not matter; a missing checkout gets git's own message.
    Path dir = Files.isDirectory(checkout) ? checkout : Path.of("/");
    CommandResult result = Commands.run(argv, dir, timeout);
    if (!result.succeeded()) {
      throw CodeFailures.gitFailed(result);
    }
    return result;
  }
}

package dev.steward.activities.code;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import dev.steward.activities.process.GuardedCommand;
import dev.steward.activities.process.GuardedResult;
import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.UpdateCheck;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Moves a target's git checkout: update by git or by a guarded command, patches, reset. */
public class CodeActivitiesImpl implements CodeActivities {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  /** What the update itself did, before the {@code then} commands. */
  private record Moved(String output, boolean resumed) {}

  @Override
  public String readRevision(TargetPlan plan) {
    return git(plan).head();
  }

  @Override
  public UpdateCheck checkForUpdate(TargetPlan plan) {
    Git git = git(plan);
    String current = git.head();
    List<String> missing =
        new Patches(Path.of(plan.checkout()), timeout(plan)).missing(patches(plan));
    if (!plan.update().usesGit()) {
      return new UpdateCheck(current, null, runCheck(plan), missing);
    }
    git.fetch(plan.update().gitRemote(), plan.update().gitRef());
    String wanted = ripeRevision(plan, git).orElse(current);
    return new UpdateCheck(current, wanted, !wanted.equals(current), missing);
  }

  @Override
  public UpdateCheck checkRevision(TargetPlan plan, String revision) {
    Git git = git(plan);
    String wanted = fetchOnRef(plan, git, revision);
    String current = git.head();
    List<String> missing =
        new Patches(Path.of(plan.checkout()), timeout(plan)).missing(patches(plan));
    return new UpdateCheck(current, wanted, !wanted.equals(current), missing);
  }

  @Override
  public String resolveRevision(TargetPlan plan, String revision) {
    return fetchOnRef(plan, git(plan), revision);
  }

  /**
   * Fetches the target's remote ref and returns the full id of {@code revision} (the ref's newest
   * commit when null), refusing one that is not on the ref: a pinned revision comes from outside
   * the host, and the host runs only code its own steward.yaml names.
   */
  private static String fetchOnRef(TargetPlan plan, Git git, String revision) {
    if (!plan.update().usesGit()) {
      throw CodeFailures.refused(
          "target "
              + plan.target()
              + " updates by a command, not by git: it cannot move to a pinned revision; refused");
    }
    git.fetch(plan.update().gitRemote(), plan.update().gitRef());
    String head = git.resolve("FETCH_HEAD");
    if (revision == null) {
      return head;
    }
    String wanted = git.resolveIfAny(revision).orElse(null);
    if (wanted == null || !git.contains(head, wanted)) {
      throw CodeFailures.notOnRef(plan, revision);
    }
    return wanted;
  }

  @Override
  public CodeUpdate updateCode(TargetPlan plan, String key) {
    return update(plan, key, null);
  }

  @Override
  public CodeUpdate updateCodeTo(TargetPlan plan, String key, String revision) {
    return update(plan, key, revision);
  }

  /** Moves the code; with git to {@code wanted}, or to the ripe fetched revision when null. */
  private CodeUpdate update(TargetPlan plan, String key, String wanted) {
    Git git = git(plan);
    GuardedCommand guard = GuardedCommand.forState(Path.of(plan.state()));
    String from = rememberFrom(guard.stepDir(key), git);
    Moved moved =
        plan.update().usesGit()
            ? updateByGit(plan, git, wanted)
            : updateByCommand(plan, key, guard);
    String to = git.head();
    String output = moved.output();
    if (!from.equals(to)) {
      output += runThen(plan);
    }
    return new CodeUpdate(
        from, to, moved.resumed(), Commands.lastLines(output, CodeFailures.TAIL_LINES));
  }

  @Override
  public List<String> applyPatches(TargetPlan plan) {
    return new Patches(Path.of(plan.checkout()), timeout(plan)).apply(patches(plan));
  }

  @Override
  public void resetCode(TargetPlan plan, String revision) {
    git(plan).resetHard(revision);
    // Always, even when HEAD was already there: a retry may follow a failed install.
    runThen(plan);
  }

  private static Moved updateByGit(TargetPlan plan, Git git, String wanted) {
    // Fetched again even with a wanted revision: a retry on a fresh clone may not have it yet.
    CommandResult fetch = git.fetch(plan.update().gitRemote(), plan.update().gitRef());
    Optional<String> target = wanted == null ? ripeRevision(plan, git) : Optional.of(wanted);
    if (target.isEmpty()) {
      return new Moved(fetch.output() + "cooldown: no newer revision is old enough yet\n", false);
    }
    if (target.get().equals(git.head())) {
      return new Moved(fetch.output(), false);
    }
    if (wanted != null && !git.contains(git.resolve("FETCH_HEAD"), wanted)) {
      throw CodeFailures.notOnRef(plan, wanted);
    }
    return new Moved(fetch.output() + git.resetHard(target.get()).output(), false);
  }

  /**
   * The fetched revision to move to: the newest, or with a cooldown the newest that has been
   * upstream that long, so a bad release has time to be noticed first. Empty when that would not
   * move the checkout forward.
   */
  private static Optional<String> ripeRevision(TargetPlan plan, Git git) {
    long cooldown = plan.update().cooldownMillis();
    if (cooldown <= 0) {
      return Optional.of(git.resolve("FETCH_HEAD"));
    }
    Optional<String> ripe =
        git.newestCommittedBy("FETCH_HEAD", Instant.now().minusMillis(cooldown));
    return ripe.filter(
        revision -> !git.contains(git.head(), revision) || revision.equals(git.head()));
  }

  private static Moved updateByCommand(TargetPlan plan, String key, GuardedCommand guard) {
    GuardedResult run =
        guard.run(key, plan.update().command(), Path.of(plan.checkout()), timeout(plan));
    if (run.unknownOutcome()) {
      // Never run it again: report where the code stands; the workflow verifies or rolls back.
      return new Moved(run.result().output(), true);
    }
    if (!run.result().succeeded()) {
      throw CodeFailures.commandFailed("update command", run.result());
    }
    return new Moved(run.result().output(), run.resumed());
  }

  /** Runs the check command: whether it says there is something to apply. */
  private static boolean runCheck(TargetPlan plan) {
    CommandResult result =
        Commands.run(plan.update().check(), Path.of(plan.checkout()), timeout(plan));
    if (result.timedOut() || result.exitCode() > 1 || result.exitCode() < 0) {
      throw CodeFailures.commandFailed("check command", result);
    }
    return result.exitCode() == 0;
  }

  private static List<TargetPlan.PatchPlan> patches(TargetPlan plan) {
    return plan.patches() == null ? List.of() : plan.patches();
  }

  /** Runs the {@code then} commands in the checkout and returns their output. */
  private static String runThen(TargetPlan plan) {
    StringBuilder output = new StringBuilder();
    List<List<String>> then = plan.update().then() == null ? List.of() : plan.update().then();
    for (List<String> argv : then) {
      CommandResult result = Commands.run(argv, Path.of(plan.checkout()), timeout(plan));
      if (!result.succeeded()) {
        throw CodeFailures.commandFailed("then command", result);
      }
      output.append(result.output());
    }
    return output.toString();
  }

  /**
   * The revision before this step, recorded beside its key on the first attempt: a retry after a
   * worker died mid-update sees the code already moved and must still report where it came from.
   */
  private static String rememberFrom(Path stepDir, Git git) {
    Path file = stepDir.resolve("from-revision");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      Path tmp = Files.createTempFile(stepDir, "from-revision.", ".tmp");
      try {
        Files.writeString(tmp, git.head() + "\n");
        Files.createLink(file, tmp); // Unlike a rename, a link never replaces an earlier record.
      } catch (FileAlreadyExistsException recordedMeanwhile) {
        // Theirs stands.
      } finally {
        Files.deleteIfExists(tmp);
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  private static Git git(TargetPlan plan) {
    return new Git(Path.of(plan.checkout()), timeout(plan));
  }

  private static Duration timeout(TargetPlan plan) {
    long seconds = plan.update() == null ? 0 : plan.update().timeoutSeconds();
    return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TIMEOUT;
  }
}

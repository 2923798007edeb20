package dev.steward.activities.code;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import dev.steward.activities.process.GuardedCommand;
import dev.steward.activities.process.GuardedResult;
import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.TargetPlan;
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
  public CodeUpdate updateCode(TargetPlan plan, String key) {
    Git git = git(plan);
    GuardedCommand guard = GuardedCommand.forState(Path.of(plan.state()));
    String from = rememberFrom(guard.stepDir(key), git);
    Moved moved =
        plan.update().usesGit() ? updateByGit(plan, git) : updateByCommand(plan, key, guard);
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
    List<TargetPlan.PatchPlan> patches = plan.patches() == null ? List.of() : plan.patches();
    return new Patches(Path.of(plan.checkout()), timeout(plan)).apply(patches);
  }

  @Override
  public void resetCode(TargetPlan plan, String revision) {
    git(plan).resetHard(revision);
    // Always, even when HEAD was already there: a retry may follow a failed install.
    runThen(plan);
  }

  private static Moved updateByGit(TargetPlan plan, Git git) {
    CommandResult fetch = git.fetch(plan.update().gitRemote(), plan.update().gitRef());
    Optional<String> target = ripeRevision(plan, git);
    if (target.isEmpty()) {
      return new Moved(fetch.output() + "cooldown: no newer revision is old enough yet\n", false);
    }
    if (target.get().equals(git.head())) {
      return new Moved(fetch.output(), false);
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

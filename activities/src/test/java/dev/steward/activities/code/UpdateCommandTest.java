package dev.steward.activities.code;

import static dev.steward.activities.testing.Shell.git;
import static dev.steward.activities.testing.Shell.lines;
import static dev.steward.activities.testing.Shell.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.process.GuardedCommand;
import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates by a command of the user's, which must never run twice for one key. */
class UpdateCommandTest {
  private static final String KEY = "update/demo/2025-01-01T03:00:00Z/update";

  @TempDir Path tmp;
  private Repos repos;
  private Path marker;
  private String v2;
  private final CodeActivitiesImpl code = new CodeActivitiesImpl();

  @BeforeEach
  void setUp() throws Exception {
    repos = new Repos(tmp);
    marker = tmp.resolve("update-runs.log");
    v2 = repos.commit("v2");
  }

  /** Like {@code hermes update}: moves the code first, then installs, which may fail. */
  private TargetPlan planExiting(int status) throws Exception {
    Path update =
        script(
            tmp.resolve("scripts/update.sh"),
            String.join(
                "\n",
                "echo ran >> " + marker,
                "git fetch -q origin && git reset -q --hard origin/main",
                "echo Collecting dependencies",
                "echo pip install failed",
                "exit " + status));
    List<List<String>> then = List.of(List.of("./install.sh"));
    return repos.plan(new UpdatePlan(null, null, List.of(update.toString()), then, 60));
  }

  @Test
  void moves_the_code_with_the_update_command_and_runs_the_then_commands() throws Exception {
    CodeUpdate update = code.updateCode(planExiting(0), KEY);

    assertEquals(repos.v1, update.fromRevision());
    assertEquals(v2, update.toRevision());
    assertFalse(update.resumed());
    assertTrue(update.output().contains("Collecting dependencies"));
    assertEquals(v2, repos.head());
    assertEquals(List.of("installed v2"), lines(repos.installs));
  }

  @Test
  void a_retry_with_the_same_key_takes_the_recorded_result_without_running_the_command_again()
      throws Exception {
    TargetPlan plan = planExiting(0);
    code.updateCode(plan, KEY);

    CodeUpdate retry = code.updateCode(plan, KEY);

    assertTrue(retry.resumed());
    assertEquals(repos.v1, retry.fromRevision());
    assertEquals(v2, retry.toRevision());
    assertEquals(List.of("ran"), lines(marker));
  }

  @Test
  void an_update_command_that_moves_the_code_then_fails_is_command_failed_and_never_rerun()
      throws Exception {
    TargetPlan plan = planExiting(1);

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.updateCode(plan, KEY));
    ApplicationFailure again =
        assertThrows(ApplicationFailure.class, () -> code.updateCode(plan, KEY));

    assertEquals(FailureTypes.COMMAND_FAILED, failure.getType());
    assertEquals(
        "update command " + tmp.resolve("scripts/update.sh") + " exited 1: pip install failed",
        failure.getOriginalMessage());
    assertTrue(failure.getDetails().get(0, String.class).contains("Collecting dependencies"));
    assertEquals(FailureTypes.COMMAND_FAILED, again.getType());
    assertEquals(v2, repos.head(), "the command moved the code before it failed");
    assertEquals(List.of("ran"), lines(marker));
    assertEquals(List.of(), lines(repos.installs));
  }

  @Test
  void an_update_command_that_outruns_its_timeout_is_command_failed() throws Exception {
    Path slow = script(tmp.resolve("scripts/slow.sh"), "echo ran >> " + marker + "\nsleep 60");
    TargetPlan plan = repos.plan(Repos.byCommand(List.of(slow.toString()), 1));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.updateCode(plan, KEY));

    assertEquals(FailureTypes.COMMAND_FAILED, failure.getType());
    assertTrue(failure.getOriginalMessage().endsWith("slow.sh timed out"));
    assertEquals(repos.v1, repos.head());
  }

  @Test
  void reports_where_the_code_stands_without_running_anything_when_an_earlier_attempt_died()
      throws Exception {
    // An earlier worker recorded v1, started the update, moved the code and died with it.
    Path stepDir = GuardedCommand.forState(repos.state).stepDir(KEY);
    Files.writeString(stepDir.resolve("from-revision"), repos.v1 + "\n");
    Files.writeString(stepDir.resolve("started"), "earlier\n");
    Files.writeString(stepDir.resolve("pid"), deadPid() + " 0\n");
    git(repos.checkout, "fetch", "-q", "origin");
    git(repos.checkout, "reset", "-q", "--hard", "origin/main");

    CodeUpdate update = code.updateCode(planExiting(0), KEY);

    assertTrue(update.resumed());
    assertEquals(repos.v1, update.fromRevision());
    assertEquals(v2, update.toRevision());
    assertTrue(update.output().contains("an earlier attempt died without a result"));
    assertEquals(List.of(), lines(marker));
    assertEquals(List.of("installed v2"), lines(repos.installs));
  }

  private static long deadPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }
}

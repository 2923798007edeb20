package dev.steward.activities.code;

import static dev.steward.activities.testing.Shell.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Git updates, revisions and resets against real repositories. */
class CodeActivitiesImplTest {
  private static final List<List<String>> INSTALL = List.of(List.of("./install.sh"));

  @TempDir Path tmp;
  private Repos repos;
  private final CodeActivitiesImpl code = new CodeActivitiesImpl();

  @BeforeEach
  void setUp() throws Exception {
    repos = new Repos(tmp);
  }

  @Test
  void reads_the_checkouts_revision() throws Exception {
    assertEquals(repos.v1, code.readRevision(repos.plan(Repos.byGit(List.of()))));
  }

  @Test
  void fails_with_git_failed_when_the_checkout_is_not_a_git_work_tree() throws Exception {
    Path notGit = Files.createDirectories(tmp.resolve("plain"));
    TargetPlan plan = repos.plan(Repos.byGit(List.of()));
    TargetPlan elsewhere =
        new TargetPlan(
            plan.target(),
            plan.host(),
            notGit.toString(),
            plan.state(),
            plan.service(),
            plan.snapshot(),
            0,
            plan.update(),
            plan.patches(),
            plan.health());

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.readRevision(elsewhere));

    assertEquals(FailureTypes.GIT_FAILED, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("not a git repository"));
    assertFalse(failure.getOriginalMessage().contains("\n"));
  }

  @Test
  void fetches_and_moves_the_checkout_to_the_remote_ref_then_runs_the_then_commands()
      throws Exception {
    String v2 = repos.commit("v2");

    CodeUpdate update = code.updateCode(repos.plan(Repos.byGit(INSTALL)), "wf/update");

    assertEquals(repos.v1, update.fromRevision());
    assertEquals(v2, update.toRevision());
    assertTrue(update.moved());
    assertFalse(update.resumed());
    assertEquals(v2, repos.head());
    assertEquals("v2", repos.app());
    assertEquals(List.of("installed v2"), lines(repos.installs));
  }

  @Test
  void discards_local_edits_when_it_moves_the_code() throws Exception {
    repos.commit("v2");
    Files.writeString(repos.checkout.resolve("app.txt"), "v1 patched locally\n");

    code.updateCode(repos.plan(Repos.byGit(List.of())), "wf/update");

    assertEquals("v2", repos.app());
  }

  @Test
  void reports_no_move_and_runs_no_then_commands_when_already_at_the_remote_ref() throws Exception {
    CodeUpdate update = code.updateCode(repos.plan(Repos.byGit(INSTALL)), "wf/update");

    assertEquals(repos.v1, update.fromRevision());
    assertEquals(repos.v1, update.toRevision());
    assertFalse(update.moved());
    assertEquals(List.of(), lines(repos.installs));
  }

  @Test
  void a_retry_after_the_code_moved_still_reports_where_it_came_from() throws Exception {
    String v2 = repos.commit("v2");
    TargetPlan plan = repos.plan(Repos.byGit(INSTALL));
    code.updateCode(plan, "wf/update");

    CodeUpdate retry = code.updateCode(plan, "wf/update");

    assertEquals(repos.v1, retry.fromRevision());
    assertEquals(v2, retry.toRevision());
  }

  @Test
  void fails_with_git_failed_when_the_remote_ref_does_not_exist() throws Exception {
    TargetPlan plan =
        repos.plan(new UpdatePlan("origin", "no-such-branch", List.of(), List.of(), 60));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.updateCode(plan, "wf/update"));

    assertEquals(FailureTypes.GIT_FAILED, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("no-such-branch"));
    assertEquals(repos.v1, repos.head());
  }

  @Test
  void fails_with_command_failed_when_a_then_command_fails() throws Exception {
    repos.commit("v2");
    TargetPlan plan = repos.plan(Repos.byGit(List.of(List.of("sh", "-c", "echo no pip; exit 4"))));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.updateCode(plan, "wf/update"));

    assertEquals(FailureTypes.COMMAND_FAILED, failure.getType());
    assertEquals(
        "then command sh -c echo no pip; exit 4 exited 4: no pip", failure.getOriginalMessage());
  }

  @Test
  void reset_puts_the_checkout_back_at_the_revision_and_reinstalls() throws Exception {
    repos.commit("v2");
    TargetPlan plan = repos.plan(Repos.byGit(INSTALL));
    code.updateCode(plan, "wf/update");

    code.resetCode(plan, repos.v1);
    code.resetCode(plan, repos.v1);

    assertEquals(repos.v1, repos.head());
    assertEquals("v1", repos.app());
    assertEquals(List.of("installed v2", "installed v1", "installed v1"), lines(repos.installs));
  }

  @Test
  void reset_to_an_unknown_revision_fails_with_git_failed() throws Exception {
    TargetPlan plan = repos.plan(Repos.byGit(INSTALL));

    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> code.resetCode(plan, "0123456789012345678901234567890123456789"));

    assertEquals(FailureTypes.GIT_FAILED, failure.getType());
    assertEquals(repos.v1, repos.head());
  }
}

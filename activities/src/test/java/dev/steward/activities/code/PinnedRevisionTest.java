package dev.steward.activities.code;

import static dev.steward.activities.testing.Shell.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.UpdateCheck;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision pinned from outside the host (a fleet rollout's), against real repositories: the host
 * resolves it, moves to exactly it, and refuses one that is not on its own configured ref.
 */
class PinnedRevisionTest {
  @TempDir Path tmp;
  private Repos repos;
  private TargetPlan plan;
  private final CodeActivitiesImpl code = new CodeActivitiesImpl();

  @BeforeEach
  void setUp() throws Exception {
    repos = new Repos(tmp);
    plan = repos.plan(Repos.byGit(List.of()));
  }

  @Test
  void resolves_the_refs_newest_commit_and_an_abbreviated_one_to_full_ids() throws Exception {
    String v2 = repos.commit("v2");
    String v3 = repos.commit("v3");

    assertEquals(v3, code.resolveRevision(plan, null));
    assertEquals(v2, code.resolveRevision(plan, v2.substring(0, 9)));
    assertEquals(repos.v1, repos.head(), "resolving moves nothing");
  }

  @Test
  void the_pinned_look_and_update_go_to_exactly_that_commit_though_the_ref_moved_on()
      throws Exception {
    String v2 = repos.commit("v2");
    repos.commit("v3");

    UpdateCheck look = code.checkRevision(plan, v2);
    assertEquals("v1", repos.app(), "the look moves nothing");
    CodeUpdate update = code.updateCodeTo(plan, "run/update", look.wantedRevision());

    assertEquals(repos.v1, look.currentRevision());
    assertEquals(v2, look.wantedRevision());
    assertTrue(look.newCode());
    assertEquals(v2, update.toRevision());
    assertEquals("v2", repos.app());
  }

  @Test
  void a_pinned_look_at_the_revision_the_checkout_is_at_finds_nothing_to_apply() throws Exception {
    UpdateCheck look = code.checkRevision(plan, repos.v1);

    assertTrue(look.nothingToApply());
  }

  @Test
  void refuses_a_commit_that_is_only_on_another_branch_and_moves_nothing() throws Exception {
    git(repos.upstream, "checkout", "-q", "-b", "evil");
    String evil = repos.commit("evil");
    git(repos.upstream, "push", "-q", "origin", "evil");
    git(repos.checkout, "fetch", "-q", "origin", "evil");

    ApplicationFailure look =
        assertThrows(ApplicationFailure.class, () -> code.checkRevision(plan, evil));
    ApplicationFailure update =
        assertThrows(ApplicationFailure.class, () -> code.updateCodeTo(plan, "run/update", evil));

    assertEquals(FailureTypes.PLAN_REFUSED, look.getType());
    assertEquals(
        "target demo: revision "
            + evil
            + " is not on origin main (the update.git ref in this host's steward.yaml); refused",
        look.getOriginalMessage());
    assertEquals(FailureTypes.PLAN_REFUSED, update.getType());
    assertEquals(repos.v1, repos.head());
    assertEquals("v1", repos.app());
  }

  @Test
  void refuses_a_commit_the_repository_does_not_have() {
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class, () -> code.resolveRevision(plan, "0123456789abcdef"));

    assertEquals(FailureTypes.PLAN_REFUSED, failure.getType());
    assertTrue(
        failure.getOriginalMessage().contains("is not on origin main"), failure.getMessage());
  }

  @Test
  void refuses_to_pin_a_target_that_updates_by_a_command() throws Exception {
    TargetPlan byCommand = repos.plan(Repos.byCommand(List.of("true"), 10));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.checkRevision(byCommand, repos.v1));

    assertEquals(FailureTypes.PLAN_REFUSED, failure.getType());
    assertTrue(
        failure.getOriginalMessage().startsWith("target demo updates by a command, not by git"),
        failure.getMessage());
    assertFalse(Files.exists(repos.state.resolve(".steward")), "nothing was written");
  }
}

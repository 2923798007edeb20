package dev.steward.activities.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.PatchPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import dev.steward.workflows.host.UpdateCheck;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The look before the snapshot, against real repositories: it fetches, but never moves. */
class CheckForUpdateTest {
  private static final long TWO_DAYS = Duration.ofDays(2).toMillis();
  private static final PatchPlan FIX =
      new PatchPlan(
          "kwargs-fix", List.of("sh", "-c", "echo '**kwargs' >> app.txt"), "app.txt", "**kwargs");

  @TempDir Path tmp;
  private Repos repos;
  private final CodeActivitiesImpl code = new CodeActivitiesImpl();

  @BeforeEach
  void setUp() throws Exception {
    repos = new Repos(tmp);
  }

  @Test
  void finds_nothing_to_apply_when_the_remote_is_where_the_checkout_is() throws Exception {
    UpdateCheck look = code.checkForUpdate(repos.plan(Repos.byGit(List.of())));

    assertEquals(repos.v1, look.currentRevision());
    assertEquals(repos.v1, look.wantedRevision());
    assertTrue(look.nothingToApply());
  }

  @Test
  void finds_the_new_revision_upstream_without_moving_the_work_tree() throws Exception {
    String v2 = repos.commit("v2");

    UpdateCheck look = code.checkForUpdate(repos.plan(Repos.byGit(List.of())));

    assertEquals(v2, look.wantedRevision());
    assertTrue(look.newCode());
    assertEquals(repos.v1, repos.head());
    assertEquals("v1", repos.app());
  }

  @Test
  void with_a_cooldown_finds_nothing_while_every_newer_revision_is_too_fresh() throws Exception {
    repos.commitAt("v2", Instant.now().minus(Duration.ofHours(3)));

    UpdateCheck look = code.checkForUpdate(cooling());

    assertEquals(repos.v1, look.wantedRevision());
    assertTrue(look.nothingToApply());
  }

  @Test
  void with_a_cooldown_wants_the_newest_ripe_revision_and_the_update_moves_to_exactly_it()
      throws Exception {
    String ripe = repos.commitAt("v2", Instant.now().minus(Duration.ofDays(5)));
    repos.commitAt("v3", Instant.now().minus(Duration.ofHours(1)));

    UpdateCheck look = code.checkForUpdate(cooling());
    CodeUpdate update = code.updateCodeTo(cooling(), "run/update", look.wantedRevision());

    assertEquals(ripe, look.wantedRevision());
    assertEquals(ripe, update.toRevision());
    assertEquals("v2", repos.app());
  }

  @Test
  void the_update_moves_to_the_revision_the_look_found_even_when_the_remote_moved_on()
      throws Exception {
    String v2 = repos.commit("v2");
    TargetPlan plan = repos.plan(Repos.byGit(List.of()));
    UpdateCheck look = code.checkForUpdate(plan);
    repos.commit("v3");

    CodeUpdate update = code.updateCodeTo(plan, "run/update", look.wantedRevision());

    assertEquals(v2, update.toRevision());
    assertEquals("v2", repos.app());
  }

  @Test
  void names_a_patch_whose_verification_does_not_pass_and_not_one_in_place() throws Exception {
    TargetPlan plan = repos.plan(Repos.byGit(List.of()), List.of(FIX));

    UpdateCheck missing = code.checkForUpdate(plan);
    code.applyPatches(plan);
    UpdateCheck inPlace = code.checkForUpdate(plan);

    assertEquals(List.of("kwargs-fix"), missing.patchesMissing());
    assertFalse(missing.nothingToApply());
    assertEquals(List.of(), inPlace.patchesMissing());
    assertTrue(inPlace.nothingToApply());
  }

  @Test
  void a_check_command_that_exits_1_finds_nothing_and_one_that_exits_0_finds_something()
      throws Exception {
    UpdateCheck nothing = code.checkForUpdate(withCheck("exit 1"));
    UpdateCheck something = code.checkForUpdate(withCheck("exit 0"));

    assertTrue(nothing.nothingToApply());
    assertNull(nothing.wantedRevision());
    assertEquals(repos.v1, nothing.currentRevision());
    assertTrue(something.newCode());
    assertTrue(Files.exists(repos.checkout.resolve("app.txt")), "ran in the checkout");
  }

  @Test
  void a_check_command_that_exits_otherwise_fails_with_its_output() throws Exception {
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> code.checkForUpdate(withCheck("echo 'could not resolve host' >&2; exit 2")));

    assertEquals(FailureTypes.COMMAND_FAILED, failure.getType());
    assertTrue(failure.getOriginalMessage().startsWith("check command"), failure.getMessage());
    assertTrue(failure.getOriginalMessage().contains("exited 2"), failure.getMessage());
    assertTrue(failure.getOriginalMessage().contains("could not resolve host"));
  }

  private TargetPlan cooling() {
    return repos.plan(new UpdatePlan("origin", "main", List.of(), List.of(), 60, TWO_DAYS));
  }

  private TargetPlan withCheck(String script) {
    return repos.plan(
        new UpdatePlan(null, null, List.of("true"), List.of(), 60, 0, List.of("sh", "-c", script)));
  }
}

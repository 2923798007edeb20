package dev.steward.activities.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a cooldown, a git update moves only to revisions that have been upstream long enough. */
class CooldownTest {
  private static final long TWO_DAYS = Duration.ofDays(2).toMillis();

  @TempDir Path root;
  private Repos repos;
  private final CodeActivitiesImpl code = new CodeActivitiesImpl();

  @BeforeEach
  void createRepos() throws Exception {
    repos = new Repos(root);
  }

  @Test
  void moves_to_the_newest_revision_older_than_the_cooldown_not_to_a_fresh_one() throws Exception {
    String ripe = repos.commitAt("v2", Instant.now().minus(Duration.ofDays(5)));
    repos.commitAt("v3", Instant.now().minus(Duration.ofHours(1)));

    CodeUpdate update = code.updateCode(plan(TWO_DAYS), "run/update");

    assertEquals(ripe, update.toRevision());
    assertEquals(ripe, repos.head());
    assertEquals("v2", repos.app());
  }

  @Test
  void stays_put_when_every_newer_revision_is_too_fresh() throws Exception {
    repos.commitAt("v2", Instant.now().minus(Duration.ofHours(3)));

    CodeUpdate update = code.updateCode(plan(TWO_DAYS), "run/update");

    assertFalse(update.moved());
    assertEquals(repos.v1, repos.head());
  }

  @Test
  void without_a_cooldown_moves_to_the_newest_revision() throws Exception {
    repos.commitAt("v2", Instant.now().minus(Duration.ofDays(5)));
    String fresh = repos.commitAt("v3", Instant.now().minus(Duration.ofMinutes(1)));

    CodeUpdate update = code.updateCode(plan(0), "run/update");

    assertEquals(fresh, update.toRevision());
  }

  private TargetPlan plan(long cooldownMillis) {
    return repos.plan(new UpdatePlan("origin", "main", List.of(), List.of(), 60, cooldownMillis));
  }
}

package dev.steward.activities.code;

import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The checkout's revision for host code outside the code step (a pre-restore snapshot's manifest,
 * the last known good release), read by the same {@link Git} as {@code readRevision}.
 */
public final class Checkouts {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private Checkouts() {}

  /**
   * The commit the target's checkout stands at ({@code git rev-parse HEAD}), or empty when it has
   * none (missing, not a git repository, no commit yet).
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@code GIT_FAILED} when git fails
   *     otherwise
   */
  public static Optional<String> revision(TargetPlan plan) {
    return new Git(Path.of(plan.checkout()), TIMEOUT).headIfAny();
  }
}

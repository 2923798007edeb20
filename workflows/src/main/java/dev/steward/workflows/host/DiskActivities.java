package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/** Free-space checks on the host. */
@ActivityInterface
public interface DiskActivities {

  /**
   * Checks that the state directory's filesystem keeps {@code minFree} free plus room for a
   * snapshot the size of the newest one, and that the snapshot directory's filesystem has that room
   * too.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#DISK_LOW} naming the
   *     filesystem, the free and the required space
   */
  DiskReport checkDisk(TargetPlan plan);
}

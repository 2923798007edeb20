package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The service's code: its git checkout, the update that moves it, and local patches. */
@ActivityInterface
public interface CodeActivities {

  /** Returns the checkout's current revision ({@code git rev-parse HEAD}). */
  String readRevision(TargetPlan plan);

  /**
   * Moves the code to its new version: git fetch and move the work tree to the remote ref, or run
   * the update command; then the {@code then} commands. Guarded by {@code key}: the update command
   * never runs twice for one key. A retry that finds an earlier attempt still running waits for it;
   * one that finds it finished takes its recorded result; one that finds it died without a result
   * runs nothing and reports the revision the world is at, so the workflow can verify or roll back.
   *
   * @param key {@code workflowId/step}, unique per run and step
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#COMMAND_FAILED} or
   *     {@link FailureTypes#GIT_FAILED}
   */
  CodeUpdate updateCode(TargetPlan plan, String key);

  /**
   * Applies each patch whose verification does not already pass, then verifies all of them.
   *
   * @return the names of the patches that were applied (empty when all were already in place)
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#PATCH_FAILED} or
   *     {@link FailureTypes#COMMAND_FAILED}
   */
  List<String> applyPatches(TargetPlan plan);

  /**
   * Puts the checkout back at {@code revision} ({@code git reset --hard}), then runs the {@code
   * then} commands so that installed dependencies match the old code again. Idempotent.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#GIT_FAILED} or
   *     {@link FailureTypes#COMMAND_FAILED}
   */
  void resetCode(TargetPlan plan, String revision);
}

package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The service's code: its git checkout, the update that moves it, and local patches. */
@ActivityInterface
public interface CodeActivities {

  /** Returns the checkout's current revision ({@code git rev-parse HEAD}). */
  String readRevision(TargetPlan plan);

  /**
   * Looks whether an update has anything to apply, changing nothing in the work tree: with git,
   * fetches the remote ref and resolves the revision {@link #updateCodeTo} would move to (cooldown
   * included); with a command, runs the plan's {@code check} command (exit 0: something to apply,
   * 1: nothing); then verifies the local patches. Safe to retry.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#GIT_FAILED} or
   *     {@link FailureTypes#COMMAND_FAILED} (a check command that exits with neither 0 nor 1)
   */
  UpdateCheck checkForUpdate(TargetPlan plan);

  /**
   * The look of a run pinned to one commit (a fleet rollout's): fetches the remote ref, refuses
   * {@code revision} unless it is on that ref, and reports whether the work tree stands elsewhere;
   * then verifies the local patches, as {@link #checkForUpdate}. Changes nothing. Safe to retry.
   *
   * @param revision a full commit id
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#PLAN_REFUSED} when
   *     the commit is not on the ref or the target does not update by git, {@link
   *     FailureTypes#GIT_FAILED} when git fails
   */
  UpdateCheck checkRevision(TargetPlan plan, String revision);

  /**
   * The commit a fleet rollout rolls out: fetches the remote ref and returns the full id of {@code
   * revision}, or of the ref's newest commit when it is null. Changes nothing. Safe to retry.
   *
   * @param revision a commit id (full or abbreviated), or null
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#PLAN_REFUSED} when
   *     the commit is not on the ref or the target does not update by git, {@link
   *     FailureTypes#GIT_FAILED} when git fails (an unknown commit among them)
   */
  String resolveRevision(TargetPlan plan, String revision);

  /**
   * As {@link #updateCode}, but with git moves the work tree to exactly {@code revision}, the one
   * {@link #checkForUpdate} resolved, rather than to whatever the remote names by now. With a
   * command, {@code revision} is null and this is {@link #updateCode}. A revision that is not on
   * the target's remote ref is refused ({@link FailureTypes#PLAN_REFUSED}) before anything moves.
   */
  CodeUpdate updateCodeTo(TargetPlan plan, String key, String revision);

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

package dev.steward.activities.snapshot;

import static dev.steward.activities.snapshot.Failures.reason;
import static dev.steward.activities.snapshot.Failures.snapshotFailed;

import dev.steward.activities.AtomicFiles;
import dev.steward.activities.code.Checkouts;
import dev.steward.activities.snapshot.SnapshotDirectory.Stored;
import dev.steward.workflows.host.SnapshotActivities;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of a target's state directory: the built-in zip, or the user's export and import
 * commands. A snapshot is written under a temporary name, verified, renamed into place, and only
 * then given its manifest; a file without a manifest is incomplete and never used.
 */
public final class SnapshotActivitiesImpl implements SnapshotActivities {
  private static final Logger log = LoggerFactory.getLogger(SnapshotActivitiesImpl.class);

  @Override
  public SnapshotInfo takeSnapshot(TargetPlan plan, String key, String revision) {
    return take(plan, key, revision, SnapshotManifest.PRE_UPDATE);
  }

  @Override
  public SnapshotInfo takePreRestoreSnapshot(TargetPlan plan, String key) {
    return take(plan, key, checkoutRevision(plan), SnapshotManifest.PRE_RESTORE);
  }

  /**
   * Read here, not passed in: the code may have moved since the workflow last read it. A git that
   * fails leaves the revision out rather than the copy: without it the restore would not run.
   */
  private static String checkoutRevision(TargetPlan plan) {
    try {
      return Checkouts.revision(plan).orElse(null);
    } catch (ApplicationFailure gitFailed) {
      log.warn(
          "pre-restore snapshot of {} records no revision: {}",
          plan.target(),
          gitFailed.getOriginalMessage());
      return null;
    }
  }

  private static SnapshotInfo take(TargetPlan plan, String key, String revision, String purpose) {
    Path state = Path.of(plan.state());
    if (!Files.isDirectory(state)) {
      throw snapshotFailed("state directory " + state + " does not exist; nothing to snapshot");
    }
    StateScope scope = StateScope.of(plan);
    try {
      SnapshotDirectory dir = SnapshotDirectory.open(Path.of(plan.snapshot().dir()));
      Optional<Stored> earlier = dir.findByKey(key);
      if (earlier.isPresent() && SnapshotCheck.verifies(earlier.get())) {
        return earlier.get().manifest().toInfo(earlier.get().file());
      }
      if (earlier.isPresent()) {
        log.warn("snapshot {} does not verify; taking it again", earlier.get().file());
        dir.delete(earlier.get());
      }
      dir.removeIncomplete(key);
      return write(plan, scope, dir, key, revision, purpose);
    } catch (IOException e) {
      throw snapshotFailed(
          "cannot write a snapshot to " + plan.snapshot().dir() + ": " + reason(e));
    }
  }

  private static SnapshotInfo write(
      TargetPlan plan,
      StateScope scope,
      SnapshotDirectory dir,
      String key,
      String revision,
      String purpose)
      throws IOException {
    Instant now = Instant.now();
    Path file = dir.newFile(purpose, key, now);
    Path partial = dir.partialFor(file);
    boolean archive = !plan.snapshot().usesCommands();
    try {
      if (archive) {
        writeArchive(scope, partial);
      } else {
        SnapshotCommands.export(plan.snapshot().exportCommand(), scope.state(), partial);
      }
      AtomicFiles.sync(partial);
      String sha256 = Checksums.sha256(partial);
      long bytes = Files.size(partial);
      AtomicFiles.moveInPlace(partial, file);
      String kind = archive ? SnapshotManifest.ARCHIVE : SnapshotManifest.COMMAND;
      String name = file.getFileName().toString();
      SnapshotManifest manifest =
          new SnapshotManifest(
              key, plan.target(), revision, name, sha256, bytes, now.toString(), kind, purpose);
      dir.writeManifest(file, manifest);
      return manifest.toInfo(file);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void writeArchive(StateScope scope, Path partial) {
    try {
      StateArchive.write(scope, partial);
    } catch (IOException e) {
      throw snapshotFailed("cannot archive " + scope.state() + ": " + reason(e));
    }
    try {
      StateArchive.verify(partial);
    } catch (IOException e) {
      throw snapshotFailed("the archive just written does not read back: " + reason(e));
    }
  }

  @Override
  public void restoreSnapshot(TargetPlan plan, SnapshotInfo snapshot) {
    Path file = Path.of(snapshot.file());
    SnapshotCheck.requireIntact(file, snapshot.sha256());
    Optional<SnapshotManifest> manifest = SnapshotDirectory.manifestOf(file);
    boolean madeByCommand =
        manifest.isPresent()
            ? SnapshotManifest.COMMAND.equals(manifest.get().kind())
            : plan.snapshot().usesCommands();
    if (madeByCommand) {
      importWithCommand(plan, file);
      return;
    }
    try {
      new ArchiveRestorer(StateScope.of(plan)).restore(file);
    } catch (IOException e) {
      throw snapshotFailed("cannot restore " + file + " into " + plan.state() + ": " + reason(e));
    }
  }

  private static void importWithCommand(TargetPlan plan, Path file) {
    var command = plan.snapshot().importCommand();
    if (command == null || command.isEmpty()) {
      throw snapshotFailed(
          "snapshot "
              + file
              + " was written by an export command, and no import command is"
              + " configured to restore it");
    }
    Path state = Path.of(plan.state());
    try {
      Files.createDirectories(state);
    } catch (IOException e) {
      throw snapshotFailed("cannot create the state directory: " + reason(e));
    }
    SnapshotCommands.importFrom(command, state, file);
  }

  @Override
  public List<String> pruneSnapshots(TargetPlan plan, String keepFile) {
    try {
      SnapshotDirectory dir = SnapshotDirectory.open(Path.of(plan.snapshot().dir()));
      return new SnapshotPruner(dir, plan.target(), runningWorkflowId())
          .prune(plan.snapshot().keep(), keepFile);
    } catch (IOException e) {
      throw snapshotFailed("cannot prune snapshots in " + plan.snapshot().dir() + ": " + reason(e));
    }
  }

  /** The workflow whose activity this is, or null outside an activity (the CLI, tests). */
  private static String runningWorkflowId() {
    try {
      return Activity.getExecutionContext().getInfo().getWorkflowId();
    } catch (IllegalStateException notInActivity) {
      return null;
    }
  }

  @Override
  public SnapshotInfo findNewestVerifiedSnapshot(TargetPlan plan) {
    return catalog(plan).newestVerified();
  }

  @Override
  public SnapshotInfo findSnapshot(TargetPlan plan, String name) {
    return catalog(plan).find(name);
  }

  @Override
  public List<SnapshotListing> listSnapshots(TargetPlan plan) {
    return catalog(plan).list();
  }

  private static SnapshotCatalog catalog(TargetPlan plan) {
    return new SnapshotCatalog(
        SnapshotDirectory.existing(Path.of(plan.snapshot().dir())), plan.target());
  }
}

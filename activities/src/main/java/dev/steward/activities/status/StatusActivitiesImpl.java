package dev.steward.activities.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.activities.AtomicFiles;
import dev.steward.activities.code.Checkouts;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.StatusActivities;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the status file the field guide's monitoring reads ({@code status}, {@code timestamp},
 * {@code pre_rev}, …, {@code good_rev}), and keeps the last known good release in {@code
 * <state>/.steward/good-release.json}, beside the hold, which no restore touches. Both are written
 * to a temporary file and renamed, so a reader never sees half of one.
 */
public class StatusActivitiesImpl implements StatusActivities {
  /** The status file's name inside the state directory. */
  public static final String FILE_NAME = ".auto-update-status.json";

  private static final Logger log = LoggerFactory.getLogger(StatusActivitiesImpl.class);

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** The file that records a target's last known good release. */
  public static Path goodReleaseFile(TargetPlan plan) {
    return Path.of(plan.state(), ".steward", "good-release.json");
  }

  @Override
  public void writeStatus(TargetPlan plan, RunStatus status) {
    try {
      Path state = Path.of(plan.state());
      Files.createDirectories(state);
      ObjectNode json = JSON.valueToTree(status);
      goodRevision(plan).ifPresent(revision -> json.put("good_rev", revision));
      AtomicFiles.write(state.resolve(FILE_NAME), JSON.writeValueAsBytes(json));
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /** The recorded good revision; an unreadable record never keeps the status file unwritten. */
  private Optional<String> goodRevision(TargetPlan plan) {
    return readableGoodRelease(plan).map(GoodRelease::revision);
  }

  /** The record, or empty when there is none or it is damaged (a new mark replaces it). */
  private Optional<GoodRelease> readableGoodRelease(TargetPlan plan) {
    try {
      return Optional.ofNullable(readGoodRelease(plan));
    } catch (ApplicationFailure unreadable) {
      log.warn("{}", unreadable.getOriginalMessage());
      return Optional.empty();
    }
  }

  @Override
  public GoodRelease readGoodRelease(TargetPlan plan) {
    Path file = goodReleaseFile(plan);
    try {
      return JSON.readValue(Files.readAllBytes(file), GoodRelease.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      // Not retried: a damaged record does not mend itself; the next healthy run rewrites it.
      throw ApplicationFailure.newNonRetryableFailure(
          "cannot read " + file + ": " + oneLine(e) + " (fix or delete it)",
          FailureTypes.CONFIG_INVALID);
    }
  }

  @Override
  public GoodRelease markGoodRelease(TargetPlan plan, String workflowId) {
    Optional<String> revision = Checkouts.revision(plan);
    if (revision.isEmpty()) {
      return null;
    }
    GoodRelease recorded = readableGoodRelease(plan).orElse(null);
    if (recorded != null
        && revision.get().equals(recorded.revision())
        && Objects.equals(workflowId, recorded.workflowId())) {
      return recorded; // A retry of the same mark: keep when it was first verified.
    }
    GoodRelease good =
        new GoodRelease(
            revision.get(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), workflowId);
    Path file = goodReleaseFile(plan);
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, JSON.writeValueAsBytes(good));
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          "cannot write " + file + ": " + e.getMessage(), FailureTypes.COMMAND_FAILED);
    }
    return good;
  }

  private static String oneLine(IOException e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : null;
    message = message != null ? message : String.valueOf(e.getMessage());
    return message.lines().findFirst().orElse(message);
  }
}

package dev.steward.worker.status;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.code.CodeActivitiesImpl;
import dev.steward.activities.pipeline.LockRecord;
import dev.steward.activities.pipeline.PipelineActivitiesImpl;
import dev.steward.activities.status.StatusActivitiesImpl;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a target's status from the host: its checkout, its status file, its lock, its hold and its
 * last known good release (through the activity that keeps it, {@link
 * StatusActivitiesImpl#readGoodRelease}). The next scheduled run comes from the server, through
 * {@code nextRun}.
 */
public final class StatusReader {
  /** The hold file that the recovery and hold commands write; read here, never written. */
  static final String HOLD_FILE = ".steward/hold.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Function<String, String> nextRun;

  /**
   * @param nextRun the next run of a target's update schedule, or a line saying why it is unknown
   */
  public StatusReader(Function<String, String> nextRun) {
    this.nextRun = nextRun;
  }

  public TargetStatus read(TargetPlan plan) {
    Path state = Path.of(plan.state());
    return new TargetStatus(
        plan.target(),
        revision(plan),
        readJson(state.resolve(StatusActivitiesImpl.FILE_NAME)),
        PipelineActivitiesImpl.holderOf(state).map(LockRecord::workflowId).orElse(null),
        readJson(state.resolve(HOLD_FILE)),
        nextRun.apply(plan.target()),
        goodRelease(plan));
  }

  private static String revision(TargetPlan plan) {
    try {
      return new CodeActivitiesImpl().readRevision(plan);
    } catch (ApplicationFailure e) {
      return "unknown: " + e.getOriginalMessage();
    }
  }

  /** The last known good release; one it cannot read says why in its revision. */
  private static GoodRelease goodRelease(TargetPlan plan) {
    try {
      return new StatusActivitiesImpl().readGoodRelease(plan);
    } catch (ApplicationFailure e) {
      return new GoodRelease("unknown: " + e.getOriginalMessage(), null, null);
    }
  }

  private static Map<String, Object> readJson(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return JSON.readValue(file.toFile(), MAP);
    } catch (IOException e) {
      return Map.of("unreadable", file + ": " + e.getMessage());
    }
  }
}

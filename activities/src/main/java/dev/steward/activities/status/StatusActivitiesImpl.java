package dev.steward.activities.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.steward.activities.AtomicFiles;
import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.StatusActivities;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the status file the field guide's monitoring reads ({@code status}, {@code timestamp},
 * {@code pre_rev}, …). Written to a temporary file and renamed, so a reader never sees half of it.
 */
public class StatusActivitiesImpl implements StatusActivities {
  /** The status file's name inside the state directory. */
  public static final String FILE_NAME = ".auto-update-status.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void writeStatus(TargetPlan plan, RunStatus status) {
    try {
      Path state = Path.of(plan.state());
      Files.createDirectories(state);
      AtomicFiles.write(state.resolve(FILE_NAME), JSON.writeValueAsBytes(status));
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }
}

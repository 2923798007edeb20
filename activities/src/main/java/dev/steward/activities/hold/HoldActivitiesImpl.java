package dev.steward.activities.hold;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.HoldActivities;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Holds live in {@code <state>/.steward/hold.json}, beside the lock, so every worker and every
 * Steward command on the host sees the same one, and a restore (which leaves {@code .steward/}
 * alone) never lifts it.
 */
public final class HoldActivitiesImpl implements HoldActivities {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The hold file of a target. */
  public static Path holdFile(TargetPlan plan) {
    return Path.of(plan.state(), ".steward", "hold.json");
  }

  @Override
  public Hold readHold(TargetPlan plan) {
    Path file = holdFile(plan);
    try {
      return JSON.readValue(Files.readAllBytes(file), Hold.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          "cannot read " + file + ": " + e.getMessage() + " (fix or delete it)",
          FailureTypes.CONFIG_INVALID);
    }
  }

  @Override
  public void putHold(TargetPlan plan, Hold hold) {
    Path file = holdFile(plan);
    try {
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling(".hold.json.partial");
      Files.write(partial, JSON.writeValueAsBytes(hold));
      Files.move(
          partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          "cannot write " + file + ": " + e.getMessage(), FailureTypes.COMMAND_FAILED);
    }
  }

  @Override
  public Hold releaseHold(TargetPlan plan) {
    Hold hold = readHold(plan);
    try {
      Files.deleteIfExists(holdFile(plan));
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          "cannot delete " + holdFile(plan) + ": " + e.getMessage(), FailureTypes.COMMAND_FAILED);
    }
    return hold;
  }
}

package dev.steward.activities.code;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import dev.steward.workflows.host.TargetPlan.PatchPlan;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Local patches: applied when their check does not pass yet, then all checked together. */
final class Patches {
  private final Path checkout;
  private final Duration timeout;

  Patches(Path checkout, Duration timeout) {
    this.checkout = checkout;
    this.timeout = timeout;
  }

  /** Applies the patches not in place, in order, and returns their names. */
  List<String> apply(List<PatchPlan> patches) {
    List<String> applied = new ArrayList<>();
    for (PatchPlan patch : patches) {
      if (patch.verifyFile() != null && inPlace(patch)) {
        continue;
      }
      CommandResult result = Commands.run(patch.apply(), checkout, timeout);
      if (!result.succeeded()) {
        throw CodeFailures.commandFailed("patch " + patch.name() + ":", result);
      }
      requireInPlace(patch, "after applying it", result.tail(CodeFailures.TAIL_LINES));
      applied.add(patch.name());
    }
    // A later patch may have undone an earlier one; what counts is that all hold at the end.
    for (PatchPlan patch : patches) {
      requireInPlace(patch, "after applying the patches after it", "");
    }
    return applied;
  }

  /** The names of the patches not in place; one without a verification always counts. */
  List<String> missing(List<PatchPlan> patches) {
    List<String> missing = new ArrayList<>();
    for (PatchPlan patch : patches) {
      if (patch.verifyFile() == null || !inPlace(patch)) {
        missing.add(patch.name());
      }
    }
    return missing;
  }

  private void requireInPlace(PatchPlan patch, String when, String output) {
    if (patch.verifyFile() == null || inPlace(patch)) {
      return;
    }
    String problem =
        Files.isRegularFile(file(patch))
            ? "does not contain \"" + patch.verifyContains() + "\""
            : "does not exist";
    throw CodeFailures.patchFailed(
        "patch " + patch.name() + ": " + patch.verifyFile() + " " + problem + " " + when, output);
  }

  private boolean inPlace(PatchPlan patch) {
    Path file = file(patch);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      // Decoded leniently: a patched file need not be valid UTF-8 everywhere.
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return text.contains(patch.verifyContains() == null ? "" : patch.verifyContains());
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  private Path file(PatchPlan patch) {
    return checkout.resolve(patch.verifyFile());
  }
}

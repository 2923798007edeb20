package dev.steward.workflows.update;

import static dev.steward.workflows.host.Revisions.short7;

import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.DiskReport;
import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.UpdateCheck;
import java.util.List;
import java.util.Locale;

/** How the update pipeline describes revisions, sizes, code moves and holds to people. */
final class UpdateTexts {
  private UpdateTexts() {}

  static String describe(CodeUpdate update) {
    String moved =
        update.moved()
            ? short7(update.fromRevision()) + " -> " + short7(update.toRevision())
            : "no new revision";
    return update.resumed() ? moved + " (resumed after an interrupted attempt)" : moved;
  }

  /** What a look before the snapshot found. */
  static String describe(UpdateCheck look) {
    String code;
    if (look.wantedRevision() != null) {
      code =
          look.newCode()
              ? short7(look.currentRevision()) + " -> " + short7(look.wantedRevision()) + " wanted"
              : "nothing newer than " + short7(look.currentRevision());
    } else {
      code =
          look.newCode() ? "the check command found an update" : "the check command: nothing new";
    }
    List<String> missing = look.patchesMissing() == null ? List.of() : look.patchesMissing();
    return missing.isEmpty() ? code : code + "; patches missing: " + String.join(", ", missing);
  }

  /** Why a held target's run changed nothing, and how to release it. */
  static String held(Hold hold, String target) {
    return "updates are on hold"
        + (hold.since() == null ? "" : " since " + hold.since())
        + (hold.by() == null ? "" : " (by " + hold.by() + ")")
        + ": "
        + hold.reason()
        + "; run `steward release "
        + target
        + "` to allow them again";
  }

  static String describe(DiskReport disk) {
    return sizeOf(disk.freeBytes()) + " free, " + sizeOf(disk.requiredBytes()) + " needed";
  }

  static String sizeOf(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes / 1024.0;
    int unit = 0;
    for (; value >= 1024 && unit < units.length - 1; unit++) {
      value /= 1024;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}

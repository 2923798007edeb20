package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a look before the snapshot found: whether the update has anything to apply.
 *
 * @param currentRevision the checkout's revision now
 * @param wantedRevision with git, the fetched revision the update moves to (cooldown included; the
 *     current one when nothing newer is ripe); null with a check command, which picks its own
 * @param newCode whether the update would bring new code
 * @param patchesMissing the names of the local patches whose verification does not pass
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateCheck(
    String currentRevision, String wantedRevision, boolean newCode, List<String> patchesMissing) {

  /** Whether the run can end unchanged at once: no new code and every patch in place. */
  public boolean nothingToApply() {
    return !newCode && (patchesMissing == null || patchesMissing.isEmpty());
  }
}

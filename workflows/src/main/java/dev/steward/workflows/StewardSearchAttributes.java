package dev.steward.workflows;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The search attributes Steward's runs carry, so that runs can be filtered in the Temporal web UI
 * ({@code StewardTarget = 'hermes'}) and listed by {@code steward history}. All are keywords.
 *
 * <p>A namespace must have them registered before a run uses them: a run started with an unknown
 * attribute is refused, and a workflow that upserts one fails its task again and again. So starters
 * set them (a refusal is a clear error), and workflows upsert the outcome only on runs that carry
 * them. {@code steward setup}, the compose file's setup job and the embedded server register them.
 */
public final class StewardSearchAttributes {
  /** The target's name. */
  public static final SearchAttributeKey<String> TARGET =
      SearchAttributeKey.forKeyword("StewardTarget");

  /** The host whose activity queue runs the target's steps. */
  public static final SearchAttributeKey<String> HOST =
      SearchAttributeKey.forKeyword("StewardHost");

  /** {@code running} while a run is under way, then its outcome ({@code updated}, …). */
  public static final SearchAttributeKey<String> OUTCOME =
      SearchAttributeKey.forKeyword("StewardOutcome");

  /** What kind of pipeline the run is: {@code update}, {@code recovery}, {@code monitor}. */
  public static final SearchAttributeKey<String> KIND =
      SearchAttributeKey.forKeyword("StewardKind");

  /** The fleet a rollout ({@code rollout/<fleet>/<time>}) rolls out to. */
  public static final SearchAttributeKey<String> FLEET =
      SearchAttributeKey.forKeyword("StewardFleet");

  /** Every attribute, in the order they are registered and shown. */
  public static final List<SearchAttributeKey<String>> ALL =
      List.of(TARGET, HOST, OUTCOME, KIND, FLEET);

  /** The {@link #KIND} of update runs. */
  public static final String KIND_UPDATE = "update";

  /** The {@link #KIND} of recovery runs, started by a person or by a target's monitor. */
  public static final String KIND_RECOVERY = "recovery";

  /** The {@link #KIND} of a target's monitor; {@code steward history} leaves monitors out. */
  public static final String KIND_MONITOR = "monitor";

  /** The {@link #KIND} of a fleet's rollout. */
  public static final String KIND_ROLLOUT = "rollout";

  /** The outcome a run carries until it ends. */
  public static final String RUNNING = "running";

  private StewardSearchAttributes() {}

  /** The attributes a starter sets on a new run of {@code kind} for {@code target}. */
  public static SearchAttributes forNewRun(String kind, String target, String host) {
    return SearchAttributes.newBuilder()
        .set(TARGET, target)
        .set(HOST, host)
        .set(OUTCOME, RUNNING)
        .set(KIND, kind)
        .build();
  }

  /**
   * The attributes a starter sets on a new rollout of {@code fleet}, started from {@code host}:
   * kind {@code rollout}, the fleet, the starting host, and the outcome {@code running}. No target:
   * {@code steward history TARGET} lists each host's own update runs, not the rollouts.
   */
  public static SearchAttributes forNewRollout(String fleet, String host) {
    return SearchAttributes.newBuilder()
        .set(FLEET, fleet)
        .set(HOST, host)
        .set(OUTCOME, RUNNING)
        .set(KIND, KIND_ROLLOUT)
        .build();
  }

  /**
   * Sets the running workflow's StewardOutcome, on runs started with Steward's attributes only:
   * they prove the namespace has them registered, and upserting an unregistered one would fail the
   * workflow task forever. Workflow code; the upsert is a command, so a workflow that gains this
   * call guards it with {@code Workflow.getVersion}.
   */
  public static void upsertOutcome(String outcome) {
    if (Workflow.getTypedSearchAttributes().containsKey(KIND)) {
      Workflow.upsertTypedSearchAttributes(OUTCOME.valueSet(outcome));
    }
  }
}

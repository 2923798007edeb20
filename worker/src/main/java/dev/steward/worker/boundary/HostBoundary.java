package dev.steward.worker.boundary;

import dev.steward.worker.config.ConfigException;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.NotifyPlan;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The host's trust boundary. Whoever can reach the Temporal namespace can schedule this host's
 * activities with inputs of their own, from a workflow of their own; so before any activity runs,
 * this checks what it was handed against the host's own steward.yaml, read afresh:
 *
 * <ul>
 *   <li>a {@link TargetPlan} must be exactly the plan this host resolves for that target now, and
 *       addressed to this host;
 *   <li>a {@link SnapshotInfo} must name a file in that plan's snapshot directory;
 *   <li>a revision to reset or move the code to, or to check or resolve, must be a commit id (the
 *       code activities then refuse one that is not on the target's own remote ref);
 *   <li>a snapshot to find by name must be named by a plain file name (the activity looks in the
 *       plan's snapshot directory only, and refuses such names too);
 *   <li>a notification channel must be one this host's config names;
 *   <li>only {@code ResolvePlan} takes a bare target name, and {@code ResolveFleet} a bare fleet
 *       name (both read the config themselves); any other activity without a plan is refused.
 * </ul>
 *
 * Anything else fails at once, non-retryable ({@link FailureTypes#PLAN_REFUSED}), with one line
 * naming the target: nothing is run, written or stopped.
 */
public final class HostBoundary extends WorkerInterceptorBase {
  /** The one activity whose input is a bare target name: it reads the config itself. */
  static final String RESOLVE_PLAN = "ResolvePlan";

  /** The other: a fleet's name, which it too looks up in the config itself. */
  static final String RESOLVE_FLEET = "ResolveFleet";

  private static final String RESET_CODE = "ResetCode";
  private static final String UPDATE_CODE_TO = "UpdateCodeTo";
  private static final String CHECK_REVISION = "CheckRevision";
  private static final String RESOLVE_REVISION = "ResolveRevision";
  private static final String FIND_SNAPSHOT = "FindSnapshot";
  private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{7,64}");

  private final Supplier<StewardConfig> config;
  private final String host;

  /**
   * @param config reads this host's steward.yaml afresh, as {@code ResolvePlan} does
   * @param host the host whose activity queue this worker serves
   */
  public HostBoundary(Supplier<StewardConfig> config, String host) {
    this.config = config;
    this.host = host;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        check(context.getInfo().getActivityType(), input.getArguments());
        return super.execute(input);
      }
    };
  }

  /**
   * Refuses {@code arguments} of an activity of {@code type} unless this host's config names them.
   *
   * @throws ApplicationFailure non-retryable, of type {@link FailureTypes#PLAN_REFUSED}
   */
  void check(String type, Object[] arguments) {
    if (RESOLVE_PLAN.equals(type) || RESOLVE_FLEET.equals(type)) {
      return;
    }
    Optional<TargetPlan> plan = argument(arguments, TargetPlan.class);
    if (plan.isPresent()) {
      checkPlan(plan.get());
      argument(arguments, SnapshotInfo.class).ifPresent(s -> checkSnapshot(plan.get(), s));
      if (RESET_CODE.equals(type)) {
        checkRevision(plan.get(), arguments, 1);
      }
      if (UPDATE_CODE_TO.equals(type) && plan.get().update().usesGit()) {
        checkRevision(plan.get(), arguments, 2);
      }
      if (CHECK_REVISION.equals(type)
          || (RESOLVE_REVISION.equals(type) && arguments.length > 1 && arguments[1] != null)) {
        checkRevision(plan.get(), arguments, 1);
      }
      if (FIND_SNAPSHOT.equals(type)) {
        checkSnapshotName(plan.get(), arguments);
      }
      return;
    }
    Optional<NotifyPlan.Channel> channel = argument(arguments, NotifyPlan.Channel.class);
    if (channel.isPresent()) {
      checkChannel(channel.get());
      return;
    }
    throw refused(type + " was called without a target plan; refused, nothing was run");
  }

  private void checkPlan(TargetPlan plan) {
    String target = plan.target();
    if (!host.equals(plan.host())) {
      throw refused(
          "target %s: the plan is addressed to host %s, this is host %s; refused, nothing was run",
          target, plan.host(), host);
    }
    StewardConfig current = current(target);
    TargetPlan own = current.targets().get(target);
    if (own == null) {
      throw refused(
          "target %s: not in this host's configuration (%s); refused, nothing was run",
          target, current.source());
    }
    if (!own.equals(plan)) {
      throw refused(
          "target %s: the plan does not match this host's configuration (%s); refused, nothing"
              + " was run",
          target, current.source());
    }
  }

  private static void checkSnapshot(TargetPlan plan, SnapshotInfo snapshot) {
    Path dir = Path.of(plan.snapshot().dir()).normalize();
    Path file = snapshot.file() == null ? null : Path.of(snapshot.file()).normalize();
    if (file == null || !file.isAbsolute() || !dir.equals(file.getParent())) {
      throw refused(
          "target %s: snapshot %s is not in its snapshot directory %s; refused, nothing was run",
          plan.target(), snapshot.file(), dir);
    }
  }

  private static void checkRevision(TargetPlan plan, Object[] arguments, int index) {
    Object revision = arguments.length > index ? arguments[index] : null;
    if (!(revision instanceof String id) || !COMMIT_ID.matcher(id).matches()) {
      throw refused(
          "target %s: \"%s\" is not a commit id to reset the code to; refused, nothing was run",
          plan.target(), revision);
    }
  }

  private static void checkSnapshotName(TargetPlan plan, Object[] arguments) {
    Object name = arguments.length > 1 ? arguments[1] : null;
    boolean plain =
        name instanceof String file
            && !file.isEmpty()
            && !file.contains("/")
            && !file.contains("\0")
            && !file.equals(".")
            && !file.equals("..");
    if (!plain) {
      throw refused(
          "target %s: \"%s\" is not a file name in its snapshot directory %s (list them with"
              + " `steward snapshots %s`); refused, nothing was run",
          plan.target(), name, plan.snapshot().dir(), plan.target());
    }
  }

  private void checkChannel(NotifyPlan.Channel channel) {
    StewardConfig current = current(null);
    boolean configured =
        current.targets().values().stream()
            .anyMatch(plan -> plan.notifications().channels().contains(channel));
    if (!configured) {
      throw refused(
          "notification channel %s is not in this host's configuration (%s); refused, nothing"
              + " was sent",
          channel.describe(), current.source());
    }
  }

  private StewardConfig current(String target) {
    try {
      return config.get();
    } catch (ConfigException e) {
      throw refused(
          "%s: this host's configuration cannot be read (%s); refused, nothing was run",
          target == null ? "steward.yaml" : "target " + target, e.getMessage());
    }
  }

  private static <T> Optional<T> argument(Object[] arguments, Class<T> type) {
    return Arrays.stream(arguments).filter(type::isInstance).map(type::cast).findFirst();
  }

  private static ApplicationFailure refused(String format, Object... values) {
    return ApplicationFailure.newNonRetryableFailure(
        String.format(format, values), FailureTypes.PLAN_REFUSED);
  }
}

package dev.steward.worker.schedule;

import dev.steward.worker.Pipelines;
import dev.steward.worker.config.Quantities;
import dev.steward.worker.config.UpdateSchedule;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleRange;
import io.temporal.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Temporal Schedule that runs a target's update: the field guide's timer ({@code OnCalendar},
 * {@code RandomizedDelaySec}, {@code Persistent=true}) as a spec (a daily time, a cron expression
 * or an interval) with a time zone, jitter and a catch-up window; a run still going when the next
 * is due makes the next one skip.
 */
public final class UpdateSchedules {
  /** Memo key naming the host whose config made a schedule: Steward's own are the ones with it. */
  static final String HOST_MEMO = "stewardHost";

  /** Memo key holding what the schedule was made from, to tell whether the config changed. */
  static final String CONFIG_MEMO = "stewardConfig";

  private UpdateSchedules() {}

  /**
   * The schedule's id, and the prefix of the workflow ids of the runs it starts ({@code
   * update/<target>/<host>-<time>}). It names the host: the hosts of a fleet share one namespace
   * and each has a target of the same name, with a schedule of its own.
   */
  public static String idOf(String target, String host) {
    return "update/" + target + "/" + host;
  }

  /** The id Steward gave a target's schedule before it named the host: replaced on apply. */
  static String oldIdOf(String target) {
    return "update/" + target;
  }

  /** The schedule for {@code target} on {@code host}, from its configuration. */
  public static Schedule build(String target, String host, UpdateSchedule config) {
    return withAction(
        config,
        ScheduleActionStartWorkflow.newBuilder()
            .setWorkflowType(UpdateWorkflow.class)
            .setArguments(new UpdateRequest(target, host))
            .setOptions(Pipelines.scheduledUpdateOptions(idOf(target, host), target, host))
            .build());
  }

  /** A schedule that runs {@code action} when {@code config} says, skipping overlapping runs. */
  static Schedule withAction(UpdateSchedule config, ScheduleActionStartWorkflow action) {
    return Schedule.newBuilder()
        .setSpec(spec(config))
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                .setCatchupWindow(Duration.ofMillis(config.catchupMillis()))
                .build())
        .setAction(action)
        .build();
  }

  /** Marks the schedule as Steward's, made by {@code host} from {@code config}. */
  public static ScheduleOptions options(String host, UpdateSchedule config) {
    return ScheduleOptions.newBuilder()
        .setMemo(Map.of(HOST_MEMO, host, CONFIG_MEMO, config.toString()))
        .build();
  }

  /** One line for people: when the schedule runs, and its policies. */
  public static String describe(UpdateSchedule config) {
    return config.when()
        + ", "
        + ScheduleText.jitter(Duration.ofMillis(config.jitterMillis()))
        + ", catch-up "
        + Quantities.formatMillis(config.catchupMillis())
        + ", overlap skip";
  }

  private static ScheduleSpec spec(UpdateSchedule config) {
    ScheduleSpec.Builder spec =
        ScheduleSpec.newBuilder()
            .setTimeZoneName(config.timezone())
            .setJitter(Duration.ofMillis(config.jitterMillis()));
    if (config.everyMillis() > 0) {
      spec.setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofMillis(config.everyMillis()))));
    } else if (config.at() != null) {
      String[] hourMinute = config.at().split(":");
      spec.setCalendars(
          List.of(
              ScheduleCalendarSpec.newBuilder()
                  .setHour(List.of(new ScheduleRange(Integer.parseInt(hourMinute[0]))))
                  .setMinutes(List.of(new ScheduleRange(Integer.parseInt(hourMinute[1]))))
                  .setSeconds(List.of(new ScheduleRange(0)))
                  .build()));
    } else {
      spec.setCronExpressions(List.of(config.cron()));
    }
    return spec.build();
  }
}

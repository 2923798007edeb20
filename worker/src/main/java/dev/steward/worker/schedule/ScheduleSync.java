package dev.steward.worker.schedule;

import dev.steward.worker.config.UpdateSchedule;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleListDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the server's update and rollout schedules in line with one host's config, and acts on them.
 * Only Steward's own schedules for this host (marked in their memo) are ever changed or deleted.
 */
public final class ScheduleSync {
  private final ScheduleClient schedules;
  private final String host;
  private final String server;

  /**
   * @param server where the schedules live, for messages
   */
  public ScheduleSync(ScheduleClient schedules, String host, String server) {
    this.schedules = schedules;
    this.host = host;
    this.server = server;
  }

  /** Creates, replaces and deletes this host's schedules to match {@code wanted}; a line each. */
  public List<String> apply(Map<String, UpdateSchedule> wanted) {
    return apply(wanted, Map.of());
  }

  /**
   * Creates, replaces and deletes this host's schedules to match the targets' update schedules and
   * the fleets' rollout schedules; a line each.
   *
   * @param updates the update schedule of each target, by target name
   * @param rollouts the rollout schedule of each fleet, by fleet name
   */
  public List<String> apply(
      Map<String, UpdateSchedule> updates, Map<String, UpdateSchedule> rollouts) {
    Map<String, Wanted> wanted = new LinkedHashMap<>();
    Map<String, String> renamed = new LinkedHashMap<>();
    updates.forEach(
        (target, config) -> {
          wanted.put(
              UpdateSchedules.idOf(target, host),
              new Wanted(config, () -> UpdateSchedules.build(target, host, config)));
          renamed.put(UpdateSchedules.oldIdOf(target), UpdateSchedules.idOf(target, host));
        });
    rollouts.forEach(
        (fleet, config) ->
            wanted.put(
                RolloutSchedules.idOf(fleet),
                new Wanted(config, () -> RolloutSchedules.build(fleet, host, config))));
    Map<String, ScheduleListDescription> ours = ours();
    List<String> changes = new ArrayList<>();
    wanted.forEach((id, schedule) -> changes.add(apply(id, schedule, ours.remove(id))));
    ours.keySet()
        .forEach(
            id -> {
              call(() -> handle(id).delete());
              // A schedule an older Steward made for a target still configured: its new id has
              // just been created above.
              changes.add(
                  "deleted "
                      + id
                      + (renamed.containsKey(id)
                          ? " (renamed to " + renamed.get(id) + ")"
                          : " (no longer in the config)"));
            });
    return changes;
  }

  /** One schedule as the config has it, and how to build it. */
  private record Wanted(UpdateSchedule config, Supplier<Schedule> schedule) {}

  private String apply(String id, Wanted wanted, ScheduleListDescription existing) {
    if (existing != null && wanted.config().toString().equals(memo(existing))) {
      return "unchanged " + id;
    }
    if (existing != null) {
      call(() -> handle(id).delete());
    }
    call(
        () ->
            schedules.createSchedule(
                id, wanted.schedule().get(), UpdateSchedules.options(host, wanted.config())));
    String verb = existing == null ? "created " : "replaced ";
    return verb + id + ": " + UpdateSchedules.describe(wanted.config());
  }

  /** This host's schedules, a line each: id, paused or not, when it runs, next run. */
  public List<String> list() {
    List<String> lines = new ArrayList<>();
    ours()
        .forEach(
            (id, schedule) -> {
              List<?> next = schedule.getInfo().getNextActionTimes();
              lines.add(
                  id
                      + (schedule.getSchedule().getState().isPaused() ? "  PAUSED" : "  active")
                      + "  "
                      + ScheduleText.when(schedule.getSchedule().getSpec())
                      + "  next: "
                      + (next.isEmpty() ? "none" : next.get(0)));
            });
    return lines;
  }

  /** What the server says of one target's schedule. */
  public ScheduleDescription describe(String target) {
    return call(() -> handle(UpdateSchedules.idOf(target, host)).describe());
  }

  /** When the target's update schedule runs next, or a line saying why that is not known. */
  public String nextRun(String target) {
    try {
      List<Instant> next = describe(target).getInfo().getNextActionTimes();
      return next.isEmpty() ? "none scheduled" : next.get(0).toString();
    } catch (SchedulesUnsupportedException e) {
      return "unknown: " + server + " has no Schedules API";
    } catch (IllegalStateException noSchedule) {
      return "no schedule (configure schedule.update, then run: steward schedule apply)";
    }
  }

  public void trigger(String target) {
    call(() -> handle(UpdateSchedules.idOf(target, host)).trigger());
  }

  public void pause(String target, String note) {
    call(() -> handle(UpdateSchedules.idOf(target, host)).pause(note));
  }

  public void resume(String target) {
    call(() -> handle(UpdateSchedules.idOf(target, host)).unpause());
  }

  public void delete(String target) {
    call(() -> handle(UpdateSchedules.idOf(target, host)).delete());
  }

  private Map<String, ScheduleListDescription> ours() {
    Map<String, ScheduleListDescription> ours = new LinkedHashMap<>();
    call(
        () ->
            schedules
                .listSchedules()
                .filter(s -> host.equals(memoOf(s, UpdateSchedules.HOST_MEMO)))
                .forEach(s -> ours.put(s.getScheduleId(), s)));
    return ours;
  }

  private ScheduleHandle handle(String id) {
    return schedules.getHandle(id);
  }

  private static String memo(ScheduleListDescription schedule) {
    return memoOf(schedule, UpdateSchedules.CONFIG_MEMO);
  }

  private static String memoOf(ScheduleListDescription schedule, String key) {
    Object value = schedule.getMemo(key, String.class);
    return value instanceof String text ? text : null;
  }

  private void call(Runnable action) {
    call(
        () -> {
          action.run();
          return null;
        });
  }

  /** Runs a call, turning the server's "no Schedules API" or "no such schedule" into one line. */
  private <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      Status.Code code = grpcCode(e);
      if (code == Status.Code.UNIMPLEMENTED) {
        throw new SchedulesUnsupportedException(
            "the Temporal server at "
                + server
                + " has no Schedules API (Temporal's in-memory test server, as run by `steward server"
                + " --dev`); run a real one: `temporal server start-dev --db-filename FILE` or"
                + " docker compose up -d");
      }
      if (code == Status.Code.NOT_FOUND) {
        throw new IllegalStateException(
            "no such schedule on " + server + " (create it with: steward schedule apply)");
      }
      throw e;
    }
  }

  private static Status.Code grpcCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status) {
        return status.getStatus().getCode();
      }
    }
    return null;
  }
}

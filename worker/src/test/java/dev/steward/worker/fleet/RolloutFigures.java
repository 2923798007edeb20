package dev.steward.worker.fleet;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What {@link FleetRolloutBenchmark} reads off the server and the machine after a rollout. */
final class RolloutFigures {
  /** Linux's USER_HZ, the unit of /proc/<pid>/stat's times, on every architecture it runs on. */
  private static final long TICKS_PER_SECOND = 100;

  private RolloutFigures() {}

  /** User + system CPU time of process {@code pid} so far, from /proc/<pid>/stat. */
  static long processCpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // Fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  static double[] loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return new double[] {
      Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])
    };
  }

  /** Each run of the rollout, first to last: its events and their size as the server sent them. */
  record Histories(List<int[]> runs, Map<String, Integer> byType) {
    @Override
    public String toString() {
      int events = runs.stream().mapToInt(r -> r[0]).sum();
      long bytes = runs.stream().mapToLong(r -> r[1]).sum();
      StringBuilder each = new StringBuilder();
      for (int[] run : runs) {
        each.append(each.isEmpty() ? "" : " + ").append(run[0]).append(" events/");
        each.append(run[1] / 1024).append(" KiB");
      }
      return runs.size()
          + (runs.size() == 1 ? " run (no continue-as-new): " : " runs (continued as new): ")
          + (runs.size() == 1 ? "" : each + " = ")
          + events
          + " events, "
          + bytes / 1024
          + " KiB";
    }
  }

  /** The rollout's runs from {@code first}, following each continue-as-new to the next run. */
  static Histories histories(WorkflowClient client, String workflowId, WorkflowExecution first) {
    List<int[]> runs = new ArrayList<>();
    Map<String, Integer> byType = new TreeMap<>();
    String runId = first.getRunId();
    while (runId != null) {
      History history = client.fetchHistory(workflowId, runId).getHistory();
      runs.add(new int[] {history.getEventsCount(), history.getSerializedSize()});
      for (HistoryEvent event : history.getEventsList()) {
        String type = event.getEventType().name().replace("EVENT_TYPE_", "").toLowerCase();
        byType.merge(type, 1, Integer::sum);
      }
      HistoryEvent last = history.getEvents(history.getEventsCount() - 1);
      runId =
          last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
              ? last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()
              : null;
    }
    return new Histories(runs, byType);
  }

  /** Hosts' update runs, as the server recorded their start and close. */
  record Children(List<Instant[]> runs, List<Long> events) {
    String medianMax() {
      List<Long> millis =
          runs.stream().map(r -> r[1].toEpochMilli() - r[0].toEpochMilli()).sorted().toList();
      return millis.get(millis.size() / 2) + " ms, " + millis.get(millis.size() - 1) + " ms";
    }

    /** The median history length of a host's update, to set beside the rollout's per host. */
    long medianEvents() {
      return events.stream().sorted().toList().get(events.size() / 2);
    }

    /**
     * The part of the rollout's {@code wall} time in which no host's update ran: the rollout's own
     * steps (reaching a host, starting its child, planning), measured as wall minus the union of
     * the children's runs.
     */
    long idleMillis(long wall) {
      List<Instant[]> sorted = new ArrayList<>(runs);
      sorted.sort(Comparator.comparing(r -> r[0]));
      long busy = 0;
      Instant start = null;
      Instant end = null;
      for (Instant[] run : sorted) {
        if (end == null || run[0].isAfter(end)) {
          busy += end == null ? 0 : end.toEpochMilli() - start.toEpochMilli();
          start = run[0];
          end = run[1];
        } else if (run[1].isAfter(end)) {
          end = run[1];
        }
      }
      busy += end == null ? 0 : end.toEpochMilli() - start.toEpochMilli();
      return wall - busy;
    }

    /**
     * The time from each batch's last update closing to the next batch's first update starting,
     * summed: the rollout's own steps between batches. {@code sizes} cut the runs, in rollout
     * order.
     */
    long betweenBatchesMillis(List<Integer> sizes) {
      long gaps = 0;
      int from = 0;
      Instant lastClose = null;
      for (int size : sizes) {
        List<Instant[]> batch = runs.subList(from, from + size);
        Instant firstStart = batch.stream().map(r -> r[0]).min(Comparator.naturalOrder()).get();
        if (lastClose != null) {
          gaps += firstStart.toEpochMilli() - lastClose.toEpochMilli();
        }
        lastClose = batch.stream().map(r -> r[1]).max(Comparator.naturalOrder()).get();
        from += size;
      }
      return gaps;
    }
  }

  /** The runs of the update workflows {@code ids}, in that order. */
  static Children children(WorkflowClient client, List<String> ids) {
    List<Instant[]> runs = new ArrayList<>();
    List<Long> events = new ArrayList<>();
    for (String id : ids) {
      WorkflowExecutionDescription run = client.newUntypedWorkflowStub(id).describe();
      runs.add(new Instant[] {run.getStartTime(), run.getCloseTime()});
      events.add(run.getRawDescription().getWorkflowExecutionInfo().getHistoryLength());
    }
    return new Children(runs, events);
  }
}

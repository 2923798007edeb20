package dev.steward.worker.history;

import dev.steward.worker.TemporalConnection;
import dev.steward.workflows.StewardSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Lists a target's past runs by their search attributes ({@code StewardTarget = 'hermes'}), newest
 * first, as the web UI filters them.
 */
public final class RunHistory {
  private final TemporalConnection connection;

  public RunHistory(TemporalConnection connection) {
    this.connection = connection;
  }

  /**
   * The visibility query that finds {@code target}'s update and recovery runs (not its monitor,
   * which runs all the time). It has no {@code ORDER BY}: only Elasticsearch visibility accepts
   * one, and SQL visibility (SQLite in {@code temporal server start-dev}, PostgreSQL in docker
   * compose) refuses the query with INVALID_ARGUMENT. Without it the server lists running runs
   * first, then the most recently closed; {@link #of} sorts the runs it takes by start time.
   */
  public static String queryFor(String target) {
    return StewardSearchAttributes.TARGET.getName()
        + " = '"
        + target.replace("'", "")
        + "' AND "
        + StewardSearchAttributes.KIND.getName()
        + " != '"
        + StewardSearchAttributes.KIND_MONITOR
        + "'";
  }

  /**
   * The newest {@code limit} runs of {@code target}.
   *
   * @throws QueryUnsupportedException when the server cannot list runs by query
   */
  public List<PastRun> of(String target, int limit) {
    if (connection.isEmbedded()) {
      throw new QueryUnsupportedException(
          "the embedded in-memory server keeps no history across commands and cannot list runs"
              + " by query; set temporal.address to a real server (see README, Production)");
    }
    try {
      return connection
          .client()
          .listExecutions(queryFor(target))
          .limit(limit)
          .map(RunHistory::toRun)
          .sorted(Comparator.comparing(PastRun::started).reversed())
          .toList();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        throw new QueryUnsupportedException(
            connection.description()
                + " cannot list runs by query (Temporal's in-memory test server); use a real"
                + " server (docker compose or temporal server start-dev) to keep history");
      }
      throw e;
    }
  }

  private static PastRun toRun(WorkflowExecutionMetadata run) {
    SearchAttributes labels = run.getTypedSearchAttributes();
    String outcome = labels.get(StewardSearchAttributes.OUTCOME);
    if (outcome == null || outcome.equals(StewardSearchAttributes.RUNNING)) {
      // A run that ended without its outcome recorded (terminated, timed out) says so.
      outcome =
          run.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
    }
    return new PastRun(
        labels.get(StewardSearchAttributes.KIND),
        outcome,
        run.getStartTime(),
        run.getCloseTime(),
        run.getExecution().getWorkflowId());
  }
}

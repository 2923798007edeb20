package dev.steward.activities.service;

import dev.steward.workflows.pipeline.HealthProgress;
import java.time.Duration;

/**
 * Passes on a health wait's progress at most once per interval, and only when what people would
 * read has changed: every report becomes events in the run's history. One per wait.
 */
final class ProgressThrottle {
  private final HealthProgressSink sink;
  private final long intervalNanos;
  private long lastSent;
  private String lastText;

  /** The first report can go out one interval after {@code startNanos}. */
  ProgressThrottle(HealthProgressSink sink, Duration interval, long startNanos) {
    this.sink = sink;
    this.intervalNanos = interval.toNanos();
    this.lastSent = startNanos;
  }

  void offer(HealthProgress progress, long nowNanos) {
    String text = progress.describe();
    if (text.equals(lastText) || nowNanos - lastSent < intervalNanos) {
      return;
    }
    lastSent = nowNanos;
    lastText = text;
    sink.report(progress);
  }
}

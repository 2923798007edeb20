package dev.steward.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The worker's logs: a daily file kept 14 days off systemd, the journal under it. */
class WorkerLoggingTest {
  @TempDir Path tmp;

  @AfterEach
  void restoreTheCliLogging() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void writes_one_line_per_event_with_target_and_workflow_id_to_a_daily_file() throws Exception {
    String where = WorkerLogging.configure(Map.of(), tmp);
    MDC.put("target", "hermes");
    MDC.put("workflowId", "update/hermes/2026-11-29T03:00:00Z");
    try {
      LoggerFactory.getLogger("steward.activity").info("restartService done in 812 ms");
    } finally {
      MDC.remove("target");
      MDC.remove("workflowId");
    }
    LoggerFactory.getLogger("steward.activity")
        .warn("probe failed: header Authorization: Bearer sk-live-123 refused");

    Path file = tmp.resolve(WorkerLogging.FILE_NAME);
    assertEquals(file.toString(), where);
    String log = Files.readString(file);
    assertTrue(
        log.contains(
            "INFO  [hermes] [update/hermes/2026-11-29T03:00:00Z] steward.activity:"
                + " restartService done in 812 ms"),
        log);
    assertFalse(log.contains("sk-live-123"), "a bearer token is masked: " + log);
    assertTrue(log.contains("Bearer ***"), log);
    assertEquals(2, log.lines().count(), log);
    RollingFileAppender<?> appender =
        (RollingFileAppender<?>)
            ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger("ROOT")
                .getAppender("file");
    assertEquals(14, ((TimeBasedRollingPolicy<?>) appender.getRollingPolicy()).getMaxHistory());
  }

  @Test
  void logs_to_stdout_for_the_journal_when_systemd_started_the_worker() {
    String where = WorkerLogging.configure(Map.of("INVOCATION_ID", "abc"), tmp);

    assertEquals("the journal (stdout)", where);
    assertFalse(Files.exists(tmp.resolve(WorkerLogging.FILE_NAME)));
  }
}

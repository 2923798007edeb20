package dev.steward.cli.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Logging for {@code steward worker}: one line per event, with the run's target and workflow id.
 * Under systemd (it sets {@code INVOCATION_ID} and {@code JOURNAL_STREAM}) lines go to stdout
 * without a timestamp, and the journal keeps them; otherwise to {@code steward-worker.log} in the
 * log directory, rotated daily and kept 14 days. Anything that looks like a bearer token or API key
 * is masked, in case a library ever logs one.
 */
final class WorkerLogging {
  /** Days of rotated log files kept, as the field guide's logrotate policy. */
  static final int KEEP_DAYS = 14;

  static final String FILE_NAME = "steward-worker.log";

  private static final String EVENT =
      "%-5level [%X{target:--}] [%X{workflowId:--}] %logger{24}: "
          + "%replace(%msg){'(?i)(bearer\\s+|api[_-]?key[=:\\s]+)\\S+', '$1***'}%n%ex{short}";

  private WorkerLogging() {}

  /** Whether this process runs under systemd, whose journal captures stdout. */
  static boolean underSystemd(Map<String, String> env) {
    return env.containsKey("INVOCATION_ID") || env.containsKey("JOURNAL_STREAM");
  }

  /** Where the log files go when {@code logs.dir} is not set. */
  static Path defaultDir(Map<String, String> env, boolean root) {
    if (root) {
      return Path.of("/var/log/steward");
    }
    String state = env.get("XDG_STATE_HOME");
    return state != null && !state.isBlank()
        ? Path.of(state, "steward", "logs")
        : Path.of(env.getOrDefault("HOME", "."), ".local", "state", "steward", "logs");
  }

  /**
   * Replaces the CLI's logging (warnings on stderr) with the worker's.
   *
   * @param dir the log directory, used when not under systemd
   * @return where the lines go, for the worker's first line of output
   */
  static String configure(Map<String, String> env, Path dir) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    boolean journal = underSystemd(env);
    OutputStreamAppender<ILoggingEvent> appender =
        journal ? stdout(context) : rollingFile(context, dir);
    root.addAppender(appender);
    root.setLevel(Level.INFO);
    context.getLogger("io.temporal").setLevel(Level.WARN);
    context.getLogger("io.grpc").setLevel(Level.WARN);
    return journal ? "the journal (stdout)" : dir.resolve(FILE_NAME).toString();
  }

  private static ConsoleAppender<ILoggingEvent> stdout(LoggerContext context) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("journal");
    console.setEncoder(encoder(context, EVENT));
    console.start();
    return console;
  }

  private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path dir) {
    RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(context);
    file.setName("file");
    file.setFile(dir.resolve(FILE_NAME).toString());
    TimeBasedRollingPolicy<ILoggingEvent> daily = new TimeBasedRollingPolicy<>();
    daily.setContext(context);
    daily.setParent(file);
    daily.setFileNamePattern(dir.resolve("steward-worker.%d{yyyy-MM-dd}.log").toString());
    daily.setMaxHistory(KEEP_DAYS);
    daily.start();
    file.setRollingPolicy(daily);
    file.setEncoder(encoder(context, "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} " + EVENT));
    file.start();
    return file;
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }
}

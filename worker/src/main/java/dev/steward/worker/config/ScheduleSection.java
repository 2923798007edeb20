package dev.steward.worker.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads a target's {@code schedule:} section, and a fleet's. */
final class ScheduleSection {
  static final long DEFAULT_CATCHUP_MILLIS = 24L * 3600 * 1000;
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final String EXAMPLE = "update: {at: \"03:00\", timezone: Europe/London}";

  private ScheduleSection() {}

  /** The target's update schedule, or null when it has none. */
  static UpdateSchedule read(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    ConfigMap schedule = node.map(EXAMPLE).allowOnly("update", "monitor");
    ConfigNode update = schedule.get("update");
    return update.present() ? update(update) : null;
  }

  /** A fleet's rollout schedule ({@code schedule.rollout}, as a target's update), or null. */
  static UpdateSchedule readRollout(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    ConfigNode rollout = node.map("rollout: {at: \"03:00\"}").allowOnly("rollout").get("rollout");
    return rollout.present() ? update(rollout) : null;
  }

  /** Whether {@code schedule.monitor} asks for the target's monitor to be kept running. */
  static boolean monitored(ConfigNode node) {
    if (!node.present()) {
      return false;
    }
    ConfigNode monitor = node.map(EXAMPLE).get("monitor");
    if (!monitor.present()) {
      return false;
    }
    String answer = monitor.text("monitor: true").trim();
    if (!answer.equals("true") && !answer.equals("false")) {
      throw monitor.error(ConfigNode.quote(answer) + " is not true or false", "write true");
    }
    return answer.equals("true");
  }

  private static UpdateSchedule update(ConfigNode node) {
    ConfigMap update =
        node.map("at: \"03:00\"").allowOnly("at", "cron", "every", "timezone", "jitter", "catchup");
    long given = Stream.of("at", "cron", "every").filter(update::has).count();
    if (given != 1) {
      throw node.keyError(
          given == 0 ? "has none of at, cron and every" : "has more than one of at, cron and every",
          "give one: at: \"03:00\" (daily), cron: \"0 3 * * *\" or every: 6h");
    }
    if (update.has("every") && update.has("timezone")) {
      throw update
          .get("timezone")
          .keyError("has no effect with every", "remove it: every counts from the Unix epoch");
    }
    String at = update.has("at") ? time(update.get("at")) : null;
    String cron = update.has("cron") ? cron(update.get("cron")) : null;
    long every = update.has("every") ? Values.duration(update.get("every"), "6h", 1_000) : 0;
    String timezone = update.has("timezone") ? Values.timezone(update.get("timezone")) : "UTC";
    long jitter = update.has("jitter") ? Values.duration(update.get("jitter"), "10m", 0) : 0;
    long catchup = Values.durationOr(update, "catchup", DEFAULT_CATCHUP_MILLIS, 60_000);
    return new UpdateSchedule(at, cron, every, timezone, jitter, catchup);
  }

  private static String time(ConfigNode node) {
    String text = node.text("at: \"03:00\"").trim();
    Matcher m = TIME.matcher(text);
    if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 59) {
      throw node.error(
          ConfigNode.quote(text) + " is not a time of day",
          "write HH:MM in quotes, e.g. \"03:00\"");
    }
    return String.format("%02d:%s", Integer.parseInt(m.group(1)), m.group(2));
  }

  private static String cron(ConfigNode node) {
    String text = node.text("cron: \"0 3 * * *\"").trim();
    if (text.split("\\s+").length != 5) {
      throw node.error(
          ConfigNode.quote(text) + " is not a five-field cron expression",
          "write minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\"");
    }
    return text;
  }
}

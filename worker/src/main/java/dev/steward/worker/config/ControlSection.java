package dev.steward.worker.config;

import dev.steward.workflows.host.ControlPlan;
import dev.steward.workflows.host.ControlPlan.ApprovalPlan;
import dev.steward.workflows.host.ControlPlan.WindowPlan;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a target's {@code window:} and {@code approval:}: when a restart may happen. */
final class ControlSection {
  static final long DEFAULT_APPROVAL_TIMEOUT_MILLIS = 12 * 3_600_000L;
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  private ControlSection() {}

  static ControlPlan read(ConfigNode window, ConfigNode approval) {
    return new ControlPlan(window(window), approval(approval));
  }

  private static WindowPlan window(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    ConfigMap window = node.map("from: \"02:00\"").allowOnly("days", "from", "to", "timezone");
    List<String> days = window.has("days") ? days(window.get("days")) : DAYS;
    String from = time(window.get("from"), "from: \"02:00\"");
    String to = time(window.get("to"), "to: \"05:00\"");
    if (from.equals(to)) {
      throw window
          .get("to")
          .error("is the same time as from", "give the window a length, e.g. to: \"05:00\"");
    }
    String timezone = window.has("timezone") ? Values.timezone(window.get("timezone")) : "UTC";
    return new WindowPlan(days, from, to, timezone);
  }

  private static ApprovalPlan approval(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    ConfigMap approval = node.map("required: true").allowOnly("required", "timeout");
    ConfigNode required = approval.get("required");
    String answer = required.present() ? required.text("required: true").trim() : "false";
    if (!answer.equals("true") && !answer.equals("false")) {
      throw required.error(ConfigNode.quote(answer) + " is not true or false", "write true");
    }
    long timeout = Values.durationOr(approval, "timeout", DEFAULT_APPROVAL_TIMEOUT_MILLIS, 60_000);
    return answer.equals("true") ? new ApprovalPlan(timeout) : null;
  }

  private static List<String> days(ConfigNode node) {
    List<String> days = node.strings("[mon, tue, wed]");
    for (int i = 0; i < days.size(); i++) {
      if (!DAYS.contains(days.get(i))) {
        throw node.items("[mon]")
            .get(i)
            .error(ConfigNode.quote(days.get(i)) + " is not a day", "use mon, tue, … sun");
      }
    }
    if (days.isEmpty()) {
      throw node.error("names no day", "list the days it opens, e.g. [sat, sun]");
    }
    return days;
  }

  private static String time(ConfigNode node, String example) {
    String text = node.text(example).trim();
    if (!TIME.matcher(text).matches()) {
      throw node.error(
          ConfigNode.quote(text) + " is not a time of day",
          "write HH:MM in quotes, e.g. \"02:00\"");
    }
    return text;
  }
}

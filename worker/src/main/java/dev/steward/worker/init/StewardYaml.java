package dev.steward.worker.init;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a {@link TargetDraft} as a complete, commented {@code steward.yaml}: every value quoted,
 * every command an argv list, and above each section the draft's note saying where it came from.
 */
public final class StewardYaml {
  private static final int NOTE_WIDTH = 90;
  private final StringBuilder text = new StringBuilder();
  private final TargetDraft draft;

  private StewardYaml(TargetDraft draft) {
    this.draft = draft;
  }

  /** The file's text; {@code timezone} is the IANA zone the nightly schedule runs in. */
  public static String render(TargetDraft draft, String header, String timezone) {
    return new StewardYaml(draft).file(header, timezone);
  }

  private String file(String header, String timezone) {
    header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
    text.append("# Check it with: steward -c THIS_FILE config check\n\n");
    text.append("targets:\n");
    text.append("  ").append(draft.name()).append(":\n");
    note("checkout");
    line(2, "checkout: " + quote(draft.checkout()));
    line(2, "state: " + quote(draft.state()));
    service();
    snapshot();
    update();
    health();
    monitor();
    note("provider");
    if (draft.providerStatus() != null) {
      line(2, "provider:");
      line(3, "status: " + quote(draft.providerStatus()));
    }
    if (draft.log() != null) {
      line(2, "recovery:");
      line(3, "logs: " + list(List.of(draft.log())) + "   # their tails go into the evidence");
    }
    note("schedule");
    line(2, "schedule:");
    line(
        3,
        "update: {at: "
            + quote(TargetDraft.NIGHTLY_AT)
            + ", timezone: "
            + quote(timezone)
            + ", jitter: "
            + TargetDraft.NIGHTLY_JITTER
            + "}");
    line(3, "monitor: true   # steward schedule apply keeps the monitor running");
    return text.toString();
  }

  private void service() {
    TargetDraft.Service service = draft.service();
    note("service");
    line(2, "service:");
    line(3, "manager: " + service.manager());
    if (service.unit() != null) {
      line(3, "unit: " + quote(service.unit()));
    } else {
      line(3, "start: " + list(service.start()));
    }
  }

  private void snapshot() {
    TargetDraft.Snapshot snapshot = draft.snapshot();
    note("snapshot");
    line(2, "snapshot:");
    line(3, "dir: " + quote(snapshot.dir()));
    line(3, "keep: 7");
    if (!snapshot.exportCommand().isEmpty()) {
      line(3, "export: " + list(snapshot.exportCommand()));
      line(3, "import: " + list(snapshot.importCommand()));
    }
    line(2, "disk:");
    line(3, "minFree: 512MiB   # checked before the snapshot, with room for one more");
  }

  private void update() {
    TargetDraft.Update update = draft.update();
    note("update");
    line(2, "update:");
    if (update.gitRef() != null) {
      line(3, "git: {remote: origin, ref: " + quote(update.gitRef()) + "}");
    } else {
      line(3, "command: " + list(update.command()));
    }
    if (!update.then().isEmpty()) {
      line(3, "then:");
      update.then().forEach(command -> line(4, "- " + list(command)));
    }
    line(3, "timeout: 15m");
  }

  private void health() {
    TargetDraft.Health health = draft.health();
    note("health");
    line(2, "health:");
    if (health.http() != null) {
      line(3, "http: " + quote(health.http()));
    }
    if (!health.command().isEmpty()) {
      line(3, "command: " + list(health.command()));
    }
    line(3, "stableFor: " + health.stableFor());
    line(3, "timeout: " + health.timeout());
  }

  private void monitor() {
    note("monitor");
    line(2, "monitor:");
    line(3, "every: 1m");
    if (draft.log() != null) {
      line(3, "log: " + quote(draft.log()));
    }
    line(2, "heartbeat:");
    line(
        3,
        "url: " + TargetDraft.HEARTBEAT + "   # set HEALTHCHECKS_URL in the worker's environment");
  }

  private void note(String section) {
    for (String comment : draft.notes().getOrDefault(section, List.of())) {
      StringBuilder current = new StringBuilder();
      for (String word : comment.split(" ")) {
        if (current.length() > 0 && current.length() + word.length() > NOTE_WIDTH) {
          line(2, "# " + current);
          current.setLength(0);
        }
        current.append(current.length() > 0 ? " " : "").append(word);
      }
      line(2, "# " + current);
    }
  }

  private void line(int depth, String content) {
    text.append("  ".repeat(depth)).append(content).append('\n');
  }

  private static String list(List<String> items) {
    return items.stream().map(StewardYaml::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A YAML double-quoted scalar: only backslash and quote need escaping in what we write. */
  static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '"' -> quoted.append("\\\"");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}

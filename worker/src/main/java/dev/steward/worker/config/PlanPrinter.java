package dev.steward.worker.config;

import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import dev.steward.workflows.host.TargetPlan.PatchPlan;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import dev.steward.workflows.host.TargetPlan.SnapshotPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders resolved plans as text for people, as {@code steward config check} prints them. */
public final class PlanPrinter {
  private PlanPrinter() {}

  /** The whole config: where Temporal is, this host, then each target's plan. */
  public static String describe(StewardConfig config) {
    TemporalSettings temporal = config.temporal();
    String server =
        temporal.embedded()
            ? "embedded (in this process; nothing kept across restarts)"
            : temporal.address() + ", namespace " + temporal.namespace();
    StringBuilder text = new StringBuilder();
    text.append("config     ").append(config.source()).append('\n');
    text.append("temporal   ").append(server).append('\n');
    text.append("host       ").append(config.host()).append('\n');
    for (TargetPlan plan : config.targets().values()) {
      text.append('\n').append(describe(plan));
    }
    return text.toString();
  }

  /** One target's plan, a line per part, every default filled in. */
  public static String describe(TargetPlan plan) {
    List<String> lines = new ArrayList<>();
    lines.add("target " + plan.target() + " (host " + plan.host() + ")");
    lines.add(row("checkout", plan.checkout()));
    lines.add(row("state", plan.state()));
    lines.add(row("service", service(plan.service())));
    lines.addAll(snapshot(plan.snapshot()));
    lines.add(row("disk", "keep " + Quantities.formatBytes(plan.minFreeBytes()) + " free"));
    lines.addAll(update(plan.update()));
    for (PatchPlan patch : plan.patches()) {
      lines.add(row("patch", patch.name() + ": " + argv(patch.apply())));
      lines.add(
          row("", "verify " + patch.verifyFile() + " contains " + quote(patch.verifyContains())));
    }
    lines.add(row("health", health(plan.health())));
    lines.add(row("", holdsFor(plan.health())));
    return String.join("\n", lines) + "\n";
  }

  private static String row(String label, String value) {
    return String.format("  %-10s %s", label, value).stripTrailing();
  }

  private static String service(ServicePlan service) {
    if (service.manager() == ManagerKind.PROCESS) {
      return "process: " + argv(service.start()) + " (in " + service.workdir() + ")";
    }
    return service.manager() + ": " + service.unit();
  }

  private static List<String> snapshot(SnapshotPlan snapshot) {
    List<String> lines = new ArrayList<>();
    lines.add(row("snapshot", snapshot.dir() + ", keep " + snapshot.keep()));
    if (snapshot.usesCommands()) {
      lines.add(row("", "export: " + argv(snapshot.exportCommand())));
      lines.add(row("", "import: " + argv(snapshot.importCommand())));
    } else {
      String excluded =
          snapshot.exclude().isEmpty() ? "" : ", excluding " + String.join(" ", snapshot.exclude());
      lines.add(row("", "built-in archive of the state directory" + excluded));
    }
    return lines;
  }

  private static List<String> update(UpdatePlan update) {
    List<String> lines = new ArrayList<>();
    String how =
        update.usesGit()
            ? "git: fetch "
                + update.gitRemote()
                + ", move to "
                + update.gitRemote()
                + "/"
                + update.gitRef()
            : "command: " + argv(update.command());
    lines.add(
        row(
            "update",
            how + " (timeout " + Quantities.formatMillis(update.timeoutSeconds() * 1000) + ")"));
    if (update.cooldownMillis() > 0) {
      lines.add(
          row(
              "",
              "cooldown: only revisions upstream for "
                  + Quantities.formatMillis(update.cooldownMillis())));
    }
    if (!update.check().isEmpty()) {
      lines.add(row("", "check: " + argv(update.check()) + " (exit 1: nothing new, no snapshot)"));
    }
    for (List<String> then : update.then()) {
      lines.add(row("", "then: " + argv(then)));
    }
    return lines;
  }

  private static String health(HealthPlan health) {
    List<String> checks = new ArrayList<>();
    checks.add("service running");
    if (health.http() != null) {
      checks.add("GET " + health.http() + " answers 2xx");
    }
    if (!health.command().isEmpty()) {
      checks.add(argv(health.command()) + " exits 0");
    }
    return String.join(", ", checks);
  }

  private static String holdsFor(HealthPlan health) {
    return "must hold for "
        + Quantities.formatMillis(health.stableForMillis())
        + " within "
        + Quantities.formatMillis(health.timeoutMillis());
  }

  /** An argv as a person would type it, quoting the arguments a shell would split. */
  static String argv(List<String> argv) {
    return argv.stream()
        .map(arg -> arg.isEmpty() || arg.matches(".*[\\s'\"\\\\$`*?].*") ? quote(arg) : arg)
        .collect(Collectors.joining(" "));
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}

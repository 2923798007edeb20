package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.worker.systemd.Finding;
import dev.steward.worker.systemd.Systemd;
import dev.steward.worker.systemd.SystemdVersion;
import dev.steward.worker.systemd.UnitFixer;
import dev.steward.worker.systemd.UnitScope;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code steward doctor TARGET --fix [--dry-run]}: prints the plan, then what was done. */
final class UnitFix {
  private final String target;
  private final PrintWriter out;
  private final boolean dryRun;

  UnitFix(String target, PrintWriter out, boolean dryRun) {
    this.target = target;
    this.out = out;
    this.dryRun = dryRun;
  }

  int run(Systemd systemd, String unit, UnitScope scope, Path unitDirOrNull) {
    Path unitDir =
        unitDirOrNull != null
            ? unitDirOrNull.toAbsolutePath()
            : scope.defaultUnitDir(System.getenv());
    UnitFixer fixer = new UnitFixer(systemd, SystemdVersion.detect(systemd));
    UnitFixer.Plan plan = fixer.plan(unit, scope, unitDir);
    if (plan.unloaded().isPresent()) {
      say(plan.unloaded().get().line());
      out.flush();
      return ExitCodes.FINDINGS;
    }
    show(plan);
    if (!dryRun) {
      fixer.apply(plan).forEach(this::say);
    }
    out.flush();
    boolean lingerFailed = !dryRun && plan.lingering().isPresent() && !fixer.lingers(unit);
    return lingerFailed ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private void show(UnitFixer.Plan plan) {
    String would = dryRun ? "would " : "";
    if (plan.writes()) {
      say(
          (dryRun ? "would write " : "drop-in ")
              + plan.dropIn()
              + (plan.before() == null ? " (new)" : " (replacing the one there)")
              + ":");
      plan.after().lines().forEach(line -> out.println("  " + line));
      if (dryRun) {
        plan.changes().forEach(change -> say("would change " + change));
      }
    } else if (plan.after() != null) {
      say(plan.dropIn() + " already corrects " + plan.unit() + ": nothing to change");
    } else if (plan.lingering().isEmpty()) {
      say(plan.unit() + " is sound: nothing to change");
    }
    plan.lingering().ifPresent(f -> say(would + "fix: " + f.problem()));
    for (Finding left : plan.leftInUnit()) {
      say(
          "left in the unit file (a drop-in cannot remove a line; Steward never edits the unit): "
              + left.line());
    }
  }

  private void say(String line) {
    out.println(target + ": " + line);
  }
}

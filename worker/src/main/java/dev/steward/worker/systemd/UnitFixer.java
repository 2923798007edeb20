package dev.steward.worker.systemd;

import dev.steward.activities.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrects what {@link UnitDoctor} finds wrong in a unit without editing the unit file: the right
 * settings go into the drop-in {@code <unit>.d/steward.conf} (for this machine's systemd: the
 * restart backoff only where it exists), systemd reloads, and lingering is turned on for a user
 * unit. Running it again changes nothing. Lines systemd ignores stay in the unit file — a drop-in
 * cannot remove a line — and are reported with what the drop-in sets instead.
 */
public final class UnitFixer {
  private final Systemd systemd;
  private final SystemdVersion version;
  private final UnitDoctor doctor;

  public UnitFixer(Systemd systemd, SystemdVersion version) {
    this.systemd = systemd;
    this.version = version;
    this.doctor = new UnitDoctor(systemd, version);
  }

  /**
   * What a fix would do.
   *
   * @param unit the unit
   * @param scope its manager
   * @param dropIn the drop-in's path
   * @param before the drop-in's text now, or null when there is none
   * @param after its text after the fix (equal to {@code before}: nothing to write)
   * @param changes one line per effective setting it changes ({@code Restart: on-failure ->
   *     always})
   * @param lingering the lingering finding, when the user does not linger
   * @param leftInUnit lines of the unit file systemd ignores, which only a person can remove
   * @param unloaded the unit is not loaded: nothing can be fixed
   */
  public record Plan(
      String unit,
      UnitScope scope,
      Path dropIn,
      String before,
      String after,
      List<String> changes,
      Optional<Finding> lingering,
      List<Finding> leftInUnit,
      Optional<Finding> unloaded) {
    /** Whether the drop-in must be written. */
    public boolean writes() {
      return unloaded.isEmpty() && after != null && !after.equals(before);
    }
  }

  /** Looks at the unit and plans the fix; changes nothing. */
  public Plan plan(String unit, UnitScope scope, Path unitDir) {
    Path path = unitDir.resolve(unit + ".d").resolve(DropIn.FILE);
    String before = read(path);
    Optional<Finding> lingering =
        scope == UnitScope.USER ? doctor.lingering(unit) : Optional.empty();
    Map<String, String> show;
    try {
      show = doctor.show(unit, scope);
    } catch (SystemdException e) {
      if (lingering.isEmpty()) {
        throw e;
      }
      // Without lingering and without a login the user's manager is not running: linger first.
      return new Plan(
          unit, scope, path, before, before, List.of(), lingering, List.of(), Optional.empty());
    }
    Optional<Finding> unloaded = UnitDoctor.unloaded(unit, scope, show);
    if (unloaded.isPresent()) {
      return new Plan(unit, scope, path, before, before, List.of(), lingering, List.of(), unloaded);
    }
    DropIn dropIn = before == null ? DropIn.empty() : DropIn.parse(before);
    List<String> changes = new ArrayList<>();
    for (UnitSettings.Problem problem : UnitSettings.problems(unit, show)) {
      dropIn.set(problem.section(), problem.key(), problem.value());
      changes.add(
          problem.property()
              + ": "
              + show.get(problem.property())
              + " -> "
              + problem.key()
              + "="
              + problem.value());
      if (problem.key().equals("RestartSec") && version.hasRestartBackoff()) {
        dropIn.set("Service", "RestartSteps", "5");
        dropIn.set("Service", "RestartMaxDelaySec", "300");
      }
    }
    String after = dropIn.isEmpty() && before == null ? null : dropIn.render(header(unit));
    return new Plan(
        unit,
        scope,
        path,
        before,
        after,
        changes,
        lingering,
        doctor.ignoredLines(unit, scope),
        Optional.empty());
  }

  /**
   * Writes the drop-in, reloads systemd and turns lingering on, as planned; returns a line per
   * step, and for each changed setting its value before and as systemd now shows it.
   */
  public List<String> apply(Plan plan) {
    List<String> done = new ArrayList<>();
    if (plan.writes()) {
      Map<String, String> before = doctor.show(plan.unit(), plan.scope());
      write(plan.dropIn(), plan.after());
      done.add("wrote " + plan.dropIn());
      systemd.require(systemd.systemctl(plan.scope(), "daemon-reload"));
      done.add(command(plan.scope(), "daemon-reload"));
      Map<String, String> after = doctor.show(plan.unit(), plan.scope());
      for (String property :
          List.of(
              "Restart",
              "RestartUSec",
              "StartLimitIntervalUSec",
              "StartLimitBurst",
              "TimeoutStopUSec")) {
        if (!before.get(property).equals(after.get(property))) {
          done.add(property + ": " + before.get(property) + " -> " + after.get(property));
        }
      }
    }
    if (plan.lingering().isPresent()) {
      CommandResult linger = systemd.loginctl("enable-linger", Users.name());
      done.add(
          linger.succeeded()
              ? "enabled lingering for " + Users.name() + " (loginctl enable-linger)"
              : "could not enable lingering ("
                  + linger.tail(1).strip()
                  + "): run loginctl enable-linger "
                  + Users.name()
                  + " as root");
    }
    return done;
  }

  /** Whether this user lingers now (asks logind only: the user's manager may still be starting). */
  public boolean lingers(String unit) {
    return doctor.lingering(unit).isEmpty();
  }

  private String header(String unit) {
    String backoff =
        version.hasRestartBackoff()
            ? ""
            : "\nRestartSteps=/RestartMaxDelaySec= are left out: they need systemd "
                + SystemdVersion.RESTART_BACKOFF
                + " and this is "
                + version.major()
                + ".";
    return "Written by steward doctor --fix for systemd "
        + version.major()
        + ": what "
        + unit
        + " gets wrong, corrected\n"
        + "here so that its unit file stays as it is. Re-run steward doctor after editing it."
        + backoff;
  }

  private static String command(UnitScope scope, String args) {
    return "systemctl " + (scope == UnitScope.USER ? "--user " : "") + args;
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path draft = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(draft, text);
      Files.move(
          draft,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

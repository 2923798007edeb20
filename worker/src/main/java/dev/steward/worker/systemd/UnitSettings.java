package dev.steward.worker.systemd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks of a unit's effective settings, as {@code systemctl show} prints them, each with the
 * line that corrects it ({@code steward doctor --fix} writes those lines into a drop-in).
 */
final class UnitSettings {
  private UnitSettings() {}

  /**
   * A setting that leaves the service down or stops it badly, and its correction.
   *
   * @param finding what is wrong, and the fix in words
   * @param section the section the correcting line goes in ({@code Unit} or {@code Service})
   * @param key the key to set
   * @param value its value
   * @param property the {@code systemctl show} property that shows the effect
   */
  record Problem(Finding finding, String section, String key, String value, String property) {}

  static List<Finding> check(String unit, Map<String, String> show) {
    return problems(unit, show).stream().map(Problem::finding).toList();
  }

  static List<Problem> problems(String unit, Map<String, String> show) {
    List<Problem> problems = new ArrayList<>();
    String restart = show.getOrDefault("Restart", "no");
    if (!restart.equals("always")) {
      problems.add(
          problem(
              unit
                  + " has Restart="
                  + restart
                  + ": systemd leaves it down when it exits 0"
                  + (restart.equals("no") ? " or fails" : ""),
              "Service",
              "Restart",
              "always",
              "Restart"));
    }
    long interval = TimeSpans.millis(show.getOrDefault("StartLimitIntervalUSec", "0"));
    String burst = show.getOrDefault("StartLimitBurst", "0");
    if (interval != 0 && !burst.equals("0")) {
      problems.add(
          problem(
              unit
                  + " gives up after "
                  + burst
                  + " starts within "
                  + show.get("StartLimitIntervalUSec")
                  + " (start-rate limit) and stays down",
              "Unit",
              "StartLimitIntervalSec",
              "0",
              "StartLimitIntervalUSec"));
    }
    if (TimeSpans.millis(show.getOrDefault("RestartUSec", "0")) < 1000) {
      problems.add(
          problem(
              unit
                  + " restarts after "
                  + show.getOrDefault("RestartUSec", "0")
                  + ": a failing service restarts in a tight loop",
              "Service",
              "RestartSec",
              "60",
              "RestartUSec"));
    }
    long stop = TimeSpans.millis(show.getOrDefault("TimeoutStopUSec", "0"));
    if (stop < UnitDoctor.MIN_STOP_MILLIS) {
      problems.add(
          problem(
              unit
                  + " is killed "
                  + show.get("TimeoutStopUSec")
                  + " after SIGTERM: too little to stop cleanly",
              "Service",
              "TimeoutStopSec",
              "60",
              "TimeoutStopUSec"));
    }
    return problems;
  }

  private static Problem problem(
      String what, String section, String key, String value, String property) {
    Finding finding = new Finding(what, "set " + key + "=" + value + " in [" + section + "]");
    return new Problem(finding, section, key, value, property);
  }
}

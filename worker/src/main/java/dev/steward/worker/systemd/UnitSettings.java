package dev.steward.worker.systemd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks of a unit's effective settings, as {@code systemctl show} prints them. */
final class UnitSettings {
  private UnitSettings() {}

  static List<Finding> check(String unit, Map<String, String> show) {
    List<Finding> findings = new ArrayList<>();
    String restart = show.getOrDefault("Restart", "no");
    if (!restart.equals("always")) {
      findings.add(
          new Finding(
              unit
                  + " has Restart="
                  + restart
                  + ": systemd leaves it down when it exits 0"
                  + (restart.equals("no") ? " or fails" : ""),
              "set Restart=always in [Service]"));
    }
    long interval = TimeSpans.millis(show.getOrDefault("StartLimitIntervalUSec", "0"));
    String burst = show.getOrDefault("StartLimitBurst", "0");
    if (interval != 0 && !burst.equals("0")) {
      findings.add(
          new Finding(
              unit
                  + " gives up after "
                  + burst
                  + " starts within "
                  + show.get("StartLimitIntervalUSec")
                  + " (start-rate limit) and stays down",
              "set StartLimitIntervalSec=0 in [Unit]"));
    }
    if (TimeSpans.millis(show.getOrDefault("RestartUSec", "0")) < 1000) {
      findings.add(
          new Finding(
              unit
                  + " restarts after "
                  + show.getOrDefault("RestartUSec", "0")
                  + ": a failing service restarts in a tight loop",
              "set RestartSec=60 in [Service]"));
    }
    long stop = TimeSpans.millis(show.getOrDefault("TimeoutStopUSec", "0"));
    if (stop < UnitDoctor.MIN_STOP_MILLIS) {
      findings.add(
          new Finding(
              unit
                  + " is killed "
                  + show.get("TimeoutStopUSec")
                  + " after SIGTERM: too little to stop cleanly",
              "set TimeoutStopSec=60 in [Service]"));
    }
    return findings;
  }
}

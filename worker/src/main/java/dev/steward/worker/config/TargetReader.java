package dev.steward.worker.config;

import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import java.nio.file.Path;
import java.util.List;

/** Reads one entry under {@code targets:} into a {@link TargetPlan}, checking it on the way. */
final class TargetReader {
  static final long DEFAULT_MIN_FREE = 512L << 20;

  private final String name;
  private final String host;
  private final ConfigPaths paths;

  TargetReader(String name, String host, ConfigPaths paths) {
    this.name = name;
    this.host = host;
    this.paths = paths;
  }

  TargetPlan read(ConfigNode node) {
    ConfigMap target =
        node.map("checkout: /srv/" + name + "/app")
            .allowOnly(
                "checkout",
                "state",
                "service",
                "snapshot",
                "disk",
                "update",
                "patches",
                "health",
                "schedule",
                "cooldown",
                "window",
                "approval",
                "provider",
                "recovery",
                "monitor",
                "heartbeat",
                "notify");
    Path checkout = paths.workTree(target.get("checkout"), "checkout: /srv/" + name + "/app");
    Path state = state(target.get("state"));
    return new TargetPlan(
        name,
        host,
        checkout.toString(),
        state.toString(),
        service(target.get("service"), checkout),
        SnapshotSection.read(target.get("snapshot"), paths),
        minFree(target.get("disk")),
        UpdateSection.read(target.get("update"), target.get("cooldown")),
        UpdateSection.readPatches(target.get("patches")),
        HealthSection.read(target.get("health")),
        ControlSection.read(target.get("window"), target.get("approval")),
        RecoverySection.read(target.get("provider"), target.get("recovery"), paths),
        MonitorSection.read(target.get("monitor"), target.get("heartbeat"), paths),
        NotifySection.read(target.get("notify")));
  }

  private Path state(ConfigNode node) {
    String example = "state: /srv/" + name + "/data";
    if (!node.present()) {
      throw node.missing("set it to the service's data directory, e.g. " + example);
    }
    return paths.existingDir(node, example, ConfigPaths::mkdir);
  }

  private ServicePlan service(ConfigNode node, Path checkout) {
    if (!node.present()) {
      throw node.missing(
          "add service: with manager: process and start: [...], or manager: systemd and unit: ...");
    }
    ConfigMap service =
        node.map("manager: process").allowOnly("manager", "start", "workdir", "unit");
    ConfigNode managerNode = service.get("manager");
    String manager = managerNode.text("manager: process");
    switch (manager) {
      case "process":
        return processService(service, checkout);
      case "systemd":
      case "systemd-user":
        return systemdService(service, manager);
      default:
        throw managerNode.error(
            ConfigNode.quote(manager) + " is not a service manager",
            "use process, systemd or systemd-user");
    }
  }

  private ServicePlan processService(ConfigMap service, Path checkout) {
    forbid(
        service, "unit", "is only for the systemd managers", "remove it, or set manager: systemd");
    ConfigNode start = service.get("start");
    if (!start.present()) {
      throw start.missing(
          "the process manager needs the command that starts the service, e.g. start: [java,"
              + " Server.java]");
    }
    List<String> argv = start.argv("[java, Server.java]");
    Path workdir =
        service.has("workdir")
            ? paths.existingDir(service.get("workdir"), "workdir: /srv/app", ConfigPaths::mkdir)
            : checkout;
    return new ServicePlan(ManagerKind.PROCESS, argv, workdir.toString(), null);
  }

  private static ServicePlan systemdService(ConfigMap service, String manager) {
    String why = "is only for manager: process";
    forbid(service, "start", why, "remove it: systemd starts the unit");
    forbid(service, "workdir", why, "remove it, or set WorkingDirectory= in the unit");
    ConfigNode unitNode = service.get("unit");
    if (!unitNode.present()) {
      throw unitNode.missing("name the unit " + manager + " runs, e.g. unit: demo.service");
    }
    String unit = unitNode.text("unit: demo.service");
    if (unit.isBlank() || unit.contains("/") || unit.chars().anyMatch(Character::isWhitespace)) {
      throw unitNode.error(
          ConfigNode.quote(unit) + " is not a unit name",
          "write the unit's name, e.g. demo.service");
    }
    return new ServicePlan(ManagerKind.ofWire(manager), List.of(), null, unit);
  }

  private static void forbid(ConfigMap map, String key, String why, String fix) {
    if (map.has(key)) {
      throw map.get(key).keyError(why, fix);
    }
  }

  private static long minFree(ConfigNode disk) {
    if (!disk.present()) {
      return DEFAULT_MIN_FREE;
    }
    ConfigNode minFree = disk.map("minFree: 512MiB").allowOnly("minFree").get("minFree");
    return minFree.present() ? Values.size(minFree, "512MiB") : DEFAULT_MIN_FREE;
  }
}

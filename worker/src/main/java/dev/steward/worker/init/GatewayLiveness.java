package dev.steward.worker.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The gateway's own sign of life, when its API server (the one HTTP endpoint it has) is off: what
 * the installed code offers, read from its source in the checkout.
 *
 * <ul>
 *   <li>{@code <home>/state/gateway.heartbeat} ({@code gateway/shutdown_watchdog.py}, #66892): the
 *       gateway's event loop rewrites it every 30 s with its pid. Chosen first because it is the
 *       only signal that tells a frozen loop from a live one: healthy while it was written in the
 *       last 90 s (three beats) by a process that is alive.
 *   <li>{@code <home>/gateway_state.json} ({@code gateway/status.py}): rewritten on transitions, so
 *       it cannot show a freeze, but says {@code gateway_state: running} with the pid once the
 *       gateway has started: healthy while that pid is alive and the state is running.
 *   <li>neither: only the unit running is checked ({@code systemctl is-active}).
 * </ul>
 *
 * The checks run with the venv's Python, which the install already has: no shell, no extra tool.
 *
 * @param command the health command
 * @param description one line for the config's comment and init's output
 */
public record GatewayLiveness(List<String> command, String description) {
  static final String HEARTBEAT_CHECK =
      "import json,os,sys,time; p=sys.argv[1]; os.kill(int(json.load(open(p))['pid']),0);"
          + " sys.exit(time.time()-os.path.getmtime(p) > 90)";
  static final String STATE_CHECK =
      "import json,os,sys; d=json.load(open(sys.argv[1])); os.kill(int(d['pid']),0);"
          + " sys.exit(d.get('gateway_state') != 'running')";

  /** What the code in {@code checkout} writes, checked with {@code python}. */
  public static GatewayLiveness choose(
      Path checkout, Path home, String python, GatewayUnit unitOrNull, String unitName) {
    if (mentions(checkout.resolve("gateway/shutdown_watchdog.py"), "gateway.heartbeat")) {
      return new GatewayLiveness(
          List.of(
              python, "-c", HEARTBEAT_CHECK, home.resolve("state/gateway.heartbeat").toString()),
          "the gateway's event-loop heartbeat, state/gateway.heartbeat (rewritten every 30 s):"
              + " fresh within 90 s and written by a live pid");
    }
    if (mentions(checkout.resolve("gateway/status.py"), "gateway_state.json")) {
      return new GatewayLiveness(
          List.of(python, "-c", STATE_CHECK, home.resolve("gateway_state.json").toString()),
          "gateway_state.json (this version has no loop heartbeat): gateway_state running"
              + " and its pid alive");
    }
    List<String> isActive =
        unitOrNull != null && unitOrNull.scope() == dev.steward.worker.systemd.UnitScope.SYSTEM
            ? List.of("systemctl", "is-active", "--quiet", unitName)
            : List.of("systemctl", "--user", "is-active", "--quiet", unitName);
    return new GatewayLiveness(
        isActive, "no liveness file in this version's code: only the unit being active is checked");
  }

  private static boolean mentions(Path file, String text) {
    try {
      return Files.isRegularFile(file) && Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}

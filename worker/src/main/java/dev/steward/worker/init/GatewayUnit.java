package dev.steward.worker.init;

import dev.steward.activities.process.CommandResult;
import dev.steward.worker.systemd.Systemd;
import dev.steward.worker.systemd.UnitScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The systemd unit of a Hermes home's gateway, named as {@code hermes gateway install} names it
 * ({@code hermes_cli/gateway.py}: {@code hermes-gateway} for the default home, {@code
 * hermes-gateway-<profile>} for {@code <root>/profiles/<profile>}, else a hash of the home's path),
 * looked up in the user's manager first (where Hermes installs it by default), then the system's.
 *
 * @param name the unit's name
 * @param scope the manager that has it
 * @param activeState its {@code ActiveState} (active, inactive, failed, …)
 */
public record GatewayUnit(String name, UnitScope scope, String activeState) {
  private static final Pattern PROFILE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** The unit name Hermes gives the gateway of {@code home}, with {@code defaultRoot} ~/.hermes. */
  public static String nameFor(Path home, Path defaultRoot) {
    Path h = home.toAbsolutePath().normalize();
    Path root = defaultRoot.toAbsolutePath().normalize();
    if (h.equals(root)) {
      return "hermes-gateway.service";
    }
    Path profiles = root.resolve("profiles");
    if (h.getParent() != null
        && h.getParent().equals(profiles)
        && PROFILE.matcher(h.getFileName().toString()).matches()) {
      return "hermes-gateway-" + h.getFileName() + ".service";
    }
    return "hermes-gateway-" + sha256(h.toString()).substring(0, 8) + ".service";
  }

  /** Asks the user's manager, then the system's, for {@code name}; empty when neither has it. */
  public static Optional<GatewayUnit> find(Systemd systemd, String name) {
    for (UnitScope scope : List.of(UnitScope.USER, UnitScope.SYSTEM)) {
      CommandResult shown =
          systemd.systemctl(scope, "show", "-p", "LoadState", "-p", "ActiveState", name);
      if (shown.succeeded() && value(shown.output(), "LoadState").equals("loaded")) {
        return Optional.of(new GatewayUnit(name, scope, value(shown.output(), "ActiveState")));
      }
    }
    return Optional.empty();
  }

  /** The Steward manager that runs a unit of this scope. */
  public String manager() {
    return scope == UnitScope.USER ? "systemd-user" : "systemd";
  }

  private static String value(String show, String key) {
    Matcher m = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(show);
    return m.find() ? m.group(1).strip() : "";
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}

package dev.steward.worker.init;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import dev.steward.worker.systemd.Systemd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a Hermes Agent install from disk — its home, code checkout and venv, {@code hermes
 * --version}, {@code config.yaml}'s provider, whether {@code .env} turns the API server on, the
 * gateway's unit, the logs — and drafts the Steward target that protects it. It changes nothing but
 * making {@code backups/} when the home lacks it.
 */
public final class HermesProbe {
  static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");

  private final Systemd systemd;
  private final Path defaultRoot;
  private final List<String> found = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();
  private final Map<String, List<String>> notes = new LinkedHashMap<>();
  private Path venv;

  /**
   * @param defaultRoot {@code ~/.hermes}: the home whose gateway unit has no suffix
   */
  public HermesProbe(Systemd systemd, Path defaultRoot) {
    this.systemd = systemd;
    this.defaultRoot = defaultRoot;
  }

  /**
   * Reads {@code home} (and the code at {@code checkoutOrNull}, else {@code home/hermes-agent}).
   */
  public InitReport probe(Path home, Path checkoutOrNull) {
    if (!Files.isDirectory(home)) {
      throw new InitException(
          "no Hermes home at " + home + ": pass --home DIR (or set HERMES_HOME)");
    }
    Path checkout = checkoutOrNull != null ? checkoutOrNull : home.resolve("hermes-agent");
    if (!Files.exists(checkout.resolve(".git"))) {
      throw new InitException(
          "no git checkout of Hermes's code at " + checkout + ": pass --checkout DIR");
    }
    found.add("Hermes home: " + home);
    found.add("code checkout: " + checkout);
    String hermes = hermesExecutable(checkout);
    String python = python(checkout);
    List<String> run = List.of("env", "HERMES_HOME=" + home, hermes);
    String unitName = GatewayUnit.nameFor(home, defaultRoot);
    Optional<GatewayUnit> unit = GatewayUnit.find(systemd, unitName);
    TargetDraft.Service service = service(unit, unitName);
    TargetDraft draft =
        new TargetDraft(
            "hermes",
            checkout.toString(),
            home.toString(),
            service,
            snapshot(home, run),
            update(run, version(run), checkout),
            health(home, checkout, python, unit.orElse(null), unitName),
            log(home),
            provider(home),
            notes);
    return new InitReport(draft, List.copyOf(found), List.copyOf(missing));
  }

  private String hermesExecutable(Path checkout) {
    for (String venv : List.of("venv", ".venv")) {
      Path bin = checkout.resolve(venv).resolve("bin/hermes");
      if (Files.isExecutable(bin)) {
        found.add("venv: " + checkout.resolve(venv));
        this.venv = checkout.resolve(venv);
        return bin.toString();
      }
    }
    missing.add(
        "no venv with bin/hermes in "
            + checkout
            + " (venv/ or .venv/): the commands call hermes from the worker's PATH");
    return "hermes";
  }

  private static String python(Path checkout) {
    for (String venv : List.of("venv", ".venv")) {
      Path bin = checkout.resolve(venv).resolve("bin/python3");
      if (Files.isExecutable(bin)) {
        return bin.toString();
      }
    }
    return "python3";
  }

  /** {@code hermes --version}'s (major, minor), or null when it does not answer. */
  private int[] version(List<String> run) {
    List<String> argv = new ArrayList<>(run);
    argv.add("--version");
    CommandResult result = Commands.run(argv, Path.of("/"), VERSION_TIMEOUT);
    Matcher m = VERSION.matcher(result.output());
    if (!result.succeeded() || !m.find()) {
      missing.add(
          "hermes --version did not answer with a version ("
              + (result.timedOut() ? "timed out" : "exit " + result.exitCode())
              + "): the update command is written without --yes, which every version takes");
      return null;
    }
    found.add("version: " + result.output().lines().findFirst().orElse("").strip());
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  private TargetDraft.Service service(Optional<GatewayUnit> unit, String unitName) {
    if (unit.isPresent()) {
      GatewayUnit u = unit.get();
      found.add("gateway unit: " + u.name() + " (" + u.manager() + ", " + u.activeState() + ")");
      notes.put(
          "service", List.of("The gateway's unit, found in the " + u.manager() + " manager."));
      return new TargetDraft.Service(u.manager(), u.name(), List.of());
    }
    missing.add(
        "no gateway unit "
            + unitName
            + " in the user's or the system's systemd: written as a user unit;"
            + " install it with hermes gateway install, or edit service:");
    notes.put(
        "service",
        List.of(
            "Not found when this was written: the name hermes gateway install gives it.",
            "Use manager: systemd if it is a system unit."));
    return new TargetDraft.Service("systemd-user", unitName, List.of());
  }

  private TargetDraft.Snapshot snapshot(Path home, List<String> run) {
    // Under backups/, which hermes backup leaves out: elsewhere in the home, each snapshot would
    // hold all the ones before it.
    Path backups = home.resolve("backups");
    if (!Files.isDirectory(backups)) {
      try {
        Files.createDirectories(backups);
      } catch (IOException e) {
        throw new InitException("cannot make " + backups + " for the snapshots: " + e.getMessage());
      }
      found.add("made " + backups + " (Hermes's own backup folder) for the snapshots");
    }
    notes.put(
        "snapshot",
        List.of(
            "Hermes's own backup: a zip of HERMES_HOME without the code, backups/ and SQLite",
            "journals; import --force extracts it over the home (the guide's export does not exist)."));
    List<String> export = new ArrayList<>(run);
    export.addAll(List.of("backup", "-o", "{file}"));
    List<String> restore = new ArrayList<>(run);
    restore.addAll(List.of("import", "--force", "{file}"));
    return new TargetDraft.Snapshot(home.resolve("backups/steward").toString(), export, restore);
  }

  private TargetDraft.Update update(List<String> run, int[] version, Path checkout) {
    List<String> argv = new ArrayList<>(run);
    argv.add("update");
    boolean hasYes = version != null && (version[0] > 0 || version[1] >= 13);
    if (hasYes) {
      argv.add("--yes");
    }
    String which =
        version == null
            ? "version unknown: without --yes (v0.12 refuses it)."
            : "v"
                + version[0]
                + "."
                + version[1]
                + (hasYes ? ": takes --yes." : ": no --yes before v0.13.");
    notes.put(
        "update",
        new ArrayList<>(
            List.of(
                "hermes update follows origin/main, installs dependencies, migrates the config.",
                "This is " + which,
                "It moves the code before installing: Steward records the revision first, runs it",
                "once per run and judges by health, so a half-failed update is rolled back.")));
    Optional<List<String>> reinstall =
        venv == null ? Optional.empty() : VenvReinstall.command(venv, checkout);
    if (reinstall.isPresent()) {
      notes.get("update").add("then: pip installs the checkout into the venv, so a rollback");
      notes.get("update").add("leaves the venv matching the code it restored.");
    } else {
      missing.add(
          "no pip in the venv: a rollback resets the code but cannot reinstall its dependencies;"
              + " add update.then: the command that does");
    }
    return new TargetDraft.Update(null, argv, reinstall.map(List::of).orElse(List.of()));
  }

  private TargetDraft.Health health(
      Path home, Path checkout, String python, GatewayUnit unit, String unitName) {
    ApiServerSetting api = ApiServerSetting.read(home.resolve(".env"));
    if (api.starts()) {
      String url = "http://127.0.0.1:" + api.port() + "/health";
      found.add(
          "API server: enabled in .env, port "
              + api.port()
              + (api.portGiven() ? " (API_SERVER_PORT)" : " (the default)"));
      notes.put(
          "health",
          List.of(
              "The API server platform is on (.env, with an API_SERVER_KEY): its GET /health.",
              "Besides this, the unit must be running."));
      return new TargetDraft.Health(url, List.of(), "30s", "3m");
    }
    if (api.enabled()) {
      missing.add(
          "API server: on in .env, but API_SERVER_KEY is missing or shorter than 16 characters, so"
              + " Hermes refuses to start it; health uses the gateway's liveness instead (set a"
              + " strong API_SERVER_KEY and run init again for /health)");
    } else {
      missing.add(
          "API server: not enabled in .env (API_SERVER_ENABLED), so the gateway has no HTTP"
              + " endpoint to probe");
    }
    GatewayLiveness liveness = GatewayLiveness.choose(checkout, home, python, unit, unitName);
    found.add("liveness: " + liveness.description());
    notes.put(
        "health",
        List.of(
            "No API server that starts (.env: API_SERVER_ENABLED and an API_SERVER_KEY of 16+"
                + " characters), so no /health to probe.",
            "Healthy = the unit running, and " + liveness.description() + ".",
            "Chosen from the installed code; with the API server on, use http:"
                + " http://127.0.0.1:8642/health."));
    return new TargetDraft.Health(null, liveness.command(), "30s", "3m");
  }

  private String log(Path home) {
    Path log = home.resolve("logs/agent.log");
    if (Files.isRegularFile(log)) {
      found.add("agent log: " + log);
    } else {
      missing.add("no " + log + " yet: written anyway, Hermes creates it when it runs");
    }
    notes.put(
        "monitor",
        List.of(
            "The error rate is read from Hermes's agent.log (API call lines); the heartbeat's",
            "ping URL is a secret, so it comes from the environment."));
    return log.toString();
  }

  private String provider(Path home) {
    Path config = home.resolve("config.yaml");
    String provider = configuredProvider(config);
    if (provider == null) {
      missing.add("no model.provider in " + config + ": no provider status page");
      return null;
    }
    Optional<String> page = ProviderStatusPages.of(provider);
    if (page.isEmpty()) {
      missing.add(
          "no status page known for provider " + provider + ": add provider.status: yourself");
      return null;
    }
    found.add("provider: " + provider + ", status page " + page.get());
    notes.put(
        "provider",
        List.of(
            "model.provider in config.yaml is " + provider + ": during its outage recovery waits",
            "for it instead of rolling back."));
    return page.get();
  }

  /** {@code model.provider} of config.yaml; nothing else of the file is kept. */
  private static String configuredProvider(Path config) {
    if (!Files.isRegularFile(config)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(config)) {
      Object root = new Yaml().load(in);
      if (root instanceof Map<?, ?> map && map.get("model") instanceof Map<?, ?> model) {
        Object provider = model.get("provider");
        if (provider instanceof String p && !p.isBlank() && !p.strip().equals("auto")) {
          return p.strip();
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}

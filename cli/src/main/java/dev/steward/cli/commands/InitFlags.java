package dev.steward.cli.commands;

import dev.steward.cli.UsageException;
import dev.steward.worker.init.InitReport;
import dev.steward.worker.init.TargetDraft;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** {@code steward init}'s flags for a service that is not Hermes: one draft target, checked. */
final class InitFlags {
  @Option(names = "--name", paramLabel = "NAME", description = "The target's name.")
  String name;

  @Option(names = "--state", paramLabel = "DIR", description = "The service's data directory.")
  Path state;

  @Option(names = "--unit", paramLabel = "UNIT", description = "Its systemd unit.")
  String unit;

  @Option(
      names = "--manager",
      paramLabel = "MANAGER",
      description = "systemd-user (default with --unit) or systemd.")
  String manager;

  @Option(
      names = "--start",
      paramLabel = "COMMAND",
      description = "Without --unit: the command that starts it (words split on spaces).")
  String start;

  @Option(names = "--health-url", paramLabel = "URL", description = "Answers 2xx when healthy.")
  String healthUrl;

  @Option(
      names = "--health-command",
      paramLabel = "COMMAND",
      description = "Exits 0 when healthy (words split on spaces).")
  String healthCommand;

  @Option(
      names = "--update-command",
      paramLabel = "COMMAND",
      description = "Updates the code (words split on spaces); default: git, origin/--git-ref.")
  String updateCommand;

  @Option(names = "--git-ref", paramLabel = "REF", description = "Branch to follow (default main).")
  String gitRef;

  @Option(
      names = "--snapshot-dir",
      paramLabel = "DIR",
      description = "Where snapshots go (default: STATE-snapshots beside the state).")
  Path snapshotDir;

  @Option(
      names = "--provider-status",
      paramLabel = "URL",
      description = "A Statuspage status.json that recovery consults.")
  String providerStatus;

  /** Whether any of these flags was given. */
  boolean given() {
    return firstGiven() != null;
  }

  /** The first flag given, for a message; null when none. */
  String firstGiven() {
    Object[] values = {
      name,
      state,
      unit,
      manager,
      start,
      healthUrl,
      healthCommand,
      updateCommand,
      gitRef,
      snapshotDir,
      providerStatus
    };
    String[] names = {
      "--name",
      "--state",
      "--unit",
      "--manager",
      "--start",
      "--health-url",
      "--health-command",
      "--update-command",
      "--git-ref",
      "--snapshot-dir",
      "--provider-status"
    };
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        return names[i];
      }
    }
    return null;
  }

  /** The target these flags describe; a wrong or missing flag is one line and exit 2. */
  InitReport report(Path checkoutFlag) {
    require(name, "--name NAME (the target's name)");
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw new UsageException(
          "--name " + name + " is not a target name: use lower-case letters, digits, - and _");
    }
    require(checkoutFlag, "--checkout DIR (the git work tree of its code)");
    require(state, "--state DIR (its data directory)");
    Path checkout = checkoutFlag.toAbsolutePath().normalize();
    if (!Files.exists(checkout.resolve(".git"))) {
      throw new UsageException("--checkout " + checkout + " is not a git work tree");
    }
    Path data = state.toAbsolutePath().normalize();
    if (!Files.isDirectory(data)) {
      throw new UsageException("--state " + data + " is not a directory");
    }
    Map<String, List<String>> notes = new LinkedHashMap<>();
    TargetDraft draft =
        new TargetDraft(
            name,
            checkout.toString(),
            data.toString(),
            service(),
            new TargetDraft.Snapshot(snapshots(data).toString(), List.of(), List.of()),
            update(notes),
            health(),
            null,
            providerStatus == null ? null : url("--provider-status", providerStatus),
            notes);
    notes.put("snapshot", List.of("Steward's built-in archive of the state directory."));
    List<String> missing = new ArrayList<>();
    if (providerStatus == null) {
      missing.add("no --provider-status: recovery does not consult a status page");
    }
    return new InitReport(draft, List.of(), missing);
  }

  private TargetDraft.Service service() {
    if (unit != null && start != null) {
      throw new UsageException("--unit and --start exclude each other: systemd starts a unit");
    }
    if (unit != null) {
      String kind = manager == null ? "systemd-user" : manager;
      if (!kind.equals("systemd") && !kind.equals("systemd-user")) {
        throw new UsageException("--manager " + kind + " is not systemd or systemd-user");
      }
      if (unit.isBlank() || unit.contains("/") || unit.chars().anyMatch(Character::isWhitespace)) {
        throw new UsageException("--unit " + unit + " is not a unit name (e.g. demo.service)");
      }
      return new TargetDraft.Service(kind, unit, List.of());
    }
    if (manager != null) {
      throw new UsageException("--manager needs --unit");
    }
    require(start, "--unit UNIT, or --start COMMAND (how the service runs)");
    return new TargetDraft.Service("process", null, words("--start", start));
  }

  private TargetDraft.Update update(Map<String, List<String>> notes) {
    if (updateCommand != null) {
      if (gitRef != null) {
        throw new UsageException("--update-command and --git-ref exclude each other");
      }
      notes.put("update", List.of("Run once per update; health decides whether it stays."));
      return new TargetDraft.Update(null, words("--update-command", updateCommand), List.of());
    }
    String ref = gitRef == null ? "main" : gitRef;
    if (ref.isBlank() || ref.startsWith("-") || ref.chars().anyMatch(Character::isWhitespace)) {
      throw new UsageException("--git-ref " + ref + " is not a branch name");
    }
    notes.put(
        "update", List.of("git fetch origin, then the work tree moves to origin/" + ref + "."));
    return new TargetDraft.Update(ref, List.of(), List.of());
  }

  private TargetDraft.Health health() {
    if (healthUrl == null && healthCommand == null) {
      throw new UsageException(
          "missing --health-url URL or --health-command COMMAND: how Steward tells it is healthy");
    }
    return new TargetDraft.Health(
        healthUrl == null ? null : url("--health-url", healthUrl),
        healthCommand == null ? List.of() : words("--health-command", healthCommand),
        "10s",
        "2m");
  }

  private Path snapshots(Path data) {
    if (snapshotDir != null) {
      return snapshotDir.toAbsolutePath().normalize();
    }
    return data.resolveSibling(data.getFileName() + "-snapshots");
  }

  private static String url(String flag, String text) {
    Optional<URI> uri = parse(text);
    if (uri.isEmpty()
        || uri.get().getHost() == null
        || !Stream.of("http", "https").anyMatch(s -> s.equals(uri.get().getScheme()))) {
      throw new UsageException(
          flag + " " + text + " is not an http URL (e.g. http://127.0.0.1:8080/health)");
    }
    return text;
  }

  private static Optional<URI> parse(String text) {
    try {
      return Optional.of(new URI(text));
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static List<String> words(String flag, String command) {
    List<String> argv =
        Arrays.stream(command.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    if (argv.isEmpty()) {
      throw new UsageException(flag + " is empty: give the command, e.g. ./healthcheck.sh");
    }
    return argv;
  }

  private static void require(Object value, String what) {
    if (value == null) {
      throw new UsageException("missing " + what);
    }
  }
}

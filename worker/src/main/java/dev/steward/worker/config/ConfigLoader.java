package dev.steward.worker.config;

import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads steward.yaml into a {@link StewardConfig}. It walks SnakeYAML's node tree by hand rather
 * than binding it, so every problem is reported with its line and dotted key as one line: {@code
 * steward.yaml:14: targets.demo.disk.minFree: "5 gigs" is not a size (try 5GiB)}.
 *
 * <p>Relative paths in the file resolve against the file's own directory. Secrets ({@code
 * env:NAME}, {@code file:PATH}) are kept as written; activities resolve them at use.
 */
public final class ConfigLoader {
  /** Names that end up in task queues and workflow ids: no spaces, no slashes. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Map<String, String> env;
  private final Supplier<String> hostname;

  /**
   * @param env the environment: Temporal's TEMPORAL_* variables and HOME are read from it
   * @param hostname this machine's name, used when the file has no {@code host:}
   */
  public ConfigLoader(Map<String, String> env, Supplier<String> hostname) {
    this.env = Map.copyOf(env);
    this.hostname = hostname;
  }

  /** A loader that reads this process's environment and this machine's host name. */
  public static ConfigLoader forThisMachine() {
    return new ConfigLoader(System.getenv(), Hostname::ofThisMachine);
  }

  /**
   * Reads and checks {@code file}; messages name it as given.
   *
   * @throws ConfigException with a one-line message on any problem
   */
  public StewardConfig load(Path file) {
    String shown = file.toString();
    ConfigNode root = ConfigNode.root(shown, compose(file, shown));
    ConfigMap top =
        root.map("targets: {...}")
            .allowOnly("temporal", "host", "targets", "fleets", "metrics", "logs");
    Path source = file.toAbsolutePath().normalize();
    ConfigPaths paths = new ConfigPaths(source.getParent(), env.get("HOME"));
    TemporalSettings temporal = TemporalSection.read(top.get("temporal"), env, paths);
    String host = host(top.get("host"));
    Observability observability =
        ObservabilitySection.read(top.get("metrics"), top.get("logs"), paths);
    Map<String, TargetPlan> targets = targets(top.get("targets"), host, paths);
    FleetSection.Fleets fleets = new FleetSection(host, targets.keySet()).read(top.get("fleets"));
    return new StewardConfig(
        temporal,
        host,
        targets,
        source,
        observability,
        schedules(top.get("targets")),
        monitored(top.get("targets")),
        fleets.plans(),
        fleets.schedules());
  }

  private static Node compose(Path file, String shown) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(shown + ": is a directory (pass the config file itself)");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Node root = new Yaml().compose(reader);
      if (root == null) {
        throw new ConfigException(shown + ":1: the file is empty (add a targets: section)");
      }
      return root;
    } catch (NoSuchFileException e) {
      throw new ConfigException(shown + ": not found (create one, or pass -c FILE)");
    } catch (MarkedYAMLException e) {
      throw syntaxError(shown, e);
    } catch (YAMLException e) {
      throw new ConfigException(
          shown + ": cannot read it: " + oneLine(e.getMessage()) + " (save it as UTF-8 text)");
    } catch (IOException e) {
      throw new ConfigException(
          shown + ": cannot read it: " + oneLine(e.toString()) + " (check its permissions)");
    }
  }

  private static ConfigException syntaxError(String shown, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String line = mark == null ? "" : ":" + (mark.getLine() + 1);
    String column = mark == null ? "" : " near column " + (mark.getColumn() + 1);
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    return new ConfigException(
        shown
            + line
            + ": not valid YAML: "
            + oneLine(problem)
            + " (check the indentation and quoting"
            + column
            + ")");
  }

  private static String oneLine(String text) {
    return text == null ? "unknown problem" : text.replaceAll("\\s+", " ").trim();
  }

  private String host(ConfigNode node) {
    String host = node.present() ? node.text("host: vps-1").trim() : hostname.get();
    if (!NAME.matcher(host).matches()) {
      String what =
          node.present()
              ? ConfigNode.quote(host) + " is not a host name"
              : "this machine's name " + ConfigNode.quote(host) + " cannot name a task queue";
      throw node.error(what, "set host: to letters, digits, '.', '_' and '-', e.g. host: vps-1");
    }
    return host;
  }

  /** Each target's update schedule; read after the targets, which checked every name. */
  private static Map<String, UpdateSchedule> schedules(ConfigNode targets) {
    Map<String, UpdateSchedule> schedules = new LinkedHashMap<>();
    targets
        .map("demo: {...}")
        .entries()
        .forEach(
            (name, target) -> {
              UpdateSchedule schedule =
                  ScheduleSection.read(target.map("schedule: {...}").get("schedule"));
              if (schedule != null) {
                schedules.put(name, schedule);
              }
            });
    return schedules;
  }

  /** The targets whose schedule keeps their monitor running, in the file's order. */
  private static Set<String> monitored(ConfigNode targets) {
    Set<String> monitored = new LinkedHashSet<>();
    targets
        .map("demo: {...}")
        .entries()
        .forEach(
            (name, target) -> {
              if (ScheduleSection.monitored(target.map("schedule: {...}").get("schedule"))) {
                monitored.add(name);
              }
            });
    return monitored;
  }

  private static Map<String, TargetPlan> targets(ConfigNode node, String host, ConfigPaths paths) {
    if (!node.present()) {
      throw node.missing("add targets: with at least one service to look after");
    }
    Map<String, ConfigNode> entries = node.map("demo: {checkout: ..., state: ...}").entries();
    if (entries.isEmpty()) {
      throw node.error("names no target", "add at least one target under it");
    }
    Map<String, TargetPlan> plans = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> entry : entries.entrySet()) {
      String name = entry.getKey();
      if (!NAME.matcher(name).matches()) {
        throw entry
            .getValue()
            .keyError(
                ConfigNode.quote(name) + " cannot name a target",
                "use letters, digits, '.', '_' and '-', e.g. my-app");
      }
      plans.put(name, new TargetReader(name, host, paths).read(entry.getValue()));
    }
    return plans;
  }
}

package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command and subcommand, found by walking the command tree (so a new one cannot be
 * forgotten), answers {@code --help} and {@code -h} with its own usage on stdout and exit 0, with
 * its required parameters missing and no configuration file to read.
 */
class HelpOptionsTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> every_command_prints_its_own_usage_for_help_and_h_and_exits_0() {
    return commandPaths().stream()
        .flatMap(path -> Stream.of("--help", "-h").map(flag -> helpTest(path, flag)));
  }

  @TestFactory
  Stream<DynamicTest> every_command_prints_stewards_version_for_capital_v_and_exits_0() {
    return commandPaths().stream()
        .filter(path -> !path.equals(List.of("help")))
        .map(
            path ->
                DynamicTest.dynamicTest(
                    String.join(" ", args(path, "-V")),
                    () -> {
                      CliRun run = CliRun.of(args(path, "-V"));
                      assertEquals(0, run.exitCode(), run.toString());
                      assertTrue(run.out().startsWith("steward "), run.toString());
                    }));
  }

  private DynamicTest helpTest(List<String> path, String flag) {
    String command = String.join(" ", path);
    return DynamicTest.dynamicTest(
        ("steward " + command).strip() + " " + flag,
        () -> {
          String absent = tmp.resolve("absent.yaml").toString();
          List<String> args = new ArrayList<>(List.of("-c", absent));
          args.addAll(List.of(args(path, flag)));

          CliRun run = CliRun.of(args.toArray(String[]::new));

          assertEquals(0, run.exitCode(), run.toString());
          assertEquals("", run.err(), run.toString());
          String usage = ("Usage: steward " + command).strip();
          assertTrue(
              run.out().lines().anyMatch(l -> l.equals(usage) || l.startsWith(usage + " ")),
              run.toString());
        });
  }

  private static String[] args(List<String> path, String flag) {
    List<String> args = new ArrayList<>(path);
    args.add(flag);
    return args.toArray(String[]::new);
  }

  /** {@code steward} itself ([]) and each subcommand's path below it, e.g. [schedule, apply]. */
  private static List<List<String>> commandPaths() {
    Set<List<String>> paths = new LinkedHashSet<>();
    paths.add(List.of());
    collect(Steward.commandLine(), List.of(), paths);
    assertTrue(paths.contains(List.of("schedule", "apply")), paths.toString());
    assertTrue(paths.contains(List.of("snapshots")), paths.toString());
    assertTrue(paths.contains(List.of("restore")), paths.toString());
    return new ArrayList<>(paths);
  }

  private static void collect(CommandLine parent, List<String> path, Set<List<String>> paths) {
    for (CommandLine sub : new LinkedHashSet<>(parent.getSubcommands().values())) {
      List<String> subPath = new ArrayList<>(path);
      subPath.add(sub.getCommandName());
      paths.add(List.copyOf(subPath));
      collect(sub, subPath, paths);
    }
  }
}

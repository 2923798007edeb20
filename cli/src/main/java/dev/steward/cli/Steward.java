package dev.steward.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.steward.cli.commands.ApprovalCommands;
import dev.steward.cli.commands.ConfigCommand;
import dev.steward.cli.commands.DemoCommand;
import dev.steward.cli.commands.DoctorCommand;
import dev.steward.cli.commands.FollowCommand;
import dev.steward.cli.commands.HistoryCommand;
import dev.steward.cli.commands.HoldCommand;
import dev.steward.cli.commands.InitCommand;
import dev.steward.cli.commands.InstallCommand;
import dev.steward.cli.commands.MonitorCommand;
import dev.steward.cli.commands.RecoverCommand;
import dev.steward.cli.commands.ReleaseCommand;
import dev.steward.cli.commands.RestoreCommand;
import dev.steward.cli.commands.RolloutCommand;
import dev.steward.cli.commands.ScheduleCommand;
import dev.steward.cli.commands.ServerCommand;
import dev.steward.cli.commands.SetupCommand;
import dev.steward.cli.commands.SnapshotsCommand;
import dev.steward.cli.commands.StatusCommand;
import dev.steward.cli.commands.UninstallCommand;
import dev.steward.cli.commands.UpdateCommand;
import dev.steward.cli.commands.WorkerCommand;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.ConfigLocator;
import dev.steward.worker.config.StewardConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code steward} command. Its attributes are inherited ({@code scope = INHERIT}): every
 * subcommand, at any depth, answers {@code -h}/{@code --help} with its own usage and {@code
 * -V}/{@code --version} with Steward's version, and its help ends with the exit codes. The
 * subcommands are {@link #COMMANDS}, added in code so that a run builds only the one it runs.
 */
@Command(
    name = "steward",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Durable update and recovery pipelines for long-lived Linux services, on Temporal.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:updated and healthy, or already at the wanted revision; recover, restore: healthy at the end",
      "1:anything else (a failure that changed nothing, a busy target, an unknown snapshot)",
      "2:usage or configuration error",
      "3:failed and rolled back: healthy on the previous revision",
      "4:failed and NOT healthy after rollback; recover, restore: NOT healthy at the end",
      "5:Temporal unreachable",
      "6:the target is on hold (steward release TARGET)",
      "7:findings: doctor found problems, or monitor --once a metric beyond its threshold"
    })
public final class Steward {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Configuration file (default: $STEWARD_CONFIG, else ./steward.yaml).")
  Path configFile;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log what happens inside, and show stack traces on errors.")
  void setVerbose(boolean verbose) {
    this.verbose = verbose;
    if (verbose) {
      for (String name : new String[] {Logger.ROOT_LOGGER_NAME, "io.temporal", "io.grpc"}) {
        ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
      }
    }
  }

  boolean verbose;

  @Spec CommandSpec spec;

  /** Steward's commands, in the order help lists them. */
  static final List<Class<?>> COMMANDS =
      List.of(
          UpdateCommand.class,
          RecoverCommand.class,
          SnapshotsCommand.class,
          RestoreCommand.class,
          HoldCommand.class,
          ReleaseCommand.class,
          MonitorCommand.class,
          WorkerCommand.class,
          ServerCommand.class,
          FollowCommand.class,
          DemoCommand.class,
          ConfigCommand.class,
          ScheduleCommand.class,
          StatusCommand.class,
          ApprovalCommands.Approve.class,
          ApprovalCommands.Reject.class,
          RolloutCommand.class,
          InstallCommand.class,
          UninstallCommand.class,
          SetupCommand.class,
          HistoryCommand.class,
          DoctorCommand.class,
          InitCommand.class,
          CommandLine.HelpCommand.class);

  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /**
   * The command line with all commands and Steward's error handling: exit codes from {@link
   * ExitCodes#MAPPER}, error messages printed by {@link ErrorHandler}.
   */
  static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  /**
   * The command line {@code main} runs {@code args} with: only the command they name, when they
   * name one. picocli builds each command's model by reflection before anything runs, a good part
   * of a short command's start (docs/benchmarks.md); help, and arguments that name no command, get
   * them all.
   */
  static CommandLine commandLine(String[] args) {
    String name = commandName(args);
    List<String> given = Arrays.asList(args);
    if (name == null && (given.contains("-V") || given.contains("--version"))) {
      return commandLine(List.of()); // steward --version needs no command
    }
    for (Class<?> command : COMMANDS) {
      Command annotation = command.getAnnotation(Command.class);
      boolean named =
          annotation.name().equals(name) || Arrays.asList(annotation.aliases()).contains(name);
      if (named && command != CommandLine.HelpCommand.class) {
        return commandLine(List.of(command));
      }
    }
    return commandLine(COMMANDS);
  }

  /** The first argument that is not one of the top-level options (or -c's file), or null. */
  private static String commandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("-c") || args[i].equals("--config")) {
        i++;
      } else if (!args[i].startsWith("-")) {
        return args[i];
      }
    }
    return null;
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    Steward steward = new Steward();
    CommandLine commandLine = new CommandLine(steward);
    // Added before the settings below, which apply to the subcommands there are when set.
    commands.forEach(commandLine::addSubcommand);
    return commandLine
        .setExitCodeExceptionMapper(ExitCodes.MAPPER)
        .setExecutionExceptionHandler(new ErrorHandler(steward))
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Where output for people and scripts goes. */
  public PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Where warnings go. */
  public PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** The file {@code -c} names, or null. */
  public Path configFile() {
    return configFile;
  }

  /** Where the configuration is: {@code -c FILE}, else {@code $STEWARD_CONFIG}, else ./. */
  Path configPath() {
    return ConfigLocator.forThisProcess().locate(configFile == null ? null : configFile.toString());
  }

  /** Reads and checks the configuration; a bad one is a one-line error and exit code 2. */
  public StewardConfig loadConfig() {
    return ConfigLoader.forThisMachine().load(configPath());
  }
}

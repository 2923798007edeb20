package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.config.ConfigException;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.init.HermesProbe;
import dev.steward.worker.init.InitReport;
import dev.steward.worker.init.StewardYaml;
import dev.steward.worker.systemd.Systemd;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward init}: writes a complete, commented steward.yaml for one service — read from a
 * Hermes Agent install with {@code --hermes}, else from flags — that {@code config check} accepts
 * as written. The file is checked before it takes its place, and an existing one is kept unless
 * {@code --force}.
 */
@Command(
    name = "init",
    description = {
      "Write a steward.yaml (to ./steward.yaml, or the file -c names) for one service:",
      "--hermes reads a Hermes Agent install ($HERMES_HOME, else ~/.hermes) and prints",
      "what it found and what it could not; without it, the flags describe the service.",
      "Exit 2 when the file exists (use --force), a flag is wrong or the install is not",
      "found; nothing is written then."
    })
public final class InitCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Option(names = "--hermes", description = "Read a Hermes Agent install.")
  boolean hermes;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "The Hermes home (default: $HERMES_HOME, else ~/.hermes).")
  Path home;

  @Option(
      names = "--checkout",
      paramLabel = "DIR",
      description = "The code's git checkout (Hermes default: HOME/hermes-agent).")
  Path checkout;

  @Option(names = "--force", description = "Replace an existing file.")
  boolean force;

  @Mixin InitFlags flags;

  @Override
  public Integer call() {
    if (!hermes && home != null) {
      throw new UsageException("--home goes with --hermes: steward init --hermes --home DIR");
    }
    Path file = target();
    if (Files.exists(file) && !force) {
      throw new UsageException(file + " exists: pass --force to replace it");
    }
    InitReport report = hermes ? hermesReport() : flags.report(checkout);
    String header =
        hermes
            ? "Written by steward init --hermes from what it found on this host.\n"
                + "Nothing here was copied from .env: secrets stay there."
            : "Written by steward init from its flags.";
    String text = StewardYaml.render(report.draft(), header, ZoneId.systemDefault().getId());
    write(file, text);
    PrintWriter out = steward.out();
    report.found().forEach(line -> out.println("found: " + line));
    report.missing().forEach(line -> out.println("not found: " + line));
    out.println("wrote " + file + " (steward -c " + file + " config check)");
    out.flush();
    return ExitCodes.OK;
  }

  private InitReport hermesReport() {
    if (flags.given()) {
      throw new UsageException(
          "--hermes reads the service from the install: drop " + flags.firstGiven());
    }
    Path defaultRoot = Path.of(System.getProperty("user.home"), ".hermes");
    String fromEnv = System.getenv("HERMES_HOME");
    Path dir =
        home != null
            ? home
            : fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : defaultRoot;
    Path absolute = dir.toAbsolutePath().normalize();
    Path code = checkout == null ? null : checkout.toAbsolutePath().normalize();
    return new HermesProbe(new Systemd(), defaultRoot).probe(absolute, code);
  }

  private Path target() {
    Path file = steward.configFile() != null ? steward.configFile() : Path.of("steward.yaml");
    return file.toAbsolutePath().normalize();
  }

  /**
   * Writes the file beside its place, checks it as {@code config check} would, then moves it there:
   * a file that would not pass is never left behind.
   */
  private void write(Path file, String text) {
    Path dir = file.getParent();
    Path draft = dir.resolve("." + file.getFileName() + ".init.tmp");
    try {
      Files.createDirectories(dir);
      try {
        Files.writeString(draft, text);
        ConfigLoader.forThisMachine().load(draft);
        Files.move(
            draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (ConfigException e) {
        throw new UsageException(
            "the file init drafted does not pass config check, so nothing was written: "
                + e.getMessage());
      } finally {
        Files.deleteIfExists(draft);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

package dev.steward.worker.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command that makes a Hermes venv match the code in its checkout: {@code pip install} of the
 * checkout with its dependencies, editable ({@code -e}) when the venv has it installed so. Run as
 * the update's {@code then}, it is what a rollback re-runs after resetting the code, so the venv is
 * not left as the failed update made it (the guide's rollback left it so).
 */
final class VenvReinstall {
  private VenvReinstall() {}

  /** The command, or empty when the venv has no pip to run it with. */
  static Optional<List<String>> command(Path venv, Path checkout) {
    Path python = venv.resolve("bin/python3");
    List<Path> sitePackages = sitePackages(venv);
    boolean hasPip = sitePackages.stream().anyMatch(dir -> Files.isDirectory(dir.resolve("pip")));
    if (!Files.isExecutable(python) || !hasPip) {
      return Optional.empty();
    }
    List<String> argv = new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "-q"));
    if (sitePackages.stream().anyMatch(VenvReinstall::hasEditableHermes)) {
      argv.add("-e");
    }
    argv.add(checkout.toString());
    return Optional.of(argv);
  }

  private static List<Path> sitePackages(Path venv) {
    try (Stream<Path> libs = Files.list(venv.resolve("lib"))) {
      return libs.map(lib -> lib.resolve("site-packages")).filter(Files::isDirectory).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean hasEditableHermes(Path sitePackages) {
    try (Stream<Path> entries = Files.list(sitePackages)) {
      return entries.anyMatch(
          entry -> {
            String name = entry.getFileName().toString();
            if (name.startsWith("__editable__") && name.contains("hermes")) {
              return true;
            }
            Path directUrl = entry.resolve("direct_url.json");
            return name.startsWith("hermes_agent")
                && name.endsWith(".dist-info")
                && editable(directUrl);
          });
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean editable(Path directUrl) {
    try {
      return Files.isRegularFile(directUrl)
          && Files.readString(directUrl).replace(" ", "").contains("\"editable\":true");
    } catch (IOException e) {
      return false;
    }
  }
}

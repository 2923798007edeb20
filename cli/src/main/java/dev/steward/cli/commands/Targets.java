package dev.steward.cli.commands;

import dev.steward.cli.UsageException;
import dev.steward.worker.config.StewardConfig;

/** Checks a target name given on the command line against the configuration. */
final class Targets {
  private Targets() {}

  static void require(StewardConfig config, String target) {
    if (!config.targets().containsKey(target)) {
      throw new UsageException(
          "no target \""
              + target
              + "\" in "
              + config.source()
              + " (known: "
              + String.join(", ", config.targets().keySet())
              + ")");
    }
  }
}

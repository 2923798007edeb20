package dev.steward.worker.config;

/**
 * A configuration that cannot be used. The message is one line for people, shaped {@code
 * <file>:<line>: <dotted.key>: <what is wrong> (<how to fix>)}, for example {@code steward.yaml:14:
 * targets.demo.disk.minFree: "5 gigs" is not a size (try 5GiB)}.
 */
public final class ConfigException extends RuntimeException {

  /** Wraps a message that is already one line in the shape above. */
  public ConfigException(String message) {
    super(message);
  }

  /** Builds the message from its parts. */
  public static ConfigException at(String file, int line, String key, String what, String fix) {
    return new ConfigException(file + ":" + line + ": " + key + ": " + what + " (" + fix + ")");
  }
}

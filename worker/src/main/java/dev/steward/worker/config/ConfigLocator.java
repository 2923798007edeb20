package dev.steward.worker.config;

import java.nio.file.Path;
import java.util.Map;

/** Finds steward.yaml: {@code -c FILE}, else {@code $STEWARD_CONFIG}, else ./steward.yaml. */
public final class ConfigLocator {
  /** The file name looked for in the working directory. */
  public static final String DEFAULT_NAME = "steward.yaml";

  private final Map<String, String> env;
  private final Path cwd;

  /**
   * @param env the environment, for {@code STEWARD_CONFIG}
   * @param cwd the directory relative paths start from; {@code Path.of("")} keeps them relative
   */
  public ConfigLocator(Map<String, String> env, Path cwd) {
    this.env = Map.copyOf(env);
    this.cwd = cwd;
  }

  /** A locator for this process: its environment and working directory. */
  public static ConfigLocator forThisProcess() {
    return new ConfigLocator(System.getenv(), Path.of(""));
  }

  /**
   * The config file to read. It need not exist; the loader says so when it does not.
   *
   * @param explicit the {@code -c FILE} option, or null when not given
   */
  public Path locate(String explicit) {
    if (explicit != null && !explicit.isBlank()) {
      return cwd.resolve(explicit);
    }
    String fromEnv = env.get("STEWARD_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return cwd.resolve(fromEnv);
    }
    return cwd.resolve(DEFAULT_NAME);
  }
}

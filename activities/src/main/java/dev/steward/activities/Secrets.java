package dev.steward.activities;

import dev.steward.workflows.host.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves secret references from the config at the moment of use, inside an activity: {@code
 * env:NAME} reads an environment variable, {@code file:PATH} a file's first line; anything else is
 * a plain value. The resolved value is never logged nor returned to a workflow: messages for people
 * name the reference, never what it resolved to.
 */
public final class Secrets {
  private final Map<String, String> env;

  public Secrets(Map<String, String> env) {
    this.env = env;
  }

  /** Secrets from this process's environment. */
  public static Secrets fromEnvironment() {
    return new Secrets(System.getenv());
  }

  /**
   * The value a reference stands for.
   *
   * @throws ApplicationFailure of type {@link FailureTypes#CONFIG_INVALID} naming the reference
   *     (never a value) when the variable is unset or the file unreadable
   */
  public String resolve(String reference) {
    if (reference.startsWith("env:")) {
      String value = env.get(reference.substring(4));
      if (value == null || value.isEmpty()) {
        throw missing(reference, "the environment variable is not set");
      }
      return value;
    }
    if (reference.startsWith("file:")) {
      try {
        return Files.readAllLines(Path.of(reference.substring(5))).stream()
            .findFirst()
            .map(String::strip)
            .orElseThrow(() -> missing(reference, "the file is empty"));
      } catch (IOException e) {
        throw missing(reference, "the file cannot be read");
      }
    }
    return reference;
  }

  private static ApplicationFailure missing(String reference, String why) {
    return ApplicationFailure.newNonRetryableFailure(
        "secret " + reference + ": " + why, FailureTypes.CONFIG_INVALID);
  }
}

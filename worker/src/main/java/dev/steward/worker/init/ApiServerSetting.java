package dev.steward.worker.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Whether Hermes's API server platform is on, from its {@code .env}. Only two keys are read, {@code
 * API_SERVER_ENABLED} and {@code API_SERVER_PORT}: the file holds the operator's API keys and
 * tokens, and no other line of it is kept, printed or written anywhere.
 *
 * @param enabled whether {@code API_SERVER_ENABLED} is a truthy value (as Hermes reads it)
 * @param port the port it listens on: {@code API_SERVER_PORT}, else Hermes's default 8642
 * @param portGiven whether {@code API_SERVER_PORT} was set (and a port number)
 */
public record ApiServerSetting(boolean enabled, int port, boolean portGiven) {
  /** The API server's port when {@code API_SERVER_PORT} is not set. */
  public static final int DEFAULT_PORT = 8642;

  // hermes-agent utils.TRUTHY_STRINGS
  private static final Set<String> TRUTHY = Set.of("1", "true", "yes", "on");

  /** Reads {@code envFile}; a missing file means the API server is off. */
  public static ApiServerSetting read(Path envFile) {
    if (!Files.isRegularFile(envFile)) {
      return new ApiServerSetting(false, DEFAULT_PORT, false);
    }
    boolean enabled = false;
    Integer port = null;
    try {
      for (String raw : Files.readAllLines(envFile)) {
        String line = raw.strip();
        if (line.startsWith("export ")) {
          line = line.substring("export ".length()).strip();
        }
        int equals = line.indexOf('=');
        if (line.startsWith("#") || equals < 0) {
          continue;
        }
        String key = line.substring(0, equals).strip();
        if (key.equals("API_SERVER_ENABLED")) {
          enabled = TRUTHY.contains(unquote(line.substring(equals + 1)).toLowerCase(Locale.ROOT));
        } else if (key.equals("API_SERVER_PORT")) {
          port = port(unquote(line.substring(equals + 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + envFile + ": " + e.getMessage(), e);
    }
    return new ApiServerSetting(enabled, port == null ? DEFAULT_PORT : port, port != null);
  }

  private static String unquote(String value) {
    String v = value.strip();
    int hash = v.indexOf(" #");
    if (hash >= 0 && !v.startsWith("\"") && !v.startsWith("'")) {
      v = v.substring(0, hash).strip();
    }
    if (v.length() >= 2
        && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      v = v.substring(1, v.length() - 1);
    }
    return v.strip();
  }

  private static Integer port(String value) {
    if (!value.matches("\\d{1,5}")) {
      return null;
    }
    int port = Integer.parseInt(value);
    return port >= 1 && port <= 65535 ? port : null;
  }
}

package dev.steward.worker.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Whether Hermes's API server platform is on, and will start, from its {@code .env}. Three keys are
 * read: {@code API_SERVER_ENABLED}, {@code API_SERVER_PORT}, and of {@code API_SERVER_KEY} only
 * whether it is long enough — the file holds the operator's API keys and tokens, and no value of
 * them is kept, printed or written anywhere.
 *
 * <p>As Hermes reads it (gateway/config.py, gateway/platforms/api_server.py, 0.18–0.19): the
 * platform is on when {@code API_SERVER_ENABLED} is truthy or {@code API_SERVER_KEY} is set, and
 * the server refuses to start without a key of at least 16 characters, loopback or not.
 *
 * @param enabled whether the platform is on ({@code API_SERVER_ENABLED} truthy, or a key set)
 * @param keyUsable whether {@code API_SERVER_KEY} is set and at least 16 characters long
 * @param port the port it listens on: {@code API_SERVER_PORT}, else Hermes's default 8642
 * @param portGiven whether {@code API_SERVER_PORT} was set (and a port number)
 */
public record ApiServerSetting(boolean enabled, boolean keyUsable, int port, boolean portGiven) {
  /** The API server's port when {@code API_SERVER_PORT} is not set. */
  public static final int DEFAULT_PORT = 8642;

  // hermes-agent utils.TRUTHY_STRINGS
  private static final Set<String> TRUTHY = Set.of("1", "true", "yes", "on");

  /** Hermes's shortest accepted {@code API_SERVER_KEY}. */
  static final int MIN_KEY_LENGTH = 16;

  /** Whether the gateway serves {@code GET /health}: the platform on, with a key it accepts. */
  public boolean starts() {
    return enabled && keyUsable;
  }

  /** Reads {@code envFile}; a missing file means the API server is off. */
  public static ApiServerSetting read(Path envFile) {
    if (!Files.isRegularFile(envFile)) {
      return new ApiServerSetting(false, false, DEFAULT_PORT, false);
    }
    boolean enabled = false;
    int keyLength = 0;
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
        } else if (key.equals("API_SERVER_KEY")) {
          keyLength = unquote(line.substring(equals + 1)).length();
        } else if (key.equals("API_SERVER_PORT")) {
          port = port(unquote(line.substring(equals + 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + envFile + ": " + e.getMessage(), e);
    }
    return new ApiServerSetting(
        enabled || keyLength > 0,
        keyLength >= MIN_KEY_LENGTH,
        port == null ? DEFAULT_PORT : port,
        port != null);
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

package dev.steward.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  private final Secrets secrets = new Secrets(Map.of("HC_URL", "https://hc.example/abc-secret"));

  @Test
  void reads_env_references_from_the_environment() {
    assertEquals("https://hc.example/abc-secret", secrets.resolve("env:HC_URL"));
  }

  @Test
  void reads_the_first_line_of_file_references(@TempDir Path tmp) throws Exception {
    Path token = Files.writeString(tmp.resolve("token"), "s3cr3t\nignored\n");

    assertEquals("s3cr3t", secrets.resolve("file:" + token));
  }

  @Test
  void passes_plain_values_through() {
    assertEquals("http://127.0.0.1:8765/health", secrets.resolve("http://127.0.0.1:8765/health"));
  }

  @Test
  void names_the_reference_but_never_a_value_when_it_cannot_resolve(@TempDir Path tmp) {
    ApplicationFailure unset =
        assertThrows(ApplicationFailure.class, () -> secrets.resolve("env:NOT_SET"));
    ApplicationFailure unreadable =
        assertThrows(
            ApplicationFailure.class, () -> secrets.resolve("file:" + tmp.resolve("absent")));

    assertEquals(
        "secret env:NOT_SET: the environment variable is not set", unset.getOriginalMessage());
    assertEquals(
        "secret file:" + tmp.resolve("absent") + ": the file cannot be read",
        unreadable.getOriginalMessage());
    assertTrue(unset.isNonRetryable() && unreadable.isNonRetryable());
  }
}

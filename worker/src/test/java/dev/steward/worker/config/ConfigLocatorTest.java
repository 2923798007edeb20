package dev.steward.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLocatorTest {
  private final Path cwd = Path.of("/home/op");

  @Test
  void prefers_the_file_given_with_dash_c() {
    var locator = new ConfigLocator(Map.of("STEWARD_CONFIG", "/etc/steward.yaml"), cwd);
    assertEquals(Path.of("/home/op/conf/mine.yaml"), locator.locate("conf/mine.yaml"));
  }

  @Test
  void falls_back_to_steward_config_from_the_environment() {
    var locator = new ConfigLocator(Map.of("STEWARD_CONFIG", "/etc/steward.yaml"), cwd);
    assertEquals(Path.of("/etc/steward.yaml"), locator.locate(null));
  }

  @Test
  void falls_back_to_steward_yaml_in_the_working_directory() {
    assertEquals(Path.of("/home/op/steward.yaml"), new ConfigLocator(Map.of(), cwd).locate(null));
    assertEquals(Path.of("steward.yaml"), new ConfigLocator(Map.of(), Path.of("")).locate(""));
  }
}

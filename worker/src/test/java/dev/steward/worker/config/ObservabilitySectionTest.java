package dev.steward.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code metrics:} and {@code logs:} sections. */
class ObservabilitySectionTest {
  @TempDir Path tmp;
  private ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  @Test
  void reads_the_metrics_port_and_the_log_directory_relative_to_the_file() throws Exception {
    Observability observability =
        fx.load("metrics: {port: 9464}\nlogs: {dir: logs}\n" + ConfigFixture.MINIMAL)
            .observability();

    assertEquals(9464, observability.metricsPort());
    assertEquals(fx.root.resolve("logs"), observability.logDir());
  }

  @Test
  void has_no_metrics_endpoint_unless_asked() throws Exception {
    assertNull(fx.load(ConfigFixture.MINIMAL).observability().metricsPort());
  }

  @Test
  void refuses_a_port_that_is_not_one() throws Exception {
    assertEquals(
        "steward.yaml:1: metrics.port: \"99999\" is not a port (use 1-65535, e.g. port: 9464)",
        fx.error("metrics: {port: 99999}\n" + ConfigFixture.MINIMAL));
    assertEquals(
        "steward.yaml:1: metrics.prot: unknown key (known keys here: port)",
        fx.error("metrics: {prot: 9464}\n" + ConfigFixture.MINIMAL));
  }
}

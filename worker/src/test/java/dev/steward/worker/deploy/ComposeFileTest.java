package dev.steward.worker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.setup.SearchAttributeSetup;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's docker-compose.yml, read with a YAML parser: what an operator relies on when
 * they run {@code docker compose up -d}. CI also runs {@code docker-compose config -q} on it.
 */
class ComposeFileTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static Map<String, Map<String, Object>> services;
  private static Map<String, Object> compose;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readComposeFile() throws IOException {
    try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
      compose = new Yaml().load(reader);
    }
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  void starts_postgres_the_schema_job_the_server_the_setup_job_and_the_ui() {
    assertEquals(
        List.of("postgresql", "temporal-schema", "temporal", "temporal-setup", "temporal-ui"),
        List.copyOf(services.keySet()));
    assertTrue(image("temporal-schema").startsWith("temporalio/admin-tools:"));
    assertTrue(image("temporal").startsWith("temporalio/server:1.30."));
    assertTrue(image("temporal-ui").startsWith("temporalio/ui:2.34."));
    assertEquals("postgres:16", image("postgresql"));
  }

  @Test
  void pins_every_image_to_a_version_and_the_admin_tools_to_the_server() {
    for (String name : services.keySet()) {
      String image = image(name);
      String tag = image.substring(image.indexOf(':') + 1);
      assertTrue(image.contains(":"), name + " has no tag: " + image);
      assertFalse(tag.equals("latest") || tag.contains("$"), name + " is not pinned: " + image);
    }
    String server = image("temporal").split(":")[1];
    assertEquals(server, image("temporal-schema").split(":")[1]);
    assertEquals(server, image("temporal-setup").split(":")[1]);
  }

  @Test
  void publishes_ports_on_loopback_only_and_never_the_database() {
    assertEquals(List.of("${STEWARD_BIND:-127.0.0.1}:7233:7233"), ports("temporal"));
    assertEquals(List.of("${STEWARD_BIND:-127.0.0.1}:8080:8080"), ports("temporal-ui"));
    for (String name : List.of("postgresql", "temporal-schema", "temporal-setup")) {
      assertEquals(List.of(), ports(name), name + " must not publish a port");
    }
  }

  @Test
  void keeps_the_database_in_a_named_volume() {
    assertTrue(((Map<?, ?>) compose.get("volumes")).containsKey("postgres-data"));
    assertEquals(
        List.of("postgres-data:/var/lib/postgresql/data"),
        services.get("postgresql").get("volumes"));
  }

  @Test
  void checks_the_health_of_the_long_running_services_and_starts_each_after_what_it_needs() {
    for (String name : List.of("postgresql", "temporal", "temporal-ui")) {
      assertNotNull(services.get(name).get("healthcheck"), name + " has no health check");
    }
    assertEquals("service_healthy", condition("temporal-schema", "postgresql"));
    assertEquals("service_completed_successfully", condition("temporal", "temporal-schema"));
    assertEquals("service_healthy", condition("temporal-setup", "temporal"));
  }

  @Test
  void the_setup_job_registers_stewards_search_attributes_as_keywords() throws IOException {
    String script = Files.readString(ROOT.resolve("deploy/compose/setup-namespace.sh"));
    assertTrue(
        script.contains("for name in " + String.join(" ", SearchAttributeSetup.names()) + "; do"),
        "the setup job registers exactly the attributes Steward's runs carry");
    assertTrue(script.contains("--type Keyword"));
    assertTrue(Files.isExecutable(ROOT.resolve("deploy/compose/setup-schema.sh")));
    assertTrue(Files.isExecutable(ROOT.resolve("deploy/compose/setup-namespace.sh")));
  }

  private static String image(String service) {
    return (String) services.get(service).get("image");
  }

  @SuppressWarnings("unchecked")
  private static List<String> ports(String service) {
    return (List<String>) services.get(service).getOrDefault("ports", List.of());
  }

  private static String condition(String service, String dependency) {
    Map<?, ?> dependsOn = (Map<?, ?>) services.get(service).get("depends_on");
    return (String) ((Map<?, ?>) dependsOn.get(dependency)).get("condition");
  }
}

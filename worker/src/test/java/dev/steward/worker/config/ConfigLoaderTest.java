package dev.steward.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import dev.steward.workflows.host.TargetPlan.PatchPlan;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import dev.steward.workflows.host.TargetPlan.SnapshotPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid configs resolve to the plans the workflow runs. */
class ConfigLoaderTest {
  @TempDir Path tmp;
  ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  @Test
  void resolves_every_key_of_a_full_config_into_the_target_plan() throws Exception {
    String yaml =
        """
        temporal:
          address: 127.0.0.1:7233
          namespace: ops
        host: vps-1
        targets:
          demo:
            checkout: %1$s/app
            state: %1$s/data
            service:
              manager: process
              start: [java, Server.java, --port, "8765"]
              workdir: %1$s/data
            snapshot:
              dir: %1$s/backups
              keep: 3
              exclude: ["*.tmp", "cache/**"]
            disk:
              minFree: 2GiB
            update:
              git: {remote: upstream, ref: v2}
              then: [[./install.sh], [make, build]]
              timeout: 90s
            patches:
              - name: kwargs-fix
                apply: [python3, /srv/patches/patch3.py]
                verify: {file: path/in/checkout.py, contains: "**kwargs"}
            health:
              http: http://127.0.0.1:8765/health
              command: [./healthcheck.sh]
              stableFor: 5s
              timeout: 1m
        """
            .formatted(fx.root);
    StewardConfig config = fx.load(yaml);

    String root = fx.root.toString();
    TargetPlan expected =
        new TargetPlan(
            "demo",
            "vps-1",
            root + "/app",
            root + "/data",
            new ServicePlan(
                ManagerKind.PROCESS,
                List.of("java", "Server.java", "--port", "8765"),
                root + "/data",
                null),
            new SnapshotPlan(
                root + "/backups", 3, List.of("*.tmp", "cache/**"), List.of(), List.of()),
            2L * 1024 * 1024 * 1024,
            new UpdatePlan(
                "upstream",
                "v2",
                List.of(),
                List.of(List.of("./install.sh"), List.of("make", "build")),
                90),
            List.of(
                new PatchPlan(
                    "kwargs-fix",
                    List.of("python3", "/srv/patches/patch3.py"),
                    "path/in/checkout.py",
                    "**kwargs")),
            new HealthPlan(
                "http://127.0.0.1:8765/health", List.of("./healthcheck.sh"), 5_000, 60_000));
    assertEquals(Map.of("demo", expected), config.targets());
    assertEquals(new TemporalSettings("127.0.0.1:7233", "ops"), config.temporal());
    assertEquals("vps-1", config.host());
    assertEquals(fx.root.resolve("steward.yaml"), config.source());
  }

  @Test
  void fills_in_the_defaults_a_minimal_config_leaves_out() throws Exception {
    StewardConfig config = fx.load(ConfigFixture.MINIMAL);
    TargetPlan plan = config.targets().get("demo");

    assertEquals("test-host", plan.host());
    assertEquals(fx.checkout.toString(), plan.service().workdir());
    assertEquals(7, plan.snapshot().keep());
    assertEquals(List.of(), plan.snapshot().exclude());
    assertFalse(plan.snapshot().usesCommands());
    assertEquals(512L * 1024 * 1024, plan.minFreeBytes());
    assertEquals(15 * 60, plan.update().timeoutSeconds());
    assertEquals(List.of(), plan.update().then());
    assertEquals(List.of(), plan.patches());
    assertEquals(10_000, plan.health().stableForMillis());
    assertEquals(120_000, plan.health().timeoutMillis());
    assertEquals(List.of(), plan.health().command());
    assertTrue(config.temporal().embedded());
    assertEquals("default", config.temporal().namespace());
  }

  @Test
  void resolves_relative_paths_against_the_config_files_directory() throws Exception {
    Path etc = Files.createDirectory(fx.root.resolve("etc"));
    String yaml =
        ConfigFixture.MINIMAL
            .replace("checkout: app", "checkout: ../app")
            .replace("state: data", "state: ./../data")
            .replace("dir: backups", "dir: backups");
    Path file = Files.writeString(etc.resolve("steward.yaml"), yaml);

    TargetPlan plan = fx.loader().load(file).targets().get("demo");

    assertEquals(fx.checkout.toString(), plan.checkout());
    assertEquals(fx.state.toString(), plan.state());
    assertEquals(etc.resolve("backups").toString(), plan.snapshot().dir());
  }

  @Test
  void reads_a_command_update_with_its_export_and_import_and_a_systemd_unit() throws Exception {
    String yaml =
        ConfigFixture.MINIMAL
            .replace("git: {remote: origin, ref: main}", "command: [hermes, update, --yes]")
            .replace(
                "manager: process\n      start: [java, Server.java]",
                "manager: systemd-user\n      unit: hermes-gateway.service")
            .replace(
                "dir: backups",
                "dir: backups\n      export: [hermes, backup, -o, '{file}']\n"
                    + "      import: [hermes, import, --force, '{file}']");

    TargetPlan plan = fx.load(yaml).targets().get("demo");

    assertEquals(
        new ServicePlan(ManagerKind.SYSTEMD_USER, List.of(), null, "hermes-gateway.service"),
        plan.service());
    assertFalse(plan.update().usesGit());
    assertEquals(List.of("hermes", "update", "--yes"), plan.update().command());
    assertTrue(plan.snapshot().usesCommands());
    assertEquals(List.of("hermes", "import", "--force", "{file}"), plan.snapshot().importCommand());
  }

  @Test
  void takes_the_temporal_address_from_the_environment_only_when_the_file_has_none()
      throws Exception {
    fx.env = Map.of("TEMPORAL_ADDRESS", "10.0.0.5:7233", "TEMPORAL_NAMESPACE", "prod");
    assertEquals(
        new TemporalSettings("10.0.0.5:7233", "prod"), fx.load(ConfigFixture.MINIMAL).temporal());

    String yaml = "temporal:\n  address: localhost:7233\n" + ConfigFixture.MINIMAL;
    TemporalSettings fromFile = fx.load(yaml).temporal();
    assertEquals(new TemporalSettings("localhost:7233", "prod"), fromFile);
    assertFalse(fromFile.embedded());
  }

  @Test
  void keeps_targets_in_the_order_the_file_lists_them() throws Exception {
    String second =
        ConfigFixture.MINIMAL.substring("targets:\n".length()).replace("  demo:", "  alpha:");
    StewardConfig config = fx.load(ConfigFixture.MINIMAL + second);
    assertEquals(List.of("demo", "alpha"), List.copyOf(config.targets().keySet()));
  }
}

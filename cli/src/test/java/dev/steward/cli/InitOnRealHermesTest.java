package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.TestPorts;
import dev.steward.worker.hermes.HermesInstall;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward init --hermes} on the real Hermes Agent install of the Hermes tier ({@code
 * scripts/hermes-fixture}: two published releases as two commits, a venv with the real package and
 * its dependencies, a home with config.yaml, .env and state.db), then {@code config check} on what
 * it wrote, with no edits. Skipped with the reason when the install cannot be built; a failure
 * under {@code STEWARD_REQUIRE_HERMES=1}.
 */
class InitOnRealHermesTest {
  @TempDir Path tmp;

  @Test
  void init_reads_the_real_install_and_config_check_passes_on_what_it_wrote() throws Exception {
    HermesInstall install = HermesInstall.prepare(TestPorts.next());
    Path file = tmp.resolve("steward.yaml");

    CliRun init = CliRun.of("-c", file.toString(), "init", "--hermes", "--home=" + install.home);

    assertEquals(0, init.exitCode(), init.toString());
    String yaml = Files.readString(file);
    CliRun check = CliRun.withConfig(file, "config", "check");
    assertEquals(0, check.exitCode(), check + "\n--- file ---\n" + yaml);
    assertTrue(
        init.out().contains("found: version: ") && init.out().contains(install.oldVersion),
        init.out());
    assertTrue(init.out().contains("found: API server: enabled in .env"), init.out());
    assertTrue(yaml.contains("\"backup\", \"-o\", \"{file}\"]"), yaml);
    assertTrue(yaml.contains("\"import\", \"--force\", \"{file}\"]"), yaml);
    assertTrue(yaml.contains("/health\""), yaml);
    assertFalse(yaml.contains(HermesInstall.SECRET), "the provider key is in the file");
    assertFalse(init.out().contains(HermesInstall.SECRET), "the provider key is in the output");
  }
}

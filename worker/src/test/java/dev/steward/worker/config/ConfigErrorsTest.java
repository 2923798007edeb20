package dev.steward.worker.config;

import static dev.steward.worker.config.ConfigFixture.MINIMAL;
import static dev.steward.worker.config.ConfigFixture.minimalWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad steward.yaml gives one line: file, line, key, what is wrong, how to fix it. */
class ConfigErrorsTest {
  @TempDir Path tmp;
  ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  @Test
  void names_the_missing_file_and_how_to_provide_one() {
    Path missing = Path.of("steward.yaml");
    var error = assertThrows(ConfigException.class, () -> fx.loader().load(missing));
    assertEquals("steward.yaml: not found (create one, or pass -c FILE)", error.getMessage());
  }

  @Test
  void points_at_the_line_of_a_yaml_syntax_error() throws Exception {
    String yaml = minimalWith("      dir: backups\n", "      dir: backups\n     keep: 7\n");
    assertEquals(
        "steward.yaml:10: not valid YAML: expected <block end>, but found '<block mapping start>'"
            + " (check the indentation and quoting near column 6)",
        fx.error(yaml));
  }

  @Test
  void suggests_the_closest_key_for_a_misspelt_one() throws Exception {
    String yaml = minimalWith("    health:\n", "    helth:\n");
    assertEquals(
        "steward.yaml:12: targets.demo.helth: unknown key (did you mean health?)", fx.error(yaml));
  }

  @Test
  void lists_the_known_keys_for_an_unknown_key_with_no_close_match() throws Exception {
    String yaml = minimalWith("      dir: backups\n", "      dir: backups\n      colour: blue\n");
    assertEquals(
        "steward.yaml:10: targets.demo.snapshot.colour: unknown key"
            + " (known keys here: dir, keep, exclude, export, import)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_string_where_a_command_list_belongs() throws Exception {
    String yaml = minimalWith("[java, Server.java]", "java Server.java --port 8765");
    assertEquals(
        "steward.yaml:7: targets.demo.service.start: \"java Server.java --port 8765\" is not a list"
            + " (write it as a list: [java, Server.java, --port, 8765])",
        fx.error(yaml));
  }

  @Test
  void refuses_a_value_where_a_mapping_belongs() throws Exception {
    String yaml = MINIMAL + "    disk: 5GiB\n";
    assertEquals(
        "steward.yaml:14: targets.demo.disk: \"5GiB\" is not a mapping"
            + " (write its keys indented under it, e.g. minFree: 512MiB)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_size_without_a_known_unit() throws Exception {
    String yaml = MINIMAL + "    disk:\n      minFree: 5 gigs\n";
    assertEquals(
        "steward.yaml:15: targets.demo.disk.minFree: \"5 gigs\" is not a size (try 5GiB)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_duration_without_a_known_unit() throws Exception {
    String yaml = MINIMAL + "      stableFor: 10 secs\n";
    assertEquals(
        "steward.yaml:14: targets.demo.health.stableFor: \"10 secs\" is not a duration (try 10s)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_target_without_a_checkout() throws Exception {
    String yaml = minimalWith("    checkout: app\n", "");
    assertEquals(
        "steward.yaml:2: targets.demo.checkout: missing"
            + " (set it, e.g. checkout: /srv/demo/app)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_state_directory_that_does_not_exist() throws Exception {
    String yaml = minimalWith("    state: data\n", "    state: nowhere\n");
    Path nowhere = fx.root.resolve("nowhere");
    assertEquals(
        "steward.yaml:4: targets.demo.state: "
            + nowhere
            + " does not exist (create it: mkdir -p "
            + nowhere
            + ")",
        fx.error(yaml));
  }

  @Test
  void refuses_a_checkout_that_is_not_a_git_work_tree() throws Exception {
    String yaml = minimalWith("    checkout: app\n", "    checkout: data\n");
    assertEquals(
        "steward.yaml:3: targets.demo.checkout: "
            + fx.state
            + " is not a git work tree"
            + " (run git init or git clone there, or point it at the service's work tree)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_snapshot_directory_whose_parent_does_not_exist() throws Exception {
    String yaml = minimalWith("      dir: backups\n", "      dir: gone/backups\n");
    Path gone = fx.root.resolve("gone");
    assertEquals(
        "steward.yaml:9: targets.demo.snapshot.dir: "
            + gone.resolve("backups")
            + " cannot be created: its parent "
            + gone
            + " does not exist (create "
            + gone
            + ", or pick another directory)",
        fx.error(yaml));
  }

  @Test
  void refuses_an_update_with_both_git_and_command() throws Exception {
    String yaml =
        minimalWith(
            "      git: {remote: origin, ref: main}\n",
            "      git: {remote: origin, ref: main}\n      command: [hermes, update]\n");
    assertEquals(
        "steward.yaml:12: targets.demo.update.command: is set together with git"
            + " (keep one of git or command)",
        fx.error(yaml));
  }

  @Test
  void refuses_an_update_with_neither_git_nor_command() throws Exception {
    String yaml = minimalWith("      git: {remote: origin, ref: main}\n", "      timeout: 5m\n");
    assertEquals(
        "steward.yaml:10: targets.demo.update: has neither git nor command"
            + " (add git: {remote: origin, ref: main}, or command: [...] that updates the code)",
        fx.error(yaml));
  }

  @Test
  void refuses_an_export_command_without_an_import_command() throws Exception {
    String yaml =
        minimalWith(
            "      dir: backups\n",
            "      dir: backups\n      export: [hermes, backup, -o, '{file}']\n");
    assertEquals(
        "steward.yaml:10: targets.demo.snapshot.export: is set without import"
            + " (add import: the command that restores a snapshot from {file})",
        fx.error(yaml));
  }

  @Test
  void refuses_an_import_command_without_an_export_command() throws Exception {
    String yaml =
        minimalWith(
            "      dir: backups\n",
            "      dir: backups\n      import: [hermes, import, '{file}']\n");
    assertEquals(
        "steward.yaml:10: targets.demo.snapshot.import: is set without export"
            + " (add export: the command that writes a snapshot to {file}, or remove import)",
        fx.error(yaml));
  }

  @Test
  void refuses_an_unknown_service_manager() throws Exception {
    String yaml = minimalWith("manager: process", "manager: upstart");
    assertEquals(
        "steward.yaml:6: targets.demo.service.manager: \"upstart\" is not a service manager"
            + " (use process, systemd or systemd-user)",
        fx.error(yaml));
  }

  @Test
  void refuses_the_process_manager_without_a_start_command() throws Exception {
    String yaml = minimalWith("      start: [java, Server.java]\n", "");
    assertEquals(
        "steward.yaml:5: targets.demo.service.start: missing (the process manager needs the"
            + " command that starts the service, e.g. start: [java, Server.java])",
        fx.error(yaml));
  }

  @Test
  void refuses_a_systemd_manager_without_a_unit() throws Exception {
    String yaml =
        minimalWith(
            "      manager: process\n      start: [java, Server.java]\n",
            "      manager: systemd-user\n");
    assertEquals(
        "steward.yaml:5: targets.demo.service.unit: missing"
            + " (name the unit systemd-user runs, e.g. unit: demo.service)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_start_command_under_a_systemd_manager() throws Exception {
    String yaml = minimalWith("manager: process", "manager: systemd");
    assertEquals(
        "steward.yaml:7: targets.demo.service.start: is only for manager: process"
            + " (remove it: systemd starts the unit)",
        fx.error(yaml));
  }

  @Test
  void refuses_keeping_fewer_than_one_snapshot() throws Exception {
    String yaml = minimalWith("      dir: backups\n", "      dir: backups\n      keep: 0\n");
    assertEquals(
        "steward.yaml:10: targets.demo.snapshot.keep: 0 is less than 1"
            + " (keep at least 1: a rollback needs a snapshot)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_config_with_no_targets() throws Exception {
    assertEquals(
        "steward.yaml:2: targets: names no target (add at least one target under it)",
        fx.error("host: vps-1\ntargets: {}\n"));
    assertEquals(
        "steward.yaml:1: targets: missing (add targets: with at least one service to look after)",
        fx.error("host: vps-1\n"));
  }

  @Test
  void refuses_a_health_url_that_is_not_http() throws Exception {
    String yaml = minimalWith("http://127.0.0.1:8765/health", "127.0.0.1:8765/health");
    assertEquals(
        "steward.yaml:13: targets.demo.health.http: \"127.0.0.1:8765/health\" is not an http URL"
            + " (try http://127.0.0.1:8765/health)",
        fx.error(yaml));
  }

  @Test
  void refuses_health_with_neither_http_nor_command() throws Exception {
    String yaml = minimalWith("      http: http://127.0.0.1:8765/health\n", "      timeout: 1m\n");
    assertEquals(
        "steward.yaml:12: targets.demo.health: has neither http nor command"
            + " (add http: a URL that answers 2xx when healthy, or command: [...] that exits 0)",
        fx.error(yaml));
  }

  @Test
  void refuses_health_that_must_hold_longer_than_its_timeout() throws Exception {
    String yaml = MINIMAL + "      stableFor: 3m\n";
    assertEquals(
        "steward.yaml:14: targets.demo.health.stableFor: stableFor 3m is not shorter than timeout"
            + " 2m (raise timeout, or lower stableFor: health could never hold long enough)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_key_written_twice() throws Exception {
    String yaml = minimalWith("    state: data\n", "    state: data\n    state: data\n");
    assertEquals(
        "steward.yaml:5: targets.demo.state: appears twice (keep one of them)", fx.error(yaml));
  }

  @Test
  void refuses_a_patch_without_verification() throws Exception {
    String yaml = MINIMAL + "    patches:\n      - name: fix\n        apply: [python3, fix.py]\n";
    assertEquals(
        "steward.yaml:15: targets.demo.patches[0].verify: missing (add verify: {file: ...,"
            + " contains: ...} so a patch that stops applying is noticed)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_then_entry_that_is_not_a_command_list() throws Exception {
    String yaml =
        minimalWith(
            "      git: {remote: origin, ref: main}\n",
            "      git: {remote: origin, ref: main}\n      then: [./install.sh]\n");
    assertEquals(
        "steward.yaml:12: targets.demo.update.then[0]: \"./install.sh\" is not a list"
            + " (write it as a list: [./install.sh])",
        fx.error(yaml));
  }

  @Test
  void refuses_a_temporal_address_from_the_environment_that_is_not_host_and_port()
      throws Exception {
    fx.env = Map.of("TEMPORAL_ADDRESS", "http://temporal");
    assertEquals(
        "TEMPORAL_ADDRESS: \"http://temporal\" is not host:port (try 127.0.0.1:7233)",
        assertThrows(ConfigException.class, () -> fx.load(MINIMAL)).getMessage());
  }

  @Test
  void refuses_a_directory_given_as_the_config_file() {
    var error = assertThrows(ConfigException.class, () -> fx.loader().load(fx.state));
    assertEquals(fx.state + ": is a directory (pass the config file itself)", error.getMessage());
    assertEquals(true, Files.isDirectory(fx.state));
  }
}

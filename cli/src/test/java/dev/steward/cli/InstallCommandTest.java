package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.activities.testing.Shell;
import dev.steward.worker.TestTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code steward install --with-server} refuses, each in one line, before asking systemd. */
class InstallCommandTest {
  @TempDir Path tmp;
  private TestTarget target;
  private Path temporal;

  @BeforeEach
  void createTarget() throws Exception {
    target = TestTarget.create(tmp);
    temporal = Shell.script(tmp.resolve("bin/temporal"), "exit 0");
  }

  @Test
  void a_server_address_off_this_hosts_loopback_is_refused() throws Exception {
    address("temporal.internal:7233");

    CliRun run = install("--temporal-binary", temporal.toString());

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(
        "steward: --with-server runs the server on 127.0.0.1 only: set temporal.address to"
            + " 127.0.0.1:PORT in "
            + target.config()
            + " (it is temporal.internal:7233)\n",
        run.err());
  }

  @Test
  void a_temporal_binary_that_is_not_there_is_named() throws Exception {
    address("127.0.0.1:7233");
    Path missing = tmp.resolve("no/temporal");

    CliRun run = install("--temporal-binary", missing.toString());

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(
        "steward: --temporal-binary " + missing + ": no executable file there\n", run.err());
  }

  @Test
  void a_ui_port_on_the_servers_own_port_is_refused() throws Exception {
    address("localhost:7233");

    CliRun run = install("--temporal-binary", temporal.toString(), "--ui-port", "7233");

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(
        "steward: --ui-port 7233: give a port from 1 to 65535 other than the server's 7233\n",
        run.err());
  }

  private void address(String address) throws Exception {
    Files.writeString(
        target.config(),
        "temporal:\n  address: \"" + address + "\"\n" + Files.readString(target.config()));
  }

  private CliRun install(String... extra) {
    String[] args = {
      "-c",
      target.config().toString(),
      "install",
      "--dry-run",
      "--with-server",
      "--db-filename",
      tmp.resolve("t.db").toString()
    };
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return CliRun.of(all);
  }
}

package dev.steward.cli;

import dev.steward.activities.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Hermes install laid out on disk as its installer lays it out, for {@code steward init
 * --hermes}: a home with config.yaml, .env and logs/, the code as a real git checkout in {@code
 * hermes-agent/} holding the one source file init reads (which liveness signal the version writes),
 * and a venv as pip leaves it (pip, Hermes installed editable). Its {@code bin/hermes} is a real
 * executable that only prints a version: it stands in for the real install, which the real-Hermes
 * tier (hermes-agent from PyPI) covers with the same commands.
 *
 * @param home the Hermes home
 * @param checkout its code checkout
 */
record HermesLayout(Path home, Path checkout) {
  static HermesLayout create(Path root, String envText) throws Exception {
    Path home = Files.createDirectories(root.resolve("hermes-home"));
    Path checkout = Files.createDirectories(home.resolve("hermes-agent"));
    Shell.git(checkout, "init", "-q", "-b", "main");
    Files.createDirectories(checkout.resolve("gateway"));
    Files.writeString(
        checkout.resolve("gateway/shutdown_watchdog.py"),
        "_HEARTBEAT_RELATIVE = (\"state\", \"gateway.heartbeat\")\n");
    Shell.git(checkout, "add", "-A");
    Shell.git(checkout, "commit", "-q", "-m", "v0.19.0");
    Path sitePackages = checkout.resolve("venv/lib/python3.11/site-packages");
    Files.createDirectories(sitePackages.resolve("pip"));
    Path distInfo = Files.createDirectories(sitePackages.resolve("hermes_agent-0.19.0.dist-info"));
    Files.writeString(
        distInfo.resolve("direct_url.json"),
        "{\"dir_info\": {\"editable\": true}, \"url\": \"file://" + checkout + "\"}");
    Shell.script(checkout.resolve("venv/bin/python3"), "exec python3 \"$@\"");
    Files.writeString(
        home.resolve("config.yaml"),
        "_config_version: 23\nmodel:\n  default: claude-sonnet-4\n  provider: anthropic\n");
    Files.writeString(home.resolve(".env"), envText);
    Files.createDirectories(home.resolve("logs"));
    Files.writeString(home.resolve("logs/agent.log"), "");
    HermesLayout layout = new HermesLayout(home, checkout);
    layout.version("Hermes Agent v0.19.0 (2026.7.1)");
    return layout;
  }

  /** Makes {@code hermes --version} print {@code line}. */
  void version(String line) throws Exception {
    Shell.script(checkout.resolve("venv/bin/hermes"), "echo '" + line + "'");
  }
}

package dev.steward.worker.config;

import dev.steward.workflows.host.TargetPlan.PatchPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a target's {@code update:} and {@code patches:} sections: how its code changes. */
final class UpdateSection {
  static final long DEFAULT_TIMEOUT_MILLIS = 15 * 60_000L;

  private UpdateSection() {}

  /**
   * Reads {@code update:}, and the target's {@code cooldown:} beside it, which only a git update
   * can honour.
   */
  static UpdatePlan read(ConfigNode node, ConfigNode cooldown) {
    if (!node.present()) {
      throw node.missing("add update: with git: {remote: origin, ref: main} or command: [...]");
    }
    ConfigMap update =
        node.map("git: {remote: origin, ref: main}")
            .allowOnly("git", "command", "check", "then", "timeout");
    boolean usesGit = update.has("git");
    boolean command = update.has("command");
    if (usesGit && command) {
      throw update
          .get("command")
          .keyError("is set together with git", "keep one of git or command");
    }
    if (!usesGit && !command) {
      throw node.keyError(
          "has neither git nor command",
          "add git: {remote: origin, ref: main}, or command: [...] that updates the code");
    }
    long timeoutSeconds =
        Values.durationOr(update, "timeout", DEFAULT_TIMEOUT_MILLIS, 1_000) / 1000;
    List<List<String>> then = then(update.get("then"));
    if (command) {
      if (cooldown.present()) {
        throw cooldown.keyError(
            "needs a git update: an update command picks its own revision",
            "remove cooldown, or update with git: {remote: origin, ref: main}");
      }
      List<String> argv = update.get("command").argv("[hermes, update, --yes]");
      ConfigNode check = update.get("check");
      List<String> checkArgv = check.present() ? check.argv("[./check-update.sh]") : List.of();
      return new UpdatePlan(null, null, argv, then, timeoutSeconds, 0, checkArgv);
    }
    if (update.has("check")) {
      throw update
          .get("check")
          .keyError(
              "needs an update command: a git update looks for new code itself",
              "remove check, or update with command: [...]");
    }
    ConfigMap git = update.get("git").map("{remote: origin, ref: main}").allowOnly("remote", "ref");
    long cooldownMillis = cooldown.present() ? Values.duration(cooldown, "2d", 0) : 0;
    return new UpdatePlan(
        gitName(git.get("remote"), "origin"),
        ref(git.get("ref")),
        List.of(),
        then,
        timeoutSeconds,
        cooldownMillis);
  }

  private static String ref(ConfigNode node) {
    if (!node.present()) {
      throw node.missing("name the branch or tag to move to, e.g. ref: main");
    }
    return gitName(node, "main");
  }

  private static String gitName(ConfigNode node, String fallback) {
    if (!node.present()) {
      return fallback;
    }
    String name = node.text(fallback);
    if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace) || name.startsWith("-")) {
      throw node.error(ConfigNode.quote(name) + " is not a git name", "write e.g. " + fallback);
    }
    return name;
  }

  private static List<List<String>> then(ConfigNode node) {
    if (!node.present()) {
      return List.of();
    }
    List<List<String>> commands = new ArrayList<>();
    for (ConfigNode command : node.items("[[./install.sh]]")) {
      commands.add(command.argv("[./install.sh]"));
    }
    return List.copyOf(commands);
  }

  static List<PatchPlan> readPatches(ConfigNode node) {
    if (!node.present()) {
      return List.of();
    }
    List<PatchPlan> patches = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode item : node.items("[{name: fix, apply: [...], verify: {...}}]")) {
      PatchPlan patch = patch(item);
      if (!names.add(patch.name())) {
        throw item.error("repeats the patch name " + patch.name(), "give each patch its own name");
      }
      patches.add(patch);
    }
    return List.copyOf(patches);
  }

  private static PatchPlan patch(ConfigNode item) {
    ConfigMap patch = item.map("name: kwargs-fix").allowOnly("name", "apply", "verify");
    String name = patch.get("name").text("name: kwargs-fix");
    ConfigNode apply = patch.get("apply");
    if (!apply.present()) {
      throw apply.missing("give the command that applies it, e.g. apply: [python3, fix.py]");
    }
    List<String> argv = apply.argv("[python3, fix.py]");
    ConfigNode verifyNode = patch.get("verify");
    if (!verifyNode.present()) {
      throw verifyNode.missing(
          "add verify: {file: ..., contains: ...} so a patch that stops applying is noticed");
    }
    ConfigMap verify = verifyNode.map("file: app.py").allowOnly("file", "contains");
    String file = verify.get("file").text("file: path/in/checkout.py");
    String contains = verify.get("contains").text("contains: \"**kwargs\"");
    if (contains.isEmpty()) {
      throw verify.get("contains").error("is empty", "give text that only the patched file has");
    }
    return new PatchPlan(name, argv, file, contains);
  }
}

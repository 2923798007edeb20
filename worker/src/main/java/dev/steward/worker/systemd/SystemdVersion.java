package dev.steward.worker.systemd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the systemd in front of us, and what it understands of the settings Steward would
 * like to use.
 */
public record SystemdVersion(int major) {
  /** {@code RestartSteps=} and {@code RestartMaxDelaySec=} (restart backoff) arrived in 254. */
  public static final int RESTART_BACKOFF = 254;

  private static final Pattern FIRST_LINE = Pattern.compile("^systemd (\\d+)");

  /** Reads {@code systemctl --version}'s first line ({@code systemd 252 (252.38-1~deb12u1)}). */
  public static SystemdVersion parse(String versionOutput) {
    Matcher matcher = FIRST_LINE.matcher(versionOutput.strip());
    if (!matcher.find()) {
      throw new SystemdException(
          "cannot tell the systemd version from `systemctl --version`: "
              + firstLine(versionOutput));
    }
    return new SystemdVersion(Integer.parseInt(matcher.group(1)));
  }

  /** Asks this machine's systemd. */
  public static SystemdVersion detect(Systemd systemd) {
    return parse(systemd.require(systemd.systemctl(UnitScope.SYSTEM, "--version")));
  }

  /** Whether {@code RestartSteps=} and {@code RestartMaxDelaySec=} are known. */
  public boolean hasRestartBackoff() {
    return major >= RESTART_BACKOFF;
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }
}

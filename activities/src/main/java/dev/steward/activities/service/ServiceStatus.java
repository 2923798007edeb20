package dev.steward.activities.service;

/**
 * What a service manager sees of the service right now.
 *
 * @param running whether the service is up (a process that exited, with any status, is not)
 * @param identity which incarnation is running ({@code pid 1234}, or systemd's main pid and
 *     invocation), so a restart behind our back shows as a change; null when not running
 * @param detail what was seen, for people ({@code pid 1234 exited}, {@code unit is failed})
 * @param gone whether the service is down for good: nothing will bring it back without Steward
 */
public record ServiceStatus(boolean running, String identity, String detail, boolean gone) {

  /** A running service. */
  public static ServiceStatus running(String identity, String detail) {
    return new ServiceStatus(true, identity, detail, false);
  }

  /** A service that is down; {@code gone} when nothing but Steward will start it again. */
  public static ServiceStatus down(String detail, boolean gone) {
    return new ServiceStatus(false, null, detail, gone);
  }
}

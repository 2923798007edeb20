package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What runs a target's service, serialised as its steward.yaml word ({@code "systemd-user"}), as
 * recorded plans have it.
 */
public enum ManagerKind {
  /** Steward starts and stops the service's process itself. */
  PROCESS("process"),
  /** The system's systemd, through {@code systemctl}. */
  SYSTEMD("systemd"),
  /** The user's systemd, through {@code systemctl --user}. */
  SYSTEMD_USER("systemd-user");

  private final String wire;

  ManagerKind(String wire) {
    this.wire = wire;
  }

  /** The word in steward.yaml, payloads and the CLI's output. */
  @JsonValue
  public String wire() {
    return wire;
  }

  /**
   * The kind steward.yaml calls {@code wire}; null for null.
   *
   * @throws IllegalArgumentException for a word that names no kind
   */
  @JsonCreator
  public static ManagerKind ofWire(String wire) {
    return WireEnums.of(ManagerKind.class, wire, ManagerKind::wire);
  }

  /** Whether systemd runs it (system or user). */
  public boolean systemd() {
    return this != PROCESS;
  }

  @Override
  public String toString() {
    return wire;
  }
}

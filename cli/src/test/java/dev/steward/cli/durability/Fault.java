package dev.steward.cli.durability;

/** The faults of the matrix, as its columns name them. */
enum Fault {
  FAIL("activity fails"),
  HANG("hangs past timeout"),
  CRASH("unhandled error"),
  KILL_DURING("worker SIGKILL during"),
  KILL_AFTER("worker SIGKILL after"),
  REBOOT("host reboot during"),
  REAL("real failure");

  final String label;

  Fault(String label) {
    this.label = label;
  }
}

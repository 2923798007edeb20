package dev.steward.cli;

/** How a command prints its result. */
enum OutputFormat {
  /** Lines for people, a line per step as it finishes. */
  TEXT,
  /** Exactly one JSON object on stdout, for scripts. */
  JSON
}

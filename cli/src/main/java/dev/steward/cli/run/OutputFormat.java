package dev.steward.cli.run;

/** How a command prints its result. */
public enum OutputFormat {
  /** Lines for people, a line per step as it finishes. */
  TEXT,
  /** Exactly one JSON object on stdout, for scripts. */
  JSON
}

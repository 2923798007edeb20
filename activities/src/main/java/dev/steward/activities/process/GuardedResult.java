package dev.steward.activities.process;

/**
 * How a guarded command's one run for its key ended, as this attempt learned it.
 *
 * @param result the command's exit status and output; when {@code unknownOutcome}, exit code {@link
 *     #UNKNOWN_EXIT} and the output the earlier attempt left behind
 * @param resumed true when an earlier attempt started the command and this one took (or waited for)
 *     its result instead of starting it again
 * @param unknownOutcome true when an earlier attempt's command died without recording how it ended:
 *     nothing was run, and the caller must look at the world to know what happened
 */
public record GuardedResult(CommandResult result, boolean resumed, boolean unknownOutcome) {

  /** The exit code reported when an earlier attempt died without a result. */
  public static final int UNKNOWN_EXIT = -2;
}

package dev.steward.worker.init;

import java.util.List;

/**
 * What {@code steward init} learnt: the target to write, and a line for each thing it found and
 * each thing it could not find (and what it wrote instead).
 */
public record InitReport(TargetDraft draft, List<String> found, List<String> missing) {}

/**
 * Starting, following and printing a pipeline run, shared by the commands that start or follow one
 * ({@code update}, {@code recover}, {@code follow}, {@code demo}): {@code --detach}, a line per
 * step or one JSON object, the run's refusal.
 */
package dev.steward.cli.run;

/**
 * Steward's commands, one class per command ({@code steward update} is {@link
 * dev.steward.cli.commands.UpdateCommand}), with the helpers only commands use: target names,
 * {@code --user/--system}, the demo's project, the history table, the worker's logging.
 */
package dev.steward.cli.commands;

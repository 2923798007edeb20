package dev.steward.worker.systemd;

/**
 * A unit file Steward generates.
 *
 * @param name the unit's name ({@code steward-worker.service})
 * @param text the file's contents
 */
public record UnitFile(String name, String text) {}

package dev.meshwork.core.spi;

import dev.meshwork.spec.ColumnType;

/**
 * A column as the engine sees it: its name, the engine's own type name, and the contract type it
 * corresponds to, or null when no contract type matches it.
 */
public record EngineColumn(String name, String engineType, ColumnType type) {}

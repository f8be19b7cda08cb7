package dev.meshwork.core.spi;

import java.time.LocalDate;

/** How many builds of a status started on a day (UTC). */
public record BuildCount(LocalDate day, BuildRecord.Status status, long builds) {}

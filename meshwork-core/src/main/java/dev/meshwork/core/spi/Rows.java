package dev.meshwork.core.spi;

import java.util.List;

/**
 * A query result: column names and rows of Java values (String, Long, Integer, Double,
 * BigDecimal, Boolean, LocalDate, LocalDateTime, OffsetDateTime, UUID, byte[] or List).
 * {@code truncated} tells that the query had more rows than were asked for.
 */
public record Rows(List<String> columns, List<List<Object>> rows, boolean truncated) {

  public Rows {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** The first column of the first row, or null when there is no row. */
  public Object single() {
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }
}

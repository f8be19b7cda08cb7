package dev.meshwork.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.spi.EngineColumn;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractCheckTest {

  private static Column column(String name, String type) {
    return new Column(name, ColumnType.parse(type), false, false, false, null, null, false, null);
  }

  private static EngineColumn output(String name, String engineType, String type) {
    return new EngineColumn(name, engineType, type == null ? null : ColumnType.parse(type));
  }

  private final List<Column> contract = List.of(column("order_id", "uuid"), column("total_cents", "int64"),
      column("amount", "decimal(12,2)"), column("created_date", "date"));

  @Test
  void theSameColumnsInAnyOrderMatch() {
    List<EngineColumn> out = List.of(output("created_date", "DATE", "date"), output("order_id", "UUID", "uuid"),
        output("total_cents", "BIGINT", "int64"), output("amount", "DECIMAL(12,2)", "decimal(12,2)"));
    assertThat(ContractCheck.diff(contract, out)).isEmpty();
    assertThat(ContractCheck.reordered(contract, out)).isTrue();
  }

  @Test
  void aMismatchIsShownAsExpectedAgainstActual() {
    List<EngineColumn> out = List.of(output("order_id", "UUID", "uuid"), output("total_cents", "VARCHAR", "string"),
        output("amount", "DECIMAL(18,3)", "decimal(18,3)"), output("note", "SMALLINT", null));
    assertThat(ContractCheck.diff(contract, out)).contains(String.join("\n",
        "  column        expected       actual",
        "  order_id      uuid           uuid",
        "  total_cents   int64          string         <- wrong type",
        "  amount        decimal(12,2)  decimal(18,3)  <- wrong type",
        "  created_date  date           -              <- missing from the output",
        "  note          -              SMALLINT       <- not in the contract",
        "  cast in the transform SQL to the contract's type: CAST(total_cents AS BIGINT), CAST(amount AS DECIMAL(12,2))"));
  }

  @Test
  void aJsonColumnMayComeAsText() {
    assertThat(ContractCheck.matches(ColumnType.parse("json"), ColumnType.parse("string"))).isTrue();
    assertThat(ContractCheck.matches(ColumnType.parse("list<int64>"), ColumnType.parse("list<int32>"))).isFalse();
  }
}

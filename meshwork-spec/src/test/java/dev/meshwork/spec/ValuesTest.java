package dev.meshwork.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.InvalidException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "string|string", "TEXT|string", "varchar(20)|string", "Integer|int32", "bigint|int64", "double|float64",
      "double precision|float64", "real|float32", "bool|boolean", "decimal(10,2)|decimal(10,2)",
      "numeric|decimal(38,0)", "DATE|date", "timestamp with time zone|timestamptz", "datetime|timestamp",
      "uuid|uuid", "bytea|bytes", "jsonb|json", "list<string>|list<string>", "array<INT>|list<int32>",
      "int[]|list<int32>", "list<list<decimal(5, 1)>>|list<list<decimal(5,1)>>"})
  void columnTypesAndTheirAliases(String written, String canonical) {
    assertThat(ColumnType.parse(written)).hasToString(canonical);
  }

  @Test
  void unknownColumnTypesSuggestTheClosest() {
    assertThatThrownBy(() -> ColumnType.parse("integr")).hasMessageEndingWith("(did you mean 'integer'?)");
    assertThatThrownBy(() -> ColumnType.parse("decimal(40,2)"))
        .hasMessage("decimal(40,2) is out of range: precision 1 to 38, scale 0 to precision");
    assertThatThrownBy(() -> ColumnType.parse("list")).hasMessage("'list' needs an element type, like list<string>");
  }

  @ParameterizedTest
  @CsvSource({"5m,PT5M", "1h,PT1H", "1 hour,PT1H", "2d,PT48H", "30 seconds,PT30S", "PT30M,PT30M", "90s,PT1M30S"})
  void durations(String written, String iso) {
    assertThat(Durations.parse(written)).isEqualTo(Duration.parse(iso));
  }

  @Test
  void badDurations() {
    assertThatThrownBy(() -> Durations.parse("soon"))
        .hasMessage("expected a duration like 5m, 1h, 2d or PT30M, not 'soon'");
    assertThatThrownBy(() -> Durations.parse("0m")).hasMessage("a duration must be greater than zero, not '0m'");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
  }

  @Test
  void percentages() {
    assertThat(Percent.parse("99.9%").fraction()).isEqualTo(0.999);
    assertThatThrownBy(() -> Percent.parse("99.9")).hasMessage("expected a percentage like 99.9%, not '99.9'");
    assertThatThrownBy(() -> Percent.parse("120%")).hasMessage("a percentage must be between 0% and 100%, not 120%");
  }

  @Test
  void schedules() {
    assertThat(new Schedule("0 6 * * *").isOnUpstream()).isFalse();
    assertThat(new Schedule("on-upstream").isOnUpstream()).isTrue();
    assertThatThrownBy(() -> new Schedule("0 6 * *")).hasMessage("'0 6 * *' is not a cron schedule: expected 5 fields"
        + " (minute hour day-of-month month day-of-week), found 4, or on-upstream");
    assertThatThrownBy(() -> new Schedule("0 25 * * *")).isInstanceOf(InvalidException.class)
        .hasMessageStartingWith("'0 25 * * *' is not a cron schedule: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"^1", "~1.2", "1.x", ">=1.2.0 <2.0.0", "1.4.2", "*"})
  void versionRanges(String range) {
    assertThat(Versions.checkRange(range)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"banana", "^", ">>1"})
  void badVersionRanges(String range) {
    assertThatThrownBy(() -> Versions.checkRange(range)).hasMessage("'" + range
        + "' is not a version range (expected like ^1, ~1.2, 1.x or >=1.2.0 <2.0.0)");
  }

  @Test
  void semanticVersions() {
    assertThat(Versions.checkSemver("2.0.0-rc.1").getMajor()).isEqualTo(2);
    assertThatThrownBy(() -> Versions.checkSemver("2.0"))
        .hasMessage("'2.0' is not a semantic version (expected MAJOR.MINOR.PATCH, like 2.0.0)");
  }

  @Test
  void thresholdsJudgeTheMeasuredNumber() {
    var atMostThree = new dev.meshwork.spec.quality.Threshold.Compare(
        dev.meshwork.spec.quality.Threshold.Operator.MUST_BE_LESS_OR_EQUAL_TO, java.math.BigDecimal.valueOf(3));
    assertThat(atMostThree.test(java.math.BigDecimal.valueOf(3))).isTrue();
    assertThat(atMostThree.test(java.math.BigDecimal.valueOf(4))).isFalse();
    var outside = new dev.meshwork.spec.quality.Threshold.Between(true, java.math.BigDecimal.ONE, java.math.BigDecimal.TEN);
    assertThat(outside.test(java.math.BigDecimal.valueOf(5))).isFalse();
    assertThat(outside.test(java.math.BigDecimal.valueOf(11))).isTrue();
    assertThat(outside).hasToString("mustNotBeBetween: [1, 10]");
  }

  @Test
  void productRefs() {
    assertThat(ProductRef.parse("orders.daily")).isEqualTo(new ProductRef("orders", "daily"));
    assertThatThrownBy(() -> ProductRef.parse("orders"))
        .hasMessage("'orders' is not a product reference: expected domain.name, like orders.daily");
    assertThatThrownBy(() -> ProductRef.parse("orders/../x.daily")).isInstanceOf(InvalidException.class);
  }

  @Test
  void namesAreShortLowercaseAndSafe() {
    assertThat(Names.isName("customer_360")).isTrue();
    assertThat(Names.isName("a".repeat(64))).isFalse();
    assertThatThrownBy(() -> Names.check("a".repeat(64), "name"))
        .hasMessage("name '" + "a".repeat(64) + "' is 64 characters long; at most 63 are allowed");
  }

  @Test
  void suggestionsOnlyForLikelyTypos() {
    assertThat(Suggest.closest("onwer", List.of("owner", "members"))).contains("owner");
    assertThat(Suggest.closest("zzz", List.of("owner", "members"))).isEmpty();
  }
}

package dev.meshwork.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.examples.ExampleData.Scale;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleDataTest {

  private static final Instant NOW = Instant.parse("2026-06-20T10:15:30Z");

  @TempDir
  Path temp;

  @Test
  void aScaleNeedsAtLeastTenOrders() {
    assertThatThrownBy(() -> Scale.ofOrders(5))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot generate example data: orders must be between 10 and 10000000, not 5");
  }

  @Test
  void scalesUseTheDefaultSeedUnlessGivenOne() {
    assertThat(Scale.ofOrders(500)).isEqualTo(new Scale(500, Scale.DEFAULT_SEED));
    assertThat(Scale.SMALL.orders()).isEqualTo(3_000);
  }

  @Test
  void filesGoIntoAnExistingExamplesDirectory() {
    Path missing = temp.resolve("missing");
    assertThatThrownBy(() -> ExampleData.writeFiles(missing, Scale.SMALL, NOW))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot generate example data: " + missing + " is not a directory");
  }

  @Test
  void postgresNeedsAPostgresUrlAndTheMessageDoesNotRepeatIt() {
    assertThatThrownBy(() -> ExampleData.loadPostgres("jdbc:mysql://db/shop?password=s3cret", "u", "p", temp,
        Scale.SMALL, NOW))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot load example data: the server URL must start with jdbc:postgresql:");
  }

  @Test
  void aDatabaseUrlKeepsTheServerAndItsParameters() {
    assertThat(PostgresUrls.withDatabase("jdbc:postgresql://db:5432/postgres?ssl=true&user=me", "orders"))
        .isEqualTo("jdbc:postgresql://db:5432/orders?ssl=true&user=me");
    assertThat(PostgresUrls.withDatabase("jdbc:postgresql://db", "crm")).isEqualTo("jdbc:postgresql://db/crm");
    assertThat(PostgresUrls.withDatabase("jdbc:postgresql://a:1,b:2/", "crm")).isEqualTo("jdbc:postgresql://a:1,b:2/crm");
    assertThat(PostgresUrls.withDatabase("jdbc:postgresql:postgres", "crm")).isEqualTo("jdbc:postgresql:crm");
  }

  @Test
  void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
    assertThat(Text.csvLine("a", null, "", "x,y", "say \"hi\"", " pad ", NOW))
        .isEqualTo("a,,\"\",\"x,y\",\"say \"\"hi\"\"\", pad ,2026-06-20T10:15:30Z\n");
  }

  @Test
  void jsonValuesAreEscaped() {
    assertThat(Text.json("a \"b\" \\ \n €")).isEqualTo("\"a \\\"b\\\" \\\\ \\n €\"");
    assertThat(Text.json(12L)).isEqualTo("12");
    assertThat(Text.json(null)).isEqualTo("null");
  }
}

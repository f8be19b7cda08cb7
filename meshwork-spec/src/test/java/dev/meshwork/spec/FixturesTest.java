package dev.meshwork.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import dev.meshwork.spec.validate.Report;
import dev.meshwork.spec.validate.Validator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The loader and validator agree with the JSON Schema on the fixtures, and the example mesh is clean. */
class FixturesTest {

  private static Path fixtures(String kind) throws URISyntaxException {
    return Path.of(FixturesTest.class.getResource("/fixtures/" + kind).toURI());
  }

  static Stream<Path> invalidFixtures() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(fixtures("invalid"))) {
      return files.sorted().toList().stream();
    }
  }

  @Test
  void validFixturesHaveNoProblemsAtAll() throws URISyntaxException {
    Report report = Report.of(new Loader(fixtures("valid")).load(List.of(fixtures("valid"))), Validator.offline());

    assertThat(report.problems()).extracting(Problem::toString).isEmpty();
    assertThat(report.resources()).hasSizeGreaterThan(10);
  }

  @ParameterizedTest
  @MethodSource("invalidFixtures")
  void eachInvalidFixtureFails(Path fixture) {
    Report report = Report.of(new Loader(fixture.getParent()).load(List.of(fixture)), Validator.offline());

    assertThat(report.errors()).as("errors reported for %s", fixture.getFileName()).isPositive();
  }

  @Test
  void theExampleMeshValidatesWithoutWarnings() {
    Path examples = Path.of("..", "examples");
    Report report = Report.of(new Loader(examples).load(List.of(examples)), Validator.offline());

    assertThat(report.problems()).extracting(Problem::toString).isEmpty();
    assertThat(report.resources()).extracting(r -> r.resource().kind()).contains(Kind.values());
  }
}

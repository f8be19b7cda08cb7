package dev.meshwork.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks' own pieces, without running a benchmark: the generated specs load, the statistics add up. */
class BenchSmokeTest {

  @TempDir
  Path dir;

  @Test
  void generatedDomainsLoadWithoutProblems() throws Exception {
    List<String> products = new ArrayList<>();
    String yaml = ManyProducts.domainYaml(3, dir, 12, products);
    Loader.Result loaded = new Loader(dir).loadText(dir.resolve("dom003.yaml"), yaml);
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.resources()).extracting(r -> r.resource().kind())
        .containsOnly(Kind.DOMAIN, Kind.SOURCE, Kind.DATA_PRODUCT).hasSize(14);
    assertThat(products).hasSize(12).startsWith("dom003.p00300", "dom003.p00301").endsWith("dom003.p00311");
    DataProduct reader = (DataProduct) loaded.resources().stream().map(LoadedResource::resource)
        .filter(r -> r.id().equals("dom003.p00309")).findFirst().orElseThrow();
    assertThat(reader.spec().inputs()).hasSize(2);
  }

  @Test
  void percentilesAndRateComeFromTheSortedLatencies() {
    long[] nanos = new long[100];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = (i + 1) * 1_000_000L;
    }
    Load.Result result = new Load.Result(nanos, 0, null, 4.0);
    assertThat(result.percentileMillis(50)).isEqualTo(50.0);
    assertThat(result.percentileMillis(99)).isEqualTo(99.0);
    assertThat(result.percentileMillis(100)).isEqualTo(100.0);
    assertThat(result.perSecond()).isEqualTo(25.0);
  }

  @Test
  void queriesAreWordsOfTheProductsVocabulary() {
    for (int i = 0; i < 50; i++) {
      String query = ApiLatency.query(ThreadLocalRandom.current());
      for (String word : query.split(" ")) {
        assertThat(ManyProducts.WORDS).anyMatch(w -> w.startsWith(word));
      }
    }
  }
}

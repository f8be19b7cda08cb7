package dev.meshwork.core.ops;

import dev.meshwork.core.registry.Registry;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.DataProduct;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Ranks products by the words of a query found in their fields, with a Lucene index held in
 * memory: name and title weigh most, then tags, domain and owner, then descriptions and column
 * names, and the README least. A word scores its field's weight where it is a word of the field,
 * 0.6 of it where it starts one, and 0.4 of it where it is one or two edits from one (a typo: one
 * edit for words of 4 to 6 letters, two from 7); each word counts its best field, and every word
 * must match.
 *
 * <p>The products are indexed once per list of products (the registry keeps one list until
 * something is applied).
 */
final class Search {

  /** A product's field: its name in {@link SearchHit#matched}, its weight and its words. */
  private record Field(String name, String key, double weight, String[] words) {}

  /** The products indexed, their fields and the Lucene index of their words. */
  private record Index(List<Registry.Applied> source, List<DataProduct> products, List<Field[]> fields,
                       IndexSearcher searcher) {}

  private static final String POSITION = "position";
  private static final Map<String, Double> WEIGHTS = Map.of("name", 5.0, "title", 4.0, "tags", 3.0, "domain", 3.0,
      "owner", 2.0, "description", 1.0, "column", 1.0, "readme", 0.5);
  private static final double PREFIX = 0.6;
  private static final double TYPO = 0.4;

  private volatile Index index;

  /** Products matching every word of {@code text}, best first, at most {@code limit}. */
  List<SearchHit> rank(List<Registry.Applied> products, String text, int limit) {
    List<String> words = words(text);
    if (words.isEmpty() || limit < 1) {
      return new ArrayList<>();
    }
    Index current = indexOf(products);
    if (current.products().isEmpty()) {
      return new ArrayList<>();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String word : words) {
      query.add(wordQuery(word), BooleanClause.Occur.MUST);
    }
    try {
      TopDocs top = current.searcher().search(query.build(), current.products().size());
      List<SearchHit> hits = new ArrayList<>();
      StoredFields stored = current.searcher().storedFields();
      for (ScoreDoc doc : top.scoreDocs) {
        int i = stored.document(doc.doc).getField(POSITION).numericValue().intValue();
        DataProduct product = current.products().get(i);
        hits.add(new SearchHit(product.ref().toString(), product.metadata().title(), product.metadata().description(),
            Math.round(doc.score * 1000) / 1000.0, matched(current.fields().get(i), words),
            product.metadata().domain(), product.spec().classification().name(), product.metadata().tags()));
      }
      hits.sort(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::product));
      return hits.size() > limit ? new ArrayList<>(hits.subList(0, limit)) : hits;
    } catch (IOException e) {
      throw new EngineException("cannot search the products: " + e.getMessage(), e);
    }
  }

  /** Indexes {@code products} now, unless they are the list indexed last. */
  void index(List<Registry.Applied> products) {
    indexOf(products);
  }

  /** The index of {@code products}, built when they are not the list indexed last. */
  private Index indexOf(List<Registry.Applied> products) {
    Index current = index;
    if (current == null || current.source() != products) {
      current = build(products);
      index = current;
    }
    return current;
  }

  /** One word's best field: the best of its exact, prefix and typo matches in each field. */
  private static Query wordQuery(String word) {
    List<Query> alternatives = new ArrayList<>();
    int edits = word.length() >= 7 ? 2 : word.length() >= 4 ? 1 : 0;
    for (Map.Entry<String, Double> field : WEIGHTS.entrySet()) {
      Term term = new Term(field.getKey(), word);
      double weight = field.getValue();
      alternatives.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(term)), (float) weight));
      alternatives.add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(term)), (float) (weight * PREFIX)));
      if (edits > 0) {
        alternatives.add(new BoostQuery(new ConstantScoreQuery(new FuzzyQuery(term, edits, 1, FuzzyQuery.defaultMaxExpansions, false)), (float) (weight * TYPO)));
      }
    }
    return new DisjunctionMaxQuery(alternatives, 0);
  }

  private static Index build(List<Registry.Applied> applied) {
    List<DataProduct> products = applied.stream().map(a -> (DataProduct) a.resource()).toList();
    List<Field[]> fields = new ArrayList<>(products.size());
    Map<String, String> canonical = new HashMap<>();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
      for (int i = 0; i < products.size(); i++) {
        Field[] of = fields(products.get(i), canonical);
        fields.add(of);
        Document document = new Document();
        document.add(new StoredField(POSITION, i));
        for (Field field : of) {
          for (String word : field.words()) {
            document.add(new StringField(field.key(), word, org.apache.lucene.document.Field.Store.NO));
          }
        }
        writer.addDocument(document);
      }
      writer.commit();
      return new Index(applied, products, fields, new IndexSearcher(DirectoryReader.open(directory)));
    } catch (IOException e) {
      throw new EngineException("cannot index the products for search: " + e.getMessage(), e);
    }
  }

  /** A product's fields; their words are the instances in {@code canonical}, one per distinct word of all products. */
  private static Field[] fields(DataProduct product, Map<String, String> canonical) {
    List<Field> fields = new ArrayList<>();
    fields.add(field("name", "name", product.ref().toString(), canonical));
    fields.add(field("title", "title", product.metadata().title(), canonical));
    fields.add(field("tags", "tags", String.join(" ", product.metadata().tags()), canonical));
    fields.add(field("domain", "domain", product.metadata().domain(), canonical));
    fields.add(field("owner", "owner", product.metadata().owner(), canonical));
    fields.add(field("description", "description", product.metadata().description(), canonical));
    for (Column column : product.spec().schema()) {
      fields.add(field("column " + column.name(), "column", column.name() + " " + nullToEmpty(column.description()),
          canonical));
    }
    fields.add(field("readme", "readme", product.spec().readme(), canonical));
    return fields.toArray(Field[]::new);
  }

  private static Field field(String name, String key, String value, Map<String, String> canonical) {
    return new Field(canonical.computeIfAbsent(name, n -> n), key, WEIGHTS.get(key),
        words(value).stream().map(word -> canonical.computeIfAbsent(word, w -> w)).toArray(String[]::new));
  }

  /** The fields any word matches, in field order. */
  private static List<String> matched(Field[] fields, List<String> words) {
    Set<String> matched = new LinkedHashSet<>();
    for (Field field : fields) {
      for (String word : words) {
        if (match(word, field.words()) > 0) {
          matched.add(field.name());
          break;
        }
      }
    }
    return List.copyOf(matched);
  }

  /** 1 when {@code word} is one of the words, 0.6 when it starts one, 0.4 when it is a typo of one, else 0. */
  private static double match(String word, String[] words) {
    double best = 0;
    int edits = word.length() >= 7 ? 2 : word.length() >= 4 ? 1 : 0;
    for (String candidate : words) {
      if (candidate.equals(word)) {
        return 1;
      }
      if (candidate.startsWith(word)) {
        best = Math.max(best, PREFIX);
      } else if (edits > 0 && candidate.charAt(0) == word.charAt(0) && Edits.within(word, candidate, edits)) {
        best = Math.max(best, TYPO);
      }
    }
    return best;
  }

  private static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}

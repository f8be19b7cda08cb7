package dev.meshwork.spec.load;

import dev.meshwork.spec.Access;
import dev.meshwork.spec.ChangelogEntry;
import dev.meshwork.spec.Classification;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Declassification;
import dev.meshwork.spec.Durations;
import dev.meshwork.spec.Enums;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.Metadata;
import dev.meshwork.spec.Names;
import dev.meshwork.spec.OutputPort;
import dev.meshwork.spec.Percent;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Readme;
import dev.meshwork.spec.Schedule;
import dev.meshwork.spec.Sla;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.Transform;
import dev.meshwork.spec.Versions;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.quality.QualityRule;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads a DataProduct's spec: the contract. */
final class ProductBinder {

  private static final List<String> SPEC = List.of("version", "classification", "containsPII", "retentionDays",
      "inputs", "transform", "schema", "quality", "sla", "schedule", "outputPorts", "access", "changelog",
      "declassification", "readme", "readmeFile");
  private static final List<String> INPUT = List.of("name", "source", "tables", "product", "version");
  private static final List<String> TRANSFORM = List.of("sql", "partitionBy", "sqlFile");
  private static final List<String> COLUMN = List.of("name", "type", "required", "unique", "primaryKey",
      "description", "enum", "pii", "protection");
  private static final List<String> SLA = List.of("freshness", "availability", "qualityScore");
  private static final List<String> FRESHNESS = List.of("maxAge", "daily");
  private static final List<String> PORT = List.of("type", "format", "topic", "description");
  private static final List<String> ACCESS = List.of("approval");
  private static final List<String> DECLASSIFICATION = List.of("justification");
  private static final List<String> CHANGE = List.of("version", "date", "note");

  /** A README read from the spec: its text and the file it came from, both null when there is none. */
  private record ReadmeText(String text, String file) {
    static final ReadmeText NONE = new ReadmeText(null, null);
  }

  private final SpecPaths paths;

  ProductBinder(SpecPaths paths) {
    this.paths = paths;
  }

  DataProduct bind(Metadata metadata, Fields spec) {
    Problems problems = spec.problems();
    int before = problems.errorCount();
    spec.rejectUnknown(SPEC);
    String version = spec.parse("version", true, v -> {
      Versions.checkSemver(v);
      return v;
    });
    Classification classification = spec.parse("classification", true,
        value -> Enums.parse(Classification.class, value, "classification"));
    Boolean containsPii = spec.bool("containsPII");
    Integer retentionDays = spec.integer("retentionDays", true);
    if (retentionDays != null && retentionDays <= 0) {
      problems.error(spec.value("retentionDays", true), spec.pathOf("retentionDays"),
          "retentionDays must be greater than 0, not " + retentionDays);
    }
    List<Input> inputs = spec.list("inputs", false, (node, at) -> input(node, at, problems));
    Transform transform = transform(spec.mapping("transform", true));
    List<Column> schema = spec.list("schema", true, (node, at) -> column(node, at, problems));
    if (schema != null && schema.isEmpty() && spec.value("schema", false) instanceof Node.Sequence sequence
        && sequence.items().isEmpty()) {
      problems.error(sequence, spec.pathOf("schema"), "a product's schema needs at least one column");
    }
    List<QualityRule> quality = spec.list("quality", false, (node, at) -> new QualityBinder(problems).bind(node, at));
    Sla sla = sla(spec.mapping("sla", false));
    Schedule schedule = spec.parse("schedule", false, Schedule::new);
    List<OutputPort> ports = spec.list("outputPorts", false, (node, at) -> port(node, at, problems));
    Access access = access(spec.mapping("access", false));
    List<ChangelogEntry> changelog = spec.list("changelog", false, (node, at) -> change(node, at, problems));
    Declassification declassification = declassification(spec.mapping("declassification", false));
    ReadmeText readme = readme(spec);
    if (metadata == null || problems.errorCount() > before) {
      return null;
    }
    return problems.attempt(spec.node(), spec.path(), () -> new DataProduct(metadata, new DataProduct.Spec(
        version, classification, Boolean.TRUE.equals(containsPii), retentionDays, inputs, transform, schema,
        quality, sla, schedule, ports, access, changelog, declassification, readme.text(), readme.file())));
  }

  private Input input(Node node, String at, Problems problems) {
    Fields f = Fields.of(node, at, problems);
    if (f == null) {
      return null;
    }
    f.rejectUnknown(INPUT);
    boolean fromSource = f.has("source");
    boolean fromProduct = f.has("product");
    if (fromSource == fromProduct) {
      problems.error(node, at, fromSource
          ? "an input reads either a source or a product, not both"
          : "an input needs 'source' (with tables) or 'product'");
      return null;
    }
    String name = f.string("name", false);
    if (fromSource) {
      if (f.has("version")) {
        problems.error(f.value("version", false), f.pathOf("version"), "'version' applies to product inputs only");
      }
      String source = f.parse("source", true, value -> Names.check(value, "source name"));
      List<String> tables = f.strings("tables", true);
      if (source == null || tables == null) {
        return null;
      }
      String relation = name == null ? defaultName(source) : name;
      return problems.attempt(node, at, () -> new Input.FromSource(relation, source, tables));
    }
    if (f.has("tables")) {
      problems.error(f.value("tables", false), f.pathOf("tables"), "'tables' applies to source inputs only");
    }
    ProductRef product = f.parse("product", true, ProductRef::parse);
    String version = f.string("version", false);
    if (product == null) {
      return null;
    }
    String relation = name == null ? defaultName(product.name()) : name;
    return problems.attempt(node, at, () -> new Input.FromProduct(relation, product, version));
  }

  /** The relation an input is read as when it names none: the source or product name, '-' made '_'. */
  private static String defaultName(String name) {
    return name.replace('-', '_');
  }

  private Transform transform(Fields f) {
    if (f == null) {
      return null;
    }
    f.rejectUnknown(TRANSFORM);
    String sql = f.string("sql", true);
    String partitionBy = f.string("partitionBy", false);
    if (sql == null) {
      return null;
    }
    Node sqlNode = f.value("sql", true);
    String origin = f.string("sqlFile", false);
    if (!Transform.namesFile(sql)) {
      return f.problems().attempt(sqlNode, f.pathOf("sql"), () -> new Transform(sql, origin, partitionBy));
    }
    if (origin != null) {
      f.problems().error(f.value("sqlFile", false), f.pathOf("sqlFile"),
          "sqlFile names where inline SQL came from; sql already names the file " + sql.trim());
      return null;
    }
    Path file = paths.resolveInside(sql.trim(), sqlNode, f.pathOf("sql"), f.problems());
    if (file == null) {
      return null;
    }
    String text = SpecFiles.readSql(file, sqlNode, f.pathOf("sql"), f.problems());
    return text == null ? null
        : f.problems().attempt(sqlNode, f.pathOf("sql"), () -> new Transform(text, sql.trim(), partitionBy));
  }

  /**
   * The README's text and the file it was read from: {@code readme} names a {@code .md} file
   * beside the spec, or is the Markdown itself (with {@code readmeFile} naming where it came from,
   * as a stored product has it). Both null when there is none or it cannot be read.
   */
  private ReadmeText readme(Fields spec) {
    String value = spec.string("readme", false);
    String origin = spec.string("readmeFile", false);
    Node node = spec.value("readme", false);
    if (value == null) {
      if (origin != null && node == null) {
        spec.problems().error(spec.value("readmeFile", false), spec.pathOf("readmeFile"),
            "readmeFile names the file a README was read from; it needs the readme");
      }
      return ReadmeText.NONE;
    }
    if (!Readme.namesFile(value)) {
      String text = spec.problems().attempt(node, spec.pathOf("readme"), () -> Readme.check(value, origin));
      return text == null ? ReadmeText.NONE : new ReadmeText(text, origin);
    }
    String name = value.trim();
    if (origin != null) {
      spec.problems().error(spec.value("readmeFile", false), spec.pathOf("readmeFile"),
          "readmeFile names where an inline README came from; readme already names the file " + name);
      return ReadmeText.NONE;
    }
    Path file = paths.resolveInside(name, node, spec.pathOf("readme"), spec.problems());
    if (file == null) {
      return ReadmeText.NONE;
    }
    String text = SpecFiles.readReadme(file, node, spec.pathOf("readme"), spec.problems());
    String checked = text == null ? null
        : spec.problems().attempt(node, spec.pathOf("readme"), () -> Readme.check(text, name));
    return checked == null ? ReadmeText.NONE : new ReadmeText(checked, name);
  }

  private Column column(Node node, String at, Problems problems) {
    Fields f = Fields.of(node, at, problems);
    if (f == null) {
      return null;
    }
    f.rejectUnknown(COLUMN);
    String name = f.parse("name", true, value -> Names.checkIdentifier(value, "column name"));
    ColumnType type = f.parse("type", true, ColumnType::parse);
    Boolean required = f.bool("required");
    Boolean unique = f.bool("unique");
    Boolean primaryKey = f.bool("primaryKey");
    String description = f.string("description", false);
    List<String> values = f.strings("enum", false);
    Boolean pii = f.bool("pii");
    Column.Protection protection = f.parse("protection", false,
        value -> Enums.parse(Column.Protection.class, value, "protection"));
    if (name == null || type == null) {
      return null;
    }
    return problems.attempt(node, at, () -> new Column(name, type, Boolean.TRUE.equals(required),
        Boolean.TRUE.equals(unique), Boolean.TRUE.equals(primaryKey), description, values, Boolean.TRUE.equals(pii),
        protection));
  }

  private Sla sla(Fields f) {
    if (f == null) {
      return null;
    }
    f.rejectUnknown(SLA);
    Sla.Freshness freshness = null;
    Fields fresh = f.mapping("freshness", false);
    if (fresh != null) {
      fresh.rejectUnknown(FRESHNESS);
      if (fresh.has("maxAge") == fresh.has("daily")) {
        f.problems().error(fresh.node(), fresh.path(),
            "freshness needs exactly one of maxAge (like 5m) or daily (like \"08:00 UTC\")");
      } else if (fresh.has("maxAge")) {
        freshness = fresh.parse("maxAge", true, value -> new Sla.MaxAge(Durations.parse(value)));
      } else {
        freshness = fresh.parse("daily", true, Sla.DailyBy::parse);
      }
    }
    Percent availability = f.parse("availability", false, Percent::parse);
    Percent qualityScore = f.parse("qualityScore", false, Percent::parse);
    Sla.Freshness finalFreshness = freshness;
    return f.problems().attempt(f.node(), f.path(), () -> new Sla(finalFreshness, availability, qualityScore));
  }

  private OutputPort port(Node node, String at, Problems problems) {
    Fields f = Fields.of(node, at, problems);
    if (f == null) {
      return null;
    }
    f.rejectUnknown(PORT);
    OutputPort.Type type = f.parse("type", true, value -> Enums.parse(OutputPort.Type.class, value, "port type"));
    Source.Format format = f.parse("format", false, value -> Enums.parse(Source.Format.class, value, "format"));
    String topic = f.string("topic", false);
    String description = f.string("description", false);
    if (type == null) {
      return null;
    }
    return problems.attempt(node, at, () -> new OutputPort(type, format, topic, description));
  }

  private Access access(Fields f) {
    if (f == null) {
      return null;
    }
    f.rejectUnknown(ACCESS);
    Access.Approval approval = f.parse("approval", true,
        value -> Enums.parse(Access.Approval.class, value, "approval"));
    return approval == null ? null : new Access(approval);
  }

  private Declassification declassification(Fields f) {
    if (f == null) {
      return null;
    }
    f.rejectUnknown(DECLASSIFICATION);
    String justification = f.string("justification", true);
    if (justification != null && justification.isBlank()) {
      f.problems().error(f.value("justification", true), f.pathOf("justification"), "a declassification needs a justification");
      return null;
    }
    return justification == null ? null : new Declassification(justification);
  }

  private ChangelogEntry change(Node node, String at, Problems problems) {
    Fields f = Fields.of(node, at, problems);
    if (f == null) {
      return null;
    }
    f.rejectUnknown(CHANGE);
    String version = f.string("version", true);
    LocalDate date = f.parse("date", false, ProductBinder::date);
    String note = f.string("note", true);
    if (version == null || note == null) {
      return null;
    }
    return problems.attempt(node, at, () -> new ChangelogEntry(version, date, note));
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidException("'" + text + "' is not a date (expected YYYY-MM-DD)");
    }
  }
}

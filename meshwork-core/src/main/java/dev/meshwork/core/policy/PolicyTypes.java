package dev.meshwork.core.policy;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of the {@code product} variable policies read, field by field as specs write them, so
 * that an expression naming a field that does not exist is refused when the policy is applied.
 */
final class PolicyTypes implements CelTypeProvider {

  private static final CelType TEXT = SimpleType.STRING;
  private static final CelType FLAG = SimpleType.BOOL;
  private static final CelType ANY_LIST = ListType.create(SimpleType.DYN);

  private final Map<String, StructType> types = new LinkedHashMap<>();
  private final StructType product;
  private final StructType build;
  private final StructType access;

  PolicyTypes() {
    StructType metadata = struct("Metadata", Map.of("name", TEXT, "domain", TEXT, "title", TEXT, "owner", TEXT,
        "description", TEXT, "tags", ListType.create(TEXT)));
    StructType column = struct("Column", Map.of("name", TEXT, "type", TEXT, "required", FLAG, "unique", FLAG,
        "primaryKey", FLAG, "description", TEXT, "enum", ListType.create(TEXT), "pii", FLAG, "protection", TEXT));
    StructType input = struct("Input", Map.of("name", TEXT, "source", TEXT, "tables", ListType.create(TEXT),
        "product", TEXT, "version", TEXT));
    StructType transform = struct("Transform", Map.of("sql", TEXT, "sqlFile", TEXT, "partitionBy", TEXT));
    StructType access = struct("Access", Map.of("approval", TEXT));
    Map<String, CelType> spec = new LinkedHashMap<>();
    spec.put("version", TEXT);
    spec.put("classification", TEXT);
    spec.put("containsPII", FLAG);
    spec.put("retentionDays", SimpleType.INT);
    spec.put("inputs", ListType.create(input));
    spec.put("transform", transform);
    spec.put("schema", ListType.create(column));
    spec.put("quality", ANY_LIST);
    spec.put("sla", MapType.create(TEXT, SimpleType.DYN));
    spec.put("schedule", TEXT);
    spec.put("outputPorts", ANY_LIST);
    spec.put("access", access);
    spec.put("changelog", ANY_LIST);
    spec.put("declassification", struct("Declassification", Map.of("justification", TEXT)));
    spec.put("readme", TEXT);
    spec.put("readmeFile", TEXT);
    product = struct("DataProduct", Map.of("apiVersion", TEXT, "kind", TEXT, "metadata", metadata,
        "spec", struct("DataProductSpec", spec)));
    StructType result = struct("RuleResult", Map.of("rule", TEXT, "column", TEXT, "severity", TEXT, "passed", FLAG,
        "measured", TEXT, "threshold", TEXT));
    StructType read = struct("InputRead", Map.of("name", TEXT, "source", TEXT, "table", TEXT, "product", TEXT,
        "version", TEXT, "classification", TEXT, "rows", SimpleType.INT));
    StructType outputColumn = struct("OutputColumn", Map.of("name", TEXT, "type", TEXT));
    build = struct("Build", Map.of("rows", SimpleType.INT, "bytes", SimpleType.INT, "qualityScore", SimpleType.DOUBLE,
        "quality", ListType.create(result), "inputs", ListType.create(read), "schema", ListType.create(outputColumn),
        "scope", TEXT, "classification", TEXT));
    this.access = struct("AccessRequest", Map.of("requester", TEXT, "team", TEXT, "purpose", TEXT, "pii", FLAG,
        "until", TEXT, "forTeam", TEXT, "forProduct", TEXT, "classification", TEXT, "approver", TEXT));
  }

  /** The type of {@code access}, the request an access policy judges. */
  StructType access() {
    return access;
  }

  /** The type of {@code build}, the result a build policy judges. */
  StructType build() {
    return build;
  }

  /** The type of {@code product}. */
  StructType product() {
    return product;
  }

  @Override
  public ImmutableCollection<CelType> types() {
    return ImmutableSet.copyOf(types.values());
  }

  @Override
  public Optional<CelType> findType(String name) {
    return Optional.ofNullable(types.get(name));
  }

  private StructType struct(String name, Map<String, CelType> fields) {
    Map<String, CelType> copy = Map.copyOf(fields);
    StructType type = StructType.create("meshwork." + name, ImmutableSet.copyOf(List.copyOf(fields.keySet())),
        field -> Optional.ofNullable(copy.get(field)));
    types.put(type.name(), type);
    return type;
  }
}

package dev.meshwork.spec.load;

import dev.meshwork.spec.Domain;
import dev.meshwork.spec.Emails;
import dev.meshwork.spec.Enums;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.Metadata;
import dev.meshwork.spec.Names;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.Resource;
import dev.meshwork.spec.Suggest;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns one document into a {@link Resource}, or reports why it cannot. */
final class ResourceBinder {

  private static final List<String> TOP = List.of("apiVersion", "kind", "metadata", "spec");
  private static final Map<Kind, List<String>> METADATA = Map.of(
      Kind.DOMAIN, List.of("name", "title"),
      Kind.SOURCE, List.of("name", "domain", "title", "description"),
      Kind.DATA_PRODUCT, List.of("name", "domain", "title", "owner", "description", "tags"),
      Kind.POLICY, List.of("name", "title"));
  private static final List<String> DOMAIN_SPEC = List.of("description", "owner", "members", "teams", "type");
  private static final List<String> POLICY_SPEC =
      List.of("description", "scope", "on", "severity", "when", "rule", "message");

  private final SpecPaths paths;
  private final Problems problems;

  ResourceBinder(SpecPaths paths, Problems problems) {
    this.paths = paths;
    this.problems = problems;
  }

  Resource bind(Node root) {
    Fields top = Fields.of(root, "", problems);
    if (top == null) {
      return null;
    }
    top.rejectUnknown(TOP);
    String apiVersion = top.string("apiVersion", true);
    if (apiVersion != null && !apiVersion.equals(Kind.API_VERSION)) {
      problems.error(top.value("apiVersion", true), "apiVersion",
          "unsupported apiVersion '" + apiVersion + "' (expected " + Kind.API_VERSION + ")");
    }
    String kindText = top.string("kind", true);
    Kind kind = kindText == null ? null : Kind.of(kindText).orElse(null);
    if (kindText != null && kind == null) {
      problems.error(top.value("kind", true), "kind", "unknown kind '" + kindText + "' (expected one of "
          + String.join(", ", Kind.spellings()) + ")" + Suggest.hint(kindText, Kind.spellings()));
    }
    Fields metadataFields = top.mapping("metadata", true);
    Fields spec = top.mapping("spec", true);
    if (kind == null || metadataFields == null) {
      return null;
    }
    int before = problems.errorCount();
    Metadata metadata = metadata(kind, metadataFields);
    Resource resource = spec == null ? null : switch (kind) {
      case DOMAIN -> domain(metadata, spec);
      case SOURCE -> new SourceBinder(paths).bind(metadata, spec);
      case DATA_PRODUCT -> new ProductBinder(paths).bind(metadata, spec);
      case POLICY -> policy(metadata, spec);
    };
    return problems.errorCount() == before ? resource : null;
  }

  private Metadata metadata(Kind kind, Fields fields) {
    fields.rejectUnknown(METADATA.get(kind));
    String name = fields.parse("name", true, value -> Names.check(value, "name"));
    boolean needsDomain = kind == Kind.SOURCE || kind == Kind.DATA_PRODUCT;
    String domain = needsDomain
        ? fields.parse("domain", true, value -> Names.check(value, "domain name")) : null;
    String owner = kind == Kind.DATA_PRODUCT ? fields.parse("owner", true, value -> Emails.check(value, "owner")) : null;
    String title = fields.string("title", false);
    String description = fields.string("description", false);
    List<String> tags = fields.strings("tags", false);
    if (name == null || needsDomain && domain == null || kind == Kind.DATA_PRODUCT && owner == null) {
      return null;
    }
    return problems.attempt(fields.node(), fields.path(),
        () -> new Metadata(name, domain, title, owner, description, tags));
  }

  private Domain domain(Metadata metadata, Fields spec) {
    spec.rejectUnknown(DOMAIN_SPEC);
    String description = spec.string("description", true);
    String owner = spec.parse("owner", true, value -> Emails.check(value, "owner"));
    List<String> members = spec.list("members", false,
        (item, at) -> {
          String text = spec.scalarText(item, at, "an email address");
          return text == null ? null : problems.attempt(item, at, () -> Emails.check(text, "member"));
        });
    List<String> teams = spec.list("teams", false,
        (item, at) -> {
          String text = spec.scalarText(item, at, "a team name");
          return text == null ? null : problems.attempt(item, at, () -> Names.check(text, "team name"));
        });
    Domain.Type type = spec.parse("type", true, value -> Enums.parse(Domain.Type.class, value, "domain type"));
    if (metadata == null || description == null || owner == null || type == null) {
      return null;
    }
    return problems.attempt(spec.node(), spec.path(),
        () -> new Domain(metadata, new Domain.Spec(description, owner, members, type, teams)));
  }

  private Policy policy(Metadata metadata, Fields spec) {
    spec.rejectUnknown(POLICY_SPEC);
    String description = spec.string("description", false);
    Policy.Scope scope = spec.parse("scope", true, Policy.Scope::parse);
    List<Policy.Event> on = spec.list("on", true, (item, at) -> {
      String text = spec.scalarText(item, at, "an event");
      return text == null ? null : problems.attempt(item, at, () -> Enums.parse(Policy.Event.class, text, "event"));
    });
    Policy.Severity severity =
        spec.parse("severity", true, value -> Enums.parse(Policy.Severity.class, value, "severity"));
    String when = spec.string("when", false);
    String rule = spec.string("rule", true);
    String message = spec.string("message", true);
    if (metadata == null || scope == null || on == null || severity == null || rule == null || message == null) {
      return null;
    }
    Set<Policy.Event> events = on.isEmpty() ? Set.of() : EnumSet.copyOf(on);
    if (events.isEmpty()) {
      problems.error(Objects.requireNonNull(spec.value("on", true)), spec.pathOf("on"),
          "list at least one event: apply, build or access");
      return null;
    }
    return problems.attempt(spec.node(), spec.path(),
        () -> new Policy(metadata, new Policy.Spec(description, scope, events, severity, when, rule, message)));
  }
}

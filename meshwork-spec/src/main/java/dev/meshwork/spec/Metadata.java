package dev.meshwork.spec;

import java.util.List;

/**
 * What every resource says about itself. {@code domain} is set for sources and data products,
 * {@code owner} for data products; the rest is optional.
 */
public record Metadata(String name, String domain, String title, String owner, String description, List<String> tags) {

  public Metadata {
    Names.check(name, "name");
    if (domain != null) {
      Names.check(domain, "domain name");
    }
    if (owner != null) {
      Emails.check(owner, "owner");
    }
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}

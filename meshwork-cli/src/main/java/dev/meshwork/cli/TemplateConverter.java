package dev.meshwork.cli;

import dev.meshwork.core.scaffold.Scaffolder;
import dev.meshwork.spec.Enums;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --template source-aligned}. */
final class TemplateConverter implements ITypeConverter<Scaffolder.Template> {

  @Override
  public Scaffolder.Template convert(String value) {
    try {
      return Enums.parse(Scaffolder.Template.class, value, "template");
    } catch (dev.meshwork.spec.error.InvalidException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The template names, for help and shell completion. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Enums.spellings(Scaffolder.Template.class).iterator();
    }
  }
}

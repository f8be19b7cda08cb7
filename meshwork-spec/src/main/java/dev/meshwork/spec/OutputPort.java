package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;

/** A way consumers read a product. {@code format} is for files ports, {@code topic} for stream ports. */
public record OutputPort(Type type, Source.Format format, String topic, String description) {

  public enum Type {
    TABLE, SQL, FILES, API, STREAM;

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }

  public OutputPort {
    if (type == null) {
      throw new InvalidException("an output port needs a type");
    }
    if (type == Type.FILES && format == null) {
      format = Source.Format.PARQUET;
    }
    if (type != Type.FILES && format != null) {
      throw new InvalidException("only a files port has a format");
    }
    if ((type == Type.STREAM) != (topic != null)) {
      throw new InvalidException(type == Type.STREAM ? "a stream port needs a topic" : "only a stream port has a topic");
    }
  }
}

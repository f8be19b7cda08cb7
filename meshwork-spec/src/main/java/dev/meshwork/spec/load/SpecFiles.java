package dev.meshwork.spec.load;

import dev.meshwork.spec.Readme;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Reads spec, SQL and README files: UTF-8 only, never more than {@link #MAX_BYTES}
 * ({@link Readme#MAX_BYTES} for a README).
 */
final class SpecFiles {

  static final long MAX_BYTES = 10L * 1024 * 1024;

  private SpecFiles() {}

  /** The file's text, or null with a problem saying why it cannot be read. */
  static String read(Path file, String display, Problems problems) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.add(Problem.error(Position.startOf(display), "", "file is " + megabytes(size)
            + "; spec files are limited to 10 MB and this one was not read"));
        return null;
      }
      return decode(Files.readAllBytes(file));
    } catch (CharacterCodingException e) {
      problems.add(Problem.error(Position.startOf(display), "", "file is not UTF-8 text"));
    } catch (IOException e) {
      problems.add(Problem.error(Position.startOf(display), "", "cannot read file: " + describe(e)));
    }
    return null;
  }

  /** A transform's SQL file, or null with a problem at the field that names it. */
  static String readSql(Path file, Node field, String path, Problems problems) {
    return readNamed(file, "SQL file", MAX_BYTES, size -> megabytes(size) + "; the limit is 10 MB", field, path,
        problems);
  }

  /** A product's README file, or null with a problem at the field that names it. */
  static String readReadme(Path file, Node field, String path, Problems problems) {
    return readNamed(file, "README file", Readme.MAX_BYTES, size -> size + " bytes; " + Readme.limit(), field, path,
        problems);
  }

  /** A file a spec field names ({@code what}: "SQL file"), of at most {@code limit} bytes. */
  private static String readNamed(Path file, String what, long limit, LongFunction<String> tooLarge, Node field,
                                  String path, Problems problems) {
    try {
      if (!Files.isRegularFile(file)) {
        problems.error(field, path, what + " not found: " + file);
        return null;
      }
      long size = Files.size(file);
      if (size > limit) {
        problems.error(field, path, what + " " + file + " is " + tooLarge.apply(size));
        return null;
      }
      return decode(Files.readAllBytes(file));
    } catch (CharacterCodingException e) {
      problems.error(field, path, what + " " + file + " is not UTF-8 text");
    } catch (IOException e) {
      problems.error(field, path, "cannot read " + what + " " + file + ": " + describe(e));
    }
    return null;
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    String text = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}

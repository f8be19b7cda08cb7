package dev.meshwork.client;

import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Position;
import dev.meshwork.spec.load.Problem;
import dev.meshwork.spec.load.SelfContained;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources of one apply as the YAML text sent to the server: each a self-contained document
 * (SQL inline, file paths absolute, since the server cannot read the client's files), separated
 * by {@code ---}. The server points its problems into that text; {@link #locate} points them back
 * at the files the resources were loaded from, by the field path each problem names.
 */
final class ApplyDocuments {

  /** The name the server gives the text it was sent. */
  static final String SENT = "request.yaml";

  private final List<LoadedResource> resources;
  private final List<Integer> firstLines = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  ApplyDocuments(List<LoadedResource> resources) {
    this.resources = List.copyOf(resources);
    int line = 1;
    for (LoadedResource loaded : this.resources) {
      if (text.length() > 0) {
        text.append("---\n");
        line++;
      }
      String document = SelfContained.document(loaded);
      document = document.endsWith("\n") ? document : document + "\n";
      firstLines.add(line);
      text.append(document);
      line += (int) document.chars().filter(c -> c == '\n').count();
    }
  }

  String text() {
    return text.toString();
  }

  /** The same failure, its problems pointing at the resources' own files. */
  InvalidException locate(InvalidException e) {
    return new InvalidException(e.getMessage(), locate(e.problems()));
  }

  List<Problem> locate(List<Problem> problems) {
    return problems.stream().map(this::locate).toList();
  }

  /** A problem in the text sent, at the field it names in the resource's file; any other as it is. */
  Problem locate(Problem problem) {
    if (!SENT.equals(problem.file())) {
      return problem;
    }
    int index = -1;
    for (int i = 0; i < firstLines.size() && firstLines.get(i) <= problem.line(); i++) {
      index = i;
    }
    if (index < 0) {
      return problem;
    }
    Position at = resources.get(index).positionOf(problem.path());
    return new Problem(problem.severity(), at.file(), at.line(), at.column(), problem.path(), problem.message());
  }
}

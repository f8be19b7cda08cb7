package dev.meshwork.spec.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Turns YAML (and so JSON, a subset of YAML 1.2) text into {@link Node} trees that keep their
 * positions. Reports duplicate keys, non-scalar keys and nesting deeper than {@link #MAX_DEPTH}
 * as problems; a syntax error ends the file with one problem that says where and why.
 */
public final class YamlReader {

  public static final int MAX_DEPTH = 64;

  /** The documents of one file and what was wrong with them. */
  public record Result(List<Document> documents, List<Problem> problems) {}

  /** One document of a file, numbered from 1. */
  public record Document(int index, Node root) {}

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Document> documents = new ArrayList<>();
  private final Map<String, Node> anchors = new HashMap<>();
  private final Deque<Builder> open = new ArrayDeque<>();

  private YamlReader(String file) {
    this.file = file;
  }

  public static Result read(String file, String text) {
    YamlReader reader = new YamlReader(file);
    reader.parse(text);
    return new Result(List.copyOf(reader.documents), List.copyOf(reader.problems));
  }

  /**
   * Reads JSON text. JSON allows tabs only between tokens (inside strings they must be escaped),
   * where YAML forbids them for indentation; as spaces they keep every position the same.
   */
  public static Result readJson(String file, String text) {
    return read(file, text.replace('\t', ' '));
  }

  private void parse(String text) {
    LoadSettings settings = LoadSettings.builder().setLabel(file).setCodePointLimit(Integer.MAX_VALUE).build();
    try {
      for (Event event : new Parse(settings).parseString(text)) {
        if (!accept(event)) {
          return;
        }
      }
    } catch (MarkedYamlEngineException e) {
      problems.add(Problem.error(positionOf(e), "", SyntaxMessages.explain(e, text)));
    } catch (YamlEngineException e) {
      problems.add(Problem.error(Position.startOf(file), "", "not valid YAML: " + e.getMessage()));
    }
  }

  /** Returns false when reading must stop. */
  private boolean accept(Event event) {
    switch (event.getEventId()) {
      case DocumentStart -> {
        anchors.clear();
        open.clear();
      }
      case Scalar -> {
        ScalarEvent scalar = (ScalarEvent) event;
        Node.Scalar node = new Node.Scalar(scalar.getValue(), scalar.isPlain(), at(event));
        remember(scalar, node);
        add(node);
      }
      case Alias -> {
        String name = ((AliasEvent) event).getAlias().getValue();
        Node target = anchors.get(name);
        if (target == null) {
          problems.add(Problem.error(at(event), "", "alias *" + name + " names no anchor defined before it"));
          return false;
        }
        add(target);
      }
      case MappingStart, SequenceStart -> {
        if (open.size() >= MAX_DEPTH) {
          problems.add(Problem.error(at(event), "",
              "nesting deeper than " + MAX_DEPTH + " levels; a resource never needs that many"));
          return false;
        }
        open.push(new Builder(event instanceof MappingStartEvent, at(event), (NodeEvent) event));
      }
      case MappingEnd, SequenceEnd -> {
        Builder done = open.pop();
        Node node = done.build();
        remember(done.start, node);
        add(node);
      }
      default -> {
        // stream and document ends, comments
      }
    }
    return true;
  }

  private void remember(NodeEvent event, Node node) {
    event.getAnchor().ifPresent(anchor -> anchors.put(anchor.getValue(), node));
  }

  private void add(Node node) {
    if (open.isEmpty()) {
      documents.add(new Document(documents.size() + 1, node));
    } else {
      open.peek().add(node);
    }
  }

  private Position at(Event event) {
    return event.getStartMark().map(this::position).orElse(Position.startOf(file));
  }

  private Position position(Mark mark) {
    return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private Position positionOf(MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    return mark.map(this::position).orElse(Position.startOf(file));
  }

  /** Collects the children of an open mapping or sequence. */
  private final class Builder {
    final boolean mapping;
    final Position position;
    final NodeEvent start;
    final List<Node> children = new ArrayList<>();

    Builder(boolean mapping, Position position, NodeEvent start) {
      this.mapping = mapping;
      this.position = position;
      this.start = start;
    }

    void add(Node node) {
      children.add(node);
    }

    Node build() {
      if (!mapping) {
        return new Node.Sequence(children, position);
      }
      List<Node.Entry> entries = new ArrayList<>();
      Map<String, Position> seen = new HashMap<>();
      for (int i = 0; i + 1 < children.size(); i += 2) {
        Node key = children.get(i);
        if (!(key instanceof Node.Scalar scalar)) {
          problems.add(Problem.error(key.position(), "", "a key must be a plain name, not " + key.describe()));
          continue;
        }
        Position first = seen.putIfAbsent(scalar.value(), scalar.position());
        if (first != null) {
          problems.add(Problem.error(scalar.position(), "",
              "duplicate key '" + scalar.value() + "' (first defined at line " + first.line() + ")"));
          continue;
        }
        entries.add(new Node.Entry(scalar, children.get(i + 1)));
      }
      return new Node.Mapping(entries, position);
    }
  }
}

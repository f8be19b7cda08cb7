package dev.meshwork.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import dev.meshwork.spec.load.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the server's error answers ({@code {"error", "message", "details"}}) back into the
 * exceptions the platform throws in-process, in one place, so a command says the same and exits
 * the same whichever way it ran: 400 invalid (with the problems), 401 and 403 denied, 404 not
 * found, 409 conflict, 413 invalid, 5xx and anything unexpected an engine failure.
 */
final class RemoteErrors {

  private RemoteErrors() {}

  /** The exception for an answer with status {@code status} and body {@code body} (null when not JSON). */
  static RuntimeException of(String url, int status, JsonNode body) {
    String code = text(body, "error");
    String message = text(body, "message");
    if (code == null || message == null) {
      return new EngineException("cannot use the platform at " + url + ": it answered HTTP " + status
          + " without a Meshwork error; is this the address of mesh serve?");
    }
    switch (status) {
      case 400:
      case 413:
      case 422:
        return new InvalidException(message, problems(body.get("details")));
      case 401:
        return new DeniedException("cannot use the platform at " + url + ": " + message
            + "; give a valid API token (MESH_TOKEN, or mesh login)");
      case 403:
        return new DeniedException(message);
      case 404:
        return new NotFoundException(message);
      case 409:
        return "already_exists".equals(code) ? new AlreadyExistsException(message) : new ConflictException(message);
      default:
        return new EngineException(message);
    }
  }

  /** The problems listed in {@code details}, or none when it lists something else. */
  private static List<Problem> problems(JsonNode details) {
    List<Problem> problems = new ArrayList<>();
    if (details == null || !details.isArray()) {
      return problems;
    }
    for (JsonNode each : details) {
      if (!each.isObject() || !each.hasNonNull("message") || !each.hasNonNull("file")) {
        return List.of();
      }
      problems.add(ClientJson.read(each, Problem.class, "a problem the server listed"));
    }
    return problems;
  }

  static String text(JsonNode body, String field) {
    JsonNode value = body == null ? null : body.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}

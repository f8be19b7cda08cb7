package dev.meshwork.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import org.junit.jupiter.api.Test;

/** Each error answer becomes the exception the platform throws in-process, with the server's message. */
class RemoteErrorsTest {

  static final String URL = "http://mesh.example.com:7420";

  private static RuntimeException error(int status, String body) {
    return RemoteErrors.of(URL, status, ClientJson.tree(body));
  }

  @Test
  void invalidCarriesTheProblemsListed() {
    RuntimeException e = error(400, """
        {"error": "invalid", "message": "nothing was applied: 1 problem found", "details": [
          {"severity": "ERROR", "file": "request.yaml", "line": 3, "column": 17, "path": "metadata.name", "message": "bad name"}]}
        """);
    assertThat(e).isInstanceOf(InvalidException.class).hasMessage("nothing was applied: 1 problem found");
    assertThat(((InvalidException) e).problems()).extracting(Object::toString)
        .containsExactly("request.yaml:3:17: metadata.name: bad name");
  }

  @Test
  void detailsThatAreNoProblemsAreLeftOut() {
    RuntimeException e = error(400, """
        {"error": "malformed_json", "message": "cannot read the request body: expected a JSON object", "details": {"line": 2}}
        """);
    assertThat(e).isInstanceOf(InvalidException.class).hasMessage("cannot read the request body: expected a JSON object");
    assertThat(((InvalidException) e).problems()).isEmpty();
  }

  @Test
  void unauthenticatedIsDeniedWithWhatToDo() {
    assertThat(error(401, "{\"error\": \"unauthenticated\", \"message\": \"token expired\", \"details\": null}"))
        .isInstanceOf(DeniedException.class)
        .hasMessage("cannot use the platform at http://mesh.example.com:7420: token expired; "
            + "give a valid API token (MESH_TOKEN, or mesh login)");
  }

  @Test
  void eachOtherStatusHasItsException() {
    assertThat(error(403, "{\"error\": \"denied\", \"message\": \"user cora may not build products\"}"))
        .isInstanceOf(DeniedException.class).hasMessage("user cora may not build products");
    assertThat(error(404, "{\"error\": \"not_found\", \"message\": \"no product shop.nope\"}"))
        .isInstanceOf(NotFoundException.class).hasMessage("no product shop.nope");
    assertThat(error(409, "{\"error\": \"conflict\", \"message\": \"a build of shop.sales is running\"}"))
        .isInstanceOf(ConflictException.class).hasMessage("a build of shop.sales is running");
    assertThat(error(409, "{\"error\": \"already_exists\", \"message\": \"user ana exists\"}"))
        .isInstanceOf(AlreadyExistsException.class).hasMessage("user ana exists");
    assertThat(error(413, "{\"error\": \"too_large\", \"message\": \"it is larger than 4096 bytes\"}"))
        .isInstanceOf(InvalidException.class).hasMessage("it is larger than 4096 bytes");
    assertThat(error(500, "{\"error\": \"internal\", \"message\": \"an internal error occurred (see the server log)\"}"))
        .isInstanceOf(EngineException.class).hasMessage("an internal error occurred (see the server log)");
    assertThat(error(503, "{\"error\": \"unavailable\", \"message\": \"the server is stopping\"}"))
        .isInstanceOf(EngineException.class).hasMessage("the server is stopping");
  }

  @Test
  void anAnswerWithoutTheErrorShapeSaysSo() {
    assertThat(RemoteErrors.of(URL, 502, null)).isInstanceOf(EngineException.class)
        .hasMessage("cannot use the platform at http://mesh.example.com:7420: it answered HTTP 502 without a Meshwork error; "
            + "is this the address of mesh serve?");
  }
}

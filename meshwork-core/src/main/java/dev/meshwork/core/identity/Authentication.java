package dev.meshwork.core.identity;

import dev.meshwork.spec.error.InvalidException;
import java.util.Optional;

/**
 * The outcome of checking a token: the principal when the token is good, else why it is not,
 * so that the server can answer 401 with that reason.
 */
public record Authentication(Optional<Principal> principal, Optional<Failure> failure) {

  /** Why a token was refused; {@link #message()} is what the server says. */
  public enum Failure {
    INVALID("invalid token"),
    EXPIRED("token expired"),
    REVOKED("token revoked");

    private final String message;

    Failure(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  public Authentication {
    if (principal.isPresent() == failure.isPresent()) {
      throw new InvalidException("cannot make an authentication: it needs either a principal or a failure");
    }
  }

  static Authentication of(Principal principal) {
    return new Authentication(Optional.of(principal), Optional.empty());
  }

  static Authentication refused(Failure failure) {
    return new Authentication(Optional.empty(), Optional.of(failure));
  }

  public boolean succeeded() {
    return principal.isPresent();
  }
}

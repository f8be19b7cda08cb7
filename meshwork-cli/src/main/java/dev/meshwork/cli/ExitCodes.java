package dev.meshwork.cli;

/** Exit codes of every command: 0 ok, 1 a failed check, 2 bad input or usage, 3 an internal error. */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int FAILED_CHECK = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}

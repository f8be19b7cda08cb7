package dev.meshwork.server;

/** The one shape of every error response: a stable code, a message for people, and details or null. */
public record ApiError(String error, String message, Object details) {}

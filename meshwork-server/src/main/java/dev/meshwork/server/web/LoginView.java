package dev.meshwork.server.web;

/** The login form: where to go once logged in, and why the last attempt failed (null when none). */
public record LoginView(String next, String failure) {}

package org.trellis.api.outbox;

/**
 * Published on this instance, on the outbox listener's thread, each time its channel connection is up and listening
 * (again): events committed while it was away were not announced, so listeners catch up from what they saw last.
 */
public record OutboxListening() {}

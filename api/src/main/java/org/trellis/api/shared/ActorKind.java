package org.trellis.api.shared;

/** What kind of caller a verified token represents. */
public enum ActorKind {
    PERSON,
    SERVICE_CLIENT,
    PLATFORM_OPERATOR
}

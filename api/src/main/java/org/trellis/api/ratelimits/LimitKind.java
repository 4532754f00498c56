package org.trellis.api.ratelimits;

/** The kinds of bucket, each named as in {@code rate_limit_override.kind} and the refusal counter's {@code limit} tag. */
enum LimitKind {
    GRAPHQL_TENANT("graphql_tenant"),
    GRAPHQL_ACTOR("graphql_actor"),
    SCIM("scim"),
    WEBHOOKS("webhooks");

    private final String tag;

    LimitKind(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }
}

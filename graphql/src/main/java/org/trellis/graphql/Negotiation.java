package org.trellis.graphql;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.function.ServerRequest;

/** The media types GraphQL over HTTP reads and writes here, checked before anything executes. */
final class Negotiation {

    static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    /** Deprecated by the GraphQL-over-HTTP draft, still sent by older clients. */
    static final MediaType LEGACY_GRAPHQL = MediaType.parseMediaType("application/graphql+json");

    static final List<MediaType> READABLE = List.of(MediaType.APPLICATION_JSON, LEGACY_GRAPHQL);
    static final List<MediaType> PRODUCIBLE = List.of(GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON, LEGACY_GRAPHQL);

    private Negotiation() {}

    /** Refuses (406) a request none of whose accepted media types a GraphQL response can have. */
    static void requireAcceptable(ServerRequest request) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted;
        try {
            accepted = request.headers().accept();
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException(PRODUCIBLE);
        }
        if (!accepted.isEmpty()
                && accepted.stream().noneMatch(type -> PRODUCIBLE.stream().anyMatch(type::isCompatibleWith))) {
            throw new HttpMediaTypeNotAcceptableException(PRODUCIBLE);
        }
    }
}

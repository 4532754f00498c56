package org.trellis.api.audit;

import graphql.execution.DataFetcherResult;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.GlobalId;

/** GraphQL: the tenant's audit log. */
@Controller
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @QueryMapping
    DataFetcherResult<Window<AuditEvent>> auditEvents(@Argument @Nullable FilterInput filter, ScrollSubrange subrange) {
        AuditFilter criteria = filter == null
                ? new AuditFilter(null, null, null, null, null, null)
                : new AuditFilter(
                        filter.action(),
                        filter.targetType(),
                        ref(filter.targetId()),
                        ref(filter.actorId()),
                        filter.from() == null ? null : filter.from().toInstant(),
                        filter.to() == null ? null : filter.to().toInstant());
        return audit.list(ActorAuthentication.current(), criteria, subrange);
    }

    /** The acting person's or service client's global id; null for a platform operator (not a Trellis object). */
    @SchemaMapping(typeName = "AuditEvent", field = "actorId")
    @Nullable
    String actorId(AuditEvent event) {
        return switch (ActorKind.valueOf(event.actorKind())) {
            case PERSON -> globalId("Person", event.actorRef());
            case SERVICE_CLIENT -> globalId("ServiceClient", event.actorRef());
            case PLATFORM_OPERATOR -> null;
        };
    }

    /** The changed object's global id, of its target type. */
    @SchemaMapping(typeName = "AuditEvent", field = "targetId")
    @Nullable
    String targetId(AuditEvent event) {
        return globalId(event.targetType(), event.targetRef());
    }

    private static @Nullable String globalId(String type, String ref) {
        try {
            return GlobalId.encode(type, UUID.fromString(ref));
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /** Audit entries name targets and actors by their raw UUID; inputs use global ids. */
    private static @Nullable String ref(@Nullable String globalId) {
        if (globalId == null) {
            return null;
        }
        return GlobalId.decode(globalId)
                .map(id -> id.id().toString())
                .orElseThrow(() -> new NotFoundException("Object"));
    }

    record FilterInput(
            @Nullable String action,
            @Nullable String targetType,
            @Nullable String targetId,
            @Nullable String actorId,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to) {}
}

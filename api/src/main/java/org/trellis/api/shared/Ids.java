package org.trellis.api.shared;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The typed ids that GraphQL arguments and input fields bind to. A global id is decoded once, at the edge, by the
 * argument binder ({@code system.TypedIdConverter}); an id of another type, or one that does not decode, answers
 * NOT_FOUND before any controller runs. Each record's GraphQL type is its simple name without the {@code Id} suffix.
 */
public final class Ids {

    private Ids() {}

    /** A decoded global id of one GraphQL type. */
    public sealed interface TypedId {
        UUID value();
    }

    public record PersonId(UUID value) implements TypedId {}

    public record TeamId(UUID value) implements TypedId {}

    public record ExternalAccountId(UUID value) implements TypedId {}

    public record TenantId(UUID value) implements TypedId {}

    public record IdentityProviderId(UUID value) implements TypedId {}

    public record ServiceClientId(UUID value) implements TypedId {}

    public record ScimCredentialId(UUID value) implements TypedId {}

    public record FrameworkVersionId(UUID value) implements TypedId {}

    public record CompetencyId(UUID value) implements TypedId {}

    public record EvidenceId(UUID value) implements TypedId {}

    public record MentorshipId(UUID value) implements TypedId {}

    public record MentoringGoalId(UUID value) implements TypedId {}

    public record MentoringSessionId(UUID value) implements TypedId {}

    public record MentoringActionId(UUID value) implements TypedId {}

    public record WebhookEndpointId(UUID value) implements TypedId {}

    public record UnmatchedEventId(UUID value) implements TypedId {}

    public record WebhookSubscriptionId(UUID value) implements TypedId {}

    public record WebhookDeliveryId(UUID value) implements TypedId {}

    public record AssessmentCycleId(UUID value) implements TypedId {}

    public record PromotionCaseId(UUID value) implements TypedId {}

    /** The GraphQL type a typed id class stands for. */
    public static String typeName(Class<? extends TypedId> idClass) {
        String name = idClass.getSimpleName();
        return name.substring(0, name.length() - "Id".length());
    }

    /** The UUID of an optional typed id. */
    public static @Nullable UUID valueOf(@Nullable TypedId id) {
        return id == null ? null : id.value();
    }
}

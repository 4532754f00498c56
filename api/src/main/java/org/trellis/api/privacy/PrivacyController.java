package org.trellis.api.privacy;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.graphql.GlobalId;
import org.trellis.graphql.UserError;

/** Personal data rights and retention over GraphQL. */
@Controller
class PrivacyController {

    private final PersonalDataExports exports;
    private final PersonErasure erasure;
    private final RetentionSettings retention;

    PrivacyController(PersonalDataExports exports, PersonErasure erasure, RetentionSettings retention) {
        this.exports = exports;
        this.erasure = erasure;
        this.retention = retention;
    }

    @QueryMapping
    RetentionPolicy retentionPolicy() {
        return retention.get(ActorAuthentication.current());
    }

    @MutationMapping
    ExportPayload exportPersonalData(@Argument ExportInput input) {
        return new ExportPayload(
                exports.export(ActorAuthentication.current(), input.personId().value()), List.of());
    }

    @MutationMapping
    ErasePayload erasePerson(@Argument EraseInput input) {
        Instant erasedAt = erasure.erase(
                ActorAuthentication.current(),
                input.personId().value(),
                input.confirmPersonId().value());
        return new ErasePayload(GlobalId.encode("Person", input.personId().value()), erasedAt, List.of());
    }

    @MutationMapping
    RetentionPayload setRetentionPolicy(@Argument RetentionPolicy input) {
        return new RetentionPayload(retention.set(ActorAuthentication.current(), input), List.of());
    }

    record ExportInput(PersonId personId) {}

    record EraseInput(PersonId personId, PersonId confirmPersonId) {}

    record ExportPayload(PersonalDataExports.@Nullable Export export, List<UserError> userErrors) {}

    record ErasePayload(@Nullable String personId, @Nullable Instant erasedAt, List<UserError> userErrors) {}

    record RetentionPayload(@Nullable RetentionPolicy retentionPolicy, List<UserError> userErrors) {}
}

package org.trellis.api.webhooks;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceCapture;
import org.trellis.api.people.ExternalAccount;
import org.trellis.api.people.ExternalAccountService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.Scopes;

/**
 * Turns an observation into evidence for the person its account is linked to, or keeps it as an unmatched event:
 * work is never silently dropped. Runs inside the caller's tenant transaction.
 */
@Component
class Attribution {

    private final ExternalAccountService people;
    private final EvidenceCapture capture;
    private final UnmatchedEvents unmatched;

    Attribution(ExternalAccountService people, EvidenceCapture capture, UnmatchedEvents unmatched) {
        this.people = people;
        this.capture = capture;
        this.unmatched = unmatched;
    }

    /** The caller deliveries act as: the endpoint, able to read people and write evidence, nothing else. */
    static Actor endpointActor(UUID tenantId, UUID endpointId, WebhookProvider provider) {
        return new Actor(
                ActorKind.SERVICE_CLIENT,
                tenantId,
                null,
                endpointId,
                "webhook:" + provider.name().toLowerCase(Locale.ROOT) + ":" + endpointId,
                Set.of(),
                Set.of(Scopes.PEOPLE_READ, Scopes.EVIDENCE_WRITE));
    }

    Outcome attribute(UUID tenantId, UUID endpointId, WebhookProvider provider, Observation observation) {
        Actor actor = endpointActor(tenantId, endpointId, provider);
        Optional<UUID> person = people.linkedPerson(
                actor, accountProvider(provider), observation.account().id());
        if (person.isEmpty()) {
            unmatched.keep(tenantId, endpointId, provider, observation, UnmatchedEvent.Reason.UNKNOWN_ACCOUNT, null);
            return new Outcome(Result.UNMATCHED, null);
        }
        return captureFor(actor, person.get(), provider, observation, tenantId, endpointId);
    }

    /** Captures for a known person; a missing competency is kept for an admin unless the observation is optional. */
    Outcome captureFor(
            Actor actor,
            UUID personId,
            WebhookProvider provider,
            Observation observation,
            UUID tenantId,
            UUID endpointId) {
        EvidenceCapture.Result result = capture.capture(
                actor,
                new EvidenceCapture.Captured(
                        personId,
                        observation.kind(),
                        observation.competencyKeys(),
                        observation.title(),
                        observation.description(),
                        observation.occurredOn(),
                        observation.link() == null ? java.util.List.of() : java.util.List.of(observation.link()),
                        source(provider),
                        observation.externalId()));
        return switch (result.outcome()) {
            case CREATED -> new Outcome(Result.CAPTURED, result.evidence());
            case ALREADY_CAPTURED -> new Outcome(Result.ALREADY_CAPTURED, result.evidence());
            case NO_COMPETENCY -> {
                if (observation.optional()) {
                    yield new Outcome(Result.SKIPPED, null);
                }
                unmatched.keep(
                        tenantId, endpointId, provider, observation, UnmatchedEvent.Reason.NO_COMPETENCY, personId);
                yield new Outcome(Result.UNMATCHED, null);
            }
        };
    }

    static ExternalAccount.Provider accountProvider(WebhookProvider provider) {
        return switch (provider) {
            case GITHUB -> ExternalAccount.Provider.GITHUB;
            case PAGERDUTY -> ExternalAccount.Provider.PAGERDUTY;
        };
    }

    private static Evidence.Source source(WebhookProvider provider) {
        return switch (provider) {
            case GITHUB -> Evidence.Source.GITHUB;
            case PAGERDUTY -> Evidence.Source.PAGERDUTY;
        };
    }

    /** What became of one observation. */
    enum Result {
        CAPTURED,
        ALREADY_CAPTURED,
        UNMATCHED,
        /** Optional work (delivery) for someone whose framework does not track it. */
        SKIPPED
    }

    record Outcome(Result result, @Nullable Evidence evidence) {}
}

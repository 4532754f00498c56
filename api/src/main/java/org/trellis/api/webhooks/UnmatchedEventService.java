package org.trellis.api.webhooks;

import graphql.execution.DataFetcherResult;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.people.ExternalAccountService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.KeysetWindows;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * The unmatched-events queue. Tenant admins map an event to a person: the account is linked to them (so later
 * deliveries are attributed directly) and every pending event of that account is captured as their evidence. Or
 * they dismiss it.
 */
@Service
class UnmatchedEventService {

    private final UnmatchedEvents events;
    private final PeopleService people;
    private final ExternalAccountService accounts;
    private final Attribution attribution;
    private final AuditTrail audit;

    UnmatchedEventService(
            UnmatchedEvents events,
            PeopleService people,
            ExternalAccountService accounts,
            Attribution attribution,
            AuditTrail audit) {
        this.events = events;
        this.people = people;
        this.accounts = accounts;
        this.attribution = attribution;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    DataFetcherResult<Window<UnmatchedEvent>> list(Actor actor, UnmatchedEvent.Status status, ScrollSubrange subrange) {
        WebhookPolicy.requireAdmin(actor);
        KeysetWindows.Page page = KeysetWindows.page(subrange, 20, 100);
        return events.withStatus(status, page).window(page, UnmatchedEvents::keys);
    }

    @Transactional(readOnly = true)
    UnmatchedEvent get(Actor actor, UUID id) {
        WebhookPolicy.requireAdmin(actor);
        return events.findById(id).orElseThrow(() -> new NotFoundException("Unmatched event"));
    }

    @Transactional
    UnmatchedEvent map(Actor actor, UUID id, UUID personId) {
        UnmatchedEvent event = pending(actor, id);
        if (!people.exists(actor, personId)) {
            throw new NotFoundException("Person");
        }
        var provider = Attribution.accountProvider(event.provider());
        Optional<UUID> linked = accounts.linkedPerson(actor, provider, event.account());
        if (linked.isEmpty()) {
            try {
                accounts.link(actor, personId, provider, null, event.account());
            } catch (InvalidInputException e) {
                throw InvalidInputException.of(new UserError(
                        java.util.List.of("input", "id"),
                        "This account cannot be linked: "
                                + e.userErrors().getFirst().message(),
                        Code.INVALID));
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new ConflictException(
                        "The account was linked at the same moment; reload and try again.", "input", "id");
            }
        } else if (!linked.get().equals(personId)) {
            throw InvalidInputException.of(new UserError(
                    java.util.List.of("input", "personId"),
                    "The account is linked to someone else; unlink it first.",
                    Code.INVALID));
        }
        int captured = 0;
        for (UnmatchedEvent pending : events.pendingOf(event.provider(), event.account())) {
            Actor endpoint = Attribution.endpointActor(actor.tenant(), pending.endpointId(), pending.provider());
            Attribution.Outcome outcome = attribution.captureFor(
                    endpoint,
                    personId,
                    pending.provider(),
                    pending.observation(),
                    actor.tenant(),
                    pending.endpointId());
            if (outcome.result() == Attribution.Result.UNMATCHED) {
                events.stillMissingCompetency(pending.id(), personId);
            } else {
                events.resolve(
                        pending.id(),
                        UnmatchedEvent.Status.MAPPED,
                        personId,
                        outcome.evidence() == null ? null : outcome.evidence().id(),
                        String.valueOf(actor.personId()));
                captured++;
            }
        }
        audit.record(
                actor,
                actor.tenant(),
                "unmatched-event.mapped",
                "UnmatchedEvent",
                id,
                Map.of("person", personId, "account", event.account(), "resolved", captured));
        return events.findById(id).orElseThrow();
    }

    @Transactional
    UnmatchedEvent dismiss(Actor actor, UUID id) {
        pending(actor, id);
        events.resolve(id, UnmatchedEvent.Status.DISMISSED, null, null, String.valueOf(actor.personId()));
        audit.record(actor, actor.tenant(), "unmatched-event.dismissed", "UnmatchedEvent", id, Map.of());
        return events.findById(id).orElseThrow();
    }

    private UnmatchedEvent pending(Actor actor, UUID id) {
        UnmatchedEvent event = get(actor, id);
        if (event.status() != UnmatchedEvent.Status.PENDING) {
            throw new ConflictException(
                    "The event was already " + event.status().name().toLowerCase(Locale.ROOT) + ".", "input", "id");
        }
        return event;
    }
}

package org.trellis.api.live;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.evidence.EvidenceService;
import org.trellis.api.outbox.OutboxEvent;
import org.trellis.api.readiness.ReadinessVisibility;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.EventType;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.UserError;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code Subscription} fields. Subscribing is authorized like the matching query; then every event is authorized
 * again, as the subscriber, when it arrives (their reports and mentees may have changed), and an event they could
 * not read now is skipped, never sent. The object in the payload is read the same way, so it is what they would see.
 */
@Controller
class LiveController {

    /** Events a subscription may fall behind before it is ended (rather than silently missing some). */
    static final int BACKLOG = 1024;

    private final LiveFeed feed;
    private final LiveSessions sessions;
    private final EvidenceService evidence;
    private final ReadinessVisibility readiness;

    LiveController(LiveFeed feed, LiveSessions sessions, EvidenceService evidence, ReadinessVisibility readiness) {
        this.feed = feed;
        this.sessions = sessions;
        this.evidence = evidence;
        this.readiness = readiness;
    }

    @SubscriptionMapping
    Flux<LiveEvents.EvidenceChanged> evidenceChanged(
            @Argument @Nullable PersonId personId,
            @ContextValue(name = LiveAuthentication.SESSION, required = false) @Nullable String session) {
        Actor actor = ActorAuthentication.current();
        UUID person = personOrSelf(actor, personId);
        evidence.requireSeesEvidenceOf(actor, person);
        return stream(actor, session, event -> {
            if (event.type() != EventType.EVIDENCE_CHANGED || !person.equals(event.personId())) {
                return null;
            }
            return evidence.getAll(actor, List.of(event.subjectId())).stream()
                    .findFirst()
                    .map(item -> LiveEvents.EvidenceChanged.of(event, item))
                    .orElse(null);
        });
    }

    @SubscriptionMapping
    Flux<LiveEvents.ReadinessChanged> readinessChanged(
            @Argument @Nullable PersonId personId,
            @ContextValue(name = LiveAuthentication.SESSION, required = false) @Nullable String session) {
        Actor actor = ActorAuthentication.current();
        UUID person = personOrSelf(actor, personId);
        readiness.visiblePerson(actor, person);
        return stream(actor, session, event -> {
            if (event.type() != EventType.READINESS_CHANGED || !person.equals(event.personId())) {
                return null;
            }
            try {
                return LiveEvents.ReadinessChanged.of(event, readiness.visiblePerson(actor, person));
            } catch (NotFoundException | ForbiddenException hidden) {
                return null;
            }
        });
    }

    @SubscriptionMapping
    Flux<LiveEvents.ReviewQueueChanged> reviewQueueChanged(
            @ContextValue(name = LiveAuthentication.SESSION, required = false) @Nullable String session) {
        Actor actor = ActorAuthentication.current();
        if (actor.kind() != ActorKind.PERSON || actor.tenantId() == null) {
            throw new ForbiddenException("The review queue is for people; service clients have none.");
        }
        return stream(actor, session, event -> {
            if (event.type() != EventType.EVIDENCE_CHANGED || !LiveEvents.movesQueue(event)) {
                return null;
            }
            Optional<LiveEvents.ReviewQueueChanged> change = evidence.reviewable(actor, event.subjectId())
                    .map(item -> LiveEvents.ReviewQueueChanged.of(event, item));
            return change.orElse(null);
        });
    }

    /**
     * The caller's tenant's events, mapped (and filtered, by answering null) off the listener's thread, each in a
     * transaction of the caller's tenant; counted on the connection while subscribed.
     */
    private <T> Flux<T> stream(Actor actor, @Nullable String session, Function<OutboxEvent, @Nullable T> mapping) {
        if (session == null) {
            throw InvalidInputException.of(new UserError(
                    List.of(),
                    "Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.",
                    UserError.Code.INVALID));
        }
        UUID tenant = actor.tenant();
        Runnable release = sessions.subscribed(session);
        return feed.events(tenant)
                .onBackpressureBuffer(BACKLOG)
                .onErrorMap(
                        Exceptions::isOverflow,
                        overflow -> new ConflictException("This subscription fell more than " + BACKLOG
                                + " events behind and was ended; subscribe again and re-read what you follow."))
                .publishOn(Schedulers.boundedElastic())
                .<T>mapNotNull(event -> CallerScope.inTenant(tenant, () -> mapping.apply(event)))
                .doFinally(signal -> release.run());
    }

    private static UUID personOrSelf(Actor actor, @Nullable PersonId personId) {
        if (personId != null) {
            return personId.value();
        }
        if (actor.personId() == null) {
            throw new ForbiddenException(
                    "Name the person: service clients have no evidence or readiness of their own.");
        }
        return actor.personId();
    }
}

package org.trellis.api.webhooks;

import static org.trellis.persistence.jooq.Tables.UNMATCHED_EVENT;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.shared.KeysetOrder;
import org.trellis.api.shared.Paged;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.KeysetWindows;

/** Unmatched events of the transaction's tenant; one per (provider, external id), so replays add nothing. */
@Repository
class UnmatchedEvents {

    private final DSLContext db;

    UnmatchedEvents(DSLContext db) {
        this.db = db;
    }

    /** Keeps an observation for later; nothing happens when the same work is already kept. */
    void keep(
            UUID tenantId,
            UUID endpointId,
            WebhookProvider provider,
            Observation observation,
            UnmatchedEvent.Reason reason,
            @Nullable UUID personId) {
        db.insertInto(UNMATCHED_EVENT)
                .set(UNMATCHED_EVENT.TENANT_ID, tenantId)
                .set(UNMATCHED_EVENT.ID, UUID.randomUUID())
                .set(UNMATCHED_EVENT.ENDPOINT_ID, endpointId)
                .set(UNMATCHED_EVENT.PROVIDER, provider.name())
                .set(UNMATCHED_EVENT.ACCOUNT, observation.account().id())
                .set(UNMATCHED_EVENT.ACCOUNT_NAME, clip(observation.account().name(), 200))
                .set(UNMATCHED_EVENT.KIND, observation.kind().name())
                .set(UNMATCHED_EVENT.TITLE, clip(observation.title(), 200))
                .set(UNMATCHED_EVENT.DESCRIPTION, clip(observation.description(), 20_000))
                .set(
                        UNMATCHED_EVENT.LINK,
                        observation.link() != null && observation.link().length() <= 2000 ? observation.link() : null)
                .set(UNMATCHED_EVENT.OCCURRED_ON, observation.occurredOn())
                .set(UNMATCHED_EVENT.EXTERNAL_ID, observation.externalId())
                .set(UNMATCHED_EVENT.REASON, reason.name())
                .set(UNMATCHED_EVENT.STATUS, UnmatchedEvent.Status.PENDING.name())
                .set(UNMATCHED_EVENT.PERSON_ID, personId)
                .onConflictDoNothing()
                .execute();
    }

    Optional<UnmatchedEvent> findById(UUID id) {
        return db.selectFrom(UNMATCHED_EVENT).where(UNMATCHED_EVENT.ID.eq(id)).fetchOptional(UnmatchedEvents::toEvent);
    }

    /** Newest first, then by id. */
    private static final KeysetOrder NEWEST = KeysetOrder.of(
            KeysetOrder.descending("createdAt", UNMATCHED_EVENT.CREATED_AT),
            KeysetOrder.ascending("id", UNMATCHED_EVENT.ID));

    /** A page of the events in one status, newest first. */
    Paged<UnmatchedEvent> withStatus(UnmatchedEvent.Status status, KeysetWindows.Page page) {
        Condition where = UNMATCHED_EVENT.STATUS.eq(status.name());
        return Paged.of(
                NEWEST.page(sort -> db.selectFrom(UNMATCHED_EVENT).where(where).orderBy(sort), page)
                        .fetch(UnmatchedEvents::toEvent),
                db,
                UNMATCHED_EVENT,
                where);
    }

    /** An event's cursor keys in {@link #withStatus}. */
    static Map<String, String> keys(UnmatchedEvent event) {
        return NEWEST.keys(event.createdAt(), event.id());
    }

    /** Pending events of one account, oldest first, locked so two admins mapping at once do not both capture. */
    List<UnmatchedEvent> pendingOf(WebhookProvider provider, String account) {
        return db.selectFrom(UNMATCHED_EVENT)
                .where(UNMATCHED_EVENT.PROVIDER.eq(provider.name()))
                .and(UNMATCHED_EVENT.ACCOUNT.eq(account))
                .and(UNMATCHED_EVENT.STATUS.eq(UnmatchedEvent.Status.PENDING.name()))
                .orderBy(UNMATCHED_EVENT.CREATED_AT, UNMATCHED_EVENT.ID)
                .forUpdate()
                .fetch(UnmatchedEvents::toEvent);
    }

    void resolve(
            UUID id,
            UnmatchedEvent.Status status,
            @Nullable UUID personId,
            @Nullable UUID evidenceId,
            String resolvedBy) {
        db.update(UNMATCHED_EVENT)
                .set(UNMATCHED_EVENT.STATUS, status.name())
                .set(UNMATCHED_EVENT.PERSON_ID, personId)
                .set(UNMATCHED_EVENT.EVIDENCE_ID, evidenceId)
                .set(UNMATCHED_EVENT.RESOLVED_BY, resolvedBy)
                .set(UNMATCHED_EVENT.RESOLVED_AT, Instant.now())
                .where(UNMATCHED_EVENT.ID.eq(id))
                .execute();
    }

    void stillMissingCompetency(UUID id, UUID personId) {
        db.update(UNMATCHED_EVENT)
                .set(UNMATCHED_EVENT.REASON, UnmatchedEvent.Reason.NO_COMPETENCY.name())
                .set(UNMATCHED_EVENT.PERSON_ID, personId)
                .where(UNMATCHED_EVENT.ID.eq(id))
                .execute();
    }

    /** Deletes up to {@code limit} events dismissed before {@code cutoff}, oldest first; how many. */
    int deleteDismissedBefore(Instant cutoff, int limit) {
        return db.deleteFrom(UNMATCHED_EVENT)
                .where(UNMATCHED_EVENT.ID.in(db.select(UNMATCHED_EVENT.ID)
                        .from(UNMATCHED_EVENT)
                        .where(UNMATCHED_EVENT.STATUS.eq(UnmatchedEvent.Status.DISMISSED.name()))
                        .and(UNMATCHED_EVENT.RESOLVED_AT.lt(cutoff))
                        .orderBy(UNMATCHED_EVENT.RESOLVED_AT)
                        .limit(limit)))
                .and(UNMATCHED_EVENT.STATUS.eq(UnmatchedEvent.Status.DISMISSED.name()))
                .execute();
    }

    /** Machine text is kept, without the control characters people may not enter, and cut to {@code max}. */
    private static @Nullable String clip(@Nullable String text, int max) {
        String clean = text == null ? null : Validation.withoutForbiddenControls(text);
        return clean == null || clean.length() <= max ? clean : clean.substring(0, max);
    }

    private static UnmatchedEvent toEvent(Record row) {
        return new UnmatchedEvent(
                row.get(UNMATCHED_EVENT.ID),
                row.get(UNMATCHED_EVENT.ENDPOINT_ID),
                WebhookProvider.valueOf(row.get(UNMATCHED_EVENT.PROVIDER)),
                row.get(UNMATCHED_EVENT.ACCOUNT),
                row.get(UNMATCHED_EVENT.ACCOUNT_NAME),
                Evidence.Kind.valueOf(row.get(UNMATCHED_EVENT.KIND)),
                row.get(UNMATCHED_EVENT.TITLE),
                row.get(UNMATCHED_EVENT.DESCRIPTION),
                row.get(UNMATCHED_EVENT.LINK),
                row.get(UNMATCHED_EVENT.OCCURRED_ON),
                row.get(UNMATCHED_EVENT.EXTERNAL_ID),
                UnmatchedEvent.Reason.valueOf(row.get(UNMATCHED_EVENT.REASON)),
                UnmatchedEvent.Status.valueOf(row.get(UNMATCHED_EVENT.STATUS)),
                row.get(UNMATCHED_EVENT.PERSON_ID),
                row.get(UNMATCHED_EVENT.EVIDENCE_ID),
                row.get(UNMATCHED_EVENT.RESOLVED_AT),
                row.get(UNMATCHED_EVENT.CREATED_AT));
    }
}

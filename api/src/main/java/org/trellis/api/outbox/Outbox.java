package org.trellis.api.outbox;

import static org.trellis.persistence.jooq.Tables.OUTBOX_EVENT;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.DomainEvent;
import org.trellis.api.shared.EventType;
import org.trellis.persistence.FixedInsert;
import org.trellis.persistence.WritesAtCommit;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transaction's tenant's outbox. Stores each {@link DomainEvent} in the transaction that published it (the
 * event and the change commit or roll back together) and reads stored events back for deliverers.
 */
@Repository
public class Outbox {

    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;
    private final OutboxAnnouncer announcer;
    private final FixedInsert insertEvents;

    Outbox(DSLContext db, JsonMapper json, OutboxAnnouncer announcer) {
        this.db = db;
        this.json = json;
        this.announcer = announcer;
        this.insertEvents = FixedInsert.into(
                db,
                OUTBOX_EVENT,
                OUTBOX_EVENT.TENANT_ID,
                OUTBOX_EVENT.ID,
                OUTBOX_EVENT.TYPE,
                OUTBOX_EVENT.SUBJECT_ID,
                OUTBOX_EVENT.PERSON_ID,
                OUTBOX_EVENT.DATA);
    }

    /**
     * Stores the event with the transaction: events published while it runs are inserted together, in the order
     * published, as it commits ({@link WritesAtCommit}: a failed insert fails the commit, so the change and its events
     * still commit or roll back together), and announced once it has committed ({@link OutboxAnnouncer}).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void store(DomainEvent event) {
        WritesAtCommit.rows(db, this, this::insert, this::committed).add(new Stored(UUID.randomUUID(), event));
    }

    /** An event with the id it is stored under. */
    private record Stored(UUID id, DomainEvent event) {}

    private void committed(List<Stored> stored) {
        announcer.announce(stored.stream()
                .map(s -> new OutboxAnnouncer.Announced(s.event().tenantId(), s.id()))
                .toList());
    }

    private Query insert(List<Stored> events) {
        return insertEvents.rows(events, stored -> new Object[] {
            stored.event().tenantId(),
            stored.id(),
            stored.event().type().wireName(),
            stored.event().subjectId(),
            stored.event().personId(),
            json.writeValueAsString(stored.event().data())
        });
    }

    /** The events with these ids (at most as many as given), in order. */
    @Transactional(readOnly = true)
    public List<OutboxEvent> findAll(Collection<UUID> ids) {
        return db.selectFrom(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.ID.in(ids))
                .orderBy(OUTBOX_EVENT.SEQ)
                .fetch(this::toEvent);
    }

    /** The {@code seq} of the tenant's newest event (0 when it has none). */
    @Transactional(readOnly = true)
    public long lastSeq() {
        Long last = db.select(DSL.max(OUTBOX_EVENT.SEQ)).from(OUTBOX_EVENT).fetchOne(0, Long.class);
        return last == null ? 0 : last;
    }

    /** Up to {@code limit} events after {@code seq}, in order. */
    @Transactional(readOnly = true)
    public List<OutboxEvent> after(long seq, int limit) {
        return db.selectFrom(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.SEQ.gt(seq))
                .orderBy(OUTBOX_EVENT.SEQ)
                .limit(limit)
                .fetch(this::toEvent);
    }

    /** Deletes the tenant's events that occurred before {@code cutoff}; how many. */
    @Transactional
    public int deleteBefore(Instant cutoff) {
        return db.deleteFrom(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.OCCURRED_AT.lt(cutoff))
                .execute();
    }

    /** Deletes up to {@code limit} of the tenant's events that occurred before {@code cutoff}, oldest first; how many. */
    int deleteOldest(Instant cutoff, int limit) {
        return db.deleteFrom(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.ID.in(db.select(OUTBOX_EVENT.ID)
                        .from(OUTBOX_EVENT)
                        .where(OUTBOX_EVENT.OCCURRED_AT.lt(cutoff))
                        .orderBy(OUTBOX_EVENT.SEQ)
                        .limit(limit)))
                .execute();
    }

    private OutboxEvent toEvent(Record row) {
        return new OutboxEvent(
                row.get(OUTBOX_EVENT.ID),
                row.get(OUTBOX_EVENT.SEQ),
                EventType.fromWireName(row.get(OUTBOX_EVENT.TYPE)).orElseThrow(),
                row.get(OUTBOX_EVENT.SUBJECT_ID),
                row.get(OUTBOX_EVENT.PERSON_ID),
                json.readValue(row.get(OUTBOX_EVENT.DATA).data(), DATA),
                row.get(OUTBOX_EVENT.OCCURRED_AT));
    }
}

package org.trellis.api.mentoring;

import static org.trellis.persistence.jooq.Tables.MENTORSHIP;
import static org.trellis.persistence.jooq.Tables.MENTORSHIP_FOCUS;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.KeysetOrder;
import org.trellis.api.shared.Paged;
import org.trellis.graphql.KeysetWindows;

/**
 * Pairings of the transaction's tenant, their focus competencies and mentor capacities. A proposal past its
 * deadline reads as LAPSED; writes only move a proposal that has not lapsed.
 */
@Repository
class Mentorships {

    /** The status as of now: a proposal past its deadline has lapsed. */
    private static final Field<String> EFFECTIVE_STATUS = DSL.when(
                    MENTORSHIP.STATUS.eq("PROPOSED").and(MENTORSHIP.RESPOND_BY.le(DSL.currentInstant())),
                    DSL.inline("LAPSED"))
            .otherwise(MENTORSHIP.STATUS);

    private static final Field<String> STATUS = EFFECTIVE_STATUS.as("effective_status");
    static final Condition OPEN_PROPOSAL =
            MENTORSHIP.STATUS.eq("PROPOSED").and(MENTORSHIP.RESPOND_BY.gt(DSL.currentInstant()));

    private final DSLContext db;

    Mentorships(DSLContext db) {
        this.db = db;
    }

    Optional<Mentorship> findById(UUID id) {
        return select(MENTORSHIP.ID.eq(id)).stream().findFirst();
    }

    List<Mentorship> findByIds(Collection<UUID> ids) {
        return select(MENTORSHIP.ID.in(ids));
    }

    /** Pairings where any of {@code people} is mentor or mentee (as selected), newest first. */
    List<Mentorship> involving(
            Collection<UUID> people, boolean asMentor, boolean asMentee, @Nullable Set<Mentorship.Status> statuses) {
        return select(involvement(people, asMentor, asMentee, statuses));
    }

    /** Newest first, then by id. */
    private static final KeysetOrder NEWEST = KeysetOrder.of(
            KeysetOrder.descending("createdAt", MENTORSHIP.CREATED_AT), KeysetOrder.ascending("id", MENTORSHIP.ID));

    /** A page of the pairings where any of {@code people} is mentor or mentee, newest first. */
    Paged<Mentorship> involvingPage(
            Collection<UUID> people, @Nullable Set<Mentorship.Status> statuses, KeysetWindows.Page page) {
        Condition where = involvement(people, true, true, statuses);
        List<Mentorship> rows =
                NEWEST.page(sort -> pairings().where(where).orderBy(sort), page).fetch(Mentorships::toMentorship);
        return Paged.of(rows, db, MENTORSHIP, where);
    }

    /** A pairing's cursor keys in {@link #involvingPage}. */
    static Map<String, String> keys(Mentorship mentorship) {
        return NEWEST.keys(mentorship.createdAt(), mentorship.id());
    }

    private static Condition involvement(
            Collection<UUID> people, boolean asMentor, boolean asMentee, @Nullable Set<Mentorship.Status> statuses) {
        Condition who = DSL.falseCondition();
        if (asMentor) {
            who = who.or(MENTORSHIP.MENTOR_ID.in(people));
        }
        if (asMentee) {
            who = who.or(MENTORSHIP.MENTEE_ID.in(people));
        }
        return statuses == null || statuses.isEmpty()
                ? who
                : who.and(EFFECTIVE_STATUS.in(statuses.stream().map(Enum::name).toList()));
    }

    /** Whether the two people have a proposed (not lapsed) or active pairing, either way round. */
    boolean openBetween(UUID one, UUID other) {
        return db.fetchExists(MENTORSHIP, pair(one, other).and(OPEN_PROPOSAL.or(MENTORSHIP.STATUS.eq("ACTIVE"))));
    }

    /** Writes LAPSED on the pair's proposals past their deadline (they block a new proposal otherwise). */
    void lapseExpired(UUID one, UUID other) {
        db.update(MENTORSHIP)
                .set(MENTORSHIP.STATUS, "LAPSED")
                .set(MENTORSHIP.UPDATED_AT, Instant.now())
                .where(pair(one, other))
                .and(MENTORSHIP.STATUS.eq("PROPOSED"))
                .and(MENTORSHIP.RESPOND_BY.le(DSL.currentInstant()))
                .execute();
    }

    Mentorship insert(
            UUID tenantId, UUID mentor, UUID mentee, UUID proposedBy, @Nullable String note, Instant respondBy) {
        UUID id = UUID.randomUUID();
        db.insertInto(MENTORSHIP)
                .set(MENTORSHIP.TENANT_ID, tenantId)
                .set(MENTORSHIP.ID, id)
                .set(MENTORSHIP.MENTOR_ID, mentor)
                .set(MENTORSHIP.MENTEE_ID, mentee)
                .set(MENTORSHIP.STATUS, "PROPOSED")
                .set(MENTORSHIP.PROPOSED_BY, proposedBy)
                .set(MENTORSHIP.NOTE, note)
                .set(MENTORSHIP.RESPOND_BY, respondBy)
                .execute();
        return findById(id).orElseThrow();
    }

    /**
     * Moves a pairing from {@code from} to {@code to} at the expected version; empty when it was not in that state
     * (a lapsed proposal is not PROPOSED) or the version moved on.
     */
    Optional<Mentorship> transition(
            UUID id, int expectedVersion, Mentorship.Status from, Mentorship.Status to, @Nullable String note) {
        Instant now = Instant.now();
        var update = db.update(MENTORSHIP)
                .set(MENTORSHIP.STATUS, to.name())
                .set(MENTORSHIP.VERSION, MENTORSHIP.VERSION.plus(1))
                .set(MENTORSHIP.UPDATED_AT, now);
        update = switch (to) {
            case ACTIVE -> update.set(MENTORSHIP.RESPONDED_AT, now).set(MENTORSHIP.STARTED_AT, now);
            case DECLINED -> update.set(MENTORSHIP.RESPONDED_AT, now).set(MENTORSHIP.CLOSING_NOTE, note);
            case COMPLETED, ENDED -> update.set(MENTORSHIP.FINISHED_AT, now).set(MENTORSHIP.CLOSING_NOTE, note);
            default -> update;
        };
        Condition state = from == Mentorship.Status.PROPOSED ? OPEN_PROPOSAL : MENTORSHIP.STATUS.eq(from.name());
        int changed = update.where(MENTORSHIP.ID.eq(id))
                .and(MENTORSHIP.VERSION.eq(expectedVersion))
                .and(state)
                .execute();
        return changed == 1 ? findById(id) : Optional.empty();
    }

    /** Ends the person's active pairings and lapses their open proposals (they were deactivated); the ids moved. */
    List<UUID> closeAllOf(UUID person, String note) {
        Instant now = Instant.now();
        Condition involved = MENTORSHIP.MENTOR_ID.eq(person).or(MENTORSHIP.MENTEE_ID.eq(person));
        List<UUID> ended = db.update(MENTORSHIP)
                .set(MENTORSHIP.STATUS, "ENDED")
                .set(MENTORSHIP.FINISHED_AT, now)
                .set(MENTORSHIP.CLOSING_NOTE, note)
                .set(MENTORSHIP.VERSION, MENTORSHIP.VERSION.plus(1))
                .set(MENTORSHIP.UPDATED_AT, now)
                .where(involved)
                .and(MENTORSHIP.STATUS.eq("ACTIVE"))
                .returning(MENTORSHIP.ID)
                .fetch(MENTORSHIP.ID);
        List<UUID> lapsed = db.update(MENTORSHIP)
                .set(MENTORSHIP.STATUS, "LAPSED")
                .set(MENTORSHIP.CLOSING_NOTE, note)
                .set(MENTORSHIP.VERSION, MENTORSHIP.VERSION.plus(1))
                .set(MENTORSHIP.UPDATED_AT, now)
                .where(involved)
                .and(MENTORSHIP.STATUS.eq("PROPOSED"))
                .returning(MENTORSHIP.ID)
                .fetch(MENTORSHIP.ID);
        List<UUID> all = new java.util.ArrayList<>(ended);
        all.addAll(lapsed);
        return all;
    }

    void addFocus(UUID tenantId, UUID mentorshipId, Collection<UUID> competencyIds) {
        if (competencyIds.isEmpty()) {
            return;
        }
        var insert = db.insertInto(
                MENTORSHIP_FOCUS,
                MENTORSHIP_FOCUS.TENANT_ID,
                MENTORSHIP_FOCUS.MENTORSHIP_ID,
                MENTORSHIP_FOCUS.COMPETENCY_ID);
        for (UUID competency : competencyIds) {
            insert = insert.values(tenantId, mentorshipId, competency);
        }
        insert.execute();
    }

    Map<UUID, List<UUID>> focusOf(Collection<UUID> mentorshipIds) {
        Map<UUID, List<UUID>> result = new HashMap<>();
        db.select(MENTORSHIP_FOCUS.MENTORSHIP_ID, MENTORSHIP_FOCUS.COMPETENCY_ID)
                .from(MENTORSHIP_FOCUS)
                .where(MENTORSHIP_FOCUS.MENTORSHIP_ID.in(mentorshipIds))
                .forEach(row -> result.computeIfAbsent(row.value1(), id -> new java.util.ArrayList<>())
                        .add(row.value2()));
        return result;
    }

    /** Mentees of active pairings of this mentor. */
    Set<UUID> activeMentees(UUID mentorId) {
        return Set.copyOf(db.select(MENTORSHIP.MENTEE_ID)
                .from(MENTORSHIP)
                .where(MENTORSHIP.MENTOR_ID.eq(mentorId))
                .and(MENTORSHIP.STATUS.eq("ACTIVE"))
                .fetch(MENTORSHIP.MENTEE_ID));
    }

    private Condition pair(UUID one, UUID other) {
        return MENTORSHIP
                .MENTOR_ID
                .eq(one)
                .and(MENTORSHIP.MENTEE_ID.eq(other))
                .or(MENTORSHIP.MENTOR_ID.eq(other).and(MENTORSHIP.MENTEE_ID.eq(one)));
    }

    private List<Mentorship> select(Condition condition) {
        return pairings()
                .where(condition)
                .orderBy(MENTORSHIP.CREATED_AT.desc(), MENTORSHIP.ID)
                .fetch(Mentorships::toMentorship);
    }

    /** Pairings with their effective status. */
    private SelectJoinStep<Record> pairings() {
        return db.select(MENTORSHIP.asterisk(), STATUS).from(MENTORSHIP);
    }

    private static Mentorship toMentorship(Record row) {
        return new Mentorship(
                row.get(MENTORSHIP.ID),
                row.get(MENTORSHIP.MENTOR_ID),
                row.get(MENTORSHIP.MENTEE_ID),
                Mentorship.Status.valueOf(row.get(STATUS)),
                row.get(MENTORSHIP.PROPOSED_BY),
                row.get(MENTORSHIP.NOTE),
                row.get(MENTORSHIP.RESPOND_BY),
                row.get(MENTORSHIP.RESPONDED_AT),
                row.get(MENTORSHIP.STARTED_AT),
                row.get(MENTORSHIP.FINISHED_AT),
                row.get(MENTORSHIP.CLOSING_NOTE),
                row.get(MENTORSHIP.VERSION),
                row.get(MENTORSHIP.CREATED_AT));
    }
}

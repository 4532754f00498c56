package org.trellis.api.mentoring;

import static org.trellis.persistence.jooq.Tables.MENTORSHIP;
import static org.trellis.persistence.jooq.Tables.MENTOR_CAPACITY;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Mentors' capacities and loads (active mentees, open proposals) in the transaction's tenant. */
@Repository
class MentorCapacities {

    private final DSLContext db;

    MentorCapacities(DSLContext db) {
        this.db = db;
    }

    /** Serialises changes to one mentor's load (accepting, capacity) within the transaction. */
    void lockMentor(UUID tenantId, UUID mentorId) {
        db.execute("select pg_advisory_xact_lock(hashtextextended(?, 0))", "mentor:" + tenantId + ":" + mentorId);
    }

    /** Capacities set for these people (others have the default). */
    Map<UUID, Integer> capacities(Collection<UUID> people) {
        Map<UUID, Integer> result = new HashMap<>();
        db.select(MENTOR_CAPACITY.PERSON_ID, MENTOR_CAPACITY.CAPACITY)
                .from(MENTOR_CAPACITY)
                .where(MENTOR_CAPACITY.PERSON_ID.in(people))
                .forEach(row -> result.put(row.value1(), row.value2()));
        return result;
    }

    void setCapacity(UUID tenantId, UUID person, int capacity) {
        db.insertInto(MENTOR_CAPACITY)
                .set(MENTOR_CAPACITY.TENANT_ID, tenantId)
                .set(MENTOR_CAPACITY.PERSON_ID, person)
                .set(MENTOR_CAPACITY.CAPACITY, capacity)
                .onConflict(MENTOR_CAPACITY.TENANT_ID, MENTOR_CAPACITY.PERSON_ID)
                .doUpdate()
                .set(MENTOR_CAPACITY.CAPACITY, capacity)
                .set(MENTOR_CAPACITY.UPDATED_AT, Instant.now())
                .execute();
    }

    /** Per mentor: active mentees and open proposals. */
    Map<UUID, Load> loads(Collection<UUID> mentors) {
        Map<UUID, Load> result = new HashMap<>();
        db.select(
                        MENTORSHIP.MENTOR_ID,
                        DSL.count().filterWhere(MENTORSHIP.STATUS.eq("ACTIVE")),
                        DSL.count().filterWhere(Mentorships.OPEN_PROPOSAL))
                .from(MENTORSHIP)
                .where(MENTORSHIP.MENTOR_ID.in(mentors))
                .and(MENTORSHIP.STATUS.in("ACTIVE", "PROPOSED"))
                .groupBy(MENTORSHIP.MENTOR_ID)
                .forEach(row -> result.put(row.value1(), new Load(row.value2(), row.value3())));
        return result;
    }

    /** Active mentees and open proposals of a mentor. */
    record Load(int active, int proposed) {}
}

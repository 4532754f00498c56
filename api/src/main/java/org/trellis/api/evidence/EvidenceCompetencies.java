package org.trellis.api.evidence;

import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.EVIDENCE_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_COMPETENCY;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Which competencies evidence items name (of the transaction's tenant), and endorsed evidence counted by them. */
@Repository
class EvidenceCompetencies {

    private final DSLContext db;

    EvidenceCompetencies(DSLContext db) {
        this.db = db;
    }

    void link(UUID tenantId, UUID evidenceId, List<UUID> competencies) {
        if (competencies.isEmpty()) {
            return;
        }
        var insert = db.insertInto(
                EVIDENCE_COMPETENCY,
                EVIDENCE_COMPETENCY.TENANT_ID,
                EVIDENCE_COMPETENCY.EVIDENCE_ID,
                EVIDENCE_COMPETENCY.COMPETENCY_ID);
        for (UUID competency : competencies) {
            insert = insert.values(tenantId, evidenceId, competency);
        }
        insert.execute();
    }

    void replace(UUID tenantId, UUID evidenceId, List<UUID> competencies) {
        db.deleteFrom(EVIDENCE_COMPETENCY)
                .where(EVIDENCE_COMPETENCY.EVIDENCE_ID.eq(evidenceId))
                .execute();
        link(tenantId, evidenceId, competencies);
    }

    /** (evidence id, competency id) pairs for these evidence items. */
    List<Link> of(Collection<UUID> evidenceIds) {
        return db.select(EVIDENCE_COMPETENCY.EVIDENCE_ID, EVIDENCE_COMPETENCY.COMPETENCY_ID)
                .from(EVIDENCE_COMPETENCY)
                .where(EVIDENCE_COMPETENCY.EVIDENCE_ID.in(evidenceIds))
                .fetch(row -> new Link(row.value1(), row.value2()));
    }

    /**
     * Endorsed evidence since a day, counted per person and competency key (keys are stable across framework
     * versions, so people on different versions compare); only {@code personId}'s when given.
     */
    Map<UUID, Map<String, Integer>> endorsedByKey(@Nullable UUID personId, Collection<String> keys, LocalDate since) {
        Condition condition = EVIDENCE.STATUS
                .eq(Evidence.Status.ENDORSED.name())
                .and(EVIDENCE.OCCURRED_ON.ge(since))
                .and(FRAMEWORK_COMPETENCY.KEY.in(keys));
        if (personId != null) {
            condition = condition.and(EVIDENCE.PERSON_ID.eq(personId));
        }
        Map<UUID, Map<String, Integer>> result = new HashMap<>();
        db.select(EVIDENCE.PERSON_ID, FRAMEWORK_COMPETENCY.KEY, DSL.countDistinct(EVIDENCE.ID))
                .from(EVIDENCE)
                .join(EVIDENCE_COMPETENCY)
                .on(EVIDENCE_COMPETENCY.TENANT_ID.eq(EVIDENCE.TENANT_ID))
                .and(EVIDENCE_COMPETENCY.EVIDENCE_ID.eq(EVIDENCE.ID))
                .join(FRAMEWORK_COMPETENCY)
                .on(FRAMEWORK_COMPETENCY.TENANT_ID.eq(EVIDENCE_COMPETENCY.TENANT_ID))
                .and(FRAMEWORK_COMPETENCY.ID.eq(EVIDENCE_COMPETENCY.COMPETENCY_ID))
                .where(condition)
                .groupBy(EVIDENCE.PERSON_ID, FRAMEWORK_COMPETENCY.KEY)
                .forEach(row -> result.computeIfAbsent(row.value1(), person -> new HashMap<>())
                        .put(row.value2(), row.value3()));
        return result;
    }

    /** One evidence item linked to one competency. */
    record Link(UUID evidenceId, UUID competencyId) {}
}

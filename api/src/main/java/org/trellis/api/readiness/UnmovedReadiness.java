package org.trellis.api.readiness;

import java.time.LocalDate;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.trellis.persistence.FixedStatement;

/**
 * Whether an endorsement just made (the rollup already holds the item) cannot have moved the person's readiness, so
 * that deciding it again would only rewrite the same packed row. It cannot when:
 *
 * <ul>
 *   <li>the person's packed row still holds today (its {@code valid_until} is later), so it is the decision for
 *       today's inputs but this item;
 *   <li>every competency the item counts for at the level judged was already met; and
 *   <li>each of those competencies holds fewer than {@value ReadinessEngine#MAX_ITEMS} items across the person's
 *       cells with its key, new item included, so none fell out of what the engine counts.
 * </ul>
 *
 * Then, on every day until {@code valid_until}, each of those competencies counts the items it counted before and
 * perhaps this one, so it stays met (more items and kinds never unmeet a rule, and the assessments did not change);
 * every other competency is untouched. So the statuses, score, verdict and readiness today stay as stored, no snapshot
 * would be taken and nothing would be published. The stored {@code valid_until} may come earlier than a fresh
 * decision's; on that day the row is decided again when read, as any out-of-date row is.
 */
@Repository
class UnmovedReadiness {

    private static final String CANNOT_MOVE = """
            SELECT (s.valid_until IS NULL OR s.valid_until > {3})
                   AND NOT EXISTS (
                       SELECT 1
                         FROM evidence_competency ec
                         JOIN framework_competency fc ON fc.tenant_id = ec.tenant_id AND fc.id = ec.competency_id
                        WHERE ec.tenant_id = s.tenant_id AND ec.evidence_id = {2}
                          AND array_position(s.competency_keys, fc.key) IS NOT NULL
                          AND (substr(s.statuses, array_position(s.competency_keys, fc.key), 1) <> 'M'
                               OR (SELECT coalesce(sum(cardinality(rc.evidence_ids)), 0)
                                     FROM readiness_cell rc
                                     JOIN framework_competency same
                                       ON same.tenant_id = rc.tenant_id AND same.id = rc.competency_id
                                    WHERE rc.tenant_id = s.tenant_id AND rc.person_id = s.person_id
                                      AND same.key = fc.key) >= {4})) AS cannot_move
              FROM readiness_summary s
             WHERE s.tenant_id = {0} AND s.person_id = {1}""";

    private final FixedStatement cannotMove;

    UnmovedReadiness(DSLContext db) {
        this.cannotMove = FixedStatement.of(
                db,
                args -> db.resultQuery(
                                CANNOT_MOVE,
                                args.of(SQLDataType.UUID),
                                args.of(SQLDataType.UUID),
                                args.of(SQLDataType.UUID),
                                args.of(SQLDataType.LOCALDATE),
                                DSL.inline(ReadinessEngine.MAX_ITEMS))
                        .coerce(DSL.field(DSL.name("cannot_move"), SQLDataType.BOOLEAN)));
    }

    /** True when endorsing {@code evidenceId} cannot have moved {@code personId}'s readiness (see above). */
    boolean afterEndorsing(UUID tenantId, UUID personId, UUID evidenceId, LocalDate today) {
        return cannotMove
                .with(tenantId, personId, evidenceId, today)
                .fetchOptional(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .orElse(false);
    }
}

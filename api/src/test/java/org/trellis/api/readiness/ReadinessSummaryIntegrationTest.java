package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.READINESS_SUMMARY;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.trellis.graphql.GlobalId;

/**
 * The packed readiness rows dashboards read: written with every change of a person's readiness, decided again when
 * read past their day, never overwritten by a read that raced a write, and dropped by a rollup rebuild.
 */
class ReadinessSummaryIntegrationTest extends ReadinessTestBase {

    private static final String HEATMAP = "query($t: ID) { dashboard(teamId: $t) { heatmap { columns { key }"
            + " rows { person { id } verdict score statuses } } } }";

    @Autowired
    private DSLContext db;

    @Autowired
    private ReadinessSummaries summaries;

    private String eve;
    private String team;

    @BeforeEach
    void eveReportsToBoss() {
        organisation("summary");
        String boss = person("boss", null, "L5");
        eve = person("eve", boss, "L3");
        team = team(boss, eve);
    }

    @Test
    void anEndorsementWritesThePackedRowTheDashboardThenReads() {
        endorse(
                token("eve"),
                token("boss"),
                "backend-services",
                "CODE_REVIEW",
                LocalDate.now().minusDays(2));

        Record row = row();
        assertThat(row.get(READINESS_SUMMARY.STATUSES)).startsWith("P").hasSize(14);
        assertThat(row.get(READINESS_SUMMARY.VALID_UNTIL))
                .as("the day the endorsed item leaves its 12-month window")
                .isEqualTo(LocalDate.now().minusDays(2).plusMonths(12));

        // The dashboard shows the stored row as it is while it is current: overwrite it and the dashboard follows.
        inTenant(() -> db.update(READINESS_SUMMARY)
                .set(READINESS_SUMMARY.STATUSES, "M".repeat(14))
                .set(READINESS_SUMMARY.VERDICT, "READY")
                .set(READINESS_SUMMARY.SCORE, 100)
                .execute());
        assertThat(heatmapRow()).containsEntry("verdict", "READY").containsEntry("score", 100);
    }

    @Test
    void aRowPastItsDayIsDecidedAgainAndStored() {
        endorse(
                token("eve"),
                token("boss"),
                "backend-services",
                "CODE_REVIEW",
                LocalDate.now().minusDays(2));
        inTenant(() -> db.update(READINESS_SUMMARY)
                .set(READINESS_SUMMARY.STATUSES, "M".repeat(14))
                .set(READINESS_SUMMARY.VERDICT, "READY")
                .set(READINESS_SUMMARY.VALID_UNTIL, LocalDate.now())
                .execute());

        Map<String, Object> shown = heatmapRow();

        assertThat(shown.get("verdict")).isEqualTo("NOT_YET");
        assertThat(((List<?>) shown.get("statuses")).getFirst()).isEqualTo("PARTIAL");
        assertThat(row().get(READINESS_SUMMARY.STATUSES))
                .as("stored once the query's read-only transaction ended")
                .startsWith("P");
        assertThat(row().get(READINESS_SUMMARY.VALID_UNTIL)).isAfter(LocalDate.now());
    }

    @Test
    void aMissingRowIsDecidedWhenReadAndARebuildDropsEveryRow() {
        endorse(
                token("eve"),
                token("boss"),
                "backend-services",
                "CODE_REVIEW",
                LocalDate.now().minusDays(2));
        graphQl(admin)
                .document("mutation { rebuildReadinessRollups { cellsWritten } }")
                .execute()
                .path("rebuildReadinessRollups.cellsWritten")
                .entity(Integer.class)
                .isEqualTo(1);
        assertThat(inTenant(() -> db.fetchCount(READINESS_SUMMARY))).isZero();

        assertThat(((List<?>) heatmapRow().get("statuses")).getFirst()).isEqualTo("PARTIAL");
        assertThat(row().get(READINESS_SUMMARY.STATUSES)).startsWith("P");
    }

    @Test
    void aReadThatRacedAWriteDoesNotOverwriteIt() {
        endorse(
                token("eve"),
                token("boss"),
                "backend-services",
                "CODE_REVIEW",
                LocalDate.now().minusDays(2));
        ReadinessSummary read = inTenant(() -> summaries.of(List.of(eveId()))).get(eveId());
        long revisionRead = read.revision();

        endorse(
                token("eve"),
                token("boss"),
                "backend-services",
                "DESIGN_DOC",
                LocalDate.now().minusDays(1));
        assertThat(row().get(READINESS_SUMMARY.REVISION)).isGreaterThan(revisionRead);

        ReadinessSummary stale = allMet(read, revisionRead);
        assertThat(inTenant(() -> summaries.fill(tenant.uuid(), List.of(stale))))
                .isZero();
        assertThat(row().get(READINESS_SUMMARY.VERDICT)).isEqualTo("NOT_YET");

        ReadinessSummary absent = allMet(read, ReadinessSummary.NO_ROW);
        assertThat(inTenant(() -> summaries.fill(tenant.uuid(), List.of(absent))))
                .as("a read that found no row does not overwrite one written since")
                .isZero();
    }

    /** What a read that saw {@code read} at {@code revision} would store if it decided everything met. */
    private static ReadinessSummary allMet(ReadinessSummary read, long revision) {
        return new ReadinessSummary(
                read.personId(),
                read.versionId(),
                read.levelId(),
                ReadinessEngine.Verdict.READY,
                100,
                read.keys(),
                "M".repeat(read.keys().size()),
                null,
                revision);
    }

    private Map<String, Object> heatmapRow() {
        return graphQl(token("boss"))
                .document(HEATMAP)
                .variable("t", team)
                .execute()
                .path("dashboard.heatmap.rows[0]")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private Record row() {
        return inTenant(() -> db.selectFrom(READINESS_SUMMARY)
                .where(READINESS_SUMMARY.PERSON_ID.eq(eveId()))
                .fetchSingle());
    }

    private UUID eveId() {
        return GlobalId.decode(eve).orElseThrow().id();
    }
}

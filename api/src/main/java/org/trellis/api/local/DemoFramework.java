package org.trellis.api.local;

import static org.trellis.persistence.jooq.Tables.FRAMEWORK;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_COMPETENCY;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_EXPECTATION;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_LEVEL;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_VERSION;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;

/**
 * The senior-role framework the demo people are measured against: instantiated from the built-in template (by the
 * demo admin, through the API) on the first run, found again on later runs.
 */
@Component
@Profile("local")
class DemoFramework {

    /** The name the built-in template gives its framework. */
    static final String TEMPLATE_NAME = "Software Engineering";

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final DemoApi api;

    DemoFramework(DSLContext db, TransactionTemplate transactions, DemoApi api) {
        this.db = db;
        this.transactions = transactions;
        this.api = api;
    }

    /** The template's newest published version, instantiated first when the tenant has no framework of its name. */
    Optional<Version> ensure() {
        Optional<Version> found = inTenant(this::find);
        if (found.isPresent() || inTenant(() -> db.fetchExists(FRAMEWORK, FRAMEWORK.NAME.eq(TEMPLATE_NAME)))) {
            return found;
        }
        api.mutate(
                DemoPeople.bySubject(DemoPeople.ADMIN),
                "instantiateSeniorRoleTemplate",
                "mutation { instantiateSeniorRoleTemplate { frameworkVersion { id } userErrors { message } } }",
                Map.of());
        return inTenant(this::find);
    }

    private Optional<Version> find() {
        UUID versionId = db.select(FRAMEWORK_VERSION.ID)
                .from(FRAMEWORK_VERSION)
                .join(FRAMEWORK)
                .on(FRAMEWORK.TENANT_ID.eq(FRAMEWORK_VERSION.TENANT_ID))
                .and(FRAMEWORK.ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .where(FRAMEWORK.NAME.eq(TEMPLATE_NAME))
                .and(FRAMEWORK_VERSION.STATUS.eq("PUBLISHED"))
                .orderBy(FRAMEWORK_VERSION.NUMBER.desc())
                .limit(1)
                .fetchOne(FRAMEWORK_VERSION.ID);
        if (versionId == null) {
            return Optional.empty();
        }
        Map<String, UUID> competencies = new LinkedHashMap<>();
        db.select(FRAMEWORK_COMPETENCY.KEY, FRAMEWORK_COMPETENCY.ID)
                .from(FRAMEWORK_COMPETENCY)
                .where(FRAMEWORK_COMPETENCY.VERSION_ID.eq(versionId))
                .orderBy(FRAMEWORK_COMPETENCY.POSITION)
                .forEach(row -> competencies.put(row.value1(), row.value2()));
        Map<String, UUID> levels = new HashMap<>();
        db.select(FRAMEWORK_LEVEL.CODE, FRAMEWORK_LEVEL.ID)
                .from(FRAMEWORK_LEVEL)
                .where(FRAMEWORK_LEVEL.VERSION_ID.eq(versionId))
                .forEach(row -> levels.put(row.value1(), row.value2()));
        Map<String, Integer> minimums = new HashMap<>();
        db.select(FRAMEWORK_LEVEL.CODE, FRAMEWORK_COMPETENCY.KEY, FRAMEWORK_EXPECTATION.MIN_ENDORSED_EVIDENCE)
                .from(FRAMEWORK_EXPECTATION)
                .join(FRAMEWORK_LEVEL)
                .on(FRAMEWORK_LEVEL.TENANT_ID.eq(FRAMEWORK_EXPECTATION.TENANT_ID))
                .and(FRAMEWORK_LEVEL.ID.eq(FRAMEWORK_EXPECTATION.LEVEL_ID))
                .join(FRAMEWORK_COMPETENCY)
                .on(FRAMEWORK_COMPETENCY.TENANT_ID.eq(FRAMEWORK_EXPECTATION.TENANT_ID))
                .and(FRAMEWORK_COMPETENCY.ID.eq(FRAMEWORK_EXPECTATION.COMPETENCY_ID))
                .where(FRAMEWORK_LEVEL.VERSION_ID.eq(versionId))
                .forEach(row -> minimums.put(row.value1() + "/" + row.value2(), row.value3()));
        return Optional.of(new Version(versionId, competencies, levels, minimums));
    }

    private <T> T inTenant(java.util.function.Supplier<T> work) {
        return CallerScope.inTenant(DemoData.TENANT_ID, () -> transactions.execute(status -> work.get()));
    }

    /** A published version: its competencies by key (in order), levels by code, and each rule's evidence minimum. */
    record Version(UUID id, Map<String, UUID> competencies, Map<String, UUID> levels, Map<String, Integer> minimums) {

        @Nullable
        UUID competency(String key) {
            return competencies.get(key);
        }

        UUID level(String code) {
            UUID level = levels.get(code);
            if (level == null) {
                throw new IllegalStateException("The " + TEMPLATE_NAME + " framework has no level " + code);
            }
            return level;
        }

        /** Endorsed pieces the rule of this level asks for on this competency (at least one). */
        int minimum(String levelCode, String key) {
            return Math.max(1, minimums.getOrDefault(levelCode + "/" + key, 1));
        }
    }
}

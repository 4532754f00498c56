package org.trellis.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.api.support.IntegrationTest;
import org.trellis.persistence.FixedInsert;
import org.trellis.persistence.FixedStatement;

/**
 * A statement rendered once runs with each call's values in their places (an argument used twice is bound in both),
 * its constants inline; an insert of rows keeps their order and their JSON; a statement that would not bind what it
 * is given is refused when built or run.
 */
class FixedStatementIntegrationTest extends IntegrationTest {

    @Autowired
    private DSLContext database;

    @Test
    void eachRunBindsItsOwnValuesAndConstantsAreInline() {
        FixedStatement statement = FixedStatement.of(database, args -> {
            var id = args.of(SQLDataType.UUID);
            var n = args.of(SQLDataType.INTEGER);
            return database.select(
                    id.as("id"),
                    n.plus(41).as("n"),
                    DSL.val("constant").as("c"),
                    id.eq(id).as("same"));
        });
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        Record one = statement.with(first, 1).fetchSingle();
        Record two = statement.with(second, 2).fetchSingle();

        assertThat(List.of(one.get("id"), one.get("n"), one.get("c"), one.get("same")))
                .containsExactly(first, 42, "constant", true);
        assertThat(List.of(two.get("id"), two.get("n"))).containsExactly(second, 43);
        assertThat(statement.sql()).contains("'constant'").contains("41");
        assertThat(statement.sql().chars().filter(c -> c == '?').count())
                .as("the argument used three times is bound three times; the constants are not bound")
                .isEqualTo(4);
    }

    @Test
    void aNullArgumentIsBoundAsATypedNull() {
        FixedStatement statement = FixedStatement.of(
                database, args -> database.select(args.of(SQLDataType.UUID).isNull()));

        assertThat(statement.with((Object) null).fetchSingle().get(0)).isEqualTo(true);
    }

    @Test
    void insertedRowsKeepTheirOrderAndTheirJson() {
        UUID tenant = newTenant("fixed-statement").uuid();
        FixedInsert insert = FixedInsert.into(
                database,
                AUDIT_EVENT,
                AUDIT_EVENT.SUMMARY,
                AUDIT_EVENT.TARGET_REF,
                AUDIT_EVENT.ACTION,
                AUDIT_EVENT.TENANT_ID,
                AUDIT_EVENT.TARGET_TYPE,
                AUDIT_EVENT.ACTOR_REF,
                AUDIT_EVENT.ACTOR_KIND);
        String action = "test." + UUID.randomUUID();
        String json = "{\"quote\": \"a \\\"b\\\" {c}, d\", \"n\": [1, 2]}";
        List<Integer> rows = IntStream.range(0, 20).boxed().toList();

        int inserted = inTenant(
                tenant,
                db -> insert.rows(rows, i -> new Object[] {
                            json, String.valueOf(i), action, tenant, "Test", "client", "SERVICE_CLIENT"
                        })
                        .execute());
        List<? extends Record> stored = inTenant(
                tenant,
                db -> db.select(AUDIT_EVENT.TARGET_REF, AUDIT_EVENT.SUMMARY)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.ACTION.eq(action))
                        .orderBy(AUDIT_EVENT.ID)
                        .fetch());

        assertThat(inserted).isEqualTo(rows.size());
        assertThat(stored)
                .extracting(row -> row.get(AUDIT_EVENT.TARGET_REF))
                .containsExactlyElementsOf(rows.stream().map(String::valueOf).toList());
        assertThat(stored)
                .allSatisfy(row -> assertThat(row.get(AUDIT_EVENT.SUMMARY).data())
                        .isEqualTo("{\"n\": [1, 2], \"quote\": \"a \\\"b\\\" {c}, d\"}"));
    }

    @Test
    void aSingleRowIsInsertedAsValuesWithItsJsonAndItsNulls() {
        UUID tenant = newTenant("fixed-insert-one").uuid();
        FixedInsert insert = FixedInsert.into(
                database,
                AUDIT_EVENT,
                AUDIT_EVENT.TENANT_ID,
                AUDIT_EVENT.ACTOR_KIND,
                AUDIT_EVENT.ACTOR_REF,
                AUDIT_EVENT.ACTION,
                AUDIT_EVENT.TARGET_TYPE,
                AUDIT_EVENT.TARGET_REF,
                AUDIT_EVENT.SUMMARY,
                AUDIT_EVENT.CORRELATION_ID);
        String action = "test." + UUID.randomUUID();

        int inserted = inTenant(
                tenant,
                db -> insert.rows(List.of(action), a ->
                                new Object[] {tenant, "SERVICE_CLIENT", "client", a, "Test", "one", "{\"n\": 1}", null})
                        .execute());
        Record stored = inTenant(
                tenant,
                db -> db.select(AUDIT_EVENT.TARGET_REF, AUDIT_EVENT.SUMMARY, AUDIT_EVENT.CORRELATION_ID)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.ACTION.eq(action))
                        .fetchSingle());

        assertThat(inserted).isEqualTo(1);
        assertThat(insert.rows(List.of(action), a -> new Object[8]).getSQL())
                .as("the statement a single row is sent as")
                .contains("values (")
                .doesNotContain("unnest");
        assertThat(stored.get(AUDIT_EVENT.TARGET_REF)).isEqualTo("one");
        assertThat(stored.get(AUDIT_EVENT.SUMMARY).data()).isEqualTo("{\"n\": 1}");
        assertThat(stored.get(AUDIT_EVENT.CORRELATION_ID)).isNull();
        assertThatThrownBy(() -> insert.rows(List.of(1), i -> new Object[] {tenant}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anArgumentTheStatementDoesNotUseIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> FixedStatement.of(database, args -> {
                    args.of(SQLDataType.UUID);
                    return database.selectOne();
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Argument 0");
    }

    @Test
    void aRunWithTooFewOrTooManyValuesIsRefused() {
        FixedStatement statement = FixedStatement.of(database, args -> database.select(args.of(SQLDataType.INTEGER)));

        assertThatThrownBy(() -> statement.with()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> statement.with(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConstantHoldingAQuestionMarkStaysAConstant() {
        FixedStatement statement = FixedStatement.of(
                database,
                args -> database.select(
                        DSL.val("why?").as("q"), args.of(SQLDataType.INTEGER).as("n")));

        Record row = statement.with(7).fetchSingle();

        assertThat(List.of(row.get("q"), row.get("n"))).containsExactly("why?", 7);
    }
}

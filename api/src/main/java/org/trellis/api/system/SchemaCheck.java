package org.trellis.api.system;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableOptions;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.trellis.persistence.jooq.Public;

/**
 * Refuses to start against a database whose schema is behind this release: every table and column of the generated
 * jOOQ classes (which come from this release's migrations) must exist. Runs before the web server starts, after
 * Liquibase where the local profile migrates at startup. One catalog query, readable by the runtime role
 * whatever its privileges. It sees tables and columns, not functions, policies or grants.
 */
@Component
class SchemaCheck implements InitializingBean {

    private final DSLContext database;

    SchemaCheck(DSLContext database) {
        this.database = database;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> missing = missing(database);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The database schema is behind this release of Trellis (missing "
                    + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "")
                    + "). Run the migrate command (`java -jar trellis.jar migrate`, the Helm chart's migration job)"
                    + " with the owner role's credentials before starting this release.");
        }
    }

    /** Tables and {@code table.column}s the generated classes know and the database's public schema lacks. */
    static List<String> missing(DSLContext database) {
        Set<String> present = database
                .select(field(name("c", "relname"), String.class), field(name("a", "attname"), String.class))
                .from(table(name("pg_catalog", "pg_class")).as("c"))
                .join(table(name("pg_catalog", "pg_namespace")).as("n"))
                .on(field(name("n", "oid")).eq(field(name("c", "relnamespace"))))
                .join(table(name("pg_catalog", "pg_attribute")).as("a"))
                .on(field(name("a", "attrelid")).eq(field(name("c", "oid"))))
                .where(field(name("n", "nspname")).eq("public"))
                .and(field(name("a", "attnum"), Integer.class).gt(0))
                .and(field(name("a", "attisdropped"), Boolean.class).isFalse())
                .fetch(row -> row.value1() + "." + row.value2())
                .stream()
                .collect(Collectors.toSet());
        Set<String> tables =
                present.stream().map(c -> c.substring(0, c.indexOf('.'))).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Table<?> expected : Public.PUBLIC.getTables()) {
            if (expected.getTableType() == TableOptions.TableType.FUNCTION) {
                continue; // a set-returning function, not a relation
            }
            if (!tables.contains(expected.getName())) {
                missing.add("table " + expected.getName());
                continue;
            }
            for (Field<?> column : expected.fields()) {
                if (!present.contains(expected.getName() + "." + column.getName())) {
                    missing.add("column " + expected.getName() + "." + column.getName());
                }
            }
        }
        return List.copyOf(missing);
    }
}

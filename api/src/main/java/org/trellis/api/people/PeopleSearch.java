package org.trellis.api.people;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.select;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.TEAM_MEMBER;

import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.KeysetOrder;
import org.trellis.api.shared.Paged;
import org.trellis.graphql.KeysetWindows;

/**
 * The people list of the transaction's tenant, by name: {@code lower(display_name)}, then id. A page's cursors carry
 * the very text the database sorted by (never lowercased again in Java, whose rules may differ from PostgreSQL's).
 */
@Repository
class PeopleSearch {

    private static final Field<String> SORT_NAME = lower(PERSON.DISPLAY_NAME);
    private static final Field<String> SORT_NAME_COLUMN = SORT_NAME.as("sort_name");

    private static final KeysetOrder BY_NAME =
            KeysetOrder.of(KeysetOrder.ascending("name", SORT_NAME), KeysetOrder.ascending("id", PERSON.ID));

    private final DSLContext db;

    PeopleSearch(DSLContext db) {
        this.db = db;
    }

    /** A person of a page and the name the page was sorted by. */
    record Found(Person person, String sortName) {}

    /**
     * A page of people matching the filter, by name. The search text matches display names, and emails and user
     * names only of the people whose details {@code scope} shows.
     */
    Paged<Found> search(PeopleFilter filter, DetailScope scope, KeysetWindows.Page page) {
        Condition condition = DSL.noCondition();
        if (filter.status() != null) {
            condition = condition.and(PERSON.STATUS.eq(filter.status().name()));
        }
        if (filter.teamId() != null) {
            condition = condition.and(PERSON.ID.in(
                    select(TEAM_MEMBER.PERSON_ID).from(TEAM_MEMBER).where(TEAM_MEMBER.TEAM_ID.eq(filter.teamId()))));
        }
        if (filter.managerId() != null) {
            condition = condition.and(
                    filter.includeIndirectReports()
                            ? PERSON.ID.in(People.reportsOf(filter.managerId()))
                            : PERSON.MANAGER_ID.eq(filter.managerId()));
        }
        if (filter.search() != null) {
            // LIKE's escape character, % and _ stand for themselves
            String pattern = "%" + filter.search().toLowerCase(Locale.ROOT).replaceAll("[\\\\%_]", "\\\\$0") + "%";
            Condition details = lower(coalesce(PERSON.EMAIL, ""))
                    .like(pattern, '\\')
                    .or(lower(coalesce(PERSON.USER_NAME, "")).like(pattern, '\\'));
            condition = condition.and(lower(PERSON.DISPLAY_NAME)
                    .like(pattern, '\\')
                    .or(detailed(scope).and(details)));
        }
        Condition where = condition;
        return Paged.of(
                BY_NAME.page(
                                sort -> db.select(PERSON.asterisk(), SORT_NAME_COLUMN)
                                        .from(PERSON)
                                        .where(where)
                                        .orderBy(sort),
                                page)
                        .fetch(row -> new Found(People.toPerson(row), row.get(SORT_NAME_COLUMN))),
                db,
                PERSON,
                where);
    }

    /** A person's cursor keys: the name the database sorted by, then the id. */
    static Map<String, String> keys(Found found) {
        return BY_NAME.keys(found.sortName(), found.person().id());
    }

    /** The people whose details {@code scope} shows. */
    private static Condition detailed(DetailScope scope) {
        if (scope.all()) {
            return DSL.trueCondition();
        }
        return scope.self() == null
                ? DSL.falseCondition()
                : PERSON.ID.eq(scope.self()).or(PERSON.ID.in(People.reportsOf(scope.self())));
    }
}

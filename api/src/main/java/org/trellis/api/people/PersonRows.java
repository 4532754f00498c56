package org.trellis.api.people;

import static org.trellis.persistence.jooq.Tables.PERSON;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.trellis.api.shared.Actor;

/**
 * People read by another module's statement together with its own rows, so that loading them costs no statement of
 * its own. The columns carry whether the caller may see each person's details ({@link DetailScope}: themselves and
 * their reports, decided in the same statement; everyone for tenant admins), and {@link #person} applies it: the
 * same rule as {@link PeopleService#getAll}.
 */
public final class PersonRows {

    private static final Field<Boolean> DETAILED = DSL.field(DSL.name("person_detailed"), Boolean.class);

    private PersonRows() {}

    /** The person's columns, and whether this caller sees their details; the caller must be allowed to read people. */
    public static List<SelectField<?>> columns(Actor actor) {
        PeoplePolicy.requireRead(actor);
        List<SelectField<?>> columns = new ArrayList<>(List.of(PERSON.fields()));
        columns.add(detailed(PeopleService.detailScope(actor)).as(DETAILED));
        return columns;
    }

    /** The person of a row selected with {@link #columns}, as the caller may see them. */
    public static Person person(Record row) {
        Person person = People.toPerson(row);
        return Boolean.TRUE.equals(row.get(DETAILED)) ? person : person.basic();
    }

    static Field<Boolean> detailed(DetailScope scope) {
        if (scope.all()) {
            return DSL.inline(true);
        }
        if (scope.self() == null) {
            return DSL.inline(false);
        }
        return DSL.field(PERSON.ID.eq(scope.self()).or(PERSON.ID.in(People.reportsOf(scope.self()))));
    }
}

package org.trellis.api.people;

import static org.trellis.persistence.jooq.Tables.PERSON;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Name;
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

    private static final Name DETAILED = DSL.name("person_detailed");

    private final List<SelectField<?>> columns;
    private final Field<Boolean> detailed;

    private PersonRows(Field<Boolean> detailed) {
        this.detailed = detailed;
        List<SelectField<?>> all = new ArrayList<>(List.of(PERSON.fields()));
        all.add(detailed);
        this.columns = List.copyOf(all);
    }

    /** The columns for this caller, who must be allowed to read people. */
    public static PersonRows of(Actor actor) {
        PeoplePolicy.requireRead(actor);
        return new PersonRows(detailed(PeopleService.detailScope(actor)).as(DETAILED));
    }

    /** The person's columns, and whether this caller sees their details. */
    public List<SelectField<?>> columns() {
        return columns;
    }

    /** The person of a row selected with {@link #columns}, as the caller may see them. */
    public Person person(Record row) {
        Person person = People.toPerson(row);
        return Boolean.TRUE.equals(row.get(detailed)) ? person : person.basic();
    }

    /**
     * Whether the caller manages the person in {@code personId} (is above them in the reporting line), as a column
     * of another module's statement: decided by walking up from each row's person in that statement, not in a
     * statement of its own (false for callers who are not people, and for the person themselves).
     */
    public static Field<Boolean> managedByCaller(Actor actor, Field<UUID> personId) {
        UUID self = actor.personId();
        if (self == null) {
            return DSL.inline(false);
        }
        return managedBy(DSL.val(self), personId);
    }

    /** As {@link #managedByCaller}, for the person in {@code callerId} (a value to bind). */
    public static Field<Boolean> managedBy(Field<UUID> callerId, Field<UUID> personId) {
        var managers = People.managersOf(personId);
        return DSL.field(personId.ne(callerId)
                .and(DSL.exists(
                        DSL.withRecursive(managers).selectOne().from(managers).where(People.CHAIN_ID.eq(callerId)))));
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

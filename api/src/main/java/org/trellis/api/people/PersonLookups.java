package org.trellis.api.people;

import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.shared.Actor;

/**
 * People read as SCIM Users: pages matching a SCIM filter, paged in the database. The condition is built by SCIM's
 * filter translation over the tables only; the rules stay here: people deleted through SCIM never match, the caller
 * must be allowed to read people, and sees each person as {@link PeopleService} would show them.
 */
@Service
public class PersonLookups {

    private final ExactPeople exact;
    private final PeopleService people;

    PersonLookups(ExactPeople exact, PeopleService people) {
        this.exact = exact;
        this.people = people;
    }

    /**
     * {@code limit} people from {@code offset} matching a condition on {@code PERSON}, oldest first, and how many
     * match in all: one statement for each.
     */
    @Transactional(readOnly = true)
    public PersonPage find(Actor actor, Condition condition, long offset, int limit) {
        PeoplePolicy.requireRead(actor);
        Function<Person, Person> view = people.viewer(actor);
        List<Person> page = limit == 0
                ? List.of()
                : exact.matching(condition, offset, limit).stream().map(view).toList();
        return new PersonPage(page, exact.countMatching(condition));
    }

    /** A page of people and how many match in all. */
    public record PersonPage(List<Person> people, int total) {}
}

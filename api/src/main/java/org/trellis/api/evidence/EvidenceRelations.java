package org.trellis.api.evidence;

import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.trellis.api.people.PeopleService;
import org.trellis.api.shared.Actor;

/** Who the caller is to others, as {@link EvidencePolicy} asks: computed once per use case, then passed along. */
@Component
class EvidenceRelations {

    private final PeopleService people;
    private final ObjectProvider<ActiveMentees> mentors;

    EvidenceRelations(PeopleService people, ObjectProvider<ActiveMentees> mentors) {
        this.people = people;
        this.mentors = mentors;
    }

    /**
     * The caller's relations as far as one item's person is concerned, for rules asked only about that person: their
     * reports hold the person when the caller manages them, as the statement that read the item decided (walking up
     * from the person instead of listing everyone below the caller).
     */
    EvidencePolicy.Relations toward(Actor actor, Evidences.Sighted seen) {
        UUID owner = seen.item().personId();
        return new EvidencePolicy.Relations(
                () -> seen.managedByCaller() ? Set.of(owner) : Set.of(), () -> mentees(actor));
    }

    /** The caller's relations, each looked up only if a rule asks for it. */
    EvidencePolicy.Relations of(Actor actor) {
        return new EvidencePolicy.Relations(() -> people.reportsOf(actor), () -> mentees(actor));
    }

    private Set<UUID> mentees(Actor actor) {
        UUID self = actor.personId();
        return self == null
                ? Set.of()
                : mentors.getIfAvailable(() -> mentor -> Set.of()).of(self);
    }
}

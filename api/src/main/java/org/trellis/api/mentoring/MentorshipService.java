package org.trellis.api.mentoring;

import graphql.execution.DataFetcherResult;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.evidence.ActiveMentees;
import org.trellis.api.people.PeopleService;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Paged;
import org.trellis.graphql.KeysetWindows;
import org.trellis.persistence.TransactionMemo;

/**
 * Reading pairings: one by id, the caller's own, their reports', and the pairing the pair works in. Changes are
 * {@link MentorshipProposals} and {@link MentorshipTransitions}; who may do what is {@link MentoringPolicy}.
 */
@Service
public class MentorshipService implements ActiveMentees {

    private final Mentorships mentorships;
    private final PeopleService people;

    MentorshipService(Mentorships mentorships, PeopleService people) {
        this.mentorships = mentorships;
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> of(UUID mentorId) {
        return TransactionMemo.get(
                new ActiveMenteesOf(mentorId), () -> Set.copyOf(mentorships.activeMentees(mentorId)));
    }

    @Transactional(readOnly = true)
    public Mentorship get(Actor actor, UUID id) {
        Mentorship mentorship = mentorships.findById(id).orElseThrow(() -> new NotFoundException("Mentorship"));
        MentoringPolicy.requireSee(actor, mentorship, people.reportsOf(actor));
        return mentorship;
    }

    /** A pairing the caller works in as mentor or mentee, whatever its status (private notes outlive it). */
    Mentorship workable(Actor actor, UUID mentorshipId) {
        Mentorship mentorship = get(actor, mentorshipId);
        MentoringPolicy.requireWorkIn(actor, mentorship);
        return mentorship;
    }

    /**
     * An active pairing the caller works in: where goals, sessions and actions change. {@code field} is the input that
     * led to it, for the conflict when it is not active.
     */
    Mentorship active(Actor actor, UUID mentorshipId, String... field) {
        Mentorship mentorship = workable(actor, mentorshipId);
        MentoringPolicy.requireActive(mentorship, field);
        return mentorship;
    }

    /** The caller's own pairings, as mentor and/or mentee. */
    @Transactional(readOnly = true)
    List<Mentorship> mine(Actor actor, boolean asMentor, boolean asMentee, @Nullable Set<Mentorship.Status> statuses) {
        UUID self = MentoringPolicy.requirePerson(actor);
        return mentorships.involving(List.of(self), asMentor, asMentee, statuses);
    }

    /** Pairings in which anyone below the caller in the reporting line is mentor or mentee. */
    @Transactional(readOnly = true)
    DataFetcherResult<Window<Mentorship>> ofReports(
            Actor actor, @Nullable Set<Mentorship.Status> statuses, ScrollSubrange subrange) {
        Set<UUID> reports = people.reportsOf(actor);
        KeysetWindows.Page page = KeysetWindows.page(subrange, 20, 100);
        Paged<Mentorship> rows = reports.isEmpty() ? Paged.empty() : mentorships.involvingPage(reports, statuses, page);
        return rows.window(page, Mentorships::keys);
    }

    /** Focus competency ids per pairing, for pairings the caller already sees. */
    @Transactional(readOnly = true)
    Map<UUID, List<UUID>> focusOf(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : mentorships.focusOf(ids);
    }

    /** Everyone the person has a proposed or active pairing with, either way round (for suggestions). */
    Set<UUID> openPartnersOf(UUID person) {
        Set<UUID> partners = new HashSet<>();
        for (Mentorship m : mentorships.involving(
                List.of(person), true, true, Set.of(Mentorship.Status.PROPOSED, Mentorship.Status.ACTIVE))) {
            partners.add(m.mentorId().equals(person) ? m.menteeId() : m.mentorId());
        }
        return partners;
    }

    /** Memo key: a mentor's active mentees, computed once per query. */
    private record ActiveMenteesOf(UUID mentorId) {}
}

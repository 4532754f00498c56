package org.trellis.api.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trellis.api.mentoring.MentoringPolicy.Transition;
import org.trellis.api.mentoring.Mentorship.Status;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Role;

/** Who may do what in a pairing, caller by caller, and the lifecycle status by status. */
class MentoringPolicyUnitTest {

    private static final UUID MENTOR = UUID.randomUUID();
    private static final UUID MENTEE = UUID.randomUUID();
    private static final Actor MENTOR_ACTOR = person(MENTOR, Role.ENGINEER);
    private static final Actor MENTEE_ACTOR = person(MENTEE, Role.ENGINEER);
    private static final Actor ADMIN = person(UUID.randomUUID(), Role.TENANT_ADMIN);
    private static final Actor MANAGER = person(UUID.randomUUID(), Role.MANAGER);
    private static final Actor STRANGER = person(UUID.randomUUID(), Role.MANAGER);
    private static final Actor CLIENT =
            new Actor(ActorKind.SERVICE_CLIENT, UUID.randomUUID(), null, UUID.randomUUID(), "c", Set.of(), Set.of());
    private static final Set<UUID> MANAGES_MENTEE = Set.of(MENTEE);
    private static final Set<UUID> MANAGES_MENTOR = Set.of(MENTOR);
    private static final Set<UUID> NONE = Set.of();

    private static final Map<Status, Map<Transition, Status>> ALLOWED = Map.of(
            Status.PROPOSED, Map.of(Transition.ACCEPT, Status.ACTIVE, Transition.DECLINE, Status.DECLINED),
            Status.ACTIVE, Map.of(Transition.COMPLETE, Status.COMPLETED, Transition.END, Status.ENDED),
            Status.DECLINED, Map.of(),
            Status.LAPSED, Map.of(),
            Status.COMPLETED, Map.of(),
            Status.ENDED, Map.of());

    @ParameterizedTest
    @EnumSource(Status.class)
    void allowsExactlyTheDocumentedTransitions(Status from) {
        for (Transition transition : Transition.values()) {
            Status expected = ALLOWED.get(from).get(transition);
            if (expected == null) {
                assertThatThrownBy(() -> MentoringPolicy.next(from, transition)).isInstanceOf(ConflictException.class);
            } else {
                assertThat(MentoringPolicy.next(from, transition)).isEqualTo(expected);
            }
        }
    }

    @Test
    void aLapsedProposalSaysTheDeadlinePassed() {
        assertThatThrownBy(() -> MentoringPolicy.next(Status.LAPSED, Transition.ACCEPT))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("did not answer before the deadline");
    }

    @Test
    void thePairBothManagementChainsAndAdminsSeeAPairingAndNobodyElse() {
        Mentorship pairing = pairing(Status.ACTIVE);
        assertThat(MentoringPolicy.canSee(MENTOR_ACTOR, pairing, NONE)).isTrue();
        assertThat(MentoringPolicy.canSee(MENTEE_ACTOR, pairing, NONE)).isTrue();
        assertThat(MentoringPolicy.canSee(ADMIN, pairing, NONE)).isTrue();
        assertThat(MentoringPolicy.canSee(MANAGER, pairing, MANAGES_MENTEE)).isTrue();
        assertThat(MentoringPolicy.canSee(MANAGER, pairing, MANAGES_MENTOR)).isTrue();
        assertThat(MentoringPolicy.canSee(STRANGER, pairing, Set.of(UUID.randomUUID())))
                .isFalse();
        assertThat(MentoringPolicy.canSee(CLIENT, pairing, NONE)).isFalse();
        assertThatThrownBy(() -> MentoringPolicy.requireSee(STRANGER, pairing, NONE))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void adminsTheMenteesManagersAndTheMenteeProposeAndAskForSuggestions() {
        assertThat(MentoringPolicy.canPropose(ADMIN, MENTEE, NONE)).isTrue();
        assertThat(MentoringPolicy.canPropose(MENTEE_ACTOR, MENTEE, NONE)).isTrue();
        assertThat(MentoringPolicy.canPropose(MANAGER, MENTEE, MANAGES_MENTEE)).isTrue();
        assertThat(MentoringPolicy.canPropose(MANAGER, MENTEE, MANAGES_MENTOR)).isFalse();
        assertThat(MentoringPolicy.canPropose(MENTOR_ACTOR, MENTEE, NONE)).isFalse();
        assertThat(MentoringPolicy.canPropose(CLIENT, MENTEE, NONE)).isFalse();
        assertThatThrownBy(() -> MentoringPolicy.requirePropose(MENTOR_ACTOR, MENTEE, NONE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> MentoringPolicy.requireSuggest(STRANGER, MENTEE, NONE))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Suggestions");
        assertThatCode(() -> MentoringPolicy.requireSuggest(MANAGER, MENTEE, MANAGES_MENTEE))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyTheProposedMentorAnswersAProposal() {
        Mentorship pairing = pairing(Status.PROPOSED);
        for (Transition answer : new Transition[] {Transition.ACCEPT, Transition.DECLINE}) {
            assertThat(MentoringPolicy.canApply(MENTOR_ACTOR, pairing, answer, NONE))
                    .isTrue();
            assertThat(MentoringPolicy.canApply(MENTEE_ACTOR, pairing, answer, NONE))
                    .isFalse();
            assertThat(MentoringPolicy.canApply(ADMIN, pairing, answer, NONE)).isFalse();
            assertThat(MentoringPolicy.canApply(MANAGER, pairing, answer, MANAGES_MENTOR))
                    .isFalse();
            assertThatThrownBy(() -> MentoringPolicy.requireApply(ADMIN, pairing, answer, NONE))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("proposed mentor");
        }
    }

    @Test
    void whoeverSeesAPairingFinishesIt() {
        Mentorship pairing = pairing(Status.ACTIVE);
        for (Transition finish : new Transition[] {Transition.COMPLETE, Transition.END}) {
            assertThat(MentoringPolicy.canApply(MENTOR_ACTOR, pairing, finish, NONE))
                    .isTrue();
            assertThat(MentoringPolicy.canApply(MENTEE_ACTOR, pairing, finish, NONE))
                    .isTrue();
            assertThat(MentoringPolicy.canApply(ADMIN, pairing, finish, NONE)).isTrue();
            assertThat(MentoringPolicy.canApply(MANAGER, pairing, finish, MANAGES_MENTEE))
                    .isTrue();
            assertThat(MentoringPolicy.canApply(STRANGER, pairing, finish, NONE))
                    .isFalse();
            assertThatThrownBy(() -> MentoringPolicy.requireApply(STRANGER, pairing, finish, NONE))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("finish");
        }
    }

    @Test
    void onlyThePairWorksInAPairingNotTheirManagersNorAdmins() {
        Mentorship pairing = pairing(Status.ACTIVE);
        assertThat(MentoringPolicy.canWorkIn(MENTOR_ACTOR, pairing)).isTrue();
        assertThat(MentoringPolicy.canWorkIn(MENTEE_ACTOR, pairing)).isTrue();
        assertThat(MentoringPolicy.canWorkIn(ADMIN, pairing)).isFalse();
        assertThat(MentoringPolicy.canWorkIn(MANAGER, pairing)).isFalse();
        assertThat(MentoringPolicy.canWorkIn(CLIENT, pairing)).isFalse();
        assertThatThrownBy(() -> MentoringPolicy.requireWorkIn(ADMIN, pairing)).isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void goalsSessionsAndActionsChangeOnlyInAnActivePairing(Status status) {
        if (status == Status.ACTIVE) {
            assertThatCode(() -> MentoringPolicy.requireActive(pairing(status))).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> MentoringPolicy.requireActive(pairing(status)))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void onlyTheMenteeLogsTheirAchievedGoalAsEvidence() {
        Mentorship pairing = pairing(Status.ACTIVE);
        assertThat(MentoringPolicy.canLogGoalEvidence(MENTEE_ACTOR, pairing)).isTrue();
        assertThat(MentoringPolicy.canLogGoalEvidence(MENTOR_ACTOR, pairing)).isFalse();
        assertThat(MentoringPolicy.canLogGoalEvidence(ADMIN, pairing)).isFalse();
        assertThatThrownBy(() -> MentoringPolicy.requireLogGoalEvidence(MENTOR_ACTOR, pairing))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aMentorsLoadIsManagedByThemTheirManagersAndAdmins() {
        assertThat(MentoringPolicy.canManageMentor(MENTOR_ACTOR, MENTOR, NONE)).isTrue();
        assertThat(MentoringPolicy.canManageMentor(ADMIN, MENTOR, NONE)).isTrue();
        assertThat(MentoringPolicy.canManageMentor(MANAGER, MENTOR, MANAGES_MENTOR))
                .isTrue();
        assertThat(MentoringPolicy.canManageMentor(MANAGER, MENTOR, MANAGES_MENTEE))
                .isFalse();
        assertThat(MentoringPolicy.canManageMentor(MENTEE_ACTOR, MENTOR, NONE)).isFalse();
        assertThatThrownBy(() -> MentoringPolicy.requireManageMentor(MENTEE_ACTOR, MENTOR, NONE))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void mentoringIsForPeopleOfATenant() {
        assertThat(MentoringPolicy.requirePerson(MENTOR_ACTOR)).isEqualTo(MENTOR);
        assertThatThrownBy(() -> MentoringPolicy.requirePerson(CLIENT))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("service clients");
        assertThatThrownBy(() -> MentoringPolicy.requirePerson(Actor.platformOperator("op")))
                .isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest
    @EnumSource(MentoringGoal.Status.class)
    void goalsMoveOnceFromOpen(MentoringGoal.Status from) {
        for (MentoringGoal.Status to : MentoringGoal.Status.values()) {
            if (from == MentoringGoal.Status.OPEN && to != MentoringGoal.Status.OPEN) {
                assertThatCode(() -> MentoringPolicy.checkGoalMove(from, to)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> MentoringPolicy.checkGoalMove(from, to))
                        .isInstanceOf(ConflictException.class);
            }
        }
    }

    private static Mentorship pairing(Status status) {
        Instant now = Instant.now();
        return new Mentorship(
                UUID.randomUUID(),
                MENTOR,
                MENTEE,
                status,
                MENTEE,
                null,
                now.plusSeconds(3600),
                null,
                status == Status.PROPOSED ? null : now,
                null,
                null,
                1,
                now);
    }

    private static Actor person(UUID id, Role role) {
        return new Actor(ActorKind.PERSON, UUID.randomUUID(), id, null, "s", Set.of(role), Set.of());
    }
}

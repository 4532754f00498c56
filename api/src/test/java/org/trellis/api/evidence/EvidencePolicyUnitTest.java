package org.trellis.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trellis.api.evidence.Evidence.Status;
import org.trellis.api.evidence.EvidencePolicy.Reimport;
import org.trellis.api.evidence.EvidencePolicy.Transition;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;

/** The workflow: every status against every transition, and who may review. */
class EvidencePolicyUnitTest {

    private static final Map<Status, Map<Transition, Status>> ALLOWED = Map.of(
            Status.DRAFT, Map.of(Transition.SUBMIT, Status.SUBMITTED, Transition.WITHDRAW, Status.WITHDRAWN),
            Status.SUBMITTED,
                    Map.of(
                            Transition.ENDORSE, Status.ENDORSED,
                            Transition.REQUEST_CHANGES, Status.CHANGES_REQUESTED,
                            Transition.REJECT, Status.REJECTED,
                            Transition.WITHDRAW, Status.WITHDRAWN),
            Status.CHANGES_REQUESTED,
                    Map.of(Transition.SUBMIT, Status.SUBMITTED, Transition.WITHDRAW, Status.WITHDRAWN),
            Status.ENDORSED, Map.of(),
            Status.REJECTED, Map.of(),
            Status.WITHDRAWN, Map.of());

    @ParameterizedTest
    @EnumSource(Status.class)
    void allowsExactlyTheDocumentedTransitions(Status from) {
        for (Transition transition : Transition.values()) {
            Status expected = ALLOWED.get(from).get(transition);
            if (expected == null) {
                assertThatThrownBy(() -> EvidencePolicy.next(from, transition)).isInstanceOf(ConflictException.class);
            } else {
                assertThat(EvidencePolicy.next(from, transition)).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void onlyDraftsAndEvidenceSentBackAreEditable(Status status) {
        assertThat(EvidencePolicy.editable(status))
                .isEqualTo(status == Status.DRAFT || status == Status.CHANGES_REQUESTED);
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"ENGINEER", "MANAGER", "TENANT_ADMIN"})
    void onlyTheManagementChainReviewsAndNeverThePersonThemselves(Role role) {
        UUID owner = UUID.randomUUID();
        Actor self = person(owner, role);
        Actor above = person(UUID.randomUUID(), role);
        assertThat(EvidencePolicy.canReview(self, owner, reports(owner))).isFalse();
        assertThat(EvidencePolicy.canReview(above, owner, reports(owner))).isTrue();
        assertThat(EvidencePolicy.canReview(above, owner, EvidencePolicy.Relations.NONE))
                .isFalse();
    }

    @Test
    void anActiveMentorSeesAndReviewsButDoesNotLogForTheMentee() {
        UUID mentee = UUID.randomUUID();
        Actor mentor = person(UUID.randomUUID(), Role.ENGINEER);
        var relations = new EvidencePolicy.Relations(Set.of(), Set.of(mentee));
        assertThat(EvidencePolicy.canSee(mentor, mentee, relations)).isTrue();
        assertThat(EvidencePolicy.canReview(mentor, mentee, relations)).isTrue();
        assertThat(EvidencePolicy.canLogFor(mentor, mentee, relations)).isFalse();
        assertThat(EvidencePolicy.canSee(mentor, mentee, EvidencePolicy.Relations.NONE))
                .isFalse();
        assertThat(EvidencePolicy.canReview(
                        person(mentee, Role.ENGINEER), mentee, new EvidencePolicy.Relations(Set.of(), Set.of(mentee))))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transition.class)
    void reviewsAreEndorsingSendingBackAndRejectingAndTheRestIsTheAuthors(Transition transition) {
        assertThat(EvidencePolicy.isReview(transition))
                .isEqualTo(transition == Transition.ENDORSE
                        || transition == Transition.REQUEST_CHANGES
                        || transition == Transition.REJECT);
    }

    @Test
    void theAuthorIsThePersonOrWhoeverLoggedItAndNobodyElse() {
        UUID owner = UUID.randomUUID();
        Actor manager = person(UUID.randomUUID(), Role.MANAGER);
        Actor writer = client(Scopes.EVIDENCE_WRITE);
        Evidence loggedByManager = submitted(owner, manager.personId().toString());
        Evidence loggedByClient = submitted(owner, writer.serviceClientId().toString());
        assertThat(EvidencePolicy.isAuthor(person(owner, Role.ENGINEER), loggedByManager))
                .isTrue();
        assertThat(EvidencePolicy.isAuthor(manager, loggedByManager)).isTrue();
        assertThat(EvidencePolicy.isAuthor(writer, loggedByClient)).isTrue();
        assertThat(EvidencePolicy.isAuthor(writer, loggedByManager)).isFalse();
        assertThat(EvidencePolicy.isAuthor(person(UUID.randomUUID(), Role.TENANT_ADMIN), loggedByManager))
                .isFalse();
    }

    @Test
    void nobodyReviewsEvidenceTheyLogged() {
        UUID owner = UUID.randomUUID();
        Actor manager = person(UUID.randomUUID(), Role.MANAGER);
        assertThat(EvidencePolicy.canReview(
                        manager, submitted(owner, manager.personId().toString()), reports(owner)))
                .isFalse();
        assertThat(EvidencePolicy.canReview(manager, submitted(owner, owner.toString()), reports(owner)))
                .isTrue();
    }

    @Test
    void aReimportShowsTheItemOnlyToThoseWhoMaySeeItOrLoggedIt() {
        UUID owner = UUID.randomUUID();
        Evidence ownItem = submitted(owner, owner.toString());
        Actor writer = client(Scopes.EVIDENCE_WRITE);
        Actor readerWriter = client(Scopes.EVIDENCE_WRITE, Scopes.EVIDENCE_READ);
        Evidence writersItem = submitted(owner, writer.serviceClientId().toString());
        assertThat(EvidencePolicy.reimport(person(owner, Role.ENGINEER), owner, ownItem, EvidencePolicy.Relations.NONE))
                .isEqualTo(Reimport.SHOWN);
        assertThat(EvidencePolicy.reimport(person(UUID.randomUUID(), Role.MANAGER), owner, ownItem, reports(owner)))
                .isEqualTo(Reimport.SHOWN);
        assertThat(EvidencePolicy.reimport(readerWriter, owner, ownItem, EvidencePolicy.Relations.NONE))
                .isEqualTo(Reimport.SHOWN);
        // May log for the person, may not read their evidence: told it is imported, not shown it.
        assertThat(EvidencePolicy.reimport(writer, owner, ownItem, EvidencePolicy.Relations.NONE))
                .isEqualTo(Reimport.HIDDEN);
        // ...unless it logged the item itself: a retry gets back what its first call got.
        assertThat(EvidencePolicy.reimport(writer, owner, writersItem, EvidencePolicy.Relations.NONE))
                .isEqualTo(Reimport.SHOWN);
    }

    @Test
    void anExternalIdOfAnotherPersonsItemGetsOneAnswerForEveryone() {
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Actor managerOfBoth = person(UUID.randomUUID(), Role.MANAGER);
        Actor writer = client(Scopes.EVIDENCE_WRITE, Scopes.EVIDENCE_READ);
        Evidence othersItem = submitted(other, writer.serviceClientId().toString());
        assertThat(List.of(
                        EvidencePolicy.reimport(person(owner, Role.ENGINEER), owner, othersItem, reports()),
                        EvidencePolicy.reimport(person(owner, Role.TENANT_ADMIN), owner, othersItem, reports()),
                        EvidencePolicy.reimport(managerOfBoth, owner, othersItem, reports(owner, other)),
                        EvidencePolicy.reimport(writer, owner, othersItem, EvidencePolicy.Relations.NONE)))
                .containsOnly(Reimport.IN_USE);
    }

    private static Evidence submitted(UUID owner, String loggedBy) {
        return new Evidence(
                owner,
                owner,
                loggedBy,
                !loggedBy.equals(owner.toString()),
                Evidence.Kind.OTHER,
                "t",
                "",
                java.time.LocalDate.now(),
                List.of(),
                Evidence.Impact.TEAM,
                Evidence.Source.MANUAL,
                null,
                Status.SUBMITTED,
                null,
                null,
                null,
                2,
                java.time.Instant.now(),
                java.time.Instant.now());
    }

    private static EvidencePolicy.Relations reports(UUID... people) {
        return new EvidencePolicy.Relations(Set.of(people), Set.of());
    }

    private static Actor client(String... scopes) {
        return new Actor(
                ActorKind.SERVICE_CLIENT, UUID.randomUUID(), null, UUID.randomUUID(), "c", Set.of(), Set.of(scopes));
    }

    private static Actor person(UUID id, Role role) {
        return new Actor(ActorKind.PERSON, UUID.randomUUID(), id, null, "s", Set.of(role), Set.of());
    }
}

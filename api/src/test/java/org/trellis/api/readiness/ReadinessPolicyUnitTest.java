package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.people.ProfileSource;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;

/** Who may see and change readiness, assessments and promotion cases, caller by caller. */
class ReadinessPolicyUnitTest {

    private static final UUID SUBJECT = UUID.randomUUID();
    private static final Actor SELF = person(SUBJECT, Role.ENGINEER);
    private static final Actor MANAGER = person(UUID.randomUUID(), Role.ENGINEER, Role.MANAGER);
    private static final Actor ADMIN = person(UUID.randomUUID(), Role.ENGINEER, Role.TENANT_ADMIN);
    private static final Actor COMMITTEE = person(UUID.randomUUID(), Role.ENGINEER, Role.PROMOTION_COMMITTEE);
    private static final Actor COLLEAGUE = person(UUID.randomUUID(), Role.ENGINEER);
    private static final Actor CLIENT =
            new Actor(ActorKind.SERVICE_CLIENT, UUID.randomUUID(), null, UUID.randomUUID(), "c", Set.of(), Set.of());
    private static final Set<UUID> MANAGES_SUBJECT = Set.of(SUBJECT);
    private static final Set<UUID> NONE = Set.of();

    @Test
    void readinessIsSeenByPeopleWhoSeeThePersonsDetailsButNeverByClients() {
        assertThat(ReadinessPolicy.canSee(SELF, subject(true))).isTrue();
        assertThat(ReadinessPolicy.canSee(MANAGER, subject(true))).isTrue();
        assertThat(ReadinessPolicy.canSee(COLLEAGUE, subject(false))).isFalse();
        assertThat(ReadinessPolicy.canSee(COMMITTEE, subject(false))).isFalse();
        assertThat(ReadinessPolicy.canSee(CLIENT, subject(true))).isFalse();
    }

    @Test
    void aTeamsDashboardIsForItsManagersChainAndTenantAdminsOnly() {
        assertThatCode(() -> ReadinessPolicy.requireDashboard(MANAGER, true)).doesNotThrowAnyException();
        assertThatCode(() -> ReadinessPolicy.requireDashboard(ADMIN, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ReadinessPolicy.requireDashboard(MANAGER, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReadinessPolicy.requireDashboard(COLLEAGUE, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReadinessPolicy.requireDashboard(COMMITTEE, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReadinessPolicy.requireDashboard(CLIENT, true)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void casesAreAlsoSeenByTheCommittee() {
        assertThat(ReadinessPolicy.canSeeCase(COMMITTEE, subject(false))).isTrue();
        assertThat(ReadinessPolicy.canSeeCase(ADMIN, subject(false))).isTrue();
        assertThat(ReadinessPolicy.canSeeCase(COLLEAGUE, subject(false))).isFalse();
    }

    @Test
    void selfAssessmentIsThePersonsOwnAndTheManagerAssessmentTheChains() {
        assertThatCode(() -> ReadinessPolicy.requireAssess(SELF, Assessment.Kind.SELF, SUBJECT, NONE))
                .doesNotThrowAnyException();
        assertThatCode(() -> ReadinessPolicy.requireAssess(MANAGER, Assessment.Kind.MANAGER, SUBJECT, MANAGES_SUBJECT))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ReadinessPolicy.requireAssess(SELF, Assessment.Kind.MANAGER, SUBJECT, NONE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReadinessPolicy.requireAssess(MANAGER, Assessment.Kind.SELF, SUBJECT, MANAGES_SUBJECT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReadinessPolicy.requireAssess(ADMIN, Assessment.Kind.MANAGER, SUBJECT, NONE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(
                        () -> ReadinessPolicy.requireAssess(CLIENT, Assessment.Kind.MANAGER, SUBJECT, MANAGES_SUBJECT))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theChainAndAdminsNominateAndNobodyElse() {
        assertThatCode(() -> ReadinessPolicy.requireNominate(MANAGER, SUBJECT, MANAGES_SUBJECT))
                .doesNotThrowAnyException();
        assertThatCode(() -> ReadinessPolicy.requireNominate(ADMIN, SUBJECT, NONE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ReadinessPolicy.requireNominate(SELF, SUBJECT, NONE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReadinessPolicy.requireNominate(COMMITTEE, SUBJECT, NONE))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void nobodyNominatesThemselvesOrDecidesTheirOwnCase() {
        assertThatThrownBy(() -> ReadinessPolicy.requireNominate(ADMIN, ADMIN.personId(), NONE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReadinessPolicy.requireDecide(COMMITTEE, COMMITTEE.personId()))
                .isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> ReadinessPolicy.requireDecide(COMMITTEE, SUBJECT)).doesNotThrowAnyException();
    }

    @Test
    void theCommitteeAndAdminsDecideAndOnlyAdminsRunCyclesAndPolicies() {
        assertThatCode(() -> ReadinessPolicy.requireCommittee(COMMITTEE)).doesNotThrowAnyException();
        assertThatCode(() -> ReadinessPolicy.requireCommittee(ADMIN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ReadinessPolicy.requireCommittee(MANAGER)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReadinessPolicy.requireCommittee(CLIENT)).isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> ReadinessPolicy.requireAdmin(ADMIN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ReadinessPolicy.requireAdmin(COMMITTEE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReadinessPolicy.requireAdmin(MANAGER)).isInstanceOf(ForbiddenException.class);
    }

    private static Person subject(boolean detailed) {
        return new Person(
                SUBJECT,
                UUID.randomUUID(),
                "Eve",
                null,
                PersonStatus.ACTIVE,
                null,
                Instant.EPOCH,
                detailed,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ProfileSource.ADMIN,
                false);
    }

    private static Actor person(UUID id, Role... roles) {
        return new Actor(ActorKind.PERSON, UUID.randomUUID(), id, null, "s-" + id, Set.of(roles), Set.of());
    }
}

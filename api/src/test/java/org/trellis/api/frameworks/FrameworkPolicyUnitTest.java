package org.trellis.api.frameworks;

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
import org.trellis.api.frameworks.FrameworkPolicy.Transition;
import org.trellis.api.frameworks.FrameworkVersion.Status;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;

/** Who reads and changes frameworks, role by role, and a version's lifecycle status by status. */
class FrameworkPolicyUnitTest {

    private static final Actor ADMIN = person(Role.TENANT_ADMIN);
    private static final Actor MANAGER = person(Role.MANAGER);
    private static final Actor ENGINEER = person(Role.ENGINEER);
    private static final Actor READER = client(Scopes.FRAMEWORKS_READ);
    private static final Actor OTHER_CLIENT = client(Scopes.EVIDENCE_READ);
    private static final Actor OPERATOR = Actor.platformOperator("op");

    private static final Map<Status, Map<Transition, Status>> ALLOWED = Map.of(
            Status.DRAFT, Map.of(Transition.PUBLISH, Status.PUBLISHED),
            Status.PUBLISHED, Map.of(Transition.RETIRE, Status.RETIRED),
            Status.RETIRED, Map.of());

    @Test
    void everyMemberAndClientsWithTheScopeRead() {
        for (Actor allowed : new Actor[] {ADMIN, MANAGER, ENGINEER, READER}) {
            assertThat(FrameworkPolicy.canRead(allowed)).isTrue();
            assertThatCode(() -> FrameworkPolicy.requireRead(allowed)).doesNotThrowAnyException();
        }
        assertThat(FrameworkPolicy.canRead(OTHER_CLIENT)).isFalse();
        assertThatThrownBy(() -> FrameworkPolicy.requireRead(OTHER_CLIENT))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("frameworks:read");
        assertThat(FrameworkPolicy.canRead(OPERATOR)).isFalse();
        assertThatThrownBy(() -> FrameworkPolicy.requireRead(OPERATOR)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void competenciesReachedThroughAnotherFeatureNeedOnlyATenant() {
        for (Actor allowed : new Actor[] {ADMIN, ENGINEER, READER, OTHER_CLIENT}) {
            assertThatCode(() -> FrameworkPolicy.requireReadLinked(allowed)).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> FrameworkPolicy.requireReadLinked(OPERATOR)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void onlyTenantAdminsEditPublishAndAssign() {
        assertThat(FrameworkPolicy.canEdit(ADMIN)).isTrue();
        assertThat(FrameworkPolicy.canAssign(ADMIN)).isTrue();
        assertThatCode(() -> FrameworkPolicy.requireEdit(ADMIN)).doesNotThrowAnyException();
        assertThatCode(() -> FrameworkPolicy.requireAssign(ADMIN)).doesNotThrowAnyException();
        for (Actor denied : new Actor[] {MANAGER, ENGINEER, READER, OTHER_CLIENT, OPERATOR}) {
            assertThat(FrameworkPolicy.canEdit(denied)).isFalse();
            assertThat(FrameworkPolicy.canAssign(denied)).isFalse();
            assertThatThrownBy(() -> FrameworkPolicy.requireEdit(denied)).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> FrameworkPolicy.requireAssign(denied)).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void aClientWithEveryScopeStillDoesNotEdit() {
        Actor client = client(Scopes.FRAMEWORKS_READ, Scopes.EVIDENCE_READ);
        assertThat(FrameworkPolicy.canEdit(client)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void allowsExactlyTheDocumentedTransitions(Status from) {
        for (Transition transition : Transition.values()) {
            Status expected = ALLOWED.get(from).get(transition);
            if (expected == null) {
                assertThatThrownBy(() -> FrameworkPolicy.next(from, transition))
                        .isInstanceOf(ConflictException.class)
                        .hasMessageStartingWith("Only "
                                + FrameworkPolicy.from(transition).name().toLowerCase(java.util.Locale.ROOT));
            } else {
                assertThat(FrameworkPolicy.next(from, transition)).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void onlyDraftsChange(Status status) {
        assertThat(FrameworkPolicy.editable(status)).isEqualTo(status == Status.DRAFT);
        FrameworkVersion version = version(status);
        if (status == Status.DRAFT) {
            assertThatCode(() -> FrameworkPolicy.requireEditable(version)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> FrameworkPolicy.requireEditable(version))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("immutable");
        }
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void onlyPublishedVersionsAreAssigned(Status status) {
        assertThat(FrameworkPolicy.assignable(status)).isEqualTo(status == Status.PUBLISHED);
    }

    private static FrameworkVersion version(Status status) {
        return new FrameworkVersion(UUID.randomUUID(), UUID.randomUUID(), 1, status, null, Instant.now(), null, null);
    }

    private static Actor person(Role role) {
        return new Actor(ActorKind.PERSON, UUID.randomUUID(), UUID.randomUUID(), null, "s", Set.of(role), Set.of());
    }

    private static Actor client(String... scopes) {
        return new Actor(
                ActorKind.SERVICE_CLIENT, UUID.randomUUID(), null, UUID.randomUUID(), "c", Set.of(), Set.of(scopes));
    }
}

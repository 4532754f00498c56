package org.trellis.api.people;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;

class PeoplePolicyUnitTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Actor ADMIN = person(Role.ENGINEER, Role.TENANT_ADMIN);
    private static final Actor MANAGER = person(Role.ENGINEER, Role.MANAGER);
    private static final Actor WRITER = client(Scopes.PEOPLE_WRITE, Scopes.PEOPLE_READ);
    private static final Actor READER = client(Scopes.PEOPLE_READ);
    private static final Set<Role> ENGINEER = EnumSet.of(Role.ENGINEER);
    private static final Set<Role> ADMINISTRATOR = EnumSet.of(Role.ENGINEER, Role.TENANT_ADMIN);

    @Test
    void onlyAnAdminPersonGrantsOrRemovesRoles() {
        assertThatCode(() -> PeoplePolicy.requireRoleChange(ADMIN, ENGINEER, ADMINISTRATOR))
                .doesNotThrowAnyException();
        assertThatCode(() -> PeoplePolicy.requireRoleChange(ADMIN, ADMINISTRATOR, ENGINEER))
                .doesNotThrowAnyException();
        for (Actor other : new Actor[] {MANAGER, WRITER, READER}) {
            assertThatThrownBy(() -> PeoplePolicy.requireRoleChange(other, ENGINEER, ADMINISTRATOR))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> PeoplePolicy.requireRoleChange(other, ADMINISTRATOR, ENGINEER))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void unchangedRolesNeedNoAdmin() {
        assertThatCode(() -> PeoplePolicy.requireRoleChange(WRITER, ENGINEER, EnumSet.of(Role.ENGINEER)))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyAnAdminPersonLinksSignInAccounts() {
        assertThatCode(() -> PeoplePolicy.requireSignInAccountChange(ADMIN, ExternalAccount.Provider.IDENTITY_PROVIDER))
                .doesNotThrowAnyException();
        assertThatThrownBy(() ->
                        PeoplePolicy.requireSignInAccountChange(WRITER, ExternalAccount.Provider.IDENTITY_PROVIDER))
                .isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> PeoplePolicy.requireSignInAccountChange(WRITER, ExternalAccount.Provider.GITHUB))
                .doesNotThrowAnyException();
    }

    @Test
    void writersAreAdminsAndPeopleWriteClients() {
        assertThatCode(() -> PeoplePolicy.requireWrite(ADMIN)).doesNotThrowAnyException();
        assertThatCode(() -> PeoplePolicy.requireWrite(WRITER)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PeoplePolicy.requireWrite(MANAGER)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> PeoplePolicy.requireWrite(READER)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void readersAreMembersAndPeopleReadClients() {
        assertThatCode(() -> PeoplePolicy.requireRead(MANAGER)).doesNotThrowAnyException();
        assertThatCode(() -> PeoplePolicy.requireRead(READER)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PeoplePolicy.requireRead(client("evidence:read")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> PeoplePolicy.requireRead(Actor.platformOperator("op")))
                .isInstanceOf(ForbiddenException.class);
    }

    private static Actor person(Role... roles) {
        return new Actor(ActorKind.PERSON, TENANT, UUID.randomUUID(), null, "p", Set.of(roles), Set.of());
    }

    private static Actor client(String... scopes) {
        return new Actor(ActorKind.SERVICE_CLIENT, TENANT, null, UUID.randomUUID(), "c", Set.of(), Set.of(scopes));
    }
}

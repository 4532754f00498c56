package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.Role;

class PrincipalCacheUnitTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();

    private final AtomicInteger signIns = new AtomicInteger();
    private PrincipalCache cache;

    @BeforeEach
    void listeningCache() {
        cache = new PrincipalCache(100);
        cache.listening(true);
    }

    @Test
    void signsInATokenOnceUntilItExpires() throws InterruptedException {
        Jwt token = token("a", Duration.ofMillis(400));
        cache.get(token, TENANT, signIn(TENANT));
        cache.get(token, TENANT, signIn(TENANT));
        assertThat(signIns).hasValue(1);
        Thread.sleep(500);
        cache.get(token, TENANT, signIn(TENANT));
        assertThat(signIns).hasValue(2);
    }

    @Test
    void keysByTheExactTokenText() {
        cache.get(token("a", Duration.ofHours(1)), TENANT, signIn(TENANT));
        cache.get(token("b", Duration.ofHours(1)), TENANT, signIn(TENANT));
        assertThat(signIns).hasValue(2);
    }

    @Test
    void dropsOnlyTheChangedTenantsCallers() {
        Jwt ours = token("ours", Duration.ofHours(1));
        Jwt theirs = token("theirs", Duration.ofHours(1));
        cache.get(ours, TENANT, signIn(TENANT));
        cache.get(theirs, OTHER_TENANT, signIn(OTHER_TENANT));
        cache.evict(TENANT);
        assertThat(cache.holds("ours")).isFalse();
        assertThat(cache.holds("theirs")).isTrue();
        cache.get(ours, TENANT, signIn(TENANT));
        cache.get(theirs, OTHER_TENANT, signIn(OTHER_TENANT));
        assertThat(signIns).hasValue(3);
    }

    @Test
    void keepsNoSignInThatOverlapsAChangeToItsTenant() {
        Jwt token = token("a", Duration.ofHours(1));
        Actor actor = cache.get(token, TENANT, () -> {
            cache.evict(TENANT); // committed while this sign-in read the old state
            return signIn(TENANT).get();
        });
        assertThat(actor.tenantId()).isEqualTo(TENANT);
        assertThat(cache.holds("a")).isFalse();
    }

    @Test
    void keepsASignInThatOverlapsAChangeToAnotherTenant() {
        Jwt token = token("a", Duration.ofHours(1));
        cache.get(token, TENANT, () -> {
            cache.evict(OTHER_TENANT);
            return signIn(TENANT).get();
        });
        assertThat(cache.holds("a")).isTrue();
    }

    @Test
    void servesAndKeepsNothingWhileChangesCannotBeHeard() {
        Jwt token = token("a", Duration.ofHours(1));
        cache.get(token, TENANT, signIn(TENANT));
        cache.listening(false);
        assertThat(cache.holds("a")).isFalse();
        cache.get(token, TENANT, signIn(TENANT));
        cache.get(token, TENANT, signIn(TENANT));
        assertThat(signIns).hasValue(3);
        assertThat(cache.holds("a")).isFalse();
        cache.listening(true);
        cache.get(token, TENANT, signIn(TENANT));
        cache.get(token, TENANT, signIn(TENANT));
        assertThat(signIns).hasValue(4);
    }

    @Test
    void keepsNoSignInThatOverlapsTheListenerGoingDown() {
        Jwt token = token("a", Duration.ofHours(1));
        cache.get(token, TENANT, () -> {
            cache.listening(false);
            cache.listening(true);
            return signIn(TENANT).get();
        });
        assertThat(cache.holds("a")).isFalse();
    }

    @Test
    void servesAVerifiedTokensClaimsAndCallerWithoutSigningInAgain() {
        Jwt token = token("a", Duration.ofHours(1));
        Actor actor = cache.get(token, TENANT, signIn(TENANT));
        PrincipalCache.Entry served = cache.verified("a");
        assertThat(served).isNotNull();
        assertThat(served.actor()).isSameAs(actor);
        assertThat(served.jwt()).isSameAs(token);
        assertThat(cache.verified("a ")).isNull(); // another text, however close, was never verified
        assertThat(signIns).hasValue(1);
    }

    @Test
    void servesNoVerifiedTokenPastItsExpiryAfterAChangeOrWhileDeaf() throws InterruptedException {
        cache.get(token("short", Duration.ofMillis(300)), TENANT, signIn(TENANT));
        cache.get(token("changed", Duration.ofHours(1)), TENANT, signIn(TENANT));
        cache.get(token("deaf", Duration.ofHours(1)), OTHER_TENANT, signIn(OTHER_TENANT));
        Thread.sleep(400);
        assertThat(cache.verified("short")).isNull();
        cache.evict(TENANT);
        assertThat(cache.verified("changed")).isNull();
        assertThat(cache.verified("deaf")).isNotNull();
        cache.listening(false);
        assertThat(cache.verified("deaf")).isNull();
    }

    @Test
    void sizeZeroSignsInEveryRequest() {
        PrincipalCache off = new PrincipalCache(0);
        off.listening(true);
        Jwt token = token("a", Duration.ofHours(1));
        off.get(token, TENANT, signIn(TENANT));
        off.get(token, TENANT, signIn(TENANT));
        assertThat(signIns).hasValue(2);
        assertThat(off.verified("a")).isNull();
    }

    private Supplier<Actor> signIn(UUID tenant) {
        return () -> {
            signIns.incrementAndGet();
            return new Actor(
                    ActorKind.PERSON, tenant, UUID.randomUUID(), null, "subject", Set.of(Role.ENGINEER), Set.of());
        };
    }

    private static Jwt token(String text, Duration lifetime) {
        Instant now = Instant.now();
        return Jwt.withTokenValue(text)
                .header("alg", "RS256")
                .subject("subject")
                .issuedAt(now.minusSeconds(1))
                .expiresAt(now.plus(lifetime))
                .build();
    }
}

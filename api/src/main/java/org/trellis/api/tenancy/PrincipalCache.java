package org.trellis.api.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.trellis.api.shared.Actor;

/**
 * Signed-in callers by token, so that a repeated token costs no verification and no sign-in statement. An entry is
 * keyed by the SHA-256 of the exact token text, is made only after that token was verified, and expires at the
 * token's {@code exp}.
 * Entries of a tenant are dropped when its principals change ({@link #evict}). Nothing is served or stored while
 * {@link #listening} is false: then a change on another instance could go unnoticed.
 *
 * <p>A sign-in that overlaps an eviction of its tenant does not keep its result: it read the state the eviction
 * announces is stale.
 */
final class PrincipalCache {

    /** A verified token's claims and its signed-in caller. */
    record Entry(Actor actor, Jwt jwt, Instant expiresAt) {}

    private final Cache<String, Entry> entries;
    private final boolean enabled;
    private final AtomicLong clock = new AtomicLong();
    private final Map<UUID, Long> evictedAt = new ConcurrentHashMap<>();
    private volatile long allEvictedAt;
    private volatile boolean listening;

    PrincipalCache(long maximumSize) {
        this.enabled = maximumSize > 0;
        this.entries = Caffeine.newBuilder()
                .maximumSize(Math.max(maximumSize, 1))
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long currentTime) {
                        return Math.max(
                                0,
                                Duration.between(Instant.now(), entry.expiresAt())
                                        .toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The cached caller of this verified token of the tenant, or {@code signIn}'s answer (cached when it may be). */
    Actor get(Jwt jwt, UUID tenantId, Supplier<Actor> signIn) {
        Instant expiresAt = jwt.getExpiresAt();
        if (!enabled || expiresAt == null) {
            return signIn.get();
        }
        String key = key(jwt.getTokenValue());
        Entry cached = entries.getIfPresent(key);
        if (listening && cached != null && Instant.now().isBefore(cached.expiresAt())) {
            return cached.actor();
        }
        long started = clock.get();
        Actor actor = signIn.get();
        if (listening && Instant.now().isBefore(expiresAt) && tenantId.equals(actor.tenantId())) {
            entries.put(key, new Entry(actor, jwt, expiresAt));
            if (!listening || evictedSince(tenantId, started)) {
                entries.invalidate(key);
            }
        }
        return actor;
    }

    /** Drops the tenant's entries and any sign-in of the tenant now in progress. */
    void evict(UUID tenantId) {
        evictedAt.merge(tenantId, clock.incrementAndGet(), Math::max);
        entries.asMap().values().removeIf(entry -> tenantId.equals(entry.actor().tenantId()));
    }

    /**
     * Whether changes made elsewhere reach this cache; switching it either way forgets everything, since changes may
     * have been missed meanwhile.
     */
    void listening(boolean listening) {
        if (!listening) {
            this.listening = false;
        }
        evictAll();
        this.listening = listening;
    }

    /** Drops every entry and any sign-in now in progress. */
    void evictAll() {
        allEvictedAt = clock.incrementAndGet();
        entries.invalidateAll();
    }

    boolean listening() {
        return listening;
    }

    /** Whether this exact token's caller is cached now. */
    boolean holds(String token) {
        return entries.getIfPresent(key(token)) != null;
    }

    /**
     * This exact token's entry while it may be served: the token was verified and signed in before, has not expired,
     * and no change to its tenant's principals came since; otherwise null.
     */
    @Nullable
    Entry verified(String token) {
        if (!enabled || !listening) {
            return null;
        }
        Entry cached = entries.getIfPresent(key(token));
        return cached != null && Instant.now().isBefore(cached.expiresAt()) ? cached : null;
    }

    private boolean evictedSince(UUID tenantId, long started) {
        return allEvictedAt > started || evictedAt.getOrDefault(tenantId, 0L) > started;
    }

    private static String key(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

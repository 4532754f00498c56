package org.trellis.api.shared;

import static org.trellis.persistence.jooq.Tables.IDEMPOTENCY_KEY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one idempotency mechanism for mutations that accept an {@code idempotencyKey} (evidence writes, mentoring
 * sessions). A key is kept per tenant for {@link #KEPT} with a hash of the operation, the caller and the request:
 * the first request runs its work and records the id of what it made; a retry (same operation, caller and request)
 * gets that result without running the work again; any other request with the key is a CONFLICT, so someone else's
 * request never reads the first caller's result.
 *
 * <p>The key is claimed by an insert in the caller's transaction: a concurrent retry waits on the primary key until
 * the first transaction ends, and a rolled-back request leaves no claim behind. Call it inside a transaction.
 */
@Component
public class IdempotencyKeys {

    /** How long a key answers retries; afterwards it may be used again. */
    public static final Duration KEPT = Duration.ofHours(24);

    private final DSLContext db;
    private final JsonMapper json;

    IdempotencyKeys(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Runs {@code work} once per key. Without a key it simply runs.
     *
     * @param operation what is done, with whatever names its target (e.g. {@code updateEvidence:<id>:<version>})
     * @param request the caller's input, as JSON part of the request hash
     * @param resultId the id to remember of what the work returned
     * @param earlier what a retry answers, given the remembered id
     */
    public <T> T once(
            Actor actor,
            @Nullable String key,
            String operation,
            Object request,
            Supplier<T> work,
            Function<T, UUID> resultId,
            Function<UUID, T> earlier) {
        if (key == null) {
            return work.get();
        }
        Validation validation = new Validation();
        String validKey = validation.text(key, 100, "input", "idempotencyKey");
        validation.throwIfInvalid();
        // The caller is part of the request: someone else's retry with the same key is another request.
        String hash = sha256(operation + "\n" + caller(actor) + "\n" + json.writeValueAsString(request));
        if (!claim(actor.tenant(), validKey, operation, hash)) {
            Claimed claimed = find(validKey)
                    .orElseThrow(() -> new ConflictException(
                            "The idempotency key is in use; try again.", "input", "idempotencyKey"));
            if (!claimed.requestHash().equals(hash) || claimed.resultId() == null) {
                throw new ConflictException(
                        "This idempotency key was used for a different request.", "input", "idempotencyKey");
            }
            return earlier.apply(claimed.resultId());
        }
        T result = work.get();
        complete(validKey, resultId.apply(result));
        return result;
    }

    private boolean claim(UUID tenantId, String key, String operation, String requestHash) {
        db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.KEY.eq(key))
                .and(IDEMPOTENCY_KEY.CREATED_AT.lt(Instant.now().minus(KEPT)))
                .execute();
        return db.insertInto(IDEMPOTENCY_KEY)
                        .set(IDEMPOTENCY_KEY.TENANT_ID, tenantId)
                        .set(IDEMPOTENCY_KEY.KEY, key)
                        .set(IDEMPOTENCY_KEY.OPERATION, operation)
                        .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                        .onConflictDoNothing()
                        .execute()
                > 0;
    }

    private Optional<Claimed> find(String key) {
        return db.select(IDEMPOTENCY_KEY.REQUEST_HASH, IDEMPOTENCY_KEY.RESULT_ID)
                .from(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.KEY.eq(key))
                .fetchOptional(row -> new Claimed(row.value1(), row.value2()));
    }

    private void complete(String key, UUID resultId) {
        db.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.RESULT_ID, resultId)
                .where(IDEMPOTENCY_KEY.KEY.eq(key))
                .execute();
    }

    /** The caller as the hash names it: their person or client id, else their token subject. */
    static String caller(Actor actor) {
        UUID id = actor.personId() != null ? actor.personId() : actor.serviceClientId();
        return id == null ? actor.subject() : id.toString();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Claimed(String requestHash, @Nullable UUID resultId) {}
}

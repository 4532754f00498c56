package org.trellis.api.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Scopes;
import org.trellis.api.shared.Validation;
import org.trellis.api.tenancy.IdentityProviderService;

/**
 * SCIM credentials: tenant admins create, rotate and revoke them; the secret is shown once and stored as its
 * SHA-256 (it is 256 random bits, so a slow hash adds nothing). The tenant id travels in the token so the lookup
 * runs under the tenant's row-level security like everything else.
 */
@Service
public class ScimCredentialService {

    private static final Pattern TOKEN = Pattern.compile("scim_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** As {@code @listSize} on {@code Query.scimCredentials}. */
    private static final int MAX_LISTED = 20;

    private final ScimCredentials credentials;
    private final AuditTrail audit;
    private final IdentityProviderService identityProviders;
    private final TransactionTemplate transactions;

    ScimCredentialService(
            ScimCredentials credentials,
            AuditTrail audit,
            IdentityProviderService identityProviders,
            TransactionTemplate transactions) {
        this.credentials = credentials;
        this.audit = audit;
        this.identityProviders = identityProviders;
        this.transactions = transactions;
    }

    @Transactional(readOnly = true)
    public List<ScimCredential> list(Actor actor) {
        ScimPolicy.requireManageCredentials(actor);
        return credentials.newest(MAX_LISTED);
    }

    /** A new credential and its secret (returned this once only). */
    @Transactional
    public Issued create(Actor actor, String name, @Nullable UUID identityProviderId) {
        ScimPolicy.requireManageCredentials(actor);
        Validation validation = new Validation();
        String valid = validation.text(name, 200, "input", "name");
        validation.throwIfInvalid();
        if (identityProviderId != null) {
            identityProviders.get(actor, identityProviderId); // of the caller's tenant, or NOT_FOUND
        }
        return issue(actor, valid, identityProviderId);
    }

    /** The identity provider a credential provisions people for, if it is bound to one. */
    @Transactional(readOnly = true)
    public Optional<UUID> boundIdentityProvider(UUID credentialId) {
        return credentials.findById(credentialId).map(ScimCredential::identityProviderId);
    }

    /** Revokes a credential and issues its replacement under the same name. */
    @Transactional
    public Issued rotate(Actor actor, UUID id) {
        ScimPolicy.requireManageCredentials(actor);
        ScimCredential old = credentials.findById(id).orElseThrow(() -> new NotFoundException("SCIM credential"));
        credentials.revoke(id);
        audit.record(
                actor, actor.tenant(), "scim-credential.revoked", "ScimCredential", id, Map.of("reason", "rotated"));
        return issue(actor, old.name(), old.identityProviderId());
    }

    @Transactional
    public ScimCredential revoke(Actor actor, UUID id) {
        ScimPolicy.requireManageCredentials(actor);
        credentials.findById(id).orElseThrow(() -> new NotFoundException("SCIM credential"));
        ScimCredential revoked = credentials.revoke(id);
        audit.record(actor, actor.tenant(), "scim-credential.revoked", "ScimCredential", id, Map.of());
        return revoked;
    }

    /** The SCIM actor for a presented token, if it names an active credential of its tenant. */
    public Optional<Actor> authenticate(String token) {
        Matcher parts = TOKEN.matcher(token);
        if (!parts.matches()) {
            return Optional.empty();
        }
        UUID tenant = UUID.fromString(parts.group(1).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        String hash = sha256(token);
        return CallerScope.inTenant(
                tenant,
                () -> transactions.execute(status -> {
                    Optional<ScimCredential> found = credentials.findActiveByHash(hash);
                    found.ifPresent(credential -> credentials.touch(credential.id()));
                    return found.map(credential -> new Actor(
                            ActorKind.SERVICE_CLIENT,
                            tenant,
                            null,
                            credential.id(),
                            "scim:" + credential.name(),
                            Set.of(),
                            Set.of(Scopes.PEOPLE_READ, Scopes.PEOPLE_WRITE)));
                }));
    }

    private Issued issue(Actor actor, String name, @Nullable UUID identityProviderId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "scim_" + actor.tenant().toString().replace("-", "") + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ScimCredential created = credentials.insert(
                actor.tenant(),
                UUID.randomUUID(),
                name,
                identityProviderId,
                sha256(secret),
                "…" + secret.substring(secret.length() - 4));
        audit.record(
                actor,
                actor.tenant(),
                "scim-credential.created",
                "ScimCredential",
                created.id(),
                Map.of("name", name, "identityProviderId", String.valueOf(identityProviderId)));
        return new Issued(created, secret);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A credential with its secret, as issued. */
    public record Issued(ScimCredential credential, String secret) {}
}

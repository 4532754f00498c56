package org.trellis.api.readiness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trellis.api.readiness.ReadinessInputs.RuleRow;
import org.trellis.persistence.DatabaseScopeProvider;

/**
 * The readiness rules of levels of published and retired framework versions, kept in memory by tenant and level:
 * such versions never change (only drafts are edited, an edit locks its version against being published meanwhile,
 * and drafts' levels are never kept here), so no other instance needs telling. Readiness is decided on every
 * evidence, assessment and assignment change, and each decision needs its level's rules. At most {@value
 * #MAX_LEVELS} levels; one unread for an hour goes. The key's tenant is the caller's database scope, the tenant its
 * transactions are scoped to (row-level security reads only that tenant's rules), so one tenant is never answered
 * rules kept for another; a caller without a tenant (a platform operator) is never answered from memory.
 */
@Component
class PublishedRules {

    static final int MAX_LEVELS = 10_000;

    private record Key(UUID tenantId, UUID levelId) {}

    private final ReadinessInputs inputs;
    private final DatabaseScopeProvider scopes;
    private final Cache<Key, List<RuleRow>> levels = Caffeine.newBuilder()
            .maximumSize(MAX_LEVELS)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    PublishedRules(ReadinessInputs inputs, DatabaseScopeProvider scopes) {
        this.inputs = inputs;
        this.scopes = scopes;
    }

    /** The rules of these levels in framework order; levels not kept are read in one statement. */
    Map<UUID, List<RuleRow>> of(Collection<UUID> levelIds) {
        UUID tenantId = scopes.currentScope().tenantId();
        if (tenantId == null) {
            return inputs.rules(levelIds).byLevel();
        }
        Map<UUID, List<RuleRow>> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID levelId : levelIds) {
            List<RuleRow> kept = levels.getIfPresent(new Key(tenantId, levelId));
            if (kept == null) {
                missing.add(levelId);
            } else {
                found.put(levelId, kept);
            }
        }
        if (!missing.isEmpty()) {
            ReadinessInputs.LevelRules read = inputs.rules(missing);
            read.byLevel().forEach((levelId, rules) -> {
                found.put(levelId, rules);
                if (read.unchanging().contains(levelId)) {
                    levels.put(new Key(tenantId, levelId), List.copyOf(rules));
                }
            });
        }
        return found;
    }
}

package org.trellis.api.shared;

import java.util.Set;

/** The scopes a service client may be granted. Documented in the README. */
public final class Scopes {

    public static final String PEOPLE_READ = "people:read";
    public static final String PEOPLE_WRITE = "people:write";
    public static final String FRAMEWORKS_READ = "frameworks:read";
    public static final String EVIDENCE_READ = "evidence:read";
    public static final String EVIDENCE_WRITE = "evidence:write";

    public static final Set<String> KNOWN =
            Set.of(PEOPLE_READ, PEOPLE_WRITE, FRAMEWORKS_READ, EVIDENCE_READ, EVIDENCE_WRITE);

    private Scopes() {}
}

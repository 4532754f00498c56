package org.trellis.api.readiness;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.trellis.persistence.jooq.Routines;

/** The rollup's rebuild function ({@code readiness_rebuild()}, for the transaction's tenant). */
@Repository
class Rollups {

    private final DSLContext db;

    Rollups(DSLContext db) {
        this.db = db;
    }

    int rebuild() {
        Integer written = Routines.readinessRebuild(db.configuration());
        return written == null ? 0 : written;
    }
}

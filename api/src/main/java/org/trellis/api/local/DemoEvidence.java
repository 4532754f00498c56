package org.trellis.api.local;

import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.EVIDENCE_COMPETENCY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.trellis.api.local.DemoEvidenceCatalogue.Piece;
import org.trellis.api.local.DemoPeople.Career;
import org.trellis.api.local.DemoPeople.DemoPerson;

/**
 * Twelve months of evidence for every demo engineer, from their profile ({@link DemoPeople#ALL}): per competency as
 * many endorsed pieces as their target level's rule asks for (M), one fewer and the last awaiting their manager's
 * review (N), one endorsed piece (P), one endorsed piece older than the recency window (G), or none (-). Endorsed
 * pieces are endorsed by the person's manager. Dates are fixed offsets from today, the same for every first run.
 * Rows have fixed ids and are inserted only when missing, like the rest of the demo; the readiness rollup follows
 * from the database triggers as the competency links are inserted.
 */
@Component
@Profile("local")
class DemoEvidence {

    private final DSLContext db;

    DemoEvidence(DSLContext db) {
        this.db = db;
    }

    void seed(DemoFramework.Version version, LocalDate today) {
        List<Query> inserts = new ArrayList<>();
        List<DemoPerson> engineers = DemoPeople.engineers();
        List<String> keys = DemoEvidenceCatalogue.keys();
        for (int p = 0; p < engineers.size(); p++) {
            DemoPerson person = engineers.get(p);
            Career career = person.requireCareer();
            DemoPerson manager = DemoPeople.managerOf(person);
            for (int c = 0; c < keys.size() && c < career.profile().length(); c++) {
                String key = keys.get(c);
                UUID competency = version.competency(key);
                if (competency == null) {
                    continue;
                }
                int needed = version.minimum(career.target(), key);
                for (Item item : items(career.profile().charAt(c), needed, p, c)) {
                    Piece piece = DemoEvidenceCatalogue.PIECES.get(key).get(item.piece() % 4);
                    UUID id = DemoPeople.id("demo-evidence:" + person.subject() + ":" + key + ":" + item.name());
                    inserts.add(insert(id, person, manager, piece, today.minusDays(item.daysAgo()), item.endorsed()));
                    inserts.add(db.insertInto(EVIDENCE_COMPETENCY)
                            .set(EVIDENCE_COMPETENCY.TENANT_ID, DemoData.TENANT_ID)
                            .set(EVIDENCE_COMPETENCY.EVIDENCE_ID, id)
                            .set(EVIDENCE_COMPETENCY.COMPETENCY_ID, competency)
                            .onConflictDoNothing());
                }
            }
        }
        db.batch(inserts).execute();
    }

    /**
     * The pieces one profile letter stands for. Offsets spread the pieces over the year (the latest in the last two
     * months, the oldest within eleven and a half), differently for each person and competency.
     */
    static List<Item> items(char letter, int needed, int person, int competency) {
        int base = 3 + (person * 29 + competency * 23) % 60;
        int step = 80 + (competency * 7) % 20;
        List<Item> items = new ArrayList<>();
        switch (letter) {
            case 'M' -> {
                for (int j = 0; j < needed; j++) {
                    items.add(new Item(String.valueOf(j), j, base + j * step, true));
                }
            }
            case 'N' -> {
                for (int j = 0; j < needed - 1; j++) {
                    items.add(new Item(String.valueOf(j), j, base + j * step, true));
                }
                items.add(new Item("pending", needed - 1, 1 + competency % 3, false));
            }
            case 'P' -> items.add(new Item("0", 0, base + 90 * (competency % 3), true));
            case 'G' -> items.add(new Item("old", 0, 390 + (person * 13 + competency * 11) % 60, true));
            case '-' -> {}
            default -> throw new IllegalArgumentException("Unknown profile letter " + letter);
        }
        return items;
    }

    private Query insert(
            UUID id, DemoPerson person, @Nullable DemoPerson manager, Piece piece, LocalDate on, boolean endorsed) {
        String area = person.requireCareer().area();
        Instant created = on.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
        Instant reviewed = min(on.plusDays(2).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC), Instant.now());
        boolean byManager = endorsed && manager != null;
        return db.insertInto(EVIDENCE)
                .set(EVIDENCE.TENANT_ID, DemoData.TENANT_ID)
                .set(EVIDENCE.ID, id)
                .set(EVIDENCE.PERSON_ID, person.id())
                .set(EVIDENCE.LOGGED_BY, person.id().toString())
                .set(EVIDENCE.ON_BEHALF, false)
                .set(EVIDENCE.KIND, piece.kind())
                .set(EVIDENCE.TITLE, piece.title(area))
                .set(
                        EVIDENCE.DESCRIPTION,
                        "Part of the " + area + " work. " + DemoEvidenceCatalogue.KIND_NOTES.get(piece.kind()))
                .set(EVIDENCE.OCCURRED_ON, on)
                .set(EVIDENCE.LINKS, links(piece, area, id))
                .set(EVIDENCE.IMPACT, piece.kind().equals("DESIGN_DOC") ? "DEPARTMENT" : "TEAM")
                .set(EVIDENCE.SOURCE, "MANUAL")
                .set(EVIDENCE.STATUS, byManager ? "ENDORSED" : "SUBMITTED")
                .set(EVIDENCE.REVIEWED_BY, byManager ? manager.id() : null)
                .set(EVIDENCE.REVIEWED_AT, byManager ? reviewed : null)
                .set(EVIDENCE.CREATED_AT, created)
                .set(EVIDENCE.UPDATED_AT, byManager ? reviewed : created)
                .onConflictDoNothing();
    }

    /** A pull request for code and releases, a document for designs and docs, nothing otherwise. */
    private static String[] links(Piece piece, String area, UUID id) {
        String slug = area.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        int number = 100 + Math.floorMod(id.hashCode(), 900);
        return switch (piece.kind()) {
            case "CODE_REVIEW", "DELIVERY", "RELEASE" ->
                new String[] {"https://git.demo.trellis.test/" + slug + "/pull/" + number};
            case "DESIGN_DOC", "DOCUMENTATION" ->
                new String[] {"https://docs.demo.trellis.test/" + slug + "/" + number};
            default -> new String[0];
        };
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One piece: its id suffix, which catalogue piece, how many days ago it occurred, and whether it is endorsed. */
    record Item(String name, int piece, int daysAgo, boolean endorsed) {}
}

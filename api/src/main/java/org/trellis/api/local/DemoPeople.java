package org.trellis.api.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The demo organisation, fixed so every first run shows the same: an admin, three teams each with its manager, and
 * eleven engineers on the senior-role framework, each with a level, a target and a readiness profile (what their
 * evidence looks like, per competency, see {@link DemoEvidence}). Everyone signs in through the development issuer.
 */
final class DemoPeople {

    static final String ADMIN = "demo-admin";
    static final String MANAGER = "demo-manager";
    /** The engineer nominated for promotion (Erin, ready for L4). */
    static final String NOMINEE = "demo-engineer-1";
    /** The engineer with a mentor, assessments and a piece of evidence awaiting review (Sam, nearly ready). */
    static final String MENTEE = "demo-engineer-2";

    static final List<DemoTeam> TEAMS = List.of(
            new DemoTeam("Platform", MANAGER),
            new DemoTeam("Payments", "demo-manager-2"),
            new DemoTeam("Mobile", "demo-manager-3"));

    private static final List<String> ADMINS = List.of("trellis-admins");
    private static final List<String> MANAGERS = List.of("trellis-managers");

    /**
     * Profiles read one character per competency of the template, in its order: M met, N one endorsement short with
     * that piece awaiting the manager's review, P partial (one endorsed piece), G a gap (evidence older than the
     * recency window), - nothing yet.
     */
    static final List<DemoPerson> ALL = List.of(
            new DemoPerson(ADMIN, "Ada Admin", "Head of Engineering", ADMINS, "TENANT_ADMIN", null, null),
            new DemoPerson(MANAGER, "Max Manager", "Engineering Manager", MANAGERS, "MANAGER", null, null),
            new DemoPerson("demo-manager-2", "Priya Patel", "Engineering Manager", MANAGERS, "MANAGER", null, null),
            new DemoPerson("demo-manager-3", "Tomas Ortega", "Engineering Manager", MANAGERS, "MANAGER", null, null),
            engineer(NOMINEE, "Erin Engineer", "Platform", new Career("artifact cache", "L3", "L4", "MMMMMMMMMMMMMM")),
            engineer(MENTEE, "Sam Engineer", "Platform", new Career("build scheduler", "L3", "L4", "MMPMMPMPMPPMNM")),
            engineer(
                    "demo-engineer-3",
                    "Lena Fischer",
                    "Platform",
                    new Career("CI runners", "L4", "L5", "MMPM-PGMPP-MPP")),
            engineer(
                    "demo-engineer-4",
                    "Omar Haddad",
                    "Platform",
                    new Career("deploy CLI", "L3", "L4", "PP-P---G-P--N-")),
            engineer(
                    "demo-engineer-5",
                    "Noor Rahman",
                    "Payments",
                    new Career("payouts ledger", "L5", "L5", "MMMMMMMMMMMMMM")),
            engineer(
                    "demo-engineer-6",
                    "Jonas Berg",
                    "Payments",
                    new Career("card tokenisation", "L4", "L5", "MMMPPMPMPPMPPM")),
            engineer("demo-engineer-7", "Mei Chen", "Payments", new Career("refunds", "L3", "L4", "PMP-PG-P-PP-P-")),
            engineer(
                    "demo-engineer-8",
                    "Diego Alvarez",
                    "Payments",
                    new Career("invoicing", "L3", "L4", "PPMPPMPPMMPPPP")),
            engineer(
                    "demo-engineer-9",
                    "Aisha Bello",
                    "Mobile",
                    new Career("offline sync", "L4", "L5", "MMMMMMMMMMMPMM")),
            engineer(
                    "demo-engineer-10",
                    "Kai Nakamura",
                    "Mobile",
                    new Career("push notifications", "L3", "L4", "P-PG--P-P---P-")),
            engineer(
                    "demo-engineer-11",
                    "Hana Kowalski",
                    "Mobile",
                    new Career("app start-up", "L4", "L5", "MMPMP-MPMGPMPM")));

    private DemoPeople() {}

    static DemoPerson bySubject(String subject) {
        return ALL.stream()
                .filter(person -> person.subject().equals(subject))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo person " + subject));
    }

    static DemoTeam team(String name) {
        return TEAMS.stream()
                .filter(team -> team.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo team " + name));
    }

    /** The person's manager: their team's manager (admin and managers have none). */
    static @Nullable DemoPerson managerOf(DemoPerson person) {
        return person.team() == null ? null : bySubject(team(person.team()).managerSubject());
    }

    /** Engineers, in the order of {@link #ALL}. */
    static List<DemoPerson> engineers() {
        return ALL.stream().filter(person -> person.career() != null).toList();
    }

    static UUID id(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    private static DemoPerson engineer(String subject, String name, String team, Career career) {
        String title = switch (career.level()) {
            case "L3" -> "Engineer";
            case "L4" -> "Senior Engineer";
            default -> "Staff Engineer";
        };
        return new DemoPerson(subject, name, title, List.of(), null, team, career);
    }

    /** A team and the subject of the person who manages it. */
    record DemoTeam(String name, String managerSubject) {

        UUID id() {
            return DemoPeople.id("demo-team:" + name);
        }
    }

    /** Where an engineer stands: the area they work on (it names their evidence), level, target and profile. */
    record Career(String area, String level, String target, String profile) {}

    record DemoPerson(
            String subject,
            String name,
            String title,
            List<String> groups,
            @Nullable String role,
            @Nullable String team,
            @Nullable Career career) {

        UUID id() {
            return DemoPeople.id(subject);
        }

        String email() {
            String first = name.substring(0, name.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
            return first + "@demo.trellis.test";
        }

        Career requireCareer() {
            return Objects.requireNonNull(career, subject + " has no career");
        }
    }
}

package org.trellis.api.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What demo evidence says: for each competency of the senior-role template, in its order, four pieces an engineer
 * might log, each of a kind and with a title naming the engineer's area. The first two of each are of different kinds,
 * so any two endorsed pieces satisfy the template's "two kinds" rules.
 */
final class DemoEvidenceCatalogue {

    static final Map<String, List<Piece>> PIECES = new LinkedHashMap<>();

    static {
        add(
                "backend-services",
                piece("DELIVERY", "Shipped the %s status API"),
                piece("CODE_REVIEW", "Reviewed the %s service split"),
                piece("DESIGN_DOC", "Designed the %s pagination contract"),
                piece("RELEASE", "Rolled out %s API v2 behind a flag"));
        add(
                "technical-design",
                piece("DESIGN_DOC", "Design doc: %s retries and timeouts"),
                piece("DELIVERY", "Estimated and planned the %s migration"),
                piece("KNOWLEDGE_SHARING", "Walked the team through the %s design"),
                piece("CODE_REVIEW", "Reviewed the %s data-model proposal"));
        add(
                "automated-testing",
                piece("DELIVERY", "Contract tests for the %s API"),
                piece("CODE_REVIEW", "Reviewed flaky-test fixes in %s"),
                piece("DOCUMENTATION", "Testing guide for %s"),
                piece("KNOWLEDGE_SHARING", "Brown-bag: property tests in %s"));
        add(
                "code-review",
                piece("CODE_REVIEW", "Thorough review of the %s schema change"),
                piece("MENTORING", "Paired on review feedback for %s"),
                piece("CODE_REVIEW", "Reviewed the %s caching layer"),
                piece("KNOWLEDGE_SHARING", "Review checklist for %s"));
        add(
                "performance",
                piece("DELIVERY", "Halved the p95 latency of %s"),
                piece("DESIGN_DOC", "Profiling report for %s"),
                piece("CODE_REVIEW", "Reviewed the query plans of %s"),
                piece("INCIDENT_RESPONSE", "Fixed the %s memory leak under load"));
        add(
                "product-collaboration",
                piece("DELIVERY", "Shaped acceptance criteria for %s with product"),
                piece("KNOWLEDGE_SHARING", "Demoed %s to stakeholders"),
                piece("DESIGN_DOC", "Trade-off note on the %s scope"),
                piece("DELIVERY", "Delivered the %s beta with QA"));
        add(
                "incident-response",
                piece("INCIDENT_RESPONSE", "Led the response to the %s outage"),
                piece("DOCUMENTATION", "Post-incident review: %s"),
                piece("INCIDENT_RESPONSE", "Root-caused the %s timeouts"),
                piece("RELEASE", "Shipped the %s follow-up fixes"));
        add(
                "architecture",
                piece("DESIGN_DOC", "Architecture proposal: %s event flow"),
                piece("KNOWLEDGE_SHARING", "Presented the %s target architecture"),
                piece("CODE_REVIEW", "Reviewed the %s module boundaries"),
                piece("DESIGN_DOC", "ADR: %s storage choice"));
        add(
                "documentation",
                piece("DOCUMENTATION", "Runbook for %s"),
                piece("DELIVERY", "API reference for %s"),
                piece("DOCUMENTATION", "Onboarding guide to %s"),
                piece("KNOWLEDGE_SHARING", "Recorded a %s walkthrough"));
        add(
                "security",
                piece("CODE_REVIEW", "Security review of %s authentication"),
                piece("DELIVERY", "Moved the %s secrets to the vault"),
                piece("DESIGN_DOC", "Threat model for %s"),
                piece("INCIDENT_RESPONSE", "Patched a dependency CVE in %s"));
        add(
                "release-readiness",
                piece("RELEASE", "Release checklist for %s"),
                piece("DELIVERY", "Canary rollout of %s"),
                piece("RELEASE", "Rollback drill for %s"),
                piece("DOCUMENTATION", "Release notes for %s"));
        add(
                "mentoring",
                piece("MENTORING", "Mentored a new joiner on %s"),
                piece("KNOWLEDGE_SHARING", "Ran a learning session on %s"),
                piece("MENTORING", "Coached an engineer through the %s design"),
                piece("CODE_REVIEW", "Teaching reviews on %s"));
        add(
                "planning",
                piece("DELIVERY", "Broke down the %s epic"),
                piece("KNOWLEDGE_SHARING", "Facilitated the %s backlog refinement"),
                piece("DOCUMENTATION", "Quarter plan for %s"),
                piece("DELIVERY", "Re-planned %s after the scope change"));
        add(
                "observability",
                piece("DELIVERY", "Dashboards and alerts for %s"),
                piece("INCIDENT_RESPONSE", "Tuned the noisy %s alerts"),
                piece("DOCUMENTATION", "SLOs for %s"),
                piece("DESIGN_DOC", "Tracing plan for %s"));
    }

    /** A sentence per kind, for descriptions. */
    static final Map<String, String> KIND_NOTES = Map.of(
            "DELIVERY", "Delivered end to end, from the first sketch to production.",
            "CODE_REVIEW", "Reviewed in depth, with follow-ups agreed with the author.",
            "DESIGN_DOC", "Written up, reviewed by the team and agreed.",
            "RELEASE", "Released without customer impact.",
            "DOCUMENTATION", "Published where the team keeps its documentation.",
            "KNOWLEDGE_SHARING", "Shared with the team at the weekly tech talk.",
            "INCIDENT_RESPONSE", "Handled on call, with a write-up afterwards.",
            "MENTORING", "Done over several pairing sessions.");

    private DemoEvidenceCatalogue() {}

    /** The competency keys, in the template's order: profiles are read in this order. */
    static List<String> keys() {
        return List.copyOf(PIECES.keySet());
    }

    private static void add(String key, Piece... pieces) {
        PIECES.put(key, List.of(pieces));
    }

    private static Piece piece(String kind, String title) {
        return new Piece(kind, title);
    }

    /** A kind of evidence and its title, {@code %s} standing for the engineer's area. */
    record Piece(String kind, String title) {

        String title(String area) {
            return title.formatted(area);
        }
    }
}

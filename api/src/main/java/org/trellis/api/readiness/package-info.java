/**
 * Promotion readiness: per competency met, partial, gap or not assessed, decided by the framework's readiness rule
 * from the endorsed evidence (kept in a rollup per person and competency) and the assessments; an overall verdict by
 * the version's readiness policy; next steps joined to mentor suggestions; snapshots over time; assessments,
 * promotion cases and manager dashboards.
 */
@NullMarked
package org.trellis.api.readiness;

import org.jspecify.annotations.NullMarked;

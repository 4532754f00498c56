/**
 * Mentoring: pairings and their lifecycle, focus competencies, goals, sessions with shared and private notes, the
 * mentoring evidence sessions produce, and mentor suggestions from a mentee's competency gaps.
 */
@NullMarked
package org.trellis.api.mentoring;

import org.jspecify.annotations.NullMarked;

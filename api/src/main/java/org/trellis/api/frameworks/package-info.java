/** Career frameworks: versions, levels, competencies, expectations and readiness rules, import/export, assignment. */
@NullMarked
package org.trellis.api.frameworks;

import org.jspecify.annotations.NullMarked;

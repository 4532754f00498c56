/** The Trellis application; each sub-package is one feature module. */
@NullMarked
package org.trellis.api;

import org.jspecify.annotations.NullMarked;

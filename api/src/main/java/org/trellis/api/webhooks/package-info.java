/**
 * Automatic evidence capture: per-tenant webhook endpoints for GitHub and PagerDuty, signature verification,
 * replay protection, attribution through external accounts, and the queue of events no one could be matched to.
 */
@NullMarked
package org.trellis.api.webhooks;

import org.jspecify.annotations.NullMarked;

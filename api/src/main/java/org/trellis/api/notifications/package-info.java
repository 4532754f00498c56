/**
 * Outbound webhooks: tenant admins subscribe https endpoints to domain event types; each outbox event becomes a
 * delivery per matching subscription in the transaction of the change, and a relay POSTs it at least once, signed
 * per Standard Webhooks, retrying with backoff until it succeeds or the retry period ends.
 */
@NullMarked
package org.trellis.api.notifications;

import org.jspecify.annotations.NullMarked;

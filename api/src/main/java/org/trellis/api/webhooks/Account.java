package org.trellis.api.webhooks;

import org.jspecify.annotations.Nullable;

/** Someone's account at the provider: a GitHub login (lower-cased) or a PagerDuty user id, and a display name. */
record Account(String id, @Nullable String name) {}

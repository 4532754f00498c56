package org.trellis.api.ratelimits;

/**
 * A bucket as one charge left it, read back from the database.
 *
 * @param bucket the bucket charged
 * @param allowed whether the request was admitted (the same for every bucket of one charge: all or none)
 * @param level what it holds now, in points (after the charge when admitted)
 * @param capacity its effective size (a tenant's override, or the configured one)
 * @param restoreRate what it regains per second (likewise)
 */
record BucketState(Bucket bucket, boolean allowed, double level, double capacity, double restoreRate) {}

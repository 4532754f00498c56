package org.trellis.api.people;

/** Whether a person may sign in. */
public enum PersonStatus {
    ACTIVE,
    DEACTIVATED
}

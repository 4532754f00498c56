package org.trellis.api.readiness;

import java.util.UUID;
import org.trellis.api.shared.Actor;

/** Something readiness is decided from changed for a person: a snapshot is due, in the same transaction. */
record ReadinessInputsChanged(Actor actor, UUID personId) {}

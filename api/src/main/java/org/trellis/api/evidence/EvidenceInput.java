package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The editable fields of an evidence item, validated. */
record EvidenceInput(
        List<UUID> competencyIds,
        Evidence.Kind kind,
        String title,
        String description,
        LocalDate occurredOn,
        List<String> links,
        Evidence.Impact impact) {}

package org.trellis.api.evidence;

import java.net.URI;
import java.net.URISyntaxException;
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
        Evidence.Impact impact) {

    /** An absolute http(s) URL with a host, at most 2000 characters: the only links evidence keeps. */
    static boolean isWebLink(String link) {
        if (link.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

package org.trellis.api.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal data settings.
 *
 * @param exportMaxChars characters of row JSON one personal data export holds at most (its Markdown is about as
 *     long); rows beyond it are left out and their sections named in {@code truncated}
 */
@ConfigurationProperties("trellis.privacy")
record PrivacyProperties(@DefaultValue("4000000") long exportMaxChars) {}

package org.trellis.api.outbound;

/** What an IP address reaches, as far as the decision to connect to it goes. */
public enum AddressClass {
    /** Global unicast, routed on the public internet: the only class always allowed. */
    PUBLIC,
    /** 0.0.0.0 and ::, which Linux connects to the local host. */
    UNSPECIFIED,
    /** 127.0.0.0/8 and ::1. */
    LOOPBACK,
    /** 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, and the deprecated IPv6 site-local fec0::/10. */
    PRIVATE,
    /** Carrier-grade NAT, 100.64.0.0/10. */
    SHARED,
    /** 169.254.0.0/16 (cloud metadata services live here) and fe80::/10. */
    LINK_LOCAL,
    /** IPv6 unique-local fc00::/7. */
    UNIQUE_LOCAL,
    /** 224.0.0.0/4 and ff00::/8. */
    MULTICAST,
    /**
     * Everything else that is not global unicast: 0.0.0.0/8, 192.0.0.0/24, documentation and benchmarking ranges,
     * 240.0.0.0/4 and the broadcast address, IPv4-compatible IPv6, Teredo and IETF-reserved IPv6, and IPv6 outside
     * 2000::/3.
     */
    RESERVED
}

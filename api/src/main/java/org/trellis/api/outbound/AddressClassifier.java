package org.trellis.api.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies an IP address by what it reaches. IPv6 forms that carry an IPv4 address (IPv4-mapped, NAT64
 * 64:ff9b::/96, 6to4 2002::/16) are classified by the address they carry, so {@code ::ffff:10.0.0.1} is as private
 * as {@code 10.0.0.1}. Pure and without I/O: it never resolves a name.
 */
public final class AddressClassifier {

    private AddressClassifier() {}

    public static AddressClass classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? ipv4(bytes, 0) : ipv6(bytes);
    }

    /** Whether a connection to this address is allowed; {@code allowLocal} admits the local/test exception. */
    public static boolean permitted(InetAddress address, boolean allowLocal) {
        return switch (classify(address)) {
            case PUBLIC -> true;
            case LOOPBACK, PRIVATE, UNIQUE_LOCAL -> allowLocal;
            default -> false;
        };
    }

    private static AddressClass ipv4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        int c = bytes[at + 2] & 0xff;
        int d = bytes[at + 3] & 0xff;
        if ((a | b | c | d) == 0) {
            return AddressClass.UNSPECIFIED;
        }
        if (a == 127) {
            return AddressClass.LOOPBACK;
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return AddressClass.PRIVATE;
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return AddressClass.SHARED;
        }
        if (a == 169 && b == 254) {
            return AddressClass.LINK_LOCAL;
        }
        if ((a & 0xf0) == 224) {
            return AddressClass.MULTICAST;
        }
        boolean reserved = a == 0
                || (a & 0xf0) == 240 // 240.0.0.0/4, including 255.255.255.255
                || (a == 192 && b == 0 && (c == 0 || c == 2)) // IETF protocol assignments, TEST-NET-1
                || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
                || (a == 198 && (b & 0xfe) == 18) // benchmarking 198.18.0.0/15
                || (a == 198 && b == 51 && c == 100) // TEST-NET-2
                || (a == 203 && b == 0 && c == 113); // TEST-NET-3
        return reserved ? AddressClass.RESERVED : AddressClass.PUBLIC;
    }

    private static AddressClass ipv6(byte[] bytes) {
        if (zero(bytes, 0, 10)) {
            if ((bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                return ipv4(bytes, 12); // IPv4-mapped ::ffff:a.b.c.d
            }
            if (zero(bytes, 10, 15)) {
                return switch (bytes[15]) {
                    case 0 -> AddressClass.UNSPECIFIED;
                    case 1 -> AddressClass.LOOPBACK;
                    default -> AddressClass.RESERVED;
                };
            }
            // IPv4-compatible ::a.b.c.d (deprecated): never a legitimate destination, whatever it carries.
            return AddressClass.RESERVED;
        }
        int first = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
        int second = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        if (first == 0x0064 && second == 0xff9b) {
            // NAT64: the well-known prefix carries a routable IPv4 address; the local-use prefix 64:ff9b:1::/48 does
            // not.
            return zero(bytes, 4, 12) ? ipv4(bytes, 12) : AddressClass.RESERVED;
        }
        if (first == 0x2002) {
            return ipv4(bytes, 2); // 6to4
        }
        if ((first & 0xfe00) == 0xfc00) {
            return AddressClass.UNIQUE_LOCAL;
        }
        if ((first & 0xffc0) == 0xfe80) {
            return AddressClass.LINK_LOCAL;
        }
        if ((first & 0xffc0) == 0xfec0) {
            return AddressClass.PRIVATE;
        }
        if ((first & 0xff00) == 0xff00) {
            return AddressClass.MULTICAST;
        }
        boolean globalUnicast = (first & 0xe000) == 0x2000;
        boolean reserved = !globalUnicast
                || (first == 0x2001 && second < 0x0200) // IETF protocol assignments 2001::/23, Teredo included
                || (first == 0x2001 && second == 0x0db8); // documentation
        return reserved ? AddressClass.RESERVED : AddressClass.PUBLIC;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The literal's address if {@code host} is an IP literal (brackets allowed for IPv6), else null; no lookup. */
    public static @Nullable InetAddress literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = bare.contains(":") && bare.matches("[0-9a-fA-F:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(bare); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

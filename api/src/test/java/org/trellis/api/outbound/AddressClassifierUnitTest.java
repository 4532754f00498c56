package org.trellis.api.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses Trellis may connect to, class by class, including IPv6 forms that carry an IPv4 address. */
class AddressClassifierUnitTest {

    @ParameterizedTest
    @CsvSource({
        "8.8.8.8, PUBLIC",
        "1.1.1.1, PUBLIC",
        "172.15.255.255, PUBLIC",
        "172.32.0.1, PUBLIC",
        "100.63.255.255, PUBLIC",
        "100.128.0.1, PUBLIC",
        "2606:4700:4700::1111, PUBLIC",
        "::ffff:8.8.8.8, PUBLIC",
        "64:ff9b::808:808, PUBLIC",
        "0.0.0.0, UNSPECIFIED",
        "::, UNSPECIFIED",
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "::1, LOOPBACK",
        "::ffff:127.0.0.1, LOOPBACK",
        "64:ff9b::7f00:1, LOOPBACK",
        "10.0.0.5, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "::ffff:10.0.0.1, PRIVATE",
        "64:ff9b::a00:1, PRIVATE",
        "2002:c0a8:101::1, PRIVATE",
        "fec0::1, PRIVATE",
        "100.64.0.1, SHARED",
        "100.127.255.255, SHARED",
        "169.254.169.254, LINK_LOCAL",
        "::ffff:169.254.169.254, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "fc00::1, UNIQUE_LOCAL",
        "fd00::1, UNIQUE_LOCAL",
        "fdff:ffff::1, UNIQUE_LOCAL",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "ff02::1, MULTICAST",
        "0.1.2.3, RESERVED",
        "192.0.0.1, RESERVED",
        "192.0.2.1, RESERVED",
        "198.18.0.1, RESERVED",
        "198.19.255.255, RESERVED",
        "198.51.100.1, RESERVED",
        "203.0.113.1, RESERVED",
        "240.0.0.1, RESERVED",
        "255.255.255.255, RESERVED",
        "::10.0.0.1, RESERVED",
        "::8.8.8.8, RESERVED",
        "64:ff9b:1::a00:1, RESERVED",
        "2001::1, RESERVED",
        "2001:db8::1, RESERVED",
        "100::1, RESERVED",
        "4000::1, RESERVED"
    })
    void classifiesEachRange(String literal, AddressClass expected) throws Exception {
        assertThat(AddressClassifier.classify(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @Test
    void classifiesIpv4MappedAddressesKeptInIpv6FormByWhatTheyCarry() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressClassifier.classify(address)).isEqualTo(AddressClass.PRIVATE);
    }

    @Test
    void permitsOnlyPublicAddressesOutsideLocalAndTest() throws Exception {
        assertThat(AddressClassifier.permitted(InetAddress.getByName("8.8.8.8"), false))
                .isTrue();
        for (String refused : new String[] {"127.0.0.1", "10.0.0.1", "fd00::1", "100.64.0.1", "169.254.169.254"}) {
            assertThat(AddressClassifier.permitted(InetAddress.getByName(refused), false))
                    .as(refused)
                    .isFalse();
        }
    }

    @Test
    void theLocalExceptionAdmitsLoopbackAndPrivateButNeverMetadataOrMulticast() throws Exception {
        for (String admitted : new String[] {"127.0.0.1", "::1", "10.0.0.1", "172.17.0.2", "fd00::1"}) {
            assertThat(AddressClassifier.permitted(InetAddress.getByName(admitted), true))
                    .as(admitted)
                    .isTrue();
        }
        for (String refused :
                new String[] {"169.254.169.254", "fe80::1", "0.0.0.0", "::", "224.0.0.1", "100.64.0.1", "240.0.0.1"}) {
            assertThat(AddressClassifier.permitted(InetAddress.getByName(refused), true))
                    .as(refused)
                    .isFalse();
        }
    }

    @Test
    void recognisesLiteralsWithoutLookingNamesUp() {
        assertThat(AddressClassifier.literal("[::1]")).isNotNull();
        assertThat(AddressClassifier.literal("10.0.0.5")).isNotNull();
        assertThat(AddressClassifier.literal("10.0.0.5.nip.io")).isNull();
        assertThat(AddressClassifier.literal("localhost")).isNull();
    }
}

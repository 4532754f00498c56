package org.trellis.api.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses; replaceable so tests can say what a name resolves to without a network. */
@FunctionalInterface
public interface NameResolver {

    /** The platform's resolver (DNS and the hosts file). */
    NameResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}

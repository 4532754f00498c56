package org.trellis.api.outbound;

import java.net.UnknownHostException;

/** A host that resolves to no address Trellis may connect to; nothing was connected. */
public final class RefusedAddressException extends UnknownHostException {

    RefusedAddressException(String message) {
        super(message);
    }
}

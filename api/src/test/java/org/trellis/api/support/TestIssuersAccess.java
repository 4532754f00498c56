package org.trellis.api.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import org.trellis.api.support.TestIssuers.Issuer;

/** Signs arbitrary claims with an issuer's current key (for forged-issuer tests). */
public final class TestIssuersAccess {

    private TestIssuersAccess() {}

    public static String signWith(Issuer keyOwner, JWTClaimsSet claims) {
        return TestIssuers.sign(keyOwner.signingKey(), JOSEObjectType.JWT, claims);
    }
}

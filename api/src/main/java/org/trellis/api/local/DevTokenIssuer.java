package org.trellis.api.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A development token issuer, for the local profile only: it exists nowhere else, refuses to start unless the
 * server listens on loopback, and answers only loopback clients addressing a loopback host ({@link
 * LoopbackHostFilter}). Publishes an OpenID Connect discovery document and
 * a JWK set per issuer name (the demo tenant's and the platform's), and signs tokens for the demo people with a key
 * generated at startup (tokens die with the process).
 */
@RestController
@Profile("local")
class DevTokenIssuer {

    static final String TENANT_ISSUER = "demo";
    static final String PLATFORM_ISSUER = "platform";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final RSAKey key;
    private final String baseUrl;

    DevTokenIssuer(@Value("${server.address}") String address, @Value("${trellis.local.base-url}") String baseUrl)
            throws JOSEException, UnknownHostException {
        if (!InetAddress.getByName(address).isLoopbackAddress()) {
            throw new IllegalStateException("The development token issuer runs only on a loopback address");
        }
        this.baseUrl = baseUrl;
        this.key = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .keyID(UUID.randomUUID().toString())
                .generate();
    }

    String issuer(String name) {
        return baseUrl + "/dev/issuers/" + name;
    }

    @GetMapping("/dev/issuers/{name}/.well-known/openid-configuration")
    Map<String, Object> discovery(@PathVariable String name) {
        return Map.of("issuer", issuer(known(name)), "jwks_uri", issuer(name) + "/jwks");
    }

    @GetMapping("/dev/issuers/{name}/jwks")
    Map<String, Object> jwks(@PathVariable String name) {
        known(name);
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    @GetMapping("/dev/tokens")
    Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        DemoPeople.ALL.forEach(person -> tokens.put(person.subject(), personToken(person)));
        tokens.put("platform-operator", platformToken());
        return tokens;
    }

    String personToken(DemoPeople.DemoPerson person) {
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer(TENANT_ISSUER))
                .audience(DemoData.AUDIENCE)
                .subject(person.subject())
                .claim("email", person.email())
                .claim("name", person.name())
                .claim("groups", person.groups()));
    }

    String platformToken() {
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer(PLATFORM_ISSUER))
                .audience("trellis-platform")
                .subject("local-platform-operator"));
    }

    private String sign(JWTClaimsSet.Builder claims) {
        Instant now = Instant.now();
        claims.issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
    }

    private static String known(String name) {
        if (!List.of(TENANT_ISSUER, PLATFORM_ISSUER).contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return name;
    }
}

package org.trellis.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Real identity providers for tests: a JDK HTTP server on loopback publishing, per issuer name, an OpenID Connect
 * discovery document and a JWK set, and signing tokens with keys generated at test time (never stored): an RSA key
 * (RS256 or PS256, rotatable) and an EC P-256 key (ES256), both published.
 */
public final class TestIssuers {

    public static final TestIssuers INSTANCE = new TestIssuers();

    private final HttpServer server;
    private final Map<String, Issuer> issuers = new ConcurrentHashMap<>();

    private TestIssuers() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The issuer of that name, created on first use with one signing key. */
    public Issuer issuer(String name) {
        return issuers.computeIfAbsent(name, Issuer::new);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/", 3);
        Issuer issuer = path.length == 3 ? issuers.get(path[1]) : null;
        String body = null;
        if (issuer != null && path[2].equals(".well-known/openid-configuration")) {
            issuer.discoveryFetches.incrementAndGet();
            body = "{\"issuer\":\"" + issuer.url() + "\",\"jwks_uri\":\"" + issuer.jwksUri() + "\"}";
        } else if (issuer != null && path[2].equals("jwks")) {
            issuer.jwksFetches.incrementAndGet();
            body = new JWKSet(new ArrayList<>(
                            issuer.published.stream().map(JWK::toPublicJWK).toList()))
                    .toString();
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
        if (body != null) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** One issuer: its current signing key, the keys it publishes, and how often its documents were fetched. */
    public final class Issuer {

        private final String name;
        private final List<JWK> published = new CopyOnWriteArrayList<>();
        private final ECKey ecSigning = newEcKey();
        private final AtomicInteger jwksFetches = new AtomicInteger();
        private final AtomicInteger discoveryFetches = new AtomicInteger();
        private volatile RSAKey signing;

        private Issuer(String name) {
            this.name = name;
            this.signing = newKey();
            published.add(signing);
            published.add(ecSigning);
        }

        public String url() {
            return baseUrl() + "/" + name;
        }

        public String jwksUri() {
            return url() + "/jwks";
        }

        public int jwksFetches() {
            return jwksFetches.get();
        }

        public int discoveryFetches() {
            return discoveryFetches.get();
        }

        /** Starts signing with a new key, published next to the old one. */
        public void rotate() {
            signing = newKey();
            published.add(signing);
        }

        /** Stops publishing every RSA key but the current one. */
        public void retireOldKeys() {
            published.retainAll(List.of(signing, ecSigning));
        }

        /** A valid token (one hour, audience {@code audience}) for {@code subject}, adjusted by {@code claims}. */
        public String token(String audience, String subject, Consumer<JWTClaimsSet.Builder> claims) {
            return sign(signing, JOSEObjectType.JWT, standardClaims(audience, subject, claims));
        }

        public String token(String audience, String subject) {
            return token(audience, subject, c -> {});
        }

        /** As {@link #token(String, String, Consumer)}, signed with {@code RS256}, {@code PS256} or {@code ES256}. */
        public String token(
                JWSAlgorithm algorithm, String audience, String subject, Consumer<JWTClaimsSet.Builder> claims) {
            JWK key = JWSAlgorithm.Family.EC.contains(algorithm) ? ecSigning : signing;
            return sign(key, algorithm, JOSEObjectType.JWT, standardClaims(audience, subject, claims));
        }

        /**
         * An {@code ES256} token naming this issuer's published EC key but signed by another key on {@code curve}
         * ({@code secp256r1}: the right curve but the wrong key; {@code secp384r1}: the wrong curve).
         */
        public String es256TokenSignedByAnotherKey(String curve, String audience, String subject) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(curve));
                Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
                ecdsa.initSign(generator.generateKeyPair().getPrivate());
                String signingInput = new JWSHeader.Builder(JWSAlgorithm.ES256)
                                .keyID(ecSigning.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build()
                                .toBase64URL()
                        + "."
                        + new Payload(standardClaims(audience, subject, c -> {}).toJSONObject()).toBase64URL();
                ecdsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + Base64URL.encode(ecdsa.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Signed with a key this issuer never published. */
        public String tokenWithUnpublishedKey(String audience, String subject) {
            return sign(newKey(), JOSEObjectType.JWT, standardClaims(audience, subject, c -> {}));
        }

        /** Signed with the current key but with a typ header of choice. */
        public String tokenWithType(String audience, String subject, JOSEObjectType type) {
            return sign(signing, type, standardClaims(audience, subject, c -> {}));
        }

        public RSAKey signingKey() {
            return signing;
        }

        private JWTClaimsSet standardClaims(String audience, String subject, Consumer<JWTClaimsSet.Builder> extra) {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(url())
                    .audience(audience)
                    .subject(subject)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(3600)))
                    .jwtID(UUID.randomUUID().toString());
            extra.accept(claims);
            return claims.build();
        }
    }

    static String sign(RSAKey key, JOSEObjectType type, JWTClaimsSet claims) {
        return sign(key, JWSAlgorithm.RS256, type, claims);
    }

    private static String sign(JWK key, JWSAlgorithm algorithm, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(key.getKeyID())
                            .type(type)
                            .build(),
                    claims);
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner(key.toRSAKey());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey newEcKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

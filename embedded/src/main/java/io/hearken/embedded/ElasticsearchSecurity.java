package io.hearken.embedded;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Security on for the embedded node, as production runs it: HTTPS with a node certificate signed by a CA made at
 * each start ({@link SelfSignedCertificates}), and one file-realm user, {@link #USERNAME}, with a new password at each
 * start and the role docker/elasticsearch/setup.sh gives the services (so a privilege they lack fails here too).
 *
 * @param caCertificate the PEM file a client trusts the node's certificate with
 */
public record ElasticsearchSecurity(String username, String password, Path caCertificate) {

    public static final String USERNAME = "hearken";

    /** Writes the certificates, the user and its role into the node's config folder. */
    static ElasticsearchSecurity configure(Path config) throws Exception {
        Path certs = config.resolve("certs");
        Path ca = SelfSignedCertificates.create(certs);
        String password = UUID.randomUUID().toString();
        Files.writeString(config.resolve("users"), USERNAME + ":" + pbkdf2(password) + "\n");
        Files.writeString(config.resolve("users_roles"), "hearken:" + USERNAME + "\n");
        Files.writeString(config.resolve("roles.yml"), String.join("\n",
                "hearken:",
                "  cluster: [monitor, manage_index_templates, manage_ilm, manage_ingest_pipelines]",
                "  indices:",
                "    - names: ['complaint*', 'hearken*']",
                "      privileges: [all]",
                ""));
        return new ElasticsearchSecurity(USERNAME, password, ca);
    }

    /** The elasticsearch.yml lines (paths relative to the config folder). */
    List<String> settings() {
        return List.of(
                "xpack.security.enabled: true",
                "xpack.security.http.ssl.enabled: true",
                "xpack.security.http.ssl.key: certs/" + SelfSignedCertificates.NODE_KEY,
                "xpack.security.http.ssl.certificate: certs/" + SelfSignedCertificates.NODE_CERTIFICATE,
                "xpack.security.http.ssl.certificate_authorities: certs/" + SelfSignedCertificates.CA_CERTIFICATE,
                "xpack.security.authc.password_hashing.algorithm: pbkdf2");
    }

    /** A client that trusts only the node's CA (and checks the host name against the certificate). */
    public HttpClient.Builder trusting(HttpClient.Builder http) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return http.sslContext(ssl);
    }

    public HttpRequest.Builder signedIn(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Elasticsearch's {PBKDF2} form: cost$salt$hash, PBKDF2 with HMAC-SHA512, 32-byte salt and key. */
    static String pbkdf2(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 10_000, 256)).getEncoded();
        return "{PBKDF2}10000$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(hash);
    }
}

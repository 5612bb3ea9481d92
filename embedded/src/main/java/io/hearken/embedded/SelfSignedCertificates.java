package io.hearken.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A CA and a node certificate for 127.0.0.1 / localhost signed by it, as PEM files, made with the JDK's own
 * {@code keytool} (no certificate library in the all-in-one): the keys and the signing by keytool, the PEM export
 * of the private key here (keytool cannot). The CA's key is thrown away: nothing else is ever signed with it.
 */
final class SelfSignedCertificates {

    static final String CA_CERTIFICATE = "ca.crt";
    static final String NODE_CERTIFICATE = "node.crt";
    static final String NODE_KEY = "node.key";

    private SelfSignedCertificates() {
    }

    /** Makes the three files in {@code dir} (replacing older ones) and returns the CA certificate's path. */
    static Path create(Path dir) throws Exception {
        Files.createDirectories(dir);
        String pass = UUID.randomUUID().toString();
        Path ca = dir.resolve("ca.p12");
        Path node = dir.resolve("node.p12");
        Path request = dir.resolve("node.csr");
        for (Path old : List.of(ca, node, request)) {
            Files.deleteIfExists(old);
        }
        try {
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=Hearken embedded CA", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                    "-storetype", "PKCS12", "-keystore", ca.toString(), "-storepass", pass);
            keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", node.toString(), "-storepass", pass);
            keytool("-certreq", "-alias", "node", "-keystore", node.toString(), "-storepass", pass, "-file", request.toString());
            keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", pass, "-validity", "3650",
                    "-infile", request.toString(), "-outfile", dir.resolve(NODE_CERTIFICATE).toString(), "-rfc",
                    "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth",
                    "-ext", "ku=digitalSignature,keyEncipherment");
            KeyStore caStore = load(ca, pass);
            Files.writeString(dir.resolve(CA_CERTIFICATE), pem("CERTIFICATE", caStore.getCertificate("ca").getEncoded()));
            Key key = load(node, pass).getKey("node", pass.toCharArray());
            Files.writeString(dir.resolve(NODE_KEY), pem("PRIVATE KEY", key.getEncoded())); // PKCS#8
        } finally {
            for (Path p : List.of(ca, node, request)) {
                Files.deleteIfExists(p);
            }
        }
        return dir.resolve(CA_CERTIFICATE);
    }

    private static KeyStore load(Path file, String pass) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, pass.toCharArray());
        }
        return store;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-noprompt");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}

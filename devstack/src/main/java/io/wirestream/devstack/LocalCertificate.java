package io.wirestream.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A fresh self-signed certificate for {@code 127.0.0.1} (and {@code localhost}), for servers that
 * tests run with TLS: a PKCS12 key store holding the key and certificate, for the server, and a
 * PKCS12 trust store holding only the certificate, for its clients. Both use one random password.
 *
 * <p>The key pair comes from the JDK's own {@code keytool}, run as a process: the JDK has no public
 * API that issues certificates, and this keeps a certificate library off the launcher's classpath.
 *
 * @param keyStore PKCS12 file with the private key and certificate (alias {@value #ALIAS})
 * @param trustStore PKCS12 file with the certificate alone
 * @param password of both stores and of the key
 */
public record LocalCertificate(Path keyStore, Path trustStore, String password) {

  /** Alias of the key entry and of the trusted certificate entry. */
  public static final String ALIAS = "wirestream-local";
  /** Type of both stores. */
  public static final String STORE_TYPE = "PKCS12";

  private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);
  private static final String PASSWORD_ENV = "WIRESTREAM_KEYTOOL_PASSWORD";

  public LocalCertificate {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(trustStore, "trustStore");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Generates a key pair and certificate (EC P-256, valid for 2 days, subject alternative names
   * IP 127.0.0.1 and DNS localhost, so hostname verification passes) into {@code dir}.
   *
   * @param dir an existing directory, typically a test's temporary directory
   * @throws IllegalStateException if keytool fails or does not finish within 60 s
   */
  public static LocalCertificate generate(final Path dir) {
    final String password = randomPassword();
    final Path keyStore = dir.resolve("server-keystore.p12").toAbsolutePath();
    final Path trustStore = dir.resolve("truststore.p12").toAbsolutePath();
    runKeytool(dir, password, List.of(keytool(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
        "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", STORE_TYPE,
        "-keystore", keyStore.toString(), "-storepass:env", PASSWORD_ENV, "-keypass:env", PASSWORD_ENV));
    writeTrustStore(keyStore, trustStore, password.toCharArray());
    return new LocalCertificate(keyStore, trustStore, password);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "LocalCertificate[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
  }

  /** Copies the certificate of the key entry into a store of its own, as a trusted entry. */
  private static void writeTrustStore(final Path keyStore, final Path trustStore,
      final char[] password) {
    try (InputStream in = Files.newInputStream(keyStore);
        OutputStream out = Files.newOutputStream(trustStore)) {
      final KeyStore keys = KeyStore.getInstance(STORE_TYPE);
      keys.load(in, password);
      final Certificate certificate = keys.getCertificate(ALIAS);
      final KeyStore trust = KeyStore.getInstance(STORE_TYPE);
      trust.load(null, null);
      trust.setCertificateEntry(ALIAS, certificate);
      trust.store(out, password);
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not write trust store " + trustStore, e);
    } catch (final GeneralSecurityException e) {
      throw new IllegalStateException("Could not copy the certificate into " + trustStore, e);
    }
  }

  /** Runs keytool with the password in its environment, not on its (world-readable) command line. */
  private static void runKeytool(final Path dir, final String password, final List<String> command) {
    final Path output = dir.resolve("keytool.log");
    try {
      final ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().put(PASSWORD_ENV, password);
      final Process keytool = builder.start();
      keytool.getOutputStream().close();
      if (!keytool.waitFor(KEYTOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        keytool.destroyForcibly();
        throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT.toSeconds()
            + " s: " + Files.readString(output, StandardCharsets.UTF_8));
      }
      if (keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool exited with " + keytool.exitValue() + ": "
            + Files.readString(output, StandardCharsets.UTF_8));
      }
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not run " + command.get(0), e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while generating a certificate", e);
    }
  }

  private static String keytool() {
    return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
  }

  private static String randomPassword() {
    final byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

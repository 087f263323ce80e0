package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate tests and TLS servers use: right names, key and trust kept apart, a fresh password. */
class LocalCertificateTest {

  @TempDir
  Path dir;

  private KeyStore load(final Path file, final String password) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      final KeyStore store = KeyStore.getInstance(LocalCertificate.STORE_TYPE);
      store.load(in, password.toCharArray());
      return store;
    }
  }

  @Test
  void shouldIssueACertificateFor127001WithAKeyStoreAndATrustStore() throws Exception {
    final LocalCertificate certificate = LocalCertificate.generate(dir);

    final KeyStore keys = load(certificate.keyStore(), certificate.password());
    assertThat(Collections.list(keys.aliases())).containsExactly(LocalCertificate.ALIAS);
    assertThat(keys.isKeyEntry(LocalCertificate.ALIAS)).isTrue();
    final X509Certificate cert = (X509Certificate) keys.getCertificate(LocalCertificate.ALIAS);
    assertThat(cert.getSubjectAlternativeNames())
        .contains(List.of(7, "127.0.0.1"), List.of(2, "localhost"));
    cert.checkValidity();

    final KeyStore trust = load(certificate.trustStore(), certificate.password());
    assertThat(Collections.list(trust.aliases())).containsExactly(LocalCertificate.ALIAS);
    assertThat(trust.isCertificateEntry(LocalCertificate.ALIAS)).as("no private key").isTrue();
    assertThat(trust.getCertificate(LocalCertificate.ALIAS)).isEqualTo(cert);
    assertThat(certificate.toString()).doesNotContain(certificate.password());
  }

  @Test
  void shouldUseAFreshPasswordEachTime() {
    final LocalCertificate first = LocalCertificate.generate(dir);
    final Path other = dir.resolve("other");
    final LocalCertificate second = LocalCertificate.generate(createDir(other));

    assertThat(first.password()).isNotEqualTo(second.password()).hasSizeGreaterThanOrEqualTo(16);
  }

  private static Path createDir(final Path path) {
    try {
      return Files.createDirectories(path);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

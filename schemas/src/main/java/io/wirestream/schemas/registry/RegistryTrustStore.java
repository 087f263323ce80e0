package io.wirestream.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * The trust store an {@code https://} registry's certificate is checked against, from the
 * Confluent keys {@code schema.registry.ssl.truststore.*}. Without one the JVM's default trust
 * store applies, which is right for a registry with a public certificate but not for one signed
 * by a private CA.
 *
 * @param location the trust store file
 * @param password its password; empty for a PKCS12 store without integrity check
 * @param type {@code PKCS12} (default) or {@code JKS}
 */
public record RegistryTrustStore(Path location, Optional<String> password, String type) {

  public static final String LOCATION = "schema.registry.ssl.truststore.location";
  public static final String PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String TYPE = "schema.registry.ssl.truststore.type";

  public RegistryTrustStore {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(type, "type");
  }

  /** Reads the trust store keys; empty when no location is set. */
  static Optional<RegistryTrustStore> fromConfigs(final Map<String, ?> configs) {
    final Object location = configs.get(LOCATION);
    if (location == null || location.toString().isBlank()) {
      return Optional.empty();
    }
    final Object password = configs.get(PASSWORD);
    final Object type = configs.get(TYPE);
    return Optional.of(new RegistryTrustStore(Path.of(location.toString().trim()),
        password == null || password.toString().isEmpty() ? Optional.empty()
            : Optional.of(password.toString()),
        type == null || type.toString().isBlank() ? "PKCS12" : type.toString().trim()));
  }

  /**
   * An SSL context trusting exactly the certificates in this store.
   *
   * @throws ConfigException naming the key at fault when the file is missing, the password wrong
   *     or the type unknown, so a bad setting fails at start and not at the first request
   */
  SSLContext sslContext() {
    try (InputStream in = Files.newInputStream(location)) {
      final KeyStore store = KeyStore.getInstance(type);
      store.load(in, password.map(String::toCharArray).orElse(null));
      final TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      final SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (final NoSuchFileException e) {
      throw new ConfigException(LOCATION, location.toString(), "no such file");
    } catch (final IOException e) {
      // KeyStore.load reports a wrong password as an IOException whose cause is an
      // UnrecoverableKeyException; a corrupt file also ends here.
      throw new ConfigException(LOCATION, location.toString(), "cannot read the " + type
          + " trust store (wrong " + PASSWORD + " or not a " + type + " file): " + e.getMessage());
    } catch (final GeneralSecurityException e) {
      throw new ConfigException(TYPE, type, "cannot load the trust store: " + e.getMessage());
    }
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "RegistryTrustStore[" + location + ", " + type + ", password="
        + (password.isPresent() ? "***" : "none") + "]";
  }
}

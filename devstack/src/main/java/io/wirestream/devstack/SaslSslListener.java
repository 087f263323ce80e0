package io.wirestream.devstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An extra listener for {@link EmbeddedKafkaBroker} that speaks SASL_SSL: TLS with a given
 * certificate, and SCRAM-SHA-512 logins for a given set of users, so tests can run clients with
 * the security settings of a production cluster.
 *
 * <p>The broker keeps its PLAINTEXT listener (on 127.0.0.1) for controller and inter-broker
 * traffic and for test setup, such as creating the SCRAM credentials and, with an authorizer,
 * ACLs.
 *
 * @param certificate the broker's key store (and the trust store its clients need)
 * @param scramUsers user name to password, each created as a SCRAM-SHA-512 credential at start
 */
public record SaslSslListener(LocalCertificate certificate, Map<String, String> scramUsers) {

  /** The listener's name in the broker config, also its security protocol. */
  public static final String NAME = "SASL_SSL";
  /** The only SASL mechanism the listener enables. */
  public static final String MECHANISM = "SCRAM-SHA-512";

  public SaslSslListener {
    Objects.requireNonNull(certificate, "certificate");
    scramUsers = Map.copyOf(scramUsers);
    if (scramUsers.isEmpty()) {
      throw new IllegalArgumentException("A SASL_SSL listener needs at least one SCRAM user");
    }
  }

  /**
   * The Kafka client settings to log in as {@code user} with {@code password} over this listener:
   * what a client's command config file holds.
   */
  public Map<String, String> clientProperties(final String user, final String password) {
    final Map<String, String> props = new LinkedHashMap<>();
    props.put("security.protocol", NAME);
    props.put("sasl.mechanism", MECHANISM);
    props.put("sasl.jaas.config", jaasConfig(user, password));
    props.put("ssl.truststore.location", certificate.trustStore().toString());
    props.put("ssl.truststore.password", certificate.password());
    props.put("ssl.truststore.type", LocalCertificate.STORE_TYPE);
    return props;
  }

  /** The {@code sasl.jaas.config} value of a SCRAM login, quoting as the JAAS parser expects. */
  public static String jaasConfig(final String user, final String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + quote(user) + "\" password=\"" + quote(password) + "\";";
  }

  /** Never prints the passwords. */
  @Override
  public String toString() {
    return "SaslSslListener[" + certificate + ", users " + scramUsers.keySet() + "]";
  }

  private static String quote(final String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

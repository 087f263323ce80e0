/**
 * A real Kafka broker and a real Confluent-compatible schema registry on 127.0.0.1, for the demo and for
 * every integration test.
 *
 * <ul>
 *   <li>{@link io.wirestream.devstack.KafkaStack}: what tests and tools code against (bootstrap servers,
 *       schema registry URL).</li>
 *   <li>{@link io.wirestream.devstack.DevStack}: {@link io.wirestream.devstack.EmbeddedKafkaBroker}
 *       (single-node KRaft in this JVM) plus {@link io.wirestream.devstack.ApicurioRegistry} (child
 *       process), started in parallel.</li>
 *   <li>{@link io.wirestream.devstack.ContainerKafkaStack}: the same in Docker, opt-in.</li>
 *   <li>{@link io.wirestream.devstack.DevStackExtension}: JUnit 5 injection of one shared stack per
 *       test JVM; {@link io.wirestream.devstack.DevStackMode} picks embedded or containers.</li>
 *   <li>{@link io.wirestream.devstack.DevStackMain}: runs the stack until Ctrl-C.</li>
 *   <li>{@link io.wirestream.devstack.LocalCertificate} and {@link io.wirestream.devstack.SaslSslListener}:
 *       a broker with a SASL_SSL (SCRAM) listener and an HTTPS-only registry, for security tests.</li>
 * </ul>
 */
package io.wirestream.devstack;

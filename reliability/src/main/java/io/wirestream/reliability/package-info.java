/**
 * Reliability on real processes: the pipeline as separate JVMs on 127.0.0.1 that can be killed and
 * restarted ({@link io.wirestream.reliability.ReliabilityStack}), a multi-node KRaft cluster
 * ({@link io.wirestream.reliability.cluster.ProcessKafkaCluster}), a registry that keeps its ids
 * across restarts ({@link io.wirestream.reliability.registry.RestartableRegistry}), a steady load
 * driver and the accounting of stories in against stories out, and the soak runner
 * ({@link io.wirestream.reliability.soak.SoakMain}). See docs/reliability.md.
 */
package io.wirestream.reliability;

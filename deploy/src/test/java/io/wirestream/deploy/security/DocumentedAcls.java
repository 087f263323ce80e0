package io.wirestream.deploy.security;

import io.wirestream.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of docs/security.md, one user per service, as Admin bindings: the test grants exactly
 * these and nothing else, so a missing one breaks the pipeline and an extra one would have to be
 * added here and in the document together.
 */
final class DocumentedAcls {

  private DocumentedAcls() {
  }

  /**
   * @param applicationId the enrich-service's Streams application id
   * @param readerGroup the downstream consumer's group id
   */
  static List<AclBinding> all(final String applicationId, final String readerGroup) {
    final List<AclBinding> acls = new ArrayList<>();
    // ingest: publish stories and dead letters; read news.raw.v1 back at start (version ledger).
    acls.add(allow("ingest", ResourceType.TOPIC, Topics.RAW.name(), PatternType.LITERAL, AclOperation.WRITE));
    acls.add(allow("ingest", ResourceType.TOPIC, Topics.RAW.name(), PatternType.LITERAL, AclOperation.READ));
    acls.add(allow("ingest", ResourceType.TOPIC, Topics.DLQ.name(), PatternType.LITERAL, AclOperation.WRITE));
    // enrich: read raw stories, write every output, own its internal topics and transactions.
    acls.add(allow("enrich", ResourceType.TOPIC, Topics.RAW.name(), PatternType.LITERAL, AclOperation.READ));
    for (final String output : List.of(Topics.ENRICHED.name(), Topics.BY_COUNTRY.name(),
        Topics.ENTITY_MENTIONS.name(), Topics.TRENDS.name(), Topics.DLQ.name())) {
      acls.add(allow("enrich", ResourceType.TOPIC, output, PatternType.LITERAL, AclOperation.WRITE));
    }
    acls.add(allow("enrich", ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL));
    acls.add(allow("enrich", ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ));
    acls.add(allow("enrich", ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED,
        AclOperation.WRITE));
    // a downstream consumer: one topic, its own group.
    acls.add(allow("reader", ResourceType.TOPIC, Topics.ENRICHED.name(), PatternType.LITERAL, AclOperation.READ));
    acls.add(allow("reader", ResourceType.GROUP, readerGroup, PatternType.LITERAL, AclOperation.READ));
    return acls;
  }

  private static AclBinding allow(final String user, final ResourceType type, final String name,
      final PatternType pattern, final AclOperation operation) {
    return new AclBinding(new ResourcePattern(type, name, pattern),
        new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
  }
}

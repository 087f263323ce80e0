package io.wirestream.schemas.serde;

/**
 * Caps on the lengths a corrupt or hostile Avro value may claim. Avro trusts a length prefix and
 * allocates it before reading, so without caps four bytes of junk can ask for a 2 GB array. Avro
 * reads its caps from system properties once, when it first decodes; these defaults apply only
 * where the operator set none (a {@code -D} flag wins).
 */
public final class AvroLimits {

  /** Longest string or byte array in one value: far above any story, far below the heap. */
  public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
  /** Most items in one array or map. */
  public static final int DEFAULT_MAX_COLLECTION_ITEMS = 1_000_000;

  private AvroLimits() {
  }

  /** Sets Avro's limit properties to the defaults unless already set. Idempotent. */
  public static void applyDefaults() {
    setIfAbsent("org.apache.avro.limits.string.maxLength", DEFAULT_MAX_BYTES);
    setIfAbsent("org.apache.avro.limits.bytes.maxLength", DEFAULT_MAX_BYTES);
    setIfAbsent("org.apache.avro.limits.collectionItems.maxLength", DEFAULT_MAX_COLLECTION_ITEMS);
  }

  private static void setIfAbsent(final String property, final int value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Integer.toString(value));
    }
  }
}

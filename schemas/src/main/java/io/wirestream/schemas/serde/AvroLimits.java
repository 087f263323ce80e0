package io.wirestream.schemas.serde;

import org.apache.avro.SystemLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps on the lengths a corrupt or hostile Avro value may claim. Avro trusts a length prefix and
 * allocates it before reading, so without caps four bytes of junk can ask for a 2 GB array. Avro
 * reads its caps from system properties once, when it first decodes; these defaults apply only
 * where the operator set none (a {@code -D} flag wins).
 */
public final class AvroLimits {

  private static final Logger LOG = LoggerFactory.getLogger(AvroLimits.class);
  private static volatile boolean warned;

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

  /**
   * True when Avro enforces a string cap at or below {@link #DEFAULT_MAX_BYTES}. False when Avro read
   * its limits before {@link #applyDefaults} ran and no {@code -D} flag set them.
   */
  public static boolean inForce() {
    try {
      SystemLimitException.checkMaxStringLength(DEFAULT_MAX_BYTES + 1L);
      return false;
    } catch (final SystemLimitException e) {
      return true;
    }
  }

  /** Logs one warning, with the fix, when the caps are not in force. */
  public static void warnIfNotInForce() {
    if (!warned && !inForce()) {
      warned = true;
      LOG.warn("Avro length limits are not in force (Avro read them before Wirestream could set"
          + " them), so every value is checked in an extra pass before it is decoded; to skip"
          + " that pass, start the JVM with"
          + " -Dorg.apache.avro.limits.string.maxLength={} -Dorg.apache.avro.limits.bytes.maxLength={}"
          + " -Dorg.apache.avro.limits.collectionItems.maxLength={}", DEFAULT_MAX_BYTES,
          DEFAULT_MAX_BYTES, DEFAULT_MAX_COLLECTION_ITEMS);
    }
  }

  private static void setIfAbsent(final String property, final int value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Integer.toString(value));
    }
  }
}

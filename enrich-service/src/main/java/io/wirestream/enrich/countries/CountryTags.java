package io.wirestream.enrich.countries;

import io.wirestream.schemas.avro.CountryTag;
import java.util.List;

/**
 * The country tags of one story, highest score first, and its primary country: an ISO 3166-1
 * alpha-2 code, or null when no tag is confident (score {@code >=}
 * {@link CountryTagger#CONFIDENCE_THRESHOLD}).
 */
public record CountryTags(List<CountryTag> tags, String primary) {

  /** Copies the tags into an unmodifiable list. */
  public CountryTags {
    tags = List.copyOf(tags);
  }

  /** No country. */
  public static CountryTags none() {
    return new CountryTags(List.of(), null);
  }
}

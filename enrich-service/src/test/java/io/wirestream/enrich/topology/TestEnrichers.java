package io.wirestream.enrich.topology;

import io.wirestream.enrich.Enricher;

/** Gives tests in other packages the predictable test enricher. */
public final class TestEnrichers {

  /** The {@link FakeEnricher}: countries from the dateline, the byline as a person. */
  public Enricher predictable() {
    return new FakeEnricher();
  }
}

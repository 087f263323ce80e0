/**
 * Tone (sentiment) of wire stories by the VADER method: {@link io.wirestream.enrich.tone.ToneScorer}
 * scores sentences and articles, {@link io.wirestream.enrich.tone.Sentences} splits text into
 * sentences with offsets (also used for per-entity tone). The VADER lexicon is a classpath resource
 * of this package, with its licenses and attribution in {@code NOTICE.md}; it is fetched by
 * {@code enrich-service/scripts/fetch-vader-lexicon.sh} (see {@code scripts/TONE.md}).
 */
package io.wirestream.enrich.tone;

import io.wirestream.enrich.text.Sentences;

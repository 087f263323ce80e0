/**
 * Tone (sentiment) of wire stories. {@link io.wirestream.enrich.tone.NewsTone} is the model the
 * enricher uses: sentence, article and per-entity tone, over
 * {@link io.wirestream.enrich.tone.ToneScorer#loadNews()} (VADER's rules with the financial
 * {@code NewsLexicon} and the {@code DirectionalGrammar}), calibrated by
 * {@link io.wirestream.enrich.tone.Calibration}; {@link io.wirestream.enrich.tone.ToneScorer#load()}
 * is plain VADER, the baseline. {@link io.wirestream.enrich.tone.DevSetEvaluation} scores them on
 * the development sets ({@code ./wirestream eval-tone}). The data (VADER lexicon, financial word
 * list, entity model weights) are classpath resources of this package with their licences and
 * provenance beside them ({@code NOTICE.md}, {@code FINANCE-NOTICE.md},
 * {@code ENTITY-MODEL-NOTICE.md}; see {@code enrich-service/scripts/TONE.md}).
 */
package io.wirestream.enrich.tone;


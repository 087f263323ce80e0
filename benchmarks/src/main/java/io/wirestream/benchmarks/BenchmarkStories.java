package io.wirestream.benchmarks;

import io.wirestream.schemas.EnrichedArticles;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.CountryEvidence;
import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.EvidenceKind;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.Provenance;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.avro.TextField;
import io.wirestream.schemas.avro.Tone;
import io.wirestream.schemas.avro.ToneLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Generated stories of realistic size (2-8 KB bodies), deterministic for a given seed. */
public final class BenchmarkStories {

  private static final String[] WORDS = {
    "the", "minister", "said", "on", "Tuesday", "that", "talks", "with", "officials", "from",
    "the", "neighbouring", "state", "would", "resume", "next", "week", "after", "a", "pause",
    "harbour", "exports", "rose", "sharply", "in", "the", "third", "quarter", "while", "grain",
    "prices", "fell", "amid", "drought", "concerns", "delegates", "gathered", "in", "Geneva",
    "to", "discuss", "a", "ceasefire", "proposal", "backed", "by", "several", "governments",
  };
  private static final String[] NAMES = {
    "Clara Vella", "Tomas Novak", "Amina Diallo", "Kenji Mori", "Harbour Council",
    "Northern Grain Board", "Lake Authority", "Valletta", "Geneva", "Pyongyang",
  };

  private BenchmarkStories() {
  }

  /** A story body of about {@code bytes} characters, in paragraphs. */
  public static String body(final SplittableRandom random, final int bytes) {
    final StringBuilder sb = new StringBuilder(bytes + 64);
    int sentence = 0;
    while (sb.length() < bytes) {
      if (sentence > 0 && sentence % 4 == 0) {
        sb.append("\n\n");
      }
      final int words = 12 + random.nextInt(14);
      for (int i = 0; i < words; i++) {
        final String word = random.nextInt(12) == 0 ? NAMES[random.nextInt(NAMES.length)]
            : WORDS[random.nextInt(WORDS.length)];
        sb.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
            .append(i == words - 1 ? ". " : " ");
      }
      sentence++;
    }
    return sb.toString().trim();
  }

  /** A raw story with a body of 2-8 KB. */
  public static RawArticle raw(final SplittableRandom random, final int index) {
    final String body = body(random, 2048 + random.nextInt(6144));
    return RawArticle.newBuilder()
        .setId("bench-" + index)
        .setVersion(1)
        .setSource("Bench Wire")
        .setOutlet("Bench Daily")
        .setSourceGuid("urn:bench:" + index)
        .setUrl("https://news.example.org/bench/" + index)
        .setHeadline("Delegates in Geneva weigh ceasefire proposal, day " + index)
        .setByline("Bench Reporter")
        .setDateline("Geneva")
        .setSection("World")
        .setLanguage("en")
        .setBody(body)
        .setSubjects(List.of("medtop:11000000"))
        .setUrgency(3)
        .setPublishedAt(Instant.ofEpochMilli(1_767_225_600_000L + index * 1000L))
        .setIngestedAt(Instant.ofEpochMilli(1_767_225_601_000L + index * 1000L))
        .setContentHash(Integer.toHexString(body.hashCode()))
        .setStatus(ArticleStatus.USABLE)
        .setFormat(SourceFormat.NEWSML_G2)
        .setAttributes(Map.of("caption", "Delegates arrive. (Photo: Bench Wire)"))
        .build();
  }

  /** An enriched story: the raw one plus ~12 entities with mentions and 3 country tags. */
  public static EnrichedArticle enriched(final SplittableRandom random, final int index) {
    final RawArticle raw = raw(random, index);
    final List<Entity> entities = new ArrayList<>();
    for (int e = 0; e < 12; e++) {
      final String name = NAMES[e % NAMES.length] + (e >= NAMES.length ? " II" : "");
      final List<Mention> mentions = new ArrayList<>();
      for (int m = 0; m < 1 + random.nextInt(4); m++) {
        final int start = random.nextInt(Math.max(1, raw.getBody().length() - 20));
        mentions.add(new Mention(TextField.BODY, start, start + name.length(), name, null));
      }
      entities.add(new Entity(EntityType.values()[e % 4], name, mentions.size(),
          random.nextDouble(), random.nextDouble() * 2 - 1, mentions, random.nextDouble()));
    }
    final List<CountryTag> countries = List.of(
        new CountryTag("CH", "Switzerland", 0.9,
            List.of(new CountryEvidence("Geneva", TextField.DATELINE, 0, 6, EvidenceKind.DATELINE))),
        new CountryTag("MT", "Malta", 0.6,
            List.of(new CountryEvidence("Valletta", TextField.BODY, 40, 48, EvidenceKind.CAPITAL))),
        new CountryTag("KP", "North Korea", 0.5,
            List.of(new CountryEvidence("Pyongyang", TextField.BODY, 90, 99, EvidenceKind.CAPITAL))));
    return EnrichedArticles.from(raw)
        .setLanguage("en")
        .setEntities(entities)
        .setTone(new Tone(-0.12, ToneLabel.NEGATIVE, 3.1, 4.4, 7.5, 640, 0.6))
        .setCountries(countries)
        .setPrimaryCountry("CH")
        .setProvenance(new Provenance("bench", List.of("bench-model"),
            Instant.ofEpochMilli(1_767_225_602_000L), 900L))
        .build();
  }
}

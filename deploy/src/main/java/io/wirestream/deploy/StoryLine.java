package io.wirestream.deploy;

import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import java.util.Locale;
import java.util.stream.Collectors;

/** One enriched story as one line a person can scan: country, headline, tone, top entities. */
final class StoryLine {

  private static final int TOP_ENTITIES = 3;

  private StoryLine() {
  }

  static String format(final String id, final EnrichedArticle story) {
    if (story == null) {
      return String.format("[--] %s withdrawn (canceled or withheld)", id);
    }
    final String tone = story.getTone() == null ? "tone n/a"
        : String.format(Locale.ROOT, "tone %+.2f %s", story.getTone().getScore(),
            story.getTone().getLabel());
    final String entities = story.getEntities().stream().limit(TOP_ENTITIES)
        .map(StoryLine::entity).collect(Collectors.joining(", "));
    return String.format("[%s] %s | %s | %s%s", story.getPrimaryCountry() == null ? "--"
        : story.getPrimaryCountry(), story.getHeadline(), tone,
        story.getLanguage() == null ? "?" : story.getLanguage(),
        entities.isEmpty() ? "" : " | " + entities);
  }

  private static String entity(final Entity entity) {
    return entity.getName() + " (" + entity.getType().name().toLowerCase(Locale.ROOT) + ")";
  }
}

package io.wirestream.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.TextField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionEvaluationTest {

  private static final String BODY = "Leeds beat Newcastle at Elland Road .";

  @Test
  void shouldCountOnlyExactSpansOfTheRightTypeAndIgnoreMiscAndTheHeadline() {
    final NerCorpus.Document doc = new NerCorpus.Document("d", "LEEDS WIN", BODY, List.of(),
        List.of(span("Leeds", EntityType.ORGANIZATION), span("Newcastle", EntityType.ORGANIZATION),
            span("Elland Road", EntityType.LOCATION)));
    final List<Entity> predicted = List.of(
        entity(EntityType.ORGANIZATION, mention(TextField.BODY, "Leeds"),
            new Mention(TextField.HEADLINE, 0, 5, "LEEDS", null)),
        entity(EntityType.LOCATION, mention(TextField.BODY, "Newcastle")),
        entity(EntityType.LOCATION, new Mention(TextField.BODY, 24, 30, "Elland", null)),
        entity(EntityType.MISC, mention(TextField.BODY, "Elland Road")));

    final Map<EntityType, Scores> scores = MentionEvaluation.score(List.of(doc), d -> predicted);

    assertThat(scores.get(EntityType.ORGANIZATION)).isEqualTo(new Scores(1, 0, 1));
    assertThat(scores.get(EntityType.LOCATION)).isEqualTo(new Scores(0, 2, 1));
    assertThat(scores.get(EntityType.PERSON)).isEqualTo(new Scores(0, 0, 0));
    assertThat(scores).doesNotContainKey(EntityType.MISC);
    assertThat(MentionEvaluation.micro(scores)).isEqualTo(new Scores(1, 2, 2));
  }

  private static NerCorpus.Span span(final String surface, final EntityType type) {
    final int start = BODY.indexOf(surface);
    return new NerCorpus.Span(start, start + surface.length(), type);
  }

  private static Mention mention(final TextField field, final String surface) {
    final int start = BODY.indexOf(surface);
    return new Mention(field, start, start + surface.length(), surface, 0.9);
  }

  private static Entity entity(final EntityType type, final Mention... mentions) {
    return new Entity(type, mentions[0].getText(), mentions.length, 0.5, null, List.of(mentions),
        0.9);
  }
}

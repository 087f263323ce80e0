package io.wirestream.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.identity.ArticleIdentity;
import io.wirestream.ingest.parse.ParseOutcome;
import io.wirestream.ingest.parse.ParsedStory;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.StoryParsers;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The load stories are what the accounting relies on: ingest reads each one as one ninjs story
 * whose article id is the id the factory gave it, and no two share a content hash (the enricher
 * would drop the second as a re-send and the accounting would call it lost).
 */
class StoryFactoryTest {

  @Test
  void everyStoryShouldParseWithItsOwnIdAndItsOwnContentHash() throws Exception {
    final StoryFactory factory = new StoryFactory("unit");
    final StoryParsers parsers = new StoryParsers(ParserConfig.defaults());
    final Set<String> hashes = new HashSet<>();
    for (long n = 0; n < 2000; n++) {
      final ParseOutcome outcome = parsers.parseAll(factory.story(n), "unit", Optional.empty());
      assertThat(outcome.rejected()).as("story " + n).isEmpty();
      assertThat(outcome.stories()).hasSize(1);
      final ParsedStory story = outcome.stories().get(0);
      assertThat(ArticleIdentity.articleId(story)).isEqualTo(factory.id(n));
      assertThat(hashes.add(ArticleIdentity.contentHash(story))).as("hash of story " + n + " is new")
          .isTrue();
    }
  }
}

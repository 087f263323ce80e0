package io.wirestream.reliability.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Varied, unique ninjs stories for load: every story has its own {@code uri} (which ingest keeps as
 * the article id) and its own text (the enricher drops exact re-sends by content hash, so two
 * stories must never share one), with people, organisations and countries for the NLP to find.
 */
public final class StoryFactory {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PEOPLE = {"Sergei Lavrov", "Angela Merkel", "Emmanuel Macron",
      "Mei Lindqvist", "Kwame Mensah", "Luiz Inacio Lula da Silva", "Narendra Modi",
      "Jacinda Ardern", "Cyril Ramaphosa", "Ana Borg"};
  private static final String[] ORGS = {"the World Bank", "the United Nations", "Reuters",
      "the European Commission", "the Port of Aldermouth", "the African Union", "NATO",
      "the International Monetary Fund"};
  private static final String[] PLACES = {"Moscow", "Berlin", "Paris", "Nairobi", "Brasilia",
      "New Delhi", "Wellington", "Pretoria", "Seoul", "Lima", "Valletta", "Accra"};
  private static final String[] TONES = {"welcomed the agreement as a great success",
      "warned that the crisis could get worse", "said the talks were useful",
      "criticised the decision as a serious mistake", "praised the quick response",
      "described the situation as calm"};

  private final String runId;

  /** Ids are {@code urn:wirestream:reliability:RUN:N}. */
  public StoryFactory(final String runId) {
    this.runId = runId;
  }

  /** The id of story {@code n}. */
  public String id(final long n) {
    return "urn:wirestream:reliability:" + runId + ":" + n;
  }

  /** Story {@code n} as a ninjs document. */
  public byte[] story(final long n) {
    final int i = (int) (n % 997);
    final String person = PEOPLE[i % PEOPLE.length];
    final String org = ORGS[(i / 3) % ORGS.length];
    final String place = PLACES[(i / 7) % PLACES.length];
    final String other = PLACES[(i + 5) % PLACES.length];
    final ObjectNode story = JSON.createObjectNode();
    story.put("uri", id(n));
    story.put("type", "text");
    story.put("version", "1");
    story.put("versioncreated", Instant.now().toString());
    story.put("pubstatus", "usable");
    story.put("language", "en");
    story.put("headline", person + " visits " + place + " (report " + runId + "-" + n + ")");
    story.put("located", place);
    story.put("body_text", person + " arrived in " + place + " on Tuesday for talks with "
        + org + ", officials said. Report number " + n + " of run " + runId + ".\n\n"
        + person + " " + TONES[i % TONES.length] + " after meeting delegates from " + other
        + ".\n\nThe visit follows months of preparation by " + org + " and envoys in " + other
        + ", where markets closed " + (i % 2 == 0 ? "higher" : "lower") + " by " + (i % 9 + 1)
        + " percent.");
    try {
      return JSON.writeValueAsString(story).getBytes(StandardCharsets.UTF_8);
    } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

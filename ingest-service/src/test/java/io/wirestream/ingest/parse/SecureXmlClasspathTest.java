package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.avro.SourceFormat;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * The XML parsers use the JDK's own factories. With an old Xerces registered as the JAXP factory
 * (as CoreNLP's dependencies do in the launcher), asking JAXP for "a" factory gives Xerces, which
 * rejects the security properties; the parsers must work regardless.
 */
class SecureXmlClasspathTest {

  @Test
  void theClasspathShouldRegisterXercesAsThePreconditionOfThisTest() {
    assertThat(DocumentBuilderFactory.newInstance().getClass().getName())
        .startsWith("org.apache.xerces");
  }

  @Test
  void newsMlShouldParseWithXercesOnTheClasspath() throws Exception {
    final byte[] item = ("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:t:1\""
        + " version=\"1\"><contentMeta><headline>Harbour reopens</headline></contentMeta>"
        + "<contentSet><inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
        + "<p>The harbour reopened on Monday.</p></body></html></inlineXML></contentSet>"
        + "</newsItem>").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(new StoryParsers(ParserConfig.defaults()).parse(item, "t.xml", Optional.empty()))
        .singleElement().satisfies(story -> {
          assertThat(story.format()).isEqualTo(SourceFormat.NEWSML_G2);
          assertThat(story.body()).isEqualTo("The harbour reopened on Monday.");
        });
  }
}

package io.wirestream.ingest.quirks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The quirks of real wire and feed files (issue 13), one invented fixture per kind under
 * {@code fixtures/quirks/}, with every field each story must come out with. The parser test
 * ({@code QuirkFixturesTest}) and the broker test ({@code QuirkFixturesIT}) both hold the
 * pipeline to this table.
 */
public final class QuirkCases {

  /**
   * One expected story.
   *
   * @param guid the source guid, or null
   * @param version the declared version, or null
   * @param bodyStart what the body starts with ("" for a story without text)
   * @param bodyEnd what the body ends with
   * @param warningCodes the codes of its warnings, in order
   * @param notInBody furniture that must not reach the body
   */
  public record Story(String guid, Integer version, String headline, Instant published,
      String bodyStart, String bodyEnd, String byline, String language, List<String> warningCodes,
      List<String> notInBody) {
  }

  /**
   * One fixture.
   *
   * @param kind the quirk, as the issue names it
   * @param contentType the HTTP Content-Type it is served with; null for a file
   * @param rejected how many of its items are rejected (not stories)
   */
  public record Case(String kind, String fixture, String contentType, List<Story> stories,
      int rejected) {

    @Override
    public String toString() {
      return kind + " (" + fixture + ")";
    }
  }

  private QuirkCases() {
  }

  private static Story story(final String guid, final Integer version, final String headline,
      final String published, final String bodyStart, final String bodyEnd, final String byline,
      final String language, final List<String> warnings, final String... notInBody) {
    return new Story(guid, version, headline, Instant.parse(published), bodyStart, bodyEnd,
        byline, language, warnings, List.of(notInBody));
  }

  /** The bytes of a fixture. */
  public static byte[] bytes(final Case quirk) {
    try (InputStream in = QuirkCases.class.getResourceAsStream(
        "/fixtures/quirks/" + quirk.fixture())) {
      return in.readAllBytes();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every kind of quirk. */
  public static List<Case> all() {
    return List.of(
        new Case("XML declaration ISO-8859-1, localized RFC 822 dates (it)",
            "rss-iso-8859-1-declared.rss", null, List.of(
                story("gdl-2022-1116-traghetto", null, "Il traghetto notturno torna a Porto Salvi",
                    "2022-11-15T23:38:15Z", "Da lunedì il traghetto notturno ferma di nuovo",
                    "la città è «finalmente collegata».", "Chiara Benassi", "it", List.of()),
                story("gdl-2022-1115-bici", null, "Più posti per le bici sul lungolago",
                    "2022-11-15T17:05:00Z", "Il comune aggiungerà 120 rastrelliere",
                    "Gli ambulanti però protestano.", null, "it", List.of())), 0),
        new Case("windows-1252 bytes, no declaration, no BOM",
            "rss-windows-1252-undeclared.rss", null, List.of(
                story("https://fenwick-post.example/news/northgate-bridge", null,
                    "Council sets aside \u00a34m for the \u201cNorthgate\u201d bridge",
                    "2023-03-07T17:45:00Z", "Councillors agreed on Tuesday to spend \u00a34m",
                    "the Northgate bridge \u2013 the town\u2019s oldest crossing.",
                    "desk@fenwick-post.example (Ruth Okafor)", "en-gb",
                    List.of("charset-fallback"))), 0),
        new Case("localized RFC 822 dates (pt), channel language inherited",
            "rss-portuguese-dates.rss", null, List.of(
                story("https://diario-serra.example/2018/09/24/onibus", null,
                    "Serra ganha nova linha de ônibus noturna", "2018-09-24T13:15:00Z",
                    "A prefeitura anunciou nesta segunda", "saem da rodoviária em outubro.", null,
                    "pt-BR", List.of()),
                story("https://diario-serra.example/2018/10/03/feira", null,
                    "Feira de inverno atrai 40 mil visitantes", "2018-10-04T00:40:00Z",
                    "A feira terminou no domingo", "segundo os organizadores.", null, "pt-BR",
                    List.of())), 0),
        new Case("zone-less 12-hour dates", "rss-zoneless-12-hour.rss", null, List.of(
            story("cfc-88412", null, "Snowplows out early as storm arrives",
                "2023-12-16T14:02:33Z", "City crews sent 14 plows", "stay open on Monday.", null,
                null, List.of("zone-assumed")),
            story("cfc-88407", null, "Library late fees dropped for good",
                "2023-12-15T09:30:00Z", "The library board voted 5-2",
                "late fees on books and films.", null, null, List.of("zone-assumed"))), 0),
        new Case("charset from the HTTP Content-Type (ISO-8859-2)",
            "rss-iso-8859-2-content-type.rss", "application/rss+xml; charset=ISO-8859-2",
            List.of(story("https://kurier-lodzki.example/tramwaj", null,
                "Tramwaj wraca na ulicę Piotrkowską", "2024-06-05T06:30:00Z",
                "Po dwóch latach remontu tramwaje znów jeżdżą przez śródmieście Łodzi.",
                "Pierwszy kurs ruszył o świcie.", null, "pl", List.of())), 0),
        new Case("NewsML-G2 with NITF: body.head out of the body", "newsml-nitf.xml", null,
            List.of(story("urn:newsml:brightwater.example:20240611:bw-7714", 4,
                "Gulls rally late to beat Ridgeback 4-2", "2024-06-12T01:40:00Z",
                "Harbor City scored twice in the final six minutes",
                "lost four of their last five games on the road.", "Dana Whitcombe", "en-US",
                List.of(), "Sports Writer", "Second straight home win", "Two goals in the last",
                "celebrates the winning goal", "Tomas Reyes", "Brightwater Sports Wire")), 0),
        new Case("NewsML-G2 XHTML with a header, <by> and an editor login",
            "newsml-xhtml-header.xml", null,
            List.of(story("urn:newsml:nordwind-agentur.example:20250204:250204-99-5501", 3,
                "Neue Fährlinie verbindet Kiel und Lübeck ab März", "2025-02-04T09:11:42Z",
                "Ab März pendelt eine Fähre zweimal täglich",
                "Der Verkauf beginnt am Montag, teilte das Unternehmen mit.",
                "Von Lena Brandt, nwa", "de", List.of(), "brandt.lena", "Sperrfrist",
                "04.02.2025 10:11", "Schleswig-Holstein", "Verkehr")), 0),
        new Case("HTML body with vignette/source line and photo figure",
            "ninjs-2-html-vignette.json", null,
            List.of(story("http://nyhetsbyran.example/media/text/240118-bibliotek-7c2e", 1,
                "Biblioteket i Gävle får längre öppettider", "2024-01-18T08:12:44Z",
                "Från februari håller huvudbiblioteket öppet", "Försöket pågår i ett år.",
                "Maja Lind/NB", "sv", List.of(), "Litteratur", "NBFrån", "Per Ek", "Arkivbild",
                "Läsesalen")), 0),
        new Case("ninjs 1.0 with body_xhtml only", "ninjs-1.0-body-xhtml.json", null,
            List.of(story("http://wire.fjordline.example/2015/04/22/text-5521", 1,
                "Ny bussrute mellom Bergen og Voss", "2015-04-22T12:05:00Z",
                "Fra mai kjører en ny bussrute", "Billetten koster 150 kroner.", "Ola Strand",
                "nb", List.of())), 0),
        new Case("ninjs 1.6 headline_main and body_main", "ninjs-1.6-headline-main.json", null,
            List.of(story("urn:newsml:polder-pers.example:2023:8812", 2,
                "Nieuwe fietsbrug over de Vecht geopend", "2023-09-05T05:30:00Z",
                "De nieuwe fietsbrug over de Vecht", "6000 fietsers over.",
                "Door Sanne de Wit", "nl", List.of(), "Bouw duurde", "twee woonwijken")), 0),
        new Case("ninjs 3.x camelCase", "ninjs-3-camelcase.json", null,
            List.of(story("urn:ninjs:costa-noticias.example:2024:00417", 5,
                "Valdemar abre su primera playa sin humo", "2024-07-09T16:20:00Z",
                "El ayuntamiento de Valdemar", "Las multas llegarán a 60 euros.",
                "Lucía Ferrer", "es", List.of())), 0),
        new Case("ninjs items without a body: description, nothing, a picture",
            "ninjs-flash-description.json", null, List.of(
                story("urn:newsml:northwind.example:20240302:nw-flash-0092", 1,
                    "Aldermouth harbour reopens after tanker refloated", "2024-03-02T07:05:00Z",
                    "Tugs refloated the tanker at high tide", "ferries resume at noon.", null,
                    "en", List.of("body-from-summary")),
                story("urn:newsml:northwind.example:20240302:nw-flash-0093", 1,
                    "Ferry operator confirms noon restart", "2024-03-02T07:09:00Z", "", "", null,
                    "en", List.of("no-body"))), 1),
        new Case("NewsML-G2 agency flash without a body", "newsml-flash.xml", null,
            List.of(story("urn:newsml:northwind.example:20240302:nw-flash-0091", 1,
                "FLASH: Aldermouth harbour closed after tanker runs aground",
                "2024-03-02T06:58:00Z", "", "", null, "en", List.of("no-body"))), 0),
        new Case("feed-level xml:lang inherited, an entry's own, a title-only entry",
            "atom-xml-lang.atom", null, List.of(
                story("urn:uuid:1c8e0f63-2a3b-4d4f-8e9c-7b6a5f4e3d2c", null,
                    "Sluis bij Terhaven weer open voor scheepvaart", "2024-04-12T07:45:00Z",
                    "De sluis bij Terhaven is na twee weken", "kunnen vanaf vandaag weer door.",
                    "Pieter Vos", "nl", List.of("zone-assumed")),
                story("urn:uuid:2d9f1a74-3b4c-4e5a-9f0d-8c7b6a5f4e3d", null,
                    "L'écluse de Terhaven rouvre", "2024-04-12T05:50:00Z",
                    "L'écluse rouvre après deux semaines de travaux.",
                    "après deux semaines de travaux.", null, "fr", List.of()),
                story("urn:uuid:3e0a2b85-4c5d-4f6b-8a1e-9d8c7b6a5f4e", null,
                    "Brug Oostkade vanavond dicht", "2024-04-12T05:55:00Z", "", "", null, "nl",
                    List.of("no-body"))), 0));
  }

  /** The code of a warning: the part before the colon. */
  public static String code(final String warning) {
    final int colon = warning.indexOf(':');
    return colon < 0 ? warning : warning.substring(0, colon);
  }
}

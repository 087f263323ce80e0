package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @ParameterizedTest
  @CsvSource({
      "2014-11-22 08:43, 2014-11-22T00:43:00Z",
      "2014-11-22 08:43:15, 2014-11-22T00:43:15Z",
      "2014/11/22 08:43, 2014-11-22T00:43:00Z",
      "22 Nov 2014 08:43, 2014-11-22T00:43:00Z",
      "22 November 2014 08:43, 2014-11-22T00:43:00Z",
      "'Nov 22, 2014 08:43', 2014-11-22T00:43:00Z",
      "2014-11-22T08:43:00+08:00, 2014-11-22T00:43:00Z",
      "2014-11-22T08:43:00Z, 2014-11-22T08:43:00Z",
      "2014-11-22 08:43 UTC, 2014-11-22T08:43:00Z",
      "2014-11-22 08:43 GMT+1, 2014-11-22T07:43:00Z",
      "2014-11-22 08:43 -0500, 2014-11-22T13:43:00Z",
      "2014-11-22 08:43 Europe/London, 2014-11-22T08:43:00Z",
      "2014-11-22, 2014-11-21T16:00:00Z"})
  void shouldReadArticleDates(final String text, final String expected) {
    assertThat(Timestamps.parseArticleDate(text, SHANGHAI)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({
      "2019-03-14T16:20:00+01:00, 2019-03-14T15:20:00Z",
      "2019-03-14T16:20:00.250+0100, 2019-03-14T15:20:00.250Z",
      "2019-03-14T16:20:00, 2019-03-14T08:20:00Z",
      "2019-03-14T16:20:00+01:00[Europe/Paris], 2019-03-14T15:20:00Z",
      "2019-03-14, 2019-03-13T16:00:00Z"})
  void shouldReadIsoWithDefaultZoneOnlyWhenNoOffsetIsWritten(final String text,
      final String expected) {
    assertThat(Timestamps.parseIso(text, SHANGHAI)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2014-13-45 08:43", "2014-02-30 08:43", "22 Foo 2014 08:43",
      "2014-11-22 25:00", "yesterday", "2014-11-22 08:43 Mars/Olympus"})
  void shouldRefuseWhatIsNoDate(final String text) {
    assertThatThrownBy(() -> Timestamps.parseArticleDate(text, SHANGHAI))
        .isInstanceOf(DateTimeException.class);
  }
}

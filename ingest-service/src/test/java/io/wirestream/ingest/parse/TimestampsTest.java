package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Timestamps.ParsedTime parse(final String text) {
    return Timestamps.parse(text, SHANGHAI);
  }

  @ParameterizedTest
  @CsvSource({
      "2014-11-22 08:43, 2014-11-22T00:43:00Z",
      "2014-11-22 08:43:15, 2014-11-22T00:43:15Z",
      "2014/11/22 08:43, 2014-11-22T00:43:00Z",
      "22 Nov 2014 08:43, 2014-11-22T00:43:00Z",
      "22 November 2014 08:43, 2014-11-22T00:43:00Z",
      "'Nov 22, 2014 08:43', 2014-11-22T00:43:00Z",
      "2014-11-22, 2014-11-21T16:00:00Z",
      "'Sat, Dec 16 2023 02:02:33 PM', 2023-12-16T06:02:33Z",
      "'December 16, 2023 2:02 pm', 2023-12-16T06:02:00Z",
      "'16 Dec 2023 12:15 AM', 2023-12-15T16:15:00Z",
      "'16 Dec 2023 12:15 PM', 2023-12-16T04:15:00Z",
      "16.12.2023 14:02, 2023-12-16T06:02:00Z",
      "'16/12/2023 14:02', 2023-12-16T06:02:00Z",
      "'12/16/2023 02:02 PM', 2023-12-16T06:02:00Z",
      "2019-03-14T16:20:00, 2019-03-14T08:20:00Z",
      "2019-03-14, 2019-03-13T16:00:00Z"})
  void shouldReadZonelessDatesInTheSourceZoneAndSaySo(final String text, final String expected) {
    final Timestamps.ParsedTime parsed = parse(text);

    assertThat(parsed.instant()).isEqualTo(Instant.parse(expected));
    assertThat(parsed.zoneAssumed()).as("zone assumed for %s", text).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      // RFC 3339 / ISO 8601, any case, offsets with and without colon or minutes
      "2019-03-14T16:20:00+01:00, 2019-03-14T15:20:00Z",
      "2019-03-14t16:20:00z, 2019-03-14T16:20:00Z",
      "2019-03-14T16:20:00.250+0100, 2019-03-14T15:20:00.250Z",
      "2019-03-14T16:20+01:00, 2019-03-14T15:20:00Z",
      "2019-03-14T16:20:00+01, 2019-03-14T15:20:00Z",
      "2019-03-14 16:20:00 +01:00, 2019-03-14T15:20:00Z",
      "2019-03-14T16:20:00+01:00[Europe/Paris], 2019-03-14T15:20:00Z",
      // RFC 822 and 1123, any case, missing seconds, named zones
      "'Tue, 14 Mar 2019 16:20:00 +0100', 2019-03-14T15:20:00Z",
      "'tue, 14 mar 2019 16:20:00 gmt', 2019-03-14T16:20:00Z",
      "'TUE, 14 MAR 2019 16:20 GMT', 2019-03-14T16:20:00Z",
      "'14 Mar 2019 11:20:00 EST', 2019-03-14T16:20:00Z",
      "'Thu, 14 Mar 2019 12:20:00 EDT', 2019-03-14T16:20:00Z",
      "'Thu, 14 Mar 2019 17:20:00 CET', 2019-03-14T16:20:00Z",
      "'Thu, 14 Mar 2019 18:20:00 CEST', 2019-03-14T16:20:00Z",
      "'Thu, 14 Mar 19 16:20:00 UT', 2019-03-14T16:20:00Z",
      "'Thursday, 14-Mar-19 16:20:00 GMT', 2019-03-14T16:20:00Z",
      "'Thu, 14 Mar 2019 16:20:00 Z', 2019-03-14T16:20:00Z",
      "'2014-11-22 08:43 GMT+1', 2014-11-22T07:43:00Z",
      "'2014-11-22 08:43 -0500', 2014-11-22T13:43:00Z",
      "'2014-11-22 08:43 Europe/London', 2014-11-22T08:43:00Z",
      "'Thu, 14 Mar 2019 16:20:00 +0000 (UTC)', 2019-03-14T16:20:00Z",
      // day and month names of ten languages, from CLDR, with and without accents and dots
      "'mer, 16 nov 2022 00:38:15 +0100', 2022-11-15T23:38:15Z",
      "'mer., 16 févr. 2022 00:38:15 +0100', 2022-02-15T23:38:15Z",
      "'Seg, 24 Set 2018 10:15:00 -0300', 2018-09-24T13:15:00Z",
      "'Qua, 24 Out 2018 10:15:00 -0300', 2018-10-24T13:15:00Z",
      "'sáb, 24 fev 2018 10:15:00 -0300', 2018-02-24T13:15:00Z",
      "'Mi, 16 Dez 2022 09:00:00 +0100', 2022-12-16T08:00:00Z",
      "'Do., 16. März 2022 09:00:00 +0100', 2022-03-16T08:00:00Z",
      "'16. Oktober 2022 um 14:30 Uhr +0200', 2022-10-16T12:30:00Z",
      "'lun, 16 ene 2023 09:00:00 +0100', 2023-01-16T08:00:00Z",
      "'16 de diciembre de 2023 09:00 +0100', 2023-12-16T08:00:00Z",
      "'gio, 16 giu 2022 09:00:00 +0200', 2022-06-16T07:00:00Z",
      "'mar, 15 mar 2022 09:00:00 +0100', 2022-03-15T08:00:00Z",
      "'do, 16 mrt 2023 09:00:00 +0100', 2023-03-16T08:00:00Z",
      "'tor, 16 maj 2023 09:00:00 +0200', 2023-05-16T07:00:00Z",
      "'lør, 16 des 2023 09:00:00 +0100', 2023-12-16T08:00:00Z",
      "'fre, 16 okt 2023 09:00:00 +0200', 2023-10-16T07:00:00Z",
      "'søn., 17. dec. 2023 09:00 +0100', 2023-12-17T08:00:00Z",
      "'17. dec. 2023 kl. 10.30 CET', 2023-12-17T09:30:00Z",
      "'Dec. 17, 2023, 10:30 a.m. ET', 2023-12-17T15:30:00Z",
      "'July 4, 2023 10:30 a.m. ET', 2023-07-04T14:30:00Z"})
  void shouldReadDatesAsWrittenWhenTheyCarryAZone(final String text, final String expected) {
    final Timestamps.ParsedTime parsed = parse(text);

    assertThat(parsed.instant()).isEqualTo(Instant.parse(expected));
    assertThat(parsed.zoneAssumed()).as("zone assumed for %s", text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2014-13-45 08:43", "2014-02-30 08:43", "22 Foo 2014 08:43",
      "2014-11-22 25:00", "yesterday", "2014-11-22 08:43 Mars/Olympus", "05/06/2023 10:00",
      "16 Dec 10:00", "", "PM", "Sat, 31 Nov 2023 10:00:00 GMT", "16 Dec 2023 Dec 10:00"})
  void shouldRefuseWhatIsNoDateOrIsAmbiguous(final String text) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(DateTimeException.class)
        .hasMessageContaining(text.isEmpty() ? "empty" : text);
  }

  @ParameterizedTest
  @CsvSource({"UTC, 2023-12-16T14:02:33Z", "Europe/Rome, 2023-12-16T13:02:33Z"})
  void shouldTakeAZonelessDateInTheZoneItIsGiven(final String zone, final String expected) {
    final Timestamps.ParsedTime parsed =
        Timestamps.parse("Sat, 16 Dec 2023 14:02:33", ZoneId.of(zone));

    assertThat(parsed.instant()).isEqualTo(Instant.parse(expected));
    assertThat(parsed.zoneAssumed()).isTrue();
    assertThat(Timestamps.parse("Sat, 16 Dec 2023 14:02:33 +0000", ZoneOffset.ofHours(5))
        .zoneAssumed()).isFalse();
  }
}

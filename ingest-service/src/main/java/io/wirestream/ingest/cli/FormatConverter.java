package io.wirestream.ingest.cli;

import io.wirestream.ingest.pipeline.Formats;
import io.wirestream.schemas.avro.SourceFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format}: plain-text, ninjs, newsml-g2, rss, atom, json-lines. */
final class FormatConverter implements ITypeConverter<SourceFormat> {

  @Override
  public SourceFormat convert(final String value) {
    return Formats.fromName(value).orElseThrow(() -> new TypeConversionException(
        "unknown format '" + value + "'; one of " + Formats.NAMES));
  }
}

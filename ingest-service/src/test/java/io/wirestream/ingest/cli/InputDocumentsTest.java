package io.wirestream.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.RejectReason;
import io.wirestream.ingest.parse.StoryParseException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDocumentsTest {

  private static final long FIFTY_MB = 50L * 1024 * 1024;

  @TempDir
  private Path root;
  private Path stories;

  private Path file(final String relative) throws Exception {
    final Path path = stories.resolve(relative);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, "story " + relative);
  }

  private String path(final String relative) {
    return stories.resolve(relative).toString();
  }

  @BeforeEach
  void createStories() throws Exception {
    stories = root.resolve("stories");
    file("b-ferry.txt");
    file("a-mill.txt");
    file("wire/c-regatta.json");
    file("wire/late/d-lifeboat.xml");
    file("wire/late/e-market.json");
    file(".draft.txt");
    file("wire/.DS_Store");
  }

  @Test
  void shouldWalkFolderRecursivelyInSortedOrderWithoutHiddenFiles() {
    final List<String> documents = InputDocuments.expand(List.of(stories.toString()));

    assertThat(documents).containsExactly(path("a-mill.txt"), path("b-ferry.txt"),
        path("wire/c-regatta.json"), path("wire/late/d-lifeboat.xml"),
        path("wire/late/e-market.json"));
  }

  @Test
  void shouldKeepFileArgumentAsGiven() {
    final List<String> documents = InputDocuments.expand(List.of(path("b-ferry.txt")));

    assertThat(documents).containsExactly(path("b-ferry.txt"));
  }

  @Test
  void shouldMatchGlobWithinOneFolder() {
    final List<String> documents = InputDocuments.expand(List.of(stories + "/*.txt"));

    assertThat(documents).containsExactly(path("a-mill.txt"), path("b-ferry.txt"));
  }

  @Test
  void shouldMatchRecursiveGlobInSubfolders() {
    final List<String> documents = InputDocuments.expand(List.of(stories + "/**/*.json"));

    assertThat(documents).containsExactly(path("wire/c-regatta.json"),
        path("wire/late/e-market.json"));
  }

  @Test
  void shouldMatchGlobWithAlternatives() {
    final List<String> documents =
        InputDocuments.expand(List.of(stories + "/wire/late/*.{xml,json}"));

    assertThat(documents).containsExactly(path("wire/late/d-lifeboat.xml"),
        path("wire/late/e-market.json"));
  }

  @Test
  void shouldPassStandardInputThrough() {
    final List<String> documents =
        InputDocuments.expand(List.of(path("b-ferry.txt"), "-", path("a-mill.txt")));

    assertThat(documents).containsExactly(path("b-ferry.txt"), "-", path("a-mill.txt"));
  }

  @Test
  void shouldNameMissingPath() {
    final String missing = path("no-such-story.txt");

    assertThatThrownBy(() -> InputDocuments.expand(List.of(path("a-mill.txt"), missing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No such file, folder or match: " + missing);
  }

  @Test
  void shouldNameEveryArgumentThatMatchesNothing() {
    final String missing = path("gone");
    final String emptyGlob = stories + "/*.rss";

    assertThatThrownBy(() -> InputDocuments.expand(List.of(missing, emptyGlob)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No such file, folder or match: " + missing + ", " + emptyGlob);
  }

  @Test
  void shouldReadFileWithinLimit() throws Exception {
    final byte[] bytes = InputDocuments.read(path("a-mill.txt"), 1024);

    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("story a-mill.txt");
  }

  @Test
  void shouldRejectFileOverLimitByItsSizeWithoutReadingIt() throws Exception {
    final Path huge = root.resolve("huge.txt");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(FIFTY_MB);
    }

    final StoryParseException error = catchThrowableOfType(StoryParseException.class,
        () -> InputDocuments.read(huge.toString(), ParserConfig.DEFAULT_MAX_DOCUMENT_BYTES));

    assertThat(error.reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(error.origin()).isEqualTo(huge.toString());
    // This message comes from the size check made before opening the file; reading it would
    // give "document is over the limit ..." instead.
    assertThat(error.detail()).isEqualTo(
        "document of 52428800 bytes is over the limit of 10485760 bytes");
  }
}

package io.wirestream.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDocumentsRegressionTest {

  @TempDir
  private Path stories;

  @Test
  void shouldSkipFilesInsideHiddenFolders() throws Exception {
    Files.writeString(stories.resolve("a-mill.txt"), "story");
    Files.createDirectories(stories.resolve(".git/objects/3f"));
    Files.writeString(stories.resolve(".git/HEAD"), "ref: refs/heads/main");
    Files.writeString(stories.resolve(".git/objects/3f/9a1c"), "x");

    final List<String> documents = InputDocuments.expand(List.of(stories.toString()));

    assertThat(documents).containsExactly(stories.resolve("a-mill.txt").toString());
  }

  @Test
  void shouldMatchFilesDirectlyInFolderWithDoubleStarGlob() throws Exception {
    Files.createDirectories(stories.resolve("wire"));
    Files.writeString(stories.resolve("b-regatta.json"), "story");
    Files.writeString(stories.resolve("wire/c-market.json"), "story");

    final List<String> documents = InputDocuments.expand(List.of(stories + "/**/*.json"));

    assertThat(documents).containsExactly(stories.resolve("b-regatta.json").toString(),
        stories.resolve("wire/c-market.json").toString());
  }
}

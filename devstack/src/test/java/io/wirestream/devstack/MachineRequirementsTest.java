package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class MachineRequirementsTest {

  @Test
  void shouldFindOnlyAnExecutableFileOnTheSearchPath(@TempDir final Path dir) throws Exception {
    final Path first = Files.createDirectory(dir.resolve("first"));
    final Path second = Files.createDirectory(dir.resolve("second"));
    Files.writeString(first.resolve("tool"), "not executable");
    final Path executable = Files.writeString(second.resolve("tool"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectory(first.resolve("dir-named-like-a-tool"));
    final String path = first + File.pathSeparator + File.pathSeparator + second;

    assertThat(MachineRequirements.find("tool", path)).contains(executable);
    assertThat(MachineRequirements.find("dir-named-like-a-tool", path)).isEmpty();
    assertThat(MachineRequirements.find("absent", path)).isEmpty();
    assertThat(MachineRequirements.find("tool", null)).isEmpty();
  }

  @Test
  void shouldSkipWithTheReasonOutsideCi() {
    assertThatThrownBy(() -> MachineRequirements.decide(false, "'promtool' is not on the PATH",
        AssertionError::new))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("'promtool' is not on the PATH");
  }

  @Test
  void shouldFailWithTheReasonUnderCi() {
    assertThatThrownBy(() -> MachineRequirements.decide(true, "'promtool' is not on the PATH",
        AssertionError::new))
        .isInstanceOf(AssertionError.class)
        .isNotInstanceOf(TestAbortedException.class)
        .hasMessage("required under CI=true: 'promtool' is not on the PATH");
  }

  @Test
  void shouldReadCiAsTrueOnlyWhenItSaysTrue() {
    assertThat(MachineRequirements.isTrue("true")).isTrue();
    assertThat(MachineRequirements.isTrue(" TRUE ")).isTrue();
    assertThat(MachineRequirements.isTrue("false")).isFalse();
    assertThat(MachineRequirements.isTrue("1")).isFalse();
    assertThat(MachineRequirements.isTrue(null)).isFalse();
  }
}

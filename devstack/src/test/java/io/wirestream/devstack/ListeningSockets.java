package io.wirestream.devstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TCP sockets a process listens on, read from Linux {@code /proc} (what {@code ss -ltnp} shows),
 * so tests can check that nothing binds beyond loopback.
 */
final class ListeningSockets {

  private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
  private static final String TCP_LISTEN = "0A";
  private static final Set<String> LOOPBACK_HEX = Set.of(
      "0100007F", // 127.0.0.1
      "0000000000000000FFFF00000100007F", // ::ffff:127.0.0.1
      "00000000000000000000000001000000"); // ::1

  /** One listening socket: address in /proc hex form and port. */
  record Listener(String hexAddress, int port) {
    boolean loopback() {
      return LOOPBACK_HEX.contains(hexAddress);
    }
  }

  private ListeningSockets() {
  }

  static boolean supported() {
    return Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd"));
  }

  static List<Listener> of(final long pid) throws IOException {
    final Set<String> inodes = socketInodes(pid);
    final List<Listener> listeners = new ArrayList<>();
    for (final String table : List.of("tcp", "tcp6")) {
      final Path file = Path.of("/proc", Long.toString(pid), "net", table);
      if (!Files.isReadable(file)) {
        continue;
      }
      for (final String line : Files.readAllLines(file)) {
        final String[] fields = line.trim().split("\\s+");
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        if (fields.length > 9 && TCP_LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
          final String[] local = fields[1].split(":");
          listeners.add(new Listener(local[0], Integer.parseInt(local[1], 16)));
        }
      }
    }
    return listeners;
  }

  private static Set<String> socketInodes(final long pid) throws IOException {
    final Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (final Path fd : fds) {
        try {
          final Matcher matcher = SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
          if (matcher.matches()) {
            inodes.add(matcher.group(1));
          }
        } catch (final IOException e) {
          // The descriptor was closed while we looked: it listens on nothing.
        }
      }
    }
    return inodes;
  }
}

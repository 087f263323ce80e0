package io.wirestream.reliability.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1 for child processes that must be told their port up front. */
public final class Ports {

  /** The only address anything here listens on. */
  public static final String HOST = "127.0.0.1";

  private Ports() {
  }

  /** {@code count} distinct ports that were free a moment ago (sockets held together, then closed). */
  public static int[] pick(final int count) {
    final ServerSocket[] sockets = new ServerSocket[count];
    try {
      final InetAddress loopback = InetAddress.getByName(HOST);
      final int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, loopback);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } catch (final IOException e) {
      throw new UncheckedIOException("No free port on " + HOST, e);
    } finally {
      for (final ServerSocket socket : sockets) {
        if (socket != null) {
          try {
            socket.close();
          } catch (final IOException ignored) {
            // Nothing was accepted on it.
          }
        }
      }
    }
  }

  /** One port that was free a moment ago. */
  public static int pick() {
    return pick(1)[0];
  }
}

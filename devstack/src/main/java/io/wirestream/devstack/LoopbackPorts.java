package io.wirestream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks free TCP ports on the loopback interface for components that need a fixed port up front
 * (a registry child process, a Streams query API whose address is configured before it listens).
 */
public final class LoopbackPorts {

  /** The only address devstack components listen on. */
  public static final String HOST = "127.0.0.1";

  private LoopbackPorts() {
  }

  /**
   * Returns {@code count} distinct ports that were free on 127.0.0.1 a moment ago.
   *
   * <p>All sockets are held open together so the ports differ; there is still a small window in
   * which another process could take one before the component binds it.
   */
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
      throw new UncheckedIOException("Could not find a free port on " + HOST, e);
    } finally {
      for (final ServerSocket socket : sockets) {
        closeQuietly(socket);
      }
    }
  }

  /** Returns one port that was free on 127.0.0.1 a moment ago. */
  public static int pick() {
    return pick(1)[0];
  }

  private static void closeQuietly(final ServerSocket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (final IOException ignored) {
      // Nothing was accepted on it; a failed close cannot leak anything that matters.
    }
  }
}

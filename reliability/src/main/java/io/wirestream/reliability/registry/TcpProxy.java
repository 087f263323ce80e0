package io.wirestream.reliability.registry;

import io.wirestream.devstack.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stable 127.0.0.1 address in front of a service whose port changes on restart, as a load balancer
 * or a Kubernetes Service is in production: clients keep one URL while the process behind it is
 * replaced. {@link #retarget(int)} switches the backend and drops the open connections.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile int targetPort;
  private volatile boolean closed;

  private TcpProxy(final ServerSocket server, final int targetPort) {
    this.server = server;
    this.targetPort = targetPort;
    final Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Listens on a free 127.0.0.1 port and forwards to {@code 127.0.0.1:targetPort}. */
  public static TcpProxy start(final int targetPort) {
    try {
      return new TcpProxy(new ServerSocket(0, 50, InetAddress.getByName(LoopbackPorts.HOST)), targetPort);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot open the proxy port", e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Forwards new connections to {@code port}; closes the connections to the old backend. */
  public void retarget(final int port) {
    targetPort = port;
    dropConnections();
  }

  /** Closes every open connection (both sides). */
  public void dropConnections() {
    for (final Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    dropConnections();
  }

  private void acceptLoop() {
    while (!closed) {
      final Socket client;
      try {
        client = server.accept();
      } catch (final IOException e) {
        return;
      }
      final Socket backend;
      try {
        backend = new Socket(InetAddress.getByName(LoopbackPorts.HOST), targetPort);
      } catch (final IOException e) {
        // Backend down: the client sees its connection closed, as with a load balancer without a
        // healthy backend, and retries.
        closeQuietly(client);
        continue;
      }
      open.add(client);
      open.add(backend);
      pump(client, backend);
      pump(backend, client);
    }
  }

  private void pump(final Socket from, final Socket to) {
    final Thread thread = new Thread(() -> {
      final byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (final IOException e) {
        // One side went away; closing both below ends the other pump too.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(final AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (final Exception ignored) {
      // Already closed or broken: nothing more to release.
    }
  }
}

package io.wirestream.reliability.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy forwards bytes both ways, and after a retarget new connections reach the new backend. */
class TcpProxyTest {

  @Test
  @Timeout(30)
  void shouldForwardToTheCurrentBackend() throws Exception {
    try (ServerSocket first = backend("one");
        ServerSocket second = backend("two");
        TcpProxy proxy = TcpProxy.start(first.getLocalPort())) {
      assertThat(ask(proxy.port())).isEqualTo("one:hello");
      proxy.retarget(second.getLocalPort());
      assertThat(ask(proxy.port())).isEqualTo("two:hello");
    }
  }

  /** A backend that answers each connection's first 5 bytes prefixed with its name, then closes. */
  private static ServerSocket backend(final String name) throws IOException {
    final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    final Thread thread = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          final byte[] request = socket.getInputStream().readNBytes(5);
          final OutputStream out = socket.getOutputStream();
          out.write((name + ":" + new String(request, StandardCharsets.UTF_8))
              .getBytes(StandardCharsets.UTF_8));
          out.flush();
        } catch (final IOException e) {
          return;
        }
      }
    });
    thread.setDaemon(true);
    thread.start();
    return server;
  }

  private static String ask(final int port) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      final InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

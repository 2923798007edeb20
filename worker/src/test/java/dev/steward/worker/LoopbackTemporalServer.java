package dev.steward.worker;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Temporal's in-memory test server on a free port of 127.0.0.1, optionally behind TLS: a server
 * with an address, as a real one has. It uses the test server's internal service classes the way
 * {@code TestServer.createPortBoundServer} does, but binds loopback only.
 */
public final class LoopbackTemporalServer implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server server;

  private LoopbackTemporalServer(ServerCredentials credentials) throws IOException {
    services = new TestServicesStarter(false, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), credentials);
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    server = builder.build().start();
  }

  /** A plain-text server. */
  public static LoopbackTemporalServer start() throws IOException {
    return new LoopbackTemporalServer(InsecureServerCredentials.create());
  }

  /** A server that speaks only TLS with {@code credentials}. */
  public static LoopbackTemporalServer startWithTls(ServerCredentials credentials)
      throws IOException {
    return new LoopbackTemporalServer(credentials);
  }

  /** {@code 127.0.0.1:port}. */
  public String address() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    services.close();
  }
}

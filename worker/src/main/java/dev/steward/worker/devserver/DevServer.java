package dev.steward.worker.devserver;

import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.setup.SearchAttributeSetup;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's in-memory test server as a gRPC server on the loopback interface only, for {@code
 * steward server --dev}. It keeps everything in memory: a restart of this server loses every run.
 *
 * <p>{@code TestServer.createPortBoundServer} would listen on all interfaces; this builds the same
 * server (the test server's services and health checks, from its internal API) on a builder bound
 * to {@link InetAddress#getLoopbackAddress()}.
 */
public final class DevServer implements AutoCloseable {
  private static final Duration SELF_CONNECT = Duration.ofMinutes(1);

  private final TestServicesStarter services;
  private final Server server;

  private DevServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /**
   * Starts the server on {@code 127.0.0.1:port}; port 0 picks a free one.
   *
   * @throws UncheckedIOException when the port cannot be bound (in use, not permitted)
   */
  public static DevServer start(int port) {
    // Time skipping off: real pipelines wait real time (a health check's stable streak).
    TestServicesStarter services = new TestServicesStarter(false, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      DevServer server = new DevServer(services, builder.build().start());
      server.registerSearchAttributes();
      return server;
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "cannot listen on 127.0.0.1:" + port + ": " + rootMessage(e), e);
    }
  }

  /**
   * Steward's runs carry its search attributes: a server must know them before the first run. The
   * server is this process's own, so it will answer: on a busy machine a JVM's first gRPC call can
   * take longer than a client's usual patience.
   */
  private void registerSearchAttributes() {
    TemporalSettings self =
        new TemporalSettings(
            address(), TemporalSettings.DEFAULT_NAMESPACE, null, null, SELF_CONNECT);
    try (TemporalConnection connection = TemporalConnection.connect(self)) {
      new SearchAttributeSetup(connection.client()).register();
    }
  }

  /** The address clients and workers use: {@code 127.0.0.1:PORT}. */
  public String address() {
    return InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
  }

  /** Blocks until the server is shut down. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}

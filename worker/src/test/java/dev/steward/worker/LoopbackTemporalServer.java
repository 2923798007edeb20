package dev.steward.worker;

import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Temporal's in-memory test server on a free port of 127.0.0.1, optionally behind TLS: a server
 * with an address, as a real one has. It uses the test server's internal service classes the way
 * {@code TestServer.createPortBoundServer} does, but binds loopback only.
 */
public final class LoopbackTemporalServer implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server server;

  private LoopbackTemporalServer(ServerCredentials credentials, List<ServerInterceptor> checks)
      throws IOException {
    services = new TestServicesStarter(false, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), credentials);
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder, checks);
    server = builder.build().start();
  }

  /** A plain-text server. */
  public static LoopbackTemporalServer start() throws IOException {
    return new LoopbackTemporalServer(InsecureServerCredentials.create(), List.of());
  }

  /**
   * A server that speaks only mutual TLS with {@code certificates}, and, when {@code apiKey} is not
   * null, answers only calls that carry it as {@code authorization: Bearer KEY}.
   */
  public static LoopbackTemporalServer startWithTls(TestCertificates certificates, String apiKey)
      throws IOException {
    ServerCredentials tls =
        TlsServerCredentials.newBuilder()
            .keyManager(certificates.serverCert().toFile(), certificates.serverKey().toFile())
            .trustManager(certificates.ca().toFile())
            .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
            .build();
    return new LoopbackTemporalServer(
        tls, apiKey == null ? List.of() : List.of(new RequireApiKey(apiKey)));
  }

  /** Refuses every call without the expected bearer token, as Temporal Cloud does. */
  private record RequireApiKey(String apiKey) implements ServerInterceptor {
    private static final Metadata.Key<String> AUTHORIZATION =
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      if (!("Bearer " + apiKey).equals(headers.get(AUTHORIZATION))) {
        call.close(Status.UNAUTHENTICATED.withDescription("no valid API key"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
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

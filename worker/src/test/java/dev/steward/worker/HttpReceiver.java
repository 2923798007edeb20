package dev.steward.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback that records every request and answers what the test set for its
 * path: a provider's status page, a healthcheck receiver, a notification channel.
 */
public final class HttpReceiver implements AutoCloseable {
  /** One request as received. */
  public record Request(
      String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final List<Request> all = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  private HttpReceiver(HttpServer server) {
    this.server = server;
  }

  public static HttpReceiver start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HttpReceiver receiver = new HttpReceiver(server);
    server.createContext("/", receiver::handle);
    server.start();
    return receiver;
  }

  /** Answers {@code status} with {@code body} on {@code path} (default: 200, empty). */
  public HttpReceiver answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body));
    return this;
  }

  /** A Statuspage {@code status.json} with this indicator on {@code path}. */
  public HttpReceiver statusPage(String path, String indicator) {
    return answer(
        path,
        200,
        "{\"page\":{\"name\":\"Provider\"},\"status\":{\"indicator\":\""
            + indicator
            + "\",\"description\":\"indicator "
            + indicator
            + "\"}}");
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next request, waiting up to {@code seconds}; null when none came. */
  public Request next(int seconds) throws InterruptedException {
    return requests.poll(seconds, TimeUnit.SECONDS);
  }

  /** Every request so far, in order. */
  public List<Request> all() {
    return List.copyOf(all);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body);
    all.add(request);
    requests.add(request);
    Answer answer = answers.getOrDefault(request.path(), new Answer(200, ""));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

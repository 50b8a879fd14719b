import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * The least a reverse proxy on Vert.x does, as a reference for bench/gateway/run.sh: one event loop, one pooled
 * client, the request's method, path and headers sent upstream, the answer's status and headers copied back and its
 * body piped. No routing, keys, limits, timeouts, retries or problem+json: the time a request spends in here is the
 * floor of Vert.x' HTTP server and client on the machine, which the gateway's own time inside is read against.
 *
 *   java -cp 'gateway/target/quarkus-app/lib/main/*' bench/gateway/BareVertxProxy.java PORT UPSTREAM_PORT
 */
public class BareVertxProxy {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64));
        vertx.createHttpServer()
                .requestHandler(in -> proxy(client, upstream, in))
                .listen(port, "127.0.0.1")
                .onSuccess(server -> System.out.println("listening on " + port))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    private static void proxy(HttpClient client, int upstream, HttpServerRequest in) {
        in.pause(); // until the upstream request can take the body
        client.request(new RequestOptions()
                        .setMethod(in.method())
                        .setHost("127.0.0.1")
                        .setPort(upstream)
                        .setURI(in.uri())
                        .setHeaders(forwarded(in)))
                .compose(out -> out.send(in))
                .onSuccess(answer -> {
                    in.response().setStatusCode(answer.statusCode());
                    in.response().headers().addAll(answer.headers()).remove(HttpHeaders.CONNECTION);
                    answer.pipeTo(in.response());
                })
                .onFailure(failure -> in.response().setStatusCode(502).end());
    }

    private static MultiMap forwarded(HttpServerRequest in) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(in.headers());
        headers.remove(HttpHeaders.HOST).remove(HttpHeaders.CONNECTION);
        return headers;
    }
}

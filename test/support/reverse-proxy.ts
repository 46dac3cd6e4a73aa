import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A reverse proxy in miniature, standing in for the Caddy or nginx in front of a clinic's
 * Waymark (docs/deployment.md): it hands each request to the next upstream in turn and sets
 * the forwarding headers those proxies set (the client's address appended to
 * X-Forwarded-For, the scheme, the host).
 */
export interface ReverseProxy {
  url: string;
  /** How many requests each upstream was handed, in upstream order. */
  handed: number[];
  close(): Promise<void>;
}

export async function startReverseProxy(upstreams: readonly string[]): Promise<ReverseProxy> {
  const handed = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((request, response) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    handed[index] = (handed[index] ?? 0) + 1;
    const target = new URL(request.url ?? "/", upstreams[index]);
    const earlier = request.headers["x-forwarded-for"];
    const client = request.socket.remoteAddress ?? "";
    const upstream = http.request(
      target,
      {
        method: request.method,
        headers: {
          ...request.headers,
          "x-forwarded-for": earlier ? `${earlier}, ${client}` : client,
          "x-forwarded-proto": "http",
          "x-forwarded-host": request.headers.host ?? "",
        },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    handed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

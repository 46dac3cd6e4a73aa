import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Meeting Guide feed on loopback for tests. `body` is sent as JSON (or as given when it is
 * a string); `bytes` sends that many bytes of padding instead, to test the size cap; `hang`
 * never answers, to test the time cap.
 */
export async function startFeedServer(
  answer: () => { body?: unknown; bytes?: number; status?: number; hang?: boolean },
): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const state = { requests: 0 };
  const server = http.createServer((_request, response) => {
    state.requests += 1;
    const { body, bytes, status = 200, hang } = answer();
    if (hang) return; // never answers: for the time cap
    response.writeHead(status, { "content-type": "application/json" });
    if (bytes !== undefined) {
      // Streamed without a Content-Length so the cap must stop the stream itself.
      const chunk = Buffer.alloc(64 * 1024, " ");
      let sent = 0;
      const pump = () => {
        while (sent < bytes) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      response.on("error", () => undefined);
      pump();
      return;
    }
    response.end(typeof body === "string" ? body : JSON.stringify(body ?? []));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/meetings.json`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

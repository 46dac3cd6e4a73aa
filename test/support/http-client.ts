import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";

/**
 * A person's browser, in miniature: it keeps the session cookie between requests and sends
 * the same-origin headers a browser would. Requests go through Fastify's inject, so every
 * hook, schema and handler runs exactly as over a socket.
 */
export interface Browser {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  put(
    url: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  cookie: string | null;
}

export function browserFor(app: FastifyInstance, ip = "127.0.0.1"): Browser {
  const browser: Browser = {
    cookie: null,
    async request(options) {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (browser.cookie && !headers.cookie) headers.cookie = browser.cookie;
      const response = await app.inject({ remoteAddress: ip, ...options, headers });
      const setCookie = response.cookies.find((c) => c.name.endsWith("waymark_session"));
      if (setCookie)
        browser.cookie = setCookie.value ? `${setCookie.name}=${setCookie.value}` : null;
      return response;
    },
    get: (url, headers = {}) => browser.request({ method: "GET", url, headers }),
    post: (url, body, headers = {}) =>
      browser.request({
        method: "POST",
        url,
        headers: { "content-type": "application/json", ...headers },
        payload: body === undefined ? "{}" : JSON.stringify(body),
      }),
    put: (url, body, headers = {}) =>
      browser.request({
        method: "PUT",
        url,
        headers: { "content-type": "application/json", ...headers },
        payload: JSON.stringify(body),
      }),
    delete: (url, headers = {}) => browser.request({ method: "DELETE", url, headers }),
  };
  return browser;
}

/** A passphrase that passes the password policy, different each call. */
let counter = 0;
export function passphrase(): string {
  counter += 1;
  return `quiet morning walk number ${counter} by the river`;
}

export function uniqueEmail(label = "person"): string {
  counter += 1;
  return `${label}.${counter}.${Date.now()}@example.org`;
}

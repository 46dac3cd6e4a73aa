import net from "node:net";

/** Asks the OS for a free loopback port, then gives it back for a server to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      if (address === null || typeof address === "string") {
        probe.close();
        reject(new Error("Could not read the probe port"));
        return;
      }
      probe.close(() => resolve(address.port));
    });
  });
}

import { describe, expect, it } from "vitest";
import { isRemoteDatabaseWithoutTls } from "./database-transport";

describe("isRemoteDatabaseWithoutTls", () => {
  it("names a database on another machine reached without TLS (ASVS 12.3.1)", () => {
    for (const url of [
      "postgres://waymark:pw@db.clinic.internal/waymark",
      "postgres://waymark:pw@10.0.0.5:5432/waymark?sslmode=prefer",
      "postgresql://waymark@db.example.org/waymark?sslmode=disable",
    ]) {
      expect(isRemoteDatabaseWithoutTls(url), url).toBe(true);
    }
  });

  it("leaves alone SQLite, this machine, Unix sockets and encrypted links", () => {
    for (const url of [
      null,
      "postgres://waymark:pw@localhost/waymark",
      "postgres://waymark:pw@127.0.0.1:5432/waymark",
      "postgres://waymark@[::1]/waymark",
      "postgres://waymark@/waymark?host=/var/run/postgresql",
      "postgres://waymark:pw@db.clinic.internal/waymark?sslmode=verify-full",
      "postgres://waymark:pw@db.clinic.internal/waymark?sslmode=require",
    ]) {
      expect(isRemoteDatabaseWithoutTls(url), String(url)).toBe(false);
    }
  });
});

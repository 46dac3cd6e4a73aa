import http from "node:http";
import SQLite from "better-sqlite3";

/**
 * The floor: the check-in upsert with nothing around it — node:http, one prepared
 * better-sqlite3 insert-or-replace into the same checkins table, WAL and synchronous=FULL
 * like Waymark's store. No sessions, validation, consent check or framework. Waymark's write
 * path is measured against it (bench/run.ts). FLOOR_DB is the SQLite file, PORT the port.
 */
const file = process.env.FLOOR_DB;
if (!file) throw new Error("FLOOR_DB must name the SQLite file");
const sqlite = new SQLite(file);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = FULL");
sqlite.pragma("busy_timeout = 5000");

const upsert = sqlite.prepare(
  `insert or replace into checkins (member_id, local_day, mood, craving, used, medication_taken,
     sleep_hours, stress, halt_hungry, halt_angry, halt_lonely, halt_tired, meeting, note,
     created_at, updated_at)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const CHECKIN_PATH = /^\/api\/members\/([^/]+)\/checkins\/(\d{4}-\d{2}-\d{2})$/;
const flag = (value: unknown) => (value === undefined || value === null ? null : value ? 1 : 0);

const server = http.createServer((request, response) => {
  if (request.method === "GET" && request.url === "/api/health") {
    response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  const match = request.method === "PUT" ? CHECKIN_PATH.exec(request.url ?? "") : null;
  if (!match) {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const at = new Date().toISOString();
    upsert.run(
      match[1],
      match[2],
      body.mood,
      body.craving,
      body.used ? 1 : 0,
      flag(body.medicationTaken),
      body.sleepHours ?? null,
      body.stress ?? null,
      flag(body.halt?.hungry),
      flag(body.halt?.angry),
      flag(body.halt?.lonely),
      flag(body.halt?.tired),
      flag(body.meeting),
      body.note ?? null,
      at,
      at,
    );
    response
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ date: match[2], ...body, createdAt: at, updatedAt: at }));
  });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));

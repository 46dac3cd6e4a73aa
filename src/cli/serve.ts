import { readConfig } from "../server/config";
import { every } from "../server/every";
import { purgeDueDeletions } from "../server/features/account/service";
import { startReminderScheduler } from "../server/features/medication/reminder-delivery";
import { startMeetingFeedRefresh } from "../server/features/support/meeting-import";
import { startMeetingReminderScheduler } from "../server/features/support/meeting-reminders";
import { startIdempotencyKeyPurge } from "../server/http/idempotency";
import { prepare } from "../server/start";
import { demoSecondFactorNote } from "./demo/second-factor";

const HOUR_MS = 60 * 60 * 1000;

export async function serve(args: string[]): Promise<number> {
  const config = readConfig();
  const { app, context } = await prepare(config, { logLevel: config.logLevel });
  if (args.includes("--demo")) {
    // Only a demo needs the demo's people and content, so it is loaded only then.
    const { seedDemo } = await import("./seed-demo");
    const people = await seedDemo(context.db, context.secrets);
    process.stdout.write(demoSignIns(people));
  }
  // Reminders go out from the serving process only; tests call the sender directly.
  const reminders = startReminderScheduler(context.db, {
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    onError: (error) => app.log.error({ err: error }, "reminder delivery failed"),
  });
  // Meeting feeds that admins registered are fetched again every few hours.
  const meetingFeeds = startMeetingFeedRefresh(context.db, config, {
    onError: (error) => app.log.error({ err: error }, "meeting feed refresh failed"),
  });
  // Support (issue 8): "remind me before a saved meeting", over the same Web Push as above.
  const meetingReminders = startMeetingReminderScheduler(context.db, {
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    onError: (error) => app.log.error({ err: error }, "meeting reminder delivery failed"),
  });
  // Accounts whose week of grace is over are deleted for good (issue 19).
  const accountPurge = every(
    HOUR_MS,
    () => purgeDueDeletions(context.db, new Date()),
    (error) => app.log.error({ err: error }, "account deletion purge failed"),
  );
  // Offline sync (issue 15): stored Idempotency-Key answers older than the retention go daily.
  const idempotencyPurge = startIdempotencyKeyPurge(context.db, (error) =>
    app.log.error({ err: error }, "idempotency key purge failed"),
  );
  const shutdown = async () => {
    accountPurge.stop();
    idempotencyPurge.stop();
    reminders.stop();
    meetingFeeds.stop();
    meetingReminders.stop();
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const store = config.databaseUrl ? "PostgreSQL" : `SQLite in ${config.dataDir}`;
  process.stdout.write(`Waymark is running at http://localhost:${port} (${store})\n`);
  return await new Promise<number>(() => {});
}

export function demoSignIns(people: { role: string; email: string; password: string }[]): string {
  const rows = people.map((p) => `  ${p.role.padEnd(10)} ${p.email.padEnd(32)} ${p.password}`);
  return `Demo sign-ins:\n${rows.join("\n")}\n${demoSecondFactorNote()}`;
}

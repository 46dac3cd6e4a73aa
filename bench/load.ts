import autocannon from "autocannon";
import { addLocalDays } from "../src/domain/local-day";

/**
 * The write-path load: autocannon on loopback sending upsertCheckin requests, each one for a
 * different signed-in member and day, so every request is a real insert or update.
 */
export interface SignedInMember {
  memberId: string;
  token: string;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  /** Days before `lastDay` the requests spread over (within the seeded history). */
  daySpread: number;
  lastDay: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const BODIES = [
  {
    mood: 6,
    craving: 3,
    used: false,
    medicationTaken: true,
    sleepHours: 7,
    stress: 4,
    meeting: true,
  },
  {
    mood: 4,
    craving: 6,
    used: false,
    medicationTaken: true,
    sleepHours: 5.5,
    stress: 7,
    halt: { hungry: false, angry: true, lonely: true, tired: true },
    note: "Hard afternoon; called my sponsor.",
  },
  { mood: 7, craving: 2, used: false, sleepHours: 8, stress: 2, meeting: false },
].map((body) => JSON.stringify(body));

/** The i-th request: members round-robin, and each lap moves one day further back. */
export function checkinRequest(
  index: number,
  members: readonly SignedInMember[],
  options: Pick<LoadOptions, "daySpread" | "lastDay">,
) {
  const member = members[index % members.length] as SignedInMember;
  const lap = Math.floor(index / members.length);
  const day = addLocalDays(options.lastDay, -(lap % options.daySpread));
  return {
    path: `/api/members/${member.memberId}/checkins/${day}`,
    cookie: `__Host-waymark_session=${member.token}`,
    body: BODIES[index % BODIES.length] as string,
  };
}

export async function runLoad(
  baseUrl: string,
  members: readonly SignedInMember[],
  options: LoadOptions,
): Promise<LoadResult> {
  let index = 0;
  const host = new URL(baseUrl).host.replace("127.0.0.1", "localhost");
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      {
        method: "PUT",
        setupRequest: (request) => {
          const next = checkinRequest(index, members, options);
          index += 1;
          return {
            ...request,
            method: "PUT",
            path: next.path,
            body: next.body,
            headers: { host, "content-type": "application/json", cookie: next.cookie },
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

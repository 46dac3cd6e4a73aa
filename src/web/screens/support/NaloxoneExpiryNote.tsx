import type { Naloxone } from "../../../domain/api/support";
import { useI18n } from "../../i18n/context";

/** "Expires in 12 days" / "Expired 3 days ago", a reminder to get a new kit in time. */
export function NaloxoneExpiryNote({
  naloxone,
}: {
  naloxone: Pick<Naloxone, "expiry" | "expiresOn">;
}) {
  const { tCount } = useI18n();
  const expiry = naloxone.expiry;
  if (!expiry) return null;
  if (expiry.status === "expired") {
    return <p className="alert warning">{tCount("naloxone.expired", expiry.daysAgo)}</p>;
  }
  if (expiry.status === "expires_soon") {
    return <p className="alert warning">{tCount("naloxone.expiresSoon", expiry.daysLeft)}</p>;
  }
  return <p className="hint">{tCount("naloxone.expiresIn", expiry.daysLeft)}</p>;
}

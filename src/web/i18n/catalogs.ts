import accountEn from "./account.en.json";
import assessmentsEn from "./assessments.en.json";
import careEn from "./care.en.json";
import dailyEn from "./daily.en.json";
import enCore from "./en.json";
import lessonsEn from "./lessons.en.json";
import medicationEn from "./medication.en.json";
import messagesEn from "./messages.en.json";
import offlineEn from "./offline.en.json";
import peerGroupEn from "./peer-group.en.json";
import planEn from "./plan.en.json";
import protectionEn from "./protection.en.json";
import rewardsEn from "./rewards.en.json";
import secondFactorEn from "./second-factor.en.json";
import supportEn from "./support.en.json";

/**
 * Every string the person reads, in English. The shell's strings live in en.json; each feature
 * keeps its own file (<feature>.en.json) so features can grow side by side. English is the
 * source of truth for the key set and ships with the app; Spanish (catalogs-es.ts) loads only
 * for people who read Spanish, so nobody downloads a language they do not use.
 */
export const en = {
  ...enCore,
  ...planEn,
  ...dailyEn,
  ...medicationEn,
  ...assessmentsEn,
  ...careEn,
  ...supportEn,
  ...accountEn,
  ...rewardsEn,
  ...offlineEn,
  ...protectionEn,
  ...peerGroupEn,
  ...messagesEn,
  ...lessonsEn,
  ...secondFactorEn,
  // (feature English catalogs are spread above this line)
};

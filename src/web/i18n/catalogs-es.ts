import accountEs from "./account.es.json";
import assessmentsEs from "./assessments.es.json";
import careEs from "./care.es.json";
import dailyEs from "./daily.es.json";
import esCore from "./es.json";
import lessonsEs from "./lessons.es.json";
import medicationEs from "./medication.es.json";
import messagesEs from "./messages.es.json";
import offlineEs from "./offline.es.json";
import peerGroupEs from "./peer-group.es.json";
import planEs from "./plan.es.json";
import protectionEs from "./protection.es.json";
import rewardsEs from "./rewards.es.json";
import secondFactorEs from "./second-factor.es.json";
import supportEs from "./support.es.json";
import type { MessageKey } from "./translate";

/** Every string in Spanish; a missing key is a compile error here. Loaded on demand. */
export const es: Record<MessageKey, string> = {
  ...esCore,
  ...planEs,
  ...dailyEs,
  ...medicationEs,
  ...assessmentsEs,
  ...careEs,
  ...supportEs,
  ...accountEs,
  ...rewardsEs,
  ...offlineEs,
  ...protectionEs,
  ...peerGroupEs,
  ...messagesEs,
  ...lessonsEs,
  ...secondFactorEs,
  // (feature Spanish catalogs are spread above this line)
};

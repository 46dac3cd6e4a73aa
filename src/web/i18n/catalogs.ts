import assessmentsEn from "./assessments.en.json";
import assessmentsEs from "./assessments.es.json";
import careEn from "./care.en.json";
import careEs from "./care.es.json";
import dailyEn from "./daily.en.json";
import dailyEs from "./daily.es.json";
import enCore from "./en.json";
import esCore from "./es.json";
import medicationEn from "./medication.en.json";
import medicationEs from "./medication.es.json";
import planEn from "./plan.en.json";
import planEs from "./plan.es.json";
import supportEn from "./support.en.json";
import supportEs from "./support.es.json";

/**
 * Every string the person reads, per locale. The shell's strings live in en.json/es.json;
 * each feature keeps its own pair (<feature>.en.json, <feature>.es.json) so features can grow
 * side by side. English is the source of truth for the key set; translate.ts makes a missing
 * Spanish key a compile error and catalogs.test.ts checks the merged files.
 */
export const en = {
  ...enCore,
  ...planEn,
  ...dailyEn,
  ...medicationEn,
  ...assessmentsEn,
  ...careEn,
  ...supportEn,
  // (feature English catalogs are spread above this line)
};

export const es = {
  ...esCore,
  ...planEs,
  ...dailyEs,
  ...medicationEs,
  ...assessmentsEs,
  ...careEs,
  ...supportEs,
  // (feature Spanish catalogs are spread above this line)
};

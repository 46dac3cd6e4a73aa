import { useId } from "react";
import { useI18n } from "../../../i18n/context";
import { fhirUrl, reportPdfUrl } from "../api";

/** The member's own summary and record, to keep, print or take to another clinic. */
export function OwnRecords({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{t("care.records.title")}</h2>
      <ul className="care-list">
        <li className="stack care-record">
          <a
            href={reportPdfUrl(memberId)}
            download="waymark-summary.pdf"
            aria-describedby={`${id}-pdf`}
          >
            {t("care.records.pdf")}
          </a>
          <p className="hint" id={`${id}-pdf`}>
            {t("care.records.pdfHint")}
          </p>
        </li>
        <li className="stack care-record">
          <a
            href={fhirUrl(memberId)}
            download="waymark-record.json"
            aria-describedby={`${id}-fhir`}
          >
            {t("care.records.fhir")}
          </a>
          <p className="hint" id={`${id}-fhir`}>
            {t("care.records.fhirHint")}
          </p>
        </li>
      </ul>
    </section>
  );
}

import { type FormEvent, useId, useState } from "react";
import type { PeerReply } from "../../../domain/api/peer-group";
import { REPORT_REASONS, type ReportReason } from "../../../domain/peer-group/channels";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { peerGroupApi } from "./api";

/** Support (one reaction, on or off, with its count) and reporting, under each post. */
export function PostActions({ post, onReply }: { post: PeerReply; onReply?: () => void }) {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const [support, setSupport] = useState({
    supportCount: post.supportCount,
    supportedByMe: post.supportedByMe,
  });
  const [isReporting, setReporting] = useState(false);
  const [reported, setReported] = useState(post.reportedByMe);
  const [error, setError] = useState<string>();

  async function toggleSupport() {
    setError(undefined);
    try {
      setSupport(await peerGroupApi.setSupport(post.id, !support.supportedByMe));
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    }
  }

  return (
    <div className="stack post-actions">
      <div className="actions-row">
        <button
          type="button"
          className="button secondary support-button"
          aria-pressed={support.supportedByMe}
          onClick={toggleSupport}
        >
          {t("peerGroup.support.send")}
        </button>
        {onReply && (
          <button type="button" className="button secondary" onClick={onReply}>
            {t("peerGroup.reply.open")}
          </button>
        )}
        {!post.mine && (
          <button
            type="button"
            className="button secondary"
            aria-expanded={isReporting}
            disabled={reported}
            onClick={() => setReporting((open) => !open)}
          >
            {reported ? t("peerGroup.report.reported") : t("peerGroup.report.open")}
          </button>
        )}
      </div>
      {support.supportCount > 0 && (
        <p className="hint support-count">
          {tCount("peerGroup.support.count", support.supportCount)}
        </p>
      )}
      <FormAlert message={error} />
      {isReporting && !reported && (
        <ReportForm
          postId={post.id}
          onReported={() => {
            setReported(true);
            setReporting(false);
          }}
        />
      )}
      {reported && isReporting === false && post.reportedByMe === false && (
        <p role="status">{t("peerGroup.report.done")}</p>
      )}
    </div>
  );
}

function ReportForm({ postId, onReported }: { postId: string; onReported: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [reason, setReason] = useState<ReportReason | "">("");
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await peerGroupApi.report(postId, reason || undefined);
      onReported();
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    }
  }

  return (
    <form className="stack report-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t("peerGroup.report.legend")}</label>
        <select
          id={id}
          value={reason}
          onChange={(event) => setReason(event.target.value as ReportReason | "")}
        >
          <option value="">{t("peerGroup.report.reason.none")}</option>
          {REPORT_REASONS.map((option) => (
            <option key={option} value={option}>
              {t(`peerGroup.report.reason.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <FormAlert message={error} />
      <button type="submit" className="button primary">
        {t("peerGroup.report.submit")}
      </button>
    </form>
  );
}

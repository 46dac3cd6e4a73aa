import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Link } from "wouter";
import type { SupportRequest } from "../../../domain/api/care";
import { describeError } from "../../components/api-error";
import { SkeletonLines } from "../../components/CardSkeleton";
import { FormAlert } from "../../components/FormAlert";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { askedAgo } from "../../i18n/dates";
import { useMe } from "../../session";
import { ReachOnePerson } from "../support/ReachOnePerson";
import { careApi, idempotencyKey } from "./api";
import { askAudience } from "./ask-audience";

type Phase =
  | { step: "ready" }
  | { step: "sending" }
  | { step: "sent"; request: SupportRequest; names: string }
  | { step: "withdrawing"; request: SupportRequest; names: string }
  | { step: "withdrawn" };

/**
 * "Let my supporters know I could use support": one tap, no words. Before and after, it names
 * exactly who will see it (everyone the member shares check-ins with) and says nothing else
 * goes with it; "Take it back" deletes the ask. Beside it, one tap to call or text a person the
 * member chooses from their own people (`reachOut`; off where the screen lists them already).
 */
export function AskForSupport({ reachOut = true }: { reachOut?: boolean }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  // Who would see an ask, and an ask still showing (made earlier, maybe on another screen),
  // so it can be taken back from here too.
  const { state } = useLoad(async () => {
    const [consents, open] = await Promise.all([
      careApi.listConsents(),
      careApi.openSupportRequest(me.id),
    ]);
    return { audience: askAudience(consents.given), open: open.request };
  }, [me.id]);
  const [phase, setPhase] = useState<Phase>({ step: "ready" });
  const loadedOpen = state.status === "loaded" ? state.value.open : null;
  const names =
    state.status === "loaded"
      ? new Intl.ListFormat(locale, { type: "conjunction" }).format(state.value.audience)
      : "";
  useEffect(() => {
    if (loadedOpen) setPhase({ step: "sent", request: loadedOpen, names });
  }, [loadedOpen, names]);
  // Focus follows only what the person did, never what the page loaded.
  const acted = useRef(false);
  const [error, setError] = useState<string>();
  // One key per ask, so a retry after a dropped answer is the same ask, not a second one.
  const key = useRef(idempotencyKey());
  // The button pressed goes away (ask → take back → ask), so focus follows to the one that
  // takes its place instead of falling to the page.
  const askButton = useRef<HTMLButtonElement>(null);
  const takeBackButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (!acted.current) return;
    if (phase.step === "sent") takeBackButton.current?.focus();
    if (phase.step === "withdrawn") askButton.current?.focus();
  }, [phase.step]);

  // This sits among the crisis lines: while it loads, or if it cannot, it stays quiet rather
  // than putting an error between a person and a phone number.
  if (state.status === "loading") return <SkeletonLines lines={["line", "tall"]} />;
  if (state.status === "failed") return <p className="hint">{t("care.ask.unavailable")}</p>;

  async function ask() {
    acted.current = true;
    setPhase({ step: "sending" });
    setError(undefined);
    try {
      const request = await careApi.askForSupport(me.id, key.current);
      setPhase({ step: "sent", request, names });
    } catch (caught) {
      setError(describeError(caught, i18n).message);
      setPhase({ step: "ready" });
    }
  }

  async function withdraw(request: SupportRequest, sentTo: string) {
    acted.current = true;
    setPhase({ step: "withdrawing", request, names: sentTo });
    setError(undefined);
    try {
      await careApi.withdrawSupportRequest(me.id, request.id);
      key.current = idempotencyKey();
      setPhase({ step: "withdrawn" });
    } catch (caught) {
      setError(describeError(caught, i18n).message);
      setPhase({ step: "sent", request, names: sentTo });
    }
  }

  const status =
    phase.step === "sent" || phase.step === "withdrawing"
      ? phase.request.collapsed
        ? t("care.ask.alreadySent", {
            ago: askedAgo(phase.request.at, locale),
            names: phase.names,
          })
        : t("care.ask.sent", { names: phase.names })
      : phase.step === "withdrawn"
        ? t("care.ask.withdrawn")
        : "";
  const canAsk = phase.step === "ready" || phase.step === "sending" || phase.step === "withdrawn";

  return (
    <div className="ask-support stack tight">
      {state.value.audience.length === 0 && !loadedOpen ? (
        <p className="hint">
          {t("care.ask.nobody")} <Link href="/settings/sharing">{t("care.ask.share")}</Link>
        </p>
      ) : (
        canAsk && (
          <>
            <p className="hint">{t("care.ask.who", { names })}</p>
            <button
              ref={askButton}
              type="button"
              className="button primary"
              disabled={phase.step === "sending"}
              onClick={ask}
            >
              {phase.step === "sending" ? t("care.ask.sending") : t("care.ask.button")}
            </button>
          </>
        )
      )}
      <FormAlert message={error} />
      <p className="ask-support-status" role="status">
        {status}
      </p>
      {(phase.step === "sent" || phase.step === "withdrawing") && (
        <button
          ref={takeBackButton}
          type="button"
          className="button secondary"
          disabled={phase.step === "withdrawing"}
          onClick={() => withdraw(phase.request, phase.names)}
        >
          {phase.step === "withdrawing" ? t("care.ask.withdrawing") : t("care.ask.withdraw")}
        </button>
      )}
      {reachOut && <ReachOnePerson />}
    </div>
  );
}

import { useId } from "react";
import {
  type DecisionalBalance,
  type LettingGoKind,
  lettingGoKindSchema,
  type MotivatorKind,
  motivatorKindSchema,
} from "../../../../domain/motivation";
import { describeError } from "../../../components/api-error";
import { ErrorState } from "../../../components/ErrorState";
import { FormAlert } from "../../../components/FormAlert";
import { Loading } from "../../../components/Loading";
import { ScreenHeading } from "../../../components/ScreenHeading";
import { useI18n } from "../../../i18n/context";
import type { MessageKey } from "../../../i18n/translate";
import { BackToPlan } from "../PlanLinks";
import { UndoToast } from "../UndoToast";
import { AddEntry, EntryList } from "./EntryList";
import { useMotivation } from "./use-motivation";

const BALANCE: { side: keyof DecisionalBalance; labelKey: MessageKey }[] = [
  { side: "goodThingsAboutUsing", labelKey: "reasons.balance.goodThingsAboutUsing" },
  { side: "notSoGoodAboutUsing", labelKey: "reasons.balance.notSoGoodAboutUsing" },
  { side: "goodThingsAboutChanging", labelKey: "reasons.balance.goodThingsAboutChanging" },
  { side: "notSoGoodAboutChanging", labelKey: "reasons.balance.notSoGoodAboutChanging" },
];

/** Why the person is changing, in their own words, shown back to them warmly. */
export function MotivationScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const motivation = useMotivation();
  const { load, save } = motivation;
  const ids = { reasons: useId(), motivators: useId(), lettingGo: useId(), balance: useId() };
  const motivatorLabel = (kind: MotivatorKind) => t(`reasons.motivator.${kind}` as MessageKey);
  const lettingGoLabel = (kind: LettingGoKind) => t(`reasons.lettingGo.${kind}` as MessageKey);
  const changeMessage = (change: "moved" | "removed" | "added") =>
    t(`reasons.toast.${change}` as MessageKey);

  return (
    <div className="stack motivation">
      <BackToPlan />
      <ScreenHeading titleKey="reasons.title" />
      <p className="lead">{t("reasons.intro")}</p>
      {load.status === "loading" && <Loading />}
      {load.status === "failed" && (
        <ErrorState message={describeError(load.error, i18n).message} onRetry={motivation.retry} />
      )}
      <FormAlert message={motivation.error} />
      {load.status === "loaded" && (
        <>
          <section className="card stack warm" aria-labelledby={ids.reasons}>
            <h2 id={ids.reasons}>{t("reasons.reasonsHeading")}</h2>
            <EntryList
              ordered
              className="entries reason-list"
              entries={load.data.reasons}
              describe={(reason) => reason}
              emptyText={t("reasons.reasonsEmpty")}
              onChange={(reasons, change) => save({ reasons }, changeMessage(change))}
            />
            <AddEntry
              multiline
              label={t("reasons.addReasonLabel")}
              buttonLabel={t("reasons.addReason")}
              onAdd={(text) =>
                save({ reasons: [...load.data.reasons, text] }, changeMessage("added"))
              }
            />
          </section>

          <section className="card stack" aria-labelledby={ids.motivators}>
            <h2 id={ids.motivators}>{t("reasons.motivatorsHeading")}</h2>
            <p className="hint">{t("reasons.motivatorsHint")}</p>
            <EntryList
              entries={load.data.motivators}
              describe={(entry) =>
                entry.text
                  ? `${motivatorLabel(entry.kind)}: ${entry.text}`
                  : motivatorLabel(entry.kind)
              }
              render={(entry) => (
                <>
                  <span className="badge">{motivatorLabel(entry.kind)}</span> {entry.text}
                </>
              )}
              emptyText={t("reasons.motivatorsEmpty")}
              onChange={(motivators, change) => save({ motivators }, changeMessage(change))}
            />
            <AddEntry
              label={t("reasons.motivatorText")}
              buttonLabel={t("reasons.addMotivator")}
              kindLabel={t("reasons.motivatorKind")}
              kinds={motivatorKindSchema.options.map((kind) => ({
                value: kind,
                label: motivatorLabel(kind),
              }))}
              textRequired={false}
              onAdd={(text, kind) =>
                save(
                  { motivators: [...load.data.motivators, { kind: kind ?? "other", text }] },
                  changeMessage("added"),
                )
              }
            />
          </section>

          <section className="card stack" aria-labelledby={ids.lettingGo}>
            <h2 id={ids.lettingGo}>{t("reasons.lettingGoHeading")}</h2>
            <p className="hint">{t("reasons.lettingGoHint")}</p>
            <EntryList
              entries={load.data.lettingGo}
              describe={(entry) => `${lettingGoLabel(entry.kind)}: ${entry.text}`}
              render={(entry) => (
                <>
                  <span className="badge">{lettingGoLabel(entry.kind)}</span> {entry.text}
                </>
              )}
              emptyText={t("reasons.lettingGoEmpty")}
              onChange={(lettingGo, change) => save({ lettingGo }, changeMessage(change))}
            />
            <AddEntry
              label={t("reasons.lettingGoText")}
              buttonLabel={t("reasons.addLettingGo")}
              kindLabel={t("reasons.lettingGoKind")}
              kinds={lettingGoKindSchema.options.map((kind) => ({
                value: kind,
                label: lettingGoLabel(kind),
              }))}
              onAdd={(text, kind) =>
                save(
                  { lettingGo: [...load.data.lettingGo, { kind: kind ?? "things", text }] },
                  changeMessage("added"),
                )
              }
            />
          </section>

          <section className="stack" aria-labelledby={ids.balance}>
            <h2 id={ids.balance}>{t("reasons.balanceHeading")}</h2>
            <p className="hint">{t("reasons.balanceHint")}</p>
            <div className="balance">
              {BALANCE.map(({ side, labelKey }) => (
                <div key={side} className="card stack">
                  <h3>{t(labelKey)}</h3>
                  <EntryList
                    entries={load.data.decisionalBalance[side]}
                    describe={(entry) => entry}
                    emptyText={t("reasons.balanceEmpty")}
                    onChange={(list, change) =>
                      save({ decisionalBalance: { [side]: list } }, changeMessage(change))
                    }
                  />
                  <AddEntry
                    label={t("reasons.balanceAddLabel", { side: t(labelKey) })}
                    buttonLabel={t("reasons.add")}
                    onAdd={(text) =>
                      save(
                        {
                          decisionalBalance: {
                            [side]: [...load.data.decisionalBalance[side], text],
                          },
                        },
                        changeMessage("added"),
                      )
                    }
                  />
                </div>
              ))}
            </div>
          </section>
        </>
      )}
      <UndoToast
        change={motivation.lastChange}
        announcement={motivation.announcement}
        onUndo={motivation.undo}
        onDismiss={motivation.dismiss}
      />
    </div>
  );
}

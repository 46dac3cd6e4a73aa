import { Link } from "wouter";
import { describeError } from "../../../components/api-error";
import { ErrorState } from "../../../components/ErrorState";
import { Loading } from "../../../components/Loading";
import { ScreenHeading } from "../../../components/ScreenHeading";
import { useLoad } from "../../../components/use-load";
import { useI18n } from "../../../i18n/context";
import { useSession } from "../../../session";
import { accountApi, EXPORT_URL, fhirUrl } from "./api";
import { DeleteAccount } from "./DeleteAccount";

/** Settings → Your data: take all of it with you, or delete it for good. */
export function YourDataScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = useSession();
  const me = session.status === "signed-in" ? session.me : null;
  const isMember = me?.memberships.some((m) => m.role === "member") ?? false;
  const isStaff = me?.memberships.some((m) => m.role !== "member") ?? false;
  const { state, reload } = useLoad(() => accountApi.deletion(), []);

  return (
    <div className="stack">
      <p>
        <Link href="/settings">{t("account.back")}</Link>
      </p>
      <ScreenHeading titleKey="account.title" />
      <section className="card stack" aria-labelledby="download-heading">
        <h2 id="download-heading">{t("account.downloadHeading")}</h2>
        <p>{t("account.downloadIntro")}</p>
        <p>
          <a className="button" href={EXPORT_URL} download>
            {t("account.downloadEverything")}
          </a>
        </p>
        {isMember && me && (
          <p>
            <a href={fhirUrl(me.id)} download>
              {t("account.downloadFhir")}
            </a>
          </p>
        )}
        <p className="hint">{t("account.downloadPrivacy")}</p>
      </section>
      <section className="card stack" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("account.deleteHeading")}</h2>
        {isStaff ? (
          <p>{t("account.deleteStaff")}</p>
        ) : (
          <>
            {state.status === "loading" && <Loading />}
            {state.status === "failed" && (
              <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
            )}
            {state.status === "loaded" && <DeleteAccount initial={state.value} />}
          </>
        )}
      </section>
    </div>
  );
}

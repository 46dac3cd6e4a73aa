import { useState } from "react";
import { Link } from "wouter";
import type { PeerGroup, PeerMembership } from "../../../domain/api/peer-group";
import type { PeerChannel } from "../../../domain/peer-group/channels";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { peerGroupApi } from "./api";
import { ChannelFeed } from "./ChannelFeed";
import { JoinForm } from "./JoinForm";
import { LeaveGroup } from "./LeaveGroup";
import type { Reader } from "./PostCard";
import { RulesNotice } from "./RulesNotice";

/**
 * The organization's peer group: join under an alias, accept the rules once, then read and
 * post in a few channels. Moderators read without joining and reach the reported posts.
 */
export function PeerGroupScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(() => peerGroupApi.group(), []);
  const [membership, setMembership] = useState<PeerMembership | null | undefined>(undefined);
  const [leftNotice, setLeftNotice] = useState(false);

  return (
    <div className="stack peer-group">
      <ScreenHeading titleKey="peerGroup.title" />
      {state.status === "loading" && <Loading />}
      {state.status === "failed" &&
        (state.error instanceof ApiError && state.error.code === "not_in_a_group" ? (
          <p>{t("peerGroup.notInGroup")}</p>
        ) : (
          <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
        ))}
      {state.status === "loaded" && (
        <>
          {leftNotice && <p role="status">{t("peerGroup.leave.done")}</p>}
          <Group
            group={state.value}
            membership={membership === undefined ? state.value.membership : membership}
            setMembership={setMembership}
            onLeft={() => {
              setMembership(null);
              setLeftNotice(true);
            }}
          />
        </>
      )}
    </div>
  );
}

function Group({
  group,
  membership,
  setMembership,
  onLeft,
}: {
  group: PeerGroup;
  membership: PeerMembership | null;
  setMembership: (membership: PeerMembership) => void;
  onLeft: () => void;
}) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<PeerChannel>("today");
  const reader: Reader = {
    joined: membership !== null,
    canPost: membership?.rulesAcknowledged === true && !membership.muted,
    isModerator: group.isModerator,
  };
  const mayRead = membership !== null || group.isModerator;
  return (
    <>
      <p className="lead">{t("peerGroup.intro", { organization: group.organizationName })}</p>
      {group.isModerator && (
        <p>
          <Link href="/peer-group/moderation">{t("peerGroup.moderationLink")}</Link>
        </p>
      )}
      {membership === null && (
        <>
          {group.isModerator && <p className="hint">{t("peerGroup.moderatorOnly")}</p>}
          <JoinForm onJoined={setMembership} />
        </>
      )}
      {membership !== null && !membership.rulesAcknowledged && (
        <RulesNotice onAccepted={setMembership} />
      )}
      {mayRead && (membership === null || membership.rulesAcknowledged) && (
        <>
          <fieldset className="channel-picker">
            <legend className="visually-hidden">{t("peerGroup.channelsLabel")}</legend>
            {group.channels.map((option) => (
              <button
                key={option}
                type="button"
                className="button secondary"
                aria-pressed={option === channel}
                onClick={() => setChannel(option)}
              >
                {t(`peerGroup.channel.${option}`)}
              </button>
            ))}
          </fieldset>
          <ChannelFeed
            channel={channel}
            alias={membership?.alias ?? null}
            reader={reader}
            muted={membership?.muted ?? false}
          />
        </>
      )}
      {membership !== null && <LeaveGroup onLeft={onLeft} />}
    </>
  );
}

import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/care.css";
import "../../styles/messages.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";
import { useMe } from "../../session";

const MessagesScreen = lazyWithWords(["messages"], () =>
  import("./MessagesScreen").then((module) => module.MessagesScreen),
);
const ThreadScreen = lazyWithWords(["messages", "care"], () =>
  import("./ThreadScreen").then((module) => module.ThreadScreen),
);

function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** The clinician's or supporter's side of a thread: the person on it is themselves. */
function GranteeThread({ memberId, side }: { memberId: string; side: "clinician" | "supporter" }) {
  const me = useMe();
  return <ThreadScreen key={memberId} side={side} memberId={memberId} personId={me.id} />;
}

/** Messages: the member's list and threads, and each thread from the caseload or supporting. */
export const messagesRoutes = [
  <Route key="messages" path="/messages">
    <Screen>
      <MessagesScreen />
    </Screen>
  </Route>,
  <Route key="messages-thread" path="/messages/:personId">
    {({ personId }) => (
      <Screen>
        <MemberThread personId={personId} />
      </Screen>
    )}
  </Route>,
  <Route key="caseload-messages" path="/caseload/:memberId/messages">
    {({ memberId }) => (
      <Screen>
        <GranteeThread memberId={memberId} side="clinician" />
      </Screen>
    )}
  </Route>,
  <Route key="supporting-messages" path="/supporting/:memberId/messages">
    {({ memberId }) => (
      <Screen>
        <GranteeThread memberId={memberId} side="supporter" />
      </Screen>
    )}
  </Route>,
];

function MemberThread({ personId }: { personId: string }) {
  const me = useMe();
  return <ThreadScreen key={personId} side="member" memberId={me.id} personId={personId} />;
}

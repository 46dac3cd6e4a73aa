import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/lessons.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

// Each screen, and each lesson's words, load when someone opens them.
const LessonsScreen = lazyWithWords(["lessons"], () =>
  import("./LessonsScreen").then((module) => module.LessonsScreen),
);
const LessonScreen = lazyWithWords(["lessons"], () =>
  import("./LessonScreen").then((module) => module.LessonScreen),
);
const AssignLessonsScreen = lazyWithWords(["lessons", "care"], () =>
  import("./AssignLessonsScreen").then((module) => module.AssignLessonsScreen),
);

function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** Lessons: the member's list and one lesson; a clinician's view of one member's lessons. */
export const lessonsRoutes = [
  <Route key="lessons" path="/lessons">
    <Screen>
      <LessonsScreen />
    </Screen>
  </Route>,
  <Route key="lesson" path="/lessons/:lessonId">
    {({ lessonId }) => (
      <Screen>
        <LessonScreen key={lessonId} lessonId={lessonId} />
      </Screen>
    )}
  </Route>,
  <Route key="caseload-member-lessons" path="/caseload/:memberId/lessons">
    {({ memberId }) => (
      <Screen>
        <AssignLessonsScreen key={memberId} memberId={memberId} />
      </Screen>
    )}
  </Route>,
];

import { useMemo } from "react";
import { useMe } from "../../session";
import { planApi } from "./api";

/** The plan client for the signed-in person. */
export function usePlanApi() {
  const me = useMe();
  return useMemo(() => planApi(me.id), [me.id]);
}

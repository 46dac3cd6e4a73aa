#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx waymark <command>` works from a checkout.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/waymark.ts");

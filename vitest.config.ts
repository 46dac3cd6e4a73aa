import { defineConfig } from "vitest/config";

/**
 * Three projects, one command: pure unit tests beside the code, integration tests that run
 * against SQLite and a throwaway PostgreSQL, and end-to-end journeys in real Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "src/**/*.test.tsx", "bench/**/*.test.ts"],
          exclude: ["src/**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["test/support/fast-check-setup.ts"],
        },
      },
      {
        test: {
          name: "int",
          include: ["src/**/*.int.test.ts", "test/**/*.int.test.ts"],
          globalSetup: ["test/support/postgres-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.ts"],
          globalSetup: ["test/support/chromium-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

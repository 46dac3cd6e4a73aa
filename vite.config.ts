import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { todayCardBodyPattern, todayWordsPattern } from "./src/web/screens/today/chunks";

// The PWA lives in src/web; the server serves the build from dist/web (WAYMARK_WEB_DIR).
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // Cheap phones on slow networks: the largest chunk (the server's schemas, loaded on the first
    // send) is ~92 kB; warn as soon as any chunk grows noticeably past the old React entry.
    chunkSizeWarningLimit: 360,
    rollupOptions: {
      output: {
        // Everything the first screen loads, in one file: split by what later screens share, it
        // was 17 files, and a slow phone network asks for six at a time, a round trip each
        // wave (Lighthouse's first paint on Today went from 2.0 to 1.2 s; docs/performance.md).
        // Today's cards, once its answer comes, likewise: see screens/today/chunks.ts.
        codeSplitting: {
          groups: [
            { name: "index", tags: ["$initial"] },
            { name: "today-cards", test: todayCardBodyPattern },
            {
              name: (id: string) => `today.${todayWordsPattern.exec(id)?.[1]}`,
              test: todayWordsPattern,
            },
          ],
        },
      },
    },
  },
  resolve: {
    alias: {
      react: "preact/compat",
      "react-dom/client": "preact/compat/client",
      "react-dom": "preact/compat",
      "react/jsx-runtime": "preact/jsx-runtime",
      "react/jsx-dev-runtime": "preact/jsx-dev-runtime",
    },
  },
  server: {
    // "/api/" with its slash: the app has a module named /api.ts, which must not be proxied.
    proxy: { "^/api/": "http://localhost:8080" },
  },
});

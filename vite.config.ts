import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The PWA lives in src/web; the server serves the build from dist/web (WAYMARK_WEB_DIR).
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // Cheap phones on slow networks: React + zod + the app are ~340 kB (105 kB gzip) today;
    // warn as soon as the entry grows noticeably past that.
    chunkSizeWarningLimit: 360,
    rollupOptions: {
      // Building a zod schema has no effect but the schema: one the browser only names as a
      // type (answers are typed, not parsed: web/api.ts#call) is left out of the build, so the
      // first load neither downloads zod nor builds schemas before Today draws.
      treeshake: { manualPureFunctions: ["z"] },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:8080" },
  },
});

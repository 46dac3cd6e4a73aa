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
  },
  server: {
    proxy: { "/api": "http://localhost:8080" },
  },
});

// Vite build of the web app into packages/web/dist (served by @assay/server).
// Note: Vite follows NODE_ENV; a build started under a test runner (NODE_ENV=test) must set
// NODE_ENV=production first or it ships development React (see the server's browser test).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server in development (`assay serve`), and the dev server's own origin. */
const API = 'http://127.0.0.1:5170';
const DEV_ORIGIN = 'http://localhost:5173';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': {
        target: API,
        // The API refuses other Host names (DNS rebinding) and writes from other origins. The
        // proxy sends the API's own Host, and the dev page's Origin as the API's; Sec-Fetch-Site
        // passes through, so a cross-site page posting to the dev server is still refused.
        changeOrigin: true,
        configure: (proxy) =>
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin') === DEV_ORIGIN) req.setHeader('origin', API);
          }),
      },
    },
  },
});

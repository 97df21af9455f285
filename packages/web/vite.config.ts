// Vite build of the web app into packages/web/dist (served by @assay/server).
// Note: Vite follows NODE_ENV; a build started under a test runner (NODE_ENV=test) must set
// NODE_ENV=production first or it ships development React (see the server's browser test).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:5170' } },
});

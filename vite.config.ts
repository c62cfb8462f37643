// The web app: sources in web/, built into web/dist (which the server serves).
// In development, Vite serves the app on :5173 and passes API calls to the server on :8080.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiServer = 'http://localhost:8080';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP forbids inline scripts: keep every script an external file.
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // ws: the live connection (/api/v1/live) goes through the proxy too.
      '/api': { target: apiServer, changeOrigin: false, ws: true },
      '/healthz': { target: apiServer },
      '/readyz': { target: apiServer },
    },
  },
  preview: { port: 4173 },
});

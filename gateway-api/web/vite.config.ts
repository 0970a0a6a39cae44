import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The gateway serves the build from gateway-api/wwwroot (UseDefaultFiles + UseStaticFiles); routes are hash routes,
// so the gateway needs no SPA fallback. `npm run dev` proxies the API to a gateway on GATEWAY_URL (default :8080).
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:8080';
const apiPrefixes = ['/api', '/chat', '/jobs', '/candidates', '/industries', '/metrics', '/scores', '/companies', '/icp', '/healthz'];

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../wwwroot', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: Object.fromEntries(apiPrefixes.map((p) => [p, { target: gateway, changeOrigin: true }])),
  },
});

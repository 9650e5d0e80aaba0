import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API (apps/api, port 3000 by default) serves this build at `/`; in development Vite serves it
// and forwards `/api` so the app still talks to one origin.
const api = { '/api': { target: 'http://127.0.0.1:3000' } };

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    // Workspace packages (@chambers/ui) must share the app's single copy of these.
    dedupe: [
      'react',
      'react-dom',
      'react-router',
      '@mantine/core',
      '@mantine/hooks',
      '@tanstack/react-query',
    ],
  },
  server: { port: 5173, strictPort: true, proxy: api },
  preview: { port: 4173, strictPort: true, proxy: api },
  build: { outDir: 'dist', emptyOutDir: true },
});

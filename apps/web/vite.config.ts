import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const BFF_URL = process.env.TANDEM_BFF_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': new URL('./src', import.meta.url).pathname },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: BFF_URL, changeOrigin: false } },
  },
  // No source maps in the production build: the BFF serves everything in dist/ to anyone.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { creditsProxyPlugin } from './server/credits-proxy.ts';

// https://vite.dev/config/
export default defineConfig({
  plugins: [react(), creditsProxyPlugin()],
});

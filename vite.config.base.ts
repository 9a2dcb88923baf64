import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type UserConfig } from 'vite';

/** What distinguishes one installable field app from another. */
export interface FieldAppOptions {
  /** Folder and URL segment, e.g. `crewlink` → served at `/crewlink/`. */
  id: string;
  name: string;
  shortName: string;
  description: string;
  themeColor: string;
  backgroundColor?: string;
}

/**
 * The one Vite configuration every field app is built from: React, an installable manifest,
 * a precached app shell and a prompt-for-update service worker (workbox-window).
 */
export function defineFieldAppConfig(options: FieldAppOptions): UserConfig {
  const base = `/${options.id}/`;
  return defineConfig({
    base,
    plugins: [
      react(),
      VitePWA({
        registerType: 'prompt',
        injectRegister: false,
        includeAssets: ['icons/*.png', 'favicon.svg'],
        manifest: {
          id: base,
          name: options.name,
          short_name: options.shortName,
          description: options.description,
          theme_color: options.themeColor,
          background_color: options.backgroundColor ?? '#ffffff',
          display: 'standalone',
          start_url: base,
          scope: base,
          icons: [
            { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          globPatterns: ['**/*.{js,mjs,css,html,png,svg,woff2,webmanifest,json}'],
          navigateFallback: `${base}index.html`,
          navigateFallbackDenylist: [/^\/api\//],
          cleanupOutdatedCaches: true,
          maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        },
      }),
    ],
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
    server: {
      proxy: { '/api': 'http://127.0.0.1:8787', '/.well-known': 'http://127.0.0.1:8787' },
    },
  });
}

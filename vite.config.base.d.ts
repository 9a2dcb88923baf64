import { type UserConfig } from 'vite';
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
export declare function defineFieldAppConfig(options: FieldAppOptions): UserConfig;

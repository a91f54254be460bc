/** The app's version from package.json, set at build time by vite.config.ts. */
declare const __APP_VERSION__: string;

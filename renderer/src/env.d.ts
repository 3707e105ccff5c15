/// <reference types="vite/client" />

/** True only in the render-budget test build (vite.config.ts, PEJLING_RENDER_COUNTS=1): see app/render-counts.ts. */
declare const __PEJLING_RENDER_COUNTS__: boolean;

// Types of what eslint.config.js exports, for test/unit/foundation/layering-lint.test.ts.
import type { Linter } from 'eslint';

/** The folders of renderer/src, top to bottom; each imports only folders after it. */
export declare const RENDERER_LAYERS: readonly string[];
/** The renderer's folder-order and no-cycle rules as one config block, with zones resolved against `root`. */
export declare function rendererLayering(root: string): Linter.Config;
declare const config: Linter.Config[];
export default config;

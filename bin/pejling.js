#!/usr/bin/env node
// The `pejling` command. Sources are TypeScript; tsx compiles them on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');

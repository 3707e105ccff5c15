import { defineConfig } from 'vitest/config';

// Unit and integration tests (Node). End-to-end tests run with Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: crash and server tests spawn processes; keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default'],
  },
});

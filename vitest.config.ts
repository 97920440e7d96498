import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure and Node-side units: core, librarian (on real files into temp dirs), search, data access.
        plugins: [solid()],
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
          exclude: ['src/buildOutput.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        // Checks what `vite build` wrote to dist/: run after the build.
        test: {
          name: 'build',
          include: ['src/buildOutput.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});

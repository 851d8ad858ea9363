// What every build but `--mode e2e` gets for test-hooks.ts (vite.config.ts): nothing to install.
export function installTestHooks(): void {}

export {
  createSandbox,
  SANDBOX_CREDENTIAL,
  type Sandbox,
  type SandboxControl,
  type SandboxOptions,
  type SandboxLogEntry,
} from './sandbox';
export { sandboxFetch } from './sandbox-fetch';
export { MALFORMED_KINDS, type MalformedKind, type SandboxFaults } from './faults';
export { CORS_ALLOW_HEADERS, corsHeaders, jsonBody } from './responses';
export { specimenIndex } from './specimens';

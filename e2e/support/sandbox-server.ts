import type { SandboxFaults } from '@/sandbox';

export const SANDBOX_URL = 'http://127.0.0.1:8787';

export async function setSandboxFaults(faults: SandboxFaults): Promise<void> {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(faults) });
  if (!response.ok) throw new Error(`could not set faults: ${response.status}`);
}

export async function resetSandbox(): Promise<void> {
  await fetch(`${SANDBOX_URL}/__sandbox/reset`, { method: 'POST' });
}

export interface LogEntry {
  method: string;
  path: string;
  status: number;
  resultCode: number | null;
}

export async function sandboxLog(): Promise<{ log: LogEntry[]; maxInFlight: number }> {
  return (await (await fetch(`${SANDBOX_URL}/__sandbox/log`)).json()) as { log: LogEntry[]; maxInFlight: number };
}

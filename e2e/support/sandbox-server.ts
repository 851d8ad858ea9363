import { request } from 'node:http';
import type { SandboxFaults } from '@/sandbox';

export const SANDBOX_URL = 'http://127.0.0.1:8787';

/**
 * One control request, on a connection of its own. While the server reads a card on the device its
 * event loop is busy for seconds, and a kept-alive connection that times out meanwhile is closed under
 * the next request sent on it.
 */
function control(method: 'GET' | 'POST', action: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const asked = request(`${SANDBOX_URL}/__sandbox/${action}`, { method, agent: false }, (answer) => {
      const chunks: Buffer[] = [];
      answer
        .on('data', (chunk: Buffer) => chunks.push(chunk))
        .on('end', () => resolve({ status: answer.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        .on('error', reject);
    });
    asked.on('error', reject).end(body);
  });
}

export async function setSandboxFaults(faults: SandboxFaults): Promise<void> {
  const { status } = await control('POST', 'faults', JSON.stringify(faults));
  if (status !== 200) throw new Error(`could not set faults: ${status}`);
}

export async function resetSandbox(): Promise<void> {
  await control('POST', 'reset');
}

export interface LogEntry {
  method: string;
  path: string;
  status: number;
  resultCode: number | null;
}

export interface SandboxState {
  /** The requests the sandbox has answered, oldest first. */
  log: LogEntry[];
  /** The most requests in flight at one moment since the last reset. */
  maxInFlight: number;
  /** Requests that reached the server and are not yet answered, even those whose caller gave up. */
  inFlight: number;
}

export async function sandboxLog(): Promise<SandboxState> {
  return JSON.parse((await control('GET', 'log')).text) as SandboxState;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createOcrClient, isSecureContextNow, OcrError, type ConnectionIdentity, type OcrClient } from '@/api';
import {
  authOf,
  baseUrlOf,
  DEFAULT_SETTINGS,
  loadRememberedSettings,
  persistSettings,
  unconfirmedPlainHttp,
  withEndpoint,
  type ConnectionSettings,
} from '@/model/connection-settings';

/** The app decides how a client is made (the sandbox is wired in there, never imported by features). */
export type ClientFactory = (settings: ConnectionSettings, baseUrl: string) => OcrClient;

interface ConnectionState {
  settings: ConnectionSettings;
  update: (patch: Partial<ConnectionSettings>) => void;
  forget: () => void;
  client: OcrClient;
  identity: ConnectionIdentity;
  panelOpen: boolean;
  setPanelOpen: (open: boolean) => void;
  /** Whether the last Check connection of this connection had a line fail (the header's dot shows it). */
  checkFailed: boolean;
  setCheckFailed: (of: ConnectionIdentity, failed: boolean) => void;
}

const ConnectionContext = createContext<ConnectionState | null>(null);

// Query keys carry this number instead of the secret: it changes whenever a new client is made.
const clientRevisions = new WeakMap<OcrClient, number>();
let nextRevision = 1;
function revisionOf(client: OcrClient): number {
  let revision = clientRevisions.get(client);
  if (revision === undefined) clientRevisions.set(client, (revision = nextRevision++));
  return revision;
}

/** A client whose every request stops before the network, for an endpoint the user has not agreed to. */
function heldBackClient(settings: ConnectionSettings, baseUrl: string, origin: string): OcrClient {
  const refuse = () =>
    Promise.reject(
      new OcrError(
        'insecure-endpoint',
        `${origin} is plain HTTP to another computer and not confirmed; nothing was sent.`,
      ),
    );
  return createOcrClient({ baseUrl, appKey: settings.appKey, auth: authOf(settings), fetch: refuse });
}

export function ConnectionProvider({ createClient, children }: { createClient: ClientFactory; children: ReactNode }) {
  const [settings, setSettings] = useState<ConnectionSettings>(() => loadRememberedSettings() ?? DEFAULT_SETTINGS);
  const [panelOpen, setPanelOpen] = useState(false);
  const [checked, setChecked] = useState<{ of: ConnectionIdentity; failed: boolean } | null>(null);
  const setCheckFailed = useCallback((of: ConnectionIdentity, failed: boolean) => setChecked({ of, failed }), []);

  useEffect(() => persistSettings(settings), [settings]);

  const update = useCallback((patch: Partial<ConnectionSettings>) => {
    setSettings((current) => {
      const next =
        patch.endpoint && patch.endpoint !== current.endpoint ? withEndpoint(current, patch.endpoint) : current;
      return { ...next, ...patch, ...(patch.endpoint ? { endpoint: patch.endpoint } : {}) };
    });
  }, []);

  const forget = useCallback(() => {
    setSettings((current) => ({ ...current, secretKey: '', accessToken: '', remember: false }));
  }, []);

  const baseUrl = baseUrlOf(settings);
  const { appKey, authKind, secretKey, accessToken, plainHttpConfirmedFor } = settings;
  const endpoint = settings.endpoint;
  // Every client is made here, so this is where a plain-HTTP Custom URL is held back until confirmed.
  const heldBack = unconfirmedPlainHttp({ endpoint, plainHttpConfirmedFor }, baseUrl);
  const client = useMemo(() => {
    const current = { ...DEFAULT_SETTINGS, endpoint, appKey, authKind, secretKey, accessToken };
    // Off a secure context the plain client refuses every call by itself, saying why; made even for the
    // sandbox, whose worker would find no Web Crypto either and is never started.
    if (!isSecureContextNow()) return createOcrClient({ baseUrl, appKey, auth: authOf(current) });
    return heldBack ? heldBackClient(current, baseUrl, heldBack) : createClient(current, baseUrl);
  }, [createClient, endpoint, baseUrl, appKey, authKind, secretKey, accessToken, heldBack]);
  const identity = useMemo<ConnectionIdentity>(
    () => ({ baseUrl, appKey, authKind, revision: revisionOf(client) }),
    [client, baseUrl, appKey, authKind],
  );

  // A check is about one connection: change it and its outcome goes, as the panel's report does.
  const checkFailed = checked?.of === identity && checked.failed;
  const value = useMemo<ConnectionState>(
    () => ({ settings, update, forget, client, identity, panelOpen, setPanelOpen, checkFailed, setCheckFailed }),
    [settings, update, forget, client, identity, panelOpen, checkFailed, setCheckFailed],
  );
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): ConnectionState {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnection needs a ConnectionProvider');
  return value;
}

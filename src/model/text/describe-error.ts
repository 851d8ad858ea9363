import { describeResultCode, OcrError, type Localised, type OcrErrorKind } from '@/api';
import { megabytes } from '@/lib/byte-size';
import { bilingual, type MessageKey } from './messages';

export interface ErrorDescription {
  title: Localised;
  hint?: Localised;
  detail: string;
  connectionProblem: boolean;
  network: boolean;
}

/** The text of each kind of failure, in the per-language tables (more-messages-*.ts). */
const KIND_TEXT: Partial<Record<OcrErrorKind, { title: MessageKey; hint?: MessageKey }>> = {
  http: { title: 'errorHttp', hint: 'errorHttpHint' },
  network: { title: 'errorNetwork', hint: 'errorNetworkHint' },
  timeout: { title: 'errorTimeout', hint: 'errorTimeoutHint' },
  aborted: { title: 'errorAborted' },
  decrypt: { title: 'errorDecrypt', hint: 'errorDecryptHint' },
  'malformed-response': { title: 'errorMalformed', hint: 'errorMalformedHint' },
  'unusable-public-key': { title: 'errorUnusableKey', hint: 'errorUnusableKeyHint' },
  'not-configured': { title: 'errorNotConfigured', hint: 'errorNotConfiguredHint' },
  'insecure-endpoint': { title: 'errorInsecureEndpoint', hint: 'errorInsecureEndpointHint' },
  'insecure-context': { title: 'errorInsecureContext', hint: 'errorInsecureContextHint' },
  'invalid-request': { title: 'errorInvalidRequest' },
};

const textOf = (kind: { title: MessageKey; hint?: MessageKey }) => ({
  title: bilingual(kind.title),
  hint: kind.hint && bilingual(kind.hint),
});

/**
 * A proxy's body limit, not the service's: the file is within the service's limit, so the advice is
 * that server's setting, never a size the file already meets.
 */
const tooLargeForProxy = (bytes: number) => ({
  title: bilingual('errorTooLargeForProxy', { size: megabytes(bytes) }),
  hint: bilingual('errorTooLargeForProxyHint'),
});

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof OcrError) {
    if (error.kind === 'api' && error.resultCode !== undefined) {
      const info = describeResultCode(error.resultCode, error.resultKey);
      return {
        title: info.message,
        hint: serviceDetail(info.message.en, error.resultMessage) ?? info.hint,
        detail: `${info.key} (${error.resultCode})${error.resultMessage ? `: ${error.resultMessage}` : ''}`,
        connectionProblem: error.isConnectionProblem,
        network: false,
      };
    }
    const text =
      error.kind === 'too-large-for-proxy'
        ? tooLargeForProxy(error.uploadBytes ?? 0)
        : textOf(KIND_TEXT[error.kind] ?? { title: 'errorMalformed', hint: 'errorMalformedHint' });
    return {
      ...text,
      detail: error.message,
      connectionProblem: error.isConnectionProblem,
      network: error.kind === 'network',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: bilingual('errorUnknown'),
    detail: message,
    connectionProblem: false,
    network: false,
  };
}

/**
 * A service that words its answer as our table's sentence plus more (the sandbox does: "No credit card
 * was recognised in the image. Read on this device: it looked for …") knows more than the table's
 * generic hint: that more is shown instead. It is the service's own words, so the same in both languages.
 */
function serviceDetail(tableSentence: string, resultMessage: string | undefined): Localised | undefined {
  if (!resultMessage?.startsWith(tableSentence)) return undefined;
  const more = resultMessage.slice(tableSentence.length).trim();
  return more ? { en: more, ko: more } : undefined;
}

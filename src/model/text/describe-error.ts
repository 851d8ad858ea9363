import { describeResultCode, OcrError, type Localised } from '@/api';
import { megabytes } from '@/lib/byte-size';

export interface ErrorDescription {
  title: Localised;
  hint?: Localised;
  detail: string;
  connectionProblem: boolean;
  network: boolean;
}

const KIND_TEXT: Record<string, { title: Localised; hint?: Localised }> = {
  http: {
    title: {
      en: 'The service answered with an HTTP error and no result.',
      ko: '서비스가 결과 없이 HTTP 오류로 응답했습니다.',
    },
    hint: {
      en: 'Try again shortly; check the endpoint if it persists.',
      ko: '잠시 후 다시 시도하고, 계속되면 엔드포인트를 확인하세요.',
    },
  },
  network: {
    title: { en: 'The request did not reach the service.', ko: '요청이 서비스에 닿지 않았습니다.' },
    hint: { en: 'Check the network and the endpoint.', ko: '네트워크와 엔드포인트를 확인하세요.' },
  },
  timeout: {
    title: { en: 'The service took too long to answer.', ko: '서비스 응답이 너무 늦습니다.' },
    hint: { en: 'Try again; large photos take longer.', ko: '다시 시도하세요. 큰 사진은 더 오래 걸립니다.' },
  },
  aborted: { title: { en: 'Cancelled.', ko: '취소했습니다.' } },
  decrypt: {
    title: { en: 'A returned value could not be decrypted.', ko: '응답 값을 복호화할 수 없습니다.' },
    hint: {
      en: 'The service may be using another key; try again.',
      ko: '서비스가 다른 키를 쓰고 있을 수 있습니다. 다시 시도하세요.',
    },
  },
  'malformed-response': {
    title: { en: 'The service answered with something unexpected.', ko: '서비스가 예상과 다른 응답을 보냈습니다.' },
    hint: {
      en: 'Check that the endpoint is the Document OCR API.',
      ko: '엔드포인트가 Document OCR API인지 확인하세요.',
    },
  },
  'unusable-public-key': {
    title: {
      en: 'The service’s public key was refused, so nothing was sent.',
      ko: '서비스의 공개 키를 거부해서 아무것도 보내지 않았습니다.',
    },
    hint: {
      en: 'Cardlens encrypts only to RSA keys of 1024 to 4096 bits with an odd exponent up to 2^32+1, as NHN’s are. Check that the endpoint is the Document OCR API.',
      ko: 'Cardlens는 NHN의 키처럼 1024~4096비트이고 지수가 2^32+1 이하의 홀수인 RSA 키로만 암호화합니다. 엔드포인트가 Document OCR API인지 확인하세요.',
    },
  },
  'not-configured': {
    title: {
      en: 'The connection has no app key or secret yet, so nothing was sent.',
      ko: '연결에 앱 키나 비밀 값이 아직 없어 아무것도 보내지 않았습니다.',
    },
    hint: { en: 'Enter them under Connection, then retry.', ko: '연결에서 입력한 뒤 다시 시도하세요.' },
  },
  'insecure-endpoint': {
    title: {
      en: 'Nothing was sent: this Custom URL is plain HTTP to another computer, which would carry the secret key unencrypted.',
      ko: '아무것도 보내지 않았습니다. 이 사용자 지정 URL은 다른 컴퓨터로 가는 암호화되지 않은 HTTP라서 시크릿 키가 그대로 전송됩니다.',
    },
    hint: {
      en: 'Use https://, or confirm plain HTTP for this host under Connection, then retry.',
      ko: 'https://를 쓰거나, 연결에서 이 호스트에 HTTP로 보내는 것을 확인한 뒤 다시 시도하세요.',
    },
  },
  'insecure-context': {
    title: {
      en: 'Nothing was sent: this page is not a secure context (plain HTTP from another computer), so the browser gives it no Web Crypto, and a secret key sent from it would cross the network unencrypted.',
      ko: '아무것도 보내지 않았습니다. 이 페이지는 보안 컨텍스트가 아니어서(다른 컴퓨터에서 암호화되지 않은 HTTP로 연 페이지) 브라우저가 Web Crypto를 주지 않고, 여기서 보내는 시크릿 키는 암호화되지 않은 채 네트워크를 지나게 됩니다.',
    },
    hint: {
      en: 'Open Cardlens over HTTPS, or on this computer at http://127.0.0.1 or http://localhost.',
      ko: 'Cardlens를 HTTPS로 열거나, 이 컴퓨터에서 http://127.0.0.1 또는 http://localhost로 여세요.',
    },
  },
  'invalid-request': {
    title: { en: 'The request was not sent: fix the input first.', ko: '입력을 먼저 고쳐야 요청을 보낼 수 있습니다.' },
  },
};

/**
 * A proxy's body limit, not the service's: the file is within the service's limit, so the advice is
 * that server's setting, never a size the file already meets.
 */
function tooLargeForProxy(bytes: number): { title: Localised; hint: Localised } {
  const size = megabytes(bytes);
  return {
    title: {
      en: `A server between this page and NHN refused the upload as too large: the file is ${size} MB.`,
      ko: `이 페이지와 NHN 사이의 서버가 업로드를 너무 크다며 거부했습니다. 파일 크기는 ${size}MB입니다.`,
    },
    hint: {
      en:
        "NHN did not refuse it. Raise that server's request body limit above the file's size " +
        '(client_max_body_size in nginx), or connect without that server.',
      ko:
        'NHN이 거부한 것이 아닙니다. 그 서버의 요청 본문 한도를 파일 크기보다 크게 올리거나' +
        '(nginx의 client_max_body_size), 그 서버를 거치지 않고 연결하세요.',
    },
  };
}

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
        : (KIND_TEXT[error.kind] ?? KIND_TEXT['malformed-response']);
    return {
      ...text,
      detail: error.message,
      connectionProblem: error.isConnectionProblem,
      network: error.kind === 'network',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: { en: 'Something went wrong.', ko: '문제가 생겼습니다.' },
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
